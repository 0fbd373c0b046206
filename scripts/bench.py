#!/usr/bin/env python3
"""The driver of `make bench` and `make bench-scale`: runs, measures, prints Markdown tables.

Usage:
  bench.py stages --resonanz BIN --python PY --file FILE --framework YAML --out DIR
  bench.py scale  --resonanz BIN --file FILE... --framework YAML --out DIR --sizes 10000,100000

`stages` (make bench), all in this one invocation on the same file:
  1. `resonanz bench FILE`: read, ICU breaks, tokenizer and analyzer alone, at 1 and 2 threads
     (median of 3 runs after a warm-up);
  2. the whole `resonanz run` (reading, store, analysis with assignment and topics, reports) into
     a fresh folder at 1 and 2 threads, with the stage times it records in its store;
  3. scripts/bench-sklearn.py (TfidfVectorizer + KMeans(k=20)) with PY;
  then the ratio of the two end-to-end throughputs.
`scale` (make bench-scale): writes corpora of each size with scripts/generate-corpus.py from the
FILEs, and times the whole `resonanz run` on each at 1 and 2 threads.
Wall times are monotonic clock readings around each process; peak memory is the process's
maximum resident set size as the kernel reports it to its parent (wait4).
"""
import argparse
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import time

SCRIPTS = pathlib.Path(__file__).resolve().parent


