#!/usr/bin/env python3
"""Writes lexicon/de-nouns.txt from the CISTEM gold standards (MIT licence).

Usage: scripts/extract-noun-lexicon.py GOLD_DIR OUTPUT
Keeps every word form with an upper-case first letter, letters only, at least three letters,
NFC-normalised, sorted by code point. Output is byte-identical for the same input.
"""
import sys
import unicodedata

HEADER = """| Resonanz compound lexicon, part 1: German noun forms.
| Source: the noun forms (words with a capital first letter, letters only, at least three
| letters) of the two CISTEM stemmer gold standards, github.com/LeonieWeissweiler/CISTEM
| (gold-standards/goldstandard1.txt, Goldstandards/goldstandard2.txt), as copied to
| ../shared/data/cistem-goldstandards. Extracted by `make lexicon`
| (scripts/extract-noun-lexicon.py); sorted, one form per line. The compound splitter and the
| feminine-suffix rule use the forms as "known words"; nothing else of the gold standards is
| shipped.
|
| The gold standards are distributed under the MIT licence:
|
| MIT License
|
| Copyright (c) 2017 Leonie Weißweiler
|
| Permission is hereby granted, free of charge, to any person obtaining a copy
| of this software and associated documentation files (the "Software"), to deal
| in the Software without restriction, including without limitation the rights
| to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
| copies of the Software, and to permit persons to whom the Software is
| furnished to do so, subject to the following conditions:
|
| The above copyright notice and this permission notice shall be included in all
| copies or substantial portions of the Software.
|
| THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
| IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
| FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
| AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
| LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
| OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
| SOFTWARE.
"""


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold_dir, output = sys.argv[1], sys.argv[2]
    forms = set()
    for name in ("gs1.txt", "gs2.txt"):
        with open(f"{gold_dir}/{name}", encoding="utf-8") as handle:
            for line in handle:
                for word in line.split():
                    word = unicodedata.normalize("NFC", word)
                    if word[:1].isupper() and word.isalpha() and len(word) >= 3:
                        forms.add(word)
    with open(output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(HEADER)
        for word in sorted(forms):
            handle.write(word + "\n")
    print(f"{output}: {len(forms)} noun forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
