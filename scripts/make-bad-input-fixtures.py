#!/usr/bin/env python3
"""Writes Tests/Fixtures/bad-input/: hostile comment files, each with its expected outcome.

Usage: scripts/make-bad-input-fixtures.py OUTPUT_DIR
Every file is written for the tests of issue 3 ("every row accounted for", "none may crash");
expected.json gives, per file, the exit status of `resonanz run` and the accepted and rejected
row counts. The 10 MB field is not stored: the test generates it (see generated_* entries).
"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
expected = {}


def write(name, data, exit_status=0, accepted=0, rejected=0, note=""):
    path = os.path.join(out, name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
    expected[name] = {"exit": exit_status, "accepted": accepted, "rejected": rejected, "note": note}


write("utf8-bom.csv", b"\xef\xbb\xbfid,goal,text\n1,mobil,Mehr Radwege\n2,bildung,Kurse f\xc3\xbcr Senioren\n",
      accepted=2, note="UTF-8 with byte-order mark")
write("excel-german-semicolon.csv",
      "\ufeffid;goal;text;betrag\r\n1;mobil;\"Radweg \"\"sicher\"\" machen; bitte\";2,50\r\n2;bildung;Tablets für Schulen;1.000,00\r\n3;;\"zwei\r\nZeilen\";0,5\r\n".encode("utf-8"),
      accepted=3, note="what German Excel writes: BOM, ';', CRLF, doubled quotes, decimal commas")
write("windows-1252.csv", "id;text\n1;Straße und Gehweg\n2;Bürgeramt öffnet später\n3;Kosten: 5 €\n4;„Groß“ geschrieben\n".encode("cp1252"),
      accepted=4, note="Windows-1252; the bytes of „Groß“ happen to form one valid UTF-8 pair, which must not tip the file to UTF-8")
write("undefined-windows-1252.csv", b"id;text\n1;Stra\xdfe\n2;kaputt \x81 hier\n", accepted=1, rejected=1,
      note="a byte Windows-1252 does not define: that row is undecodable")
write("mixed-encoding.csv", "id;text\n1;Bürger:innen fragen\n".encode("utf-8") + "2;Straße\n".encode("cp1252") + "3;Grüße\n".encode("utf-8"),
      accepted=3, note="UTF-8 with one row edited in Windows-1252: that line is read as Windows-1252, with a warning")
write("utf16le-excel.tsv", b"\xff\xfe" + "id\ttext\r\n1\tRadwege für alle\r\n2\t\u00d6PNV-Takt\r\n".encode("utf-16-le"),
      accepted=2, note="Excel 'Unicode text': UTF-16 LE with BOM, tabs")
write("unclosed-quote.csv", 'id,text\n1,"Radwege sind gut\n2,Busse fahren selten\n3,Schule\n',
      accepted=2, rejected=1, note="a quote that never closes: only its row is lost, and listed")
write("quote-closed-rows-later.csv", 'id,text\n1,"Radwege sind gut\n2,Busse fahren\n3,Schule\n4,"Mehr Kurse" fuer alle\n5,ok\n',
      accepted=3, rejected=2, note="an open quote that a later row's quote would close: no row disappears")
write("text-after-quote.csv", 'id,text\n1,"Radwege" sind gut\n2,Busse\n',
      accepted=1, rejected=1, note="text after a closing quote")
write("nul-bytes.csv", b"id,text\n1,Radwege\x00\x00\n2,Busse\n",
      accepted=1, rejected=1, note="NUL bytes in a text")
write("only-header.csv", "id,goal,text\n", note="a header and nothing else")
write("empty-file.csv", "", exit_status=2, note="zero bytes: no text column")
write("missing-text-column.csv", "id;titel;datum\n1;x;2026-01-01\n", exit_status=2, note="no text column")
write("crlf.csv", "id,text\r\n1,eins\r\n2,zwei\r\n3,drei\r\n", accepted=3, note="Windows line ends")
write("lone-cr.csv", "id,text\r1,eins\r2,zwei\r3,drei\r", accepted=3, note="old Mac line ends (CR only)")
write("ragged-rows.csv", "id;goal;text;x\n1;mobil\n2;mobil;Radwege;a;b;c\n3;bildung;Kurse\n",
      accepted=2, rejected=1, note="a short row (no text: rejected) and a long row (extra cells kept)")
write("html-and-markdown.csv",
      'id,text\n1,"<script>alert(1)</script> Radwege"\n2,"| kaputte | Tabelle | und [Link](http://x.example) ![Bild](a.png)"\n3,"# Überschrift\n**fett**"\n',
      accepted=3, note="markup inside comments")
write("right-to-left.csv", "id,text\n1,مرحبا بكم في ينا\n2,שלום ירושלים\n3,Deutsch und عربي gemischt\n",
      accepted=3, note="Arabic and Hebrew")
write("zero-width.csv", "id,text\n1,Rad\u200bweg\n2,Bürger\u200d:innen\n3,Fach\u00adkräfte\u200c\n",
      accepted=3, note="zero-width space, joiner, non-joiner, soft hyphen")
write("emoji-sequences.csv", "id,text\n1,👨‍👩‍👧‍👦 Familie\n2,🇩🇪 🏳️‍🌈 👍🏽\n3,1️⃣ 2️⃣ #️⃣ ❤️\n",
      accepted=3, note="ZWJ families, flags, skin tones, keycaps")
write("control-characters.csv", "id,text\n1,Glocke \x07 und Escape \x1b[31m rot\n2,Tab\tim Text\n",
      accepted=2, note="control characters other than NUL")
write("very-long-id.csv", "id,text\n" + "x" * 5000 + ",Text mit zu langer id\n2,normal\n",
      accepted=1, rejected=1, note="an id of 5,000 characters")
write("duplicate-ids.csv", "id,text\n1,eins\n1,eins\n1,anders\n2,zwei\n",
      accepted=2, rejected=2, note="the same id again in one file, with the same and with another text")
write("empty-texts.csv", 'id,text\n1,\n2,"   "\n3,"\n\n"\n4,echt\n', accepted=1, rejected=3, note="empty and whitespace-only texts")
write("unknown-goal-and-bad-date.csv", "id,goal,created_at,text\n1,gibtsnicht,gestern,Text\n2,mobil,2026-02-30,Text zwei\n",
      accepted=2, note="accepted with warnings: unknown goal, impossible dates")
write("lone-surrogates.jsonl",
      '{"id": "1", "text": "Rad\\ud800weg"}\n{"id": "2", "text": "\\udc00 allein"}\n{"id": "3", "text": "Paar \\ud83d\\ude00 ok"}\n',
      accepted=3, note="lone surrogates as JSON escapes: read as U+FFFD with a warning")
write("nested.jsonl",
      '{"id": "1", "text": "Radwege", "meta": {"a": [1, 2, {"b": null}]}}\n{"id": "2", "text": {"nested": "x"}}\n{"id": "3", "text": 42}\n[1, 2]\n"just a string"\n',
      accepted=1, rejected=4, note="nested metadata kept; text that is not a string, and lines that are no objects, rejected")
write("crlf.jsonl", '{"id": "1", "text": "eins"}\r\n{"id": "2", "text": "zwei"}\r\n', accepted=2, note="JSON Lines with CRLF")
write("broken-json.jsonl", '{"id": "1", "text": "eins"}\n{"id": "2", "text": "zwei"\n{"id": 3 "text": "drei"}\n',
      accepted=1, rejected=2, note="truncated and malformed JSON lines")

expected["generated-10mb-field.csv"] = {"exit": 0, "accepted": 1, "rejected": 1,
                                        "note": "generated by the test: one 10 MB field, rejected for length, and one normal row"}
with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as handle:
    json.dump(expected, handle, ensure_ascii=False, indent=2, sort_keys=True)
    handle.write("\n")
print(f"{len(expected)} fixtures in {out}", file=sys.stderr)