def timed(command, **kwargs):
    """Runs `command`; returns (seconds, peak RSS in MB, stdout)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, **kwargs)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"bench.py: {' '.join(map(str, command))} exited with {process.returncode}")
    return seconds, usage.ru_maxrss / 1e3, output.decode("utf-8")


def whole_run(resonanz, framework, files, out, threads):
    """One `resonanz run` into a fresh folder; its wall time, peak RSS and recorded stage times."""
    shutil.rmtree(out, ignore_errors=True)
    command = [resonanz, "run", "--framework", framework, "--comments", *files, "--out", str(out),
               "--threads", str(threads), "--quiet"]
    seconds, rss, _ = timed(command)
    with sqlite3.connect(out / "resonanz.sqlite") as store:
        (timings,) = store.execute("SELECT timings FROM run ORDER BY rowid DESC LIMIT 1").fetchone()
    stages = {name: value for entry in json.loads(timings) for name, value in entry.items()}
    # `analyse`: the analysis steps together (everything between storing and rendering).
    stages["analyse"] = sum(value for name, value in stages.items() if name not in ("read", "store", "render"))
    return seconds, rss, stages


def text_bytes(files):
    """Comments and UTF-8 bytes of the texts of JSONL files (what throughput is counted in)."""
    comments = size = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    text = json.loads(line).get("text")
                    if isinstance(text, str):
                        comments += 1
                        size += len(text.encode("utf-8"))
    return comments, size


def row(cells):
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def stages(arguments):
    out = pathlib.Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = ["| stage | threads | seconds | MB/s | comments/s | peak RSS (MB) |", "|---|---:|---:|---:|---:|---:|"]
    _, _, measured = timed([arguments.resonanz, "bench", arguments.file, "--threads", "1,2",
                            "--repetitions", str(arguments.repetitions)])
    results = {"stages": [json.loads(line) for line in measured.splitlines() if line.strip()]}
    for item in results["stages"]:
        lines.append(row([item["stage"], item["threads"], f"{item['seconds']:.2f}", f"{item['mb_per_s']:.2f}",
                          f"{item['comments_per_s']:.0f}", f"{item['peak_rss_mb']:.0f}"]))
    comments, size = text_bytes([arguments.file])
    results["runs"] = []
    for threads in (1, 2):
        seconds, rss, recorded = whole_run(arguments.resonanz, arguments.framework, [arguments.file],
                                           out / f"run-{threads}", threads)
        results["runs"].append({"threads": threads, "seconds": seconds, "peak_rss_mb": rss, "stages": recorded})
        for name, value in recorded.items():
            label = "run: analyse (the steps above from prepare to summaries)" if name == "analyse" else f"run: {name}"
            speed = [f"{size / 1e6 / value:.2f}", f"{comments / value:.0f}"] if value > 0 else ["–", "–"]
            lines.append(row([label, threads, f"{value:.2f}", *speed, ""]))
        other = seconds - sum(value for name, value in recorded.items() if name != "analyse")
        lines.append(row(["run: other (storing the run, publishing the files, start and exit)", threads, f"{other:.2f}",
                          "", "", ""]))
        lines.append(row([f"**resonanz run, whole**", threads, f"{seconds:.2f}", f"{size / 1e6 / seconds:.2f}",
                          f"{comments / seconds:.0f}", f"{rss:.0f}"]))
    reference = json.loads(timed([arguments.python, str(SCRIPTS / "bench-sklearn.py"), arguments.file, "0",
                                  str(out / "sklearn-labels.txt")])[2])
    results["sklearn"] = reference
    lines.append(row(["**scikit-learn TfidfVectorizer + KMeans(k=20)**", "all", f"{reference['seconds']:.2f}",
                      f"{reference['mb_per_s']:.2f}", f"{reference['comments'] / reference['seconds']:.0f}",
                      f"{reference['peak_rss_mb']:.0f}"]))
    two = next(run for run in results["runs"] if run["threads"] == 2)
    one = next(run for run in results["runs"] if run["threads"] == 1)
    ratio = (size / two["seconds"]) / (reference["bytes"] / reference["seconds"])
    by_stage = {(item["stage"], item["threads"]): item for item in results["stages"]}
    per_core = by_stage[("analyze", 1)]["mb_per_s"] / by_stage[("icu-breaks", 1)]["mb_per_s"]
    lines += [
        "",
        f"File: {arguments.file}, {comments} comments, {size / 1e6:.1f} MB of text.",
        f"resonanz run (2 threads) against scikit-learn on the same file: {ratio:.2f}× the throughput.",
        f"Speed-up of resonanz run from 1 to 2 threads: {one['seconds'] / two['seconds']:.2f}×.",
        f"Analyzer (tokenize + normalise + stem, 1 thread) at {100 * per_core:.0f} % of ICU's break iterator alone.",
    ]
    results.update(ratio=ratio, analyzer_share_of_icu=per_core, comments=comments, bytes=size)
    (out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "bench.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def scale(arguments):
    out = pathlib.Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = ["| comments | MB | threads | seconds | MB/s | comments/s | peak RSS (MB) | read | store | analyse | render |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    results = []
    for count in (int(value) for value in arguments.sizes.split(",")):
        corpus = out / f"corpus-{count}.jsonl"
        if not corpus.exists():
            subprocess.run([sys.executable, str(SCRIPTS / "generate-corpus.py"), "--count", str(count), "--seed", "0",
                            "--goals", arguments.goals, "--out", str(corpus), *arguments.file], check=True)
        comments, size = text_bytes([corpus])
        for threads in (int(value) for value in arguments.threads.split(",")):
            seconds, rss, recorded = whole_run(arguments.resonanz, arguments.framework, [str(corpus)],
                                               out / f"run-{count}-{threads}", threads)
            shutil.rmtree(out / f"run-{count}-{threads}", ignore_errors=True)
            results.append({"comments": comments, "bytes": size, "threads": threads, "seconds": seconds,
                            "peak_rss_mb": rss, "stages": recorded})
            lines.append(row([comments, f"{size / 1e6:.1f}", threads, f"{seconds:.1f}", f"{size / 1e6 / seconds:.2f}",
                              f"{comments / seconds:.0f}", f"{rss:.0f}",
                              *(f"{recorded.get(name, 0):.1f}" for name in ("read", "store", "analyse", "render"))]))
            print(lines[-1], flush=True)
    (out / "scale.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description="make bench and make bench-scale")
    commands = parser.add_subparsers(dest="command", required=True)
    stage_parser = commands.add_parser("stages")
    stage_parser.add_argument("--resonanz", required=True)
    stage_parser.add_argument("--python", required=True)
    stage_parser.add_argument("--file", required=True)
    stage_parser.add_argument("--framework", required=True)
    stage_parser.add_argument("--out", required=True)
    stage_parser.add_argument("--repetitions", type=int, default=3)
    scale_parser = commands.add_parser("scale")
    scale_parser.add_argument("--resonanz", required=True)
    scale_parser.add_argument("--file", required=True, nargs="+")
    scale_parser.add_argument("--framework", required=True)
    scale_parser.add_argument("--goals", default="")
    scale_parser.add_argument("--out", required=True)
    scale_parser.add_argument("--sizes", default="10000,100000")
    scale_parser.add_argument("--threads", default="1,2")
    arguments = parser.parse_args()
    stages(arguments) if arguments.command == "stages" else scale(arguments)


if __name__ == "__main__":
    main()
