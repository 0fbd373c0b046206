#!/usr/bin/env python3
"""Writes a comment corpus of any size from real texts, the same for the same arguments.

Usage: generate-corpus.py --count N [--seed S] [--goals a,b,c] --out FILE SOURCE...

SOURCE files are JSON Lines (key `text`) or CSV/TSV (column `text`). Their texts are split into
sentences (after `.`, `!` or `?` and a space). Comment i is built from a source text drawn at
random: each of its sentences is kept, or with probability 0.3 replaced by a sentence drawn from
all sources. So lengths, vocabulary and sentence structure follow the sources, texts seldom
repeat exactly, and a 1,000,000-comment corpus can come from 100,000 texts. Every comment gets an
id `gen-<i>`, a goal drawn from --goals (none without), and a date spread evenly over eight weeks
from 2026-10-01. The random numbers come from Python's Mersenne Twister seeded with S, so the
output is byte-identical on every machine.
"""
import argparse
import csv
import datetime
import json
import random
import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
REPLACE_PROBABILITY = 0.3


def read_texts(path):
    texts = []
    if path.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    text = json.loads(line).get("text")
                    if isinstance(text, str) and text.strip():
                        texts.append(text)
    else:
        with open(path, encoding="utf-8", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
            for row in csv.DictReader(handle, dialect=dialect):
                text = row.get("text")
                if text and text.strip():
                    texts.append(text)
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--goals", default="")
    parser.add_argument("--out", required=True)
    parser.add_argument("sources", nargs="+")
    arguments = parser.parse_args()
    documents = [SENTENCE_END.split(text.strip()) for path in arguments.sources for text in read_texts(path)]
    if not documents:
        sys.exit("generate-corpus.py: the sources hold no text")
    sentences = [sentence for document in documents for sentence in document]
    goals = [goal for goal in arguments.goals.split(",") if goal]
    random_numbers = random.Random(arguments.seed)
    start = datetime.datetime(2026, 10, 1, 8, 0, tzinfo=datetime.timezone.utc)
    span = datetime.timedelta(weeks=8).total_seconds()
    digits = len(str(arguments.count))
    with open(arguments.out, "w", encoding="utf-8", newline="\n") as output:
        for index in range(arguments.count):
            document = documents[random_numbers.randrange(len(documents))]
            parts = [
                sentences[random_numbers.randrange(len(sentences))]
                if random_numbers.random() < REPLACE_PROBABILITY else sentence
                for sentence in document
            ]
            row = {"id": f"gen-{index:0{digits}d}", "text": " ".join(parts)}
            if goals:
                row["goal"] = goals[random_numbers.randrange(len(goals))]
            moment = start + datetime.timedelta(seconds=int(span * index / max(1, arguments.count)))
            row["created_at"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            output.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
