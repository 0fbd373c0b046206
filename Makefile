# Resonanz — make targets
#   run            set up what is missing, build in release, analyse the Jena corpus into reports/jena-hf4/
#   nights         two nightly runs of the Jena corpus into a fresh store (reports/jena-hf4-nights/)
#   test           unit tests and the end-to-end tests of the built CLI (installs python3-jsonschema for the
#                  schema check and Chromium for the report.html test when missing; passes without ../shared)
#   eval           stemmer, assignment, topic and duplicate figures on the labelled data (needs ../shared/data)
#   eval-stemmer   CISTEM on the CISTEM gold standards only
#   eval-assignment  assignment and counts on five labelled corpora, each held out in turn, beside a naive
#                  and a supervised reference, with learning curve and simulated audits (docs/assignment.md)
#   eval-ablation  each assignment step left out in turn (figures for docs/assignment.md)
#   eval-topics    GSDMM and spherical k-means on the GSDMM paper's benchmarks, 10kGNAD and Ottensen, beside scikit-learn (needs ../shared/data)
#   bench          stage and whole-run throughput and memory on the 115k-text pool, beside scikit-learn (needs ../shared/data)
#   bench-scale    whole runs on generated corpora of SIZES comments at THREADS threads (docs/performance.md)
#   fuzz           libFuzzer on the tokenizer/analyzer, CSV and JSONL readers, framework parser and
#                  strategy importer, SECONDS each (default 60; docs/robustness.md)
#   sanitize       the test suite under AddressSanitizer, then under ThreadSanitizer
#   confidence-model  refit models/assignment-confidence.json on every labelled corpus there is
#   lexicon        regenerate lexicon/de-nouns.txt from the CISTEM gold standards (needs ../shared/data)
#   corpora        regenerate corpora/ottensen/comments.jsonl from the CIMT data (needs ../shared/data)
#   clean          remove build products and generated reports
SHELL := /bin/sh
SWIFT ?= swift
SHARED ?= ../shared
DATA := $(SHARED)/data
RELEASE_BIN := .build/release/resonanz

.PHONY: run nights test lint eval eval-stemmer eval-assignment eval-ablation eval-topics eval-duplicates confidence-model lexicon corpora \
	bench bench-scale fuzz sanitize \
	deps deps-test deps-eval build-release clean

# System packages, from Debian's archive: installed when missing as root, else the exact
# apt-get line is printed (scripts/ensure-system-deps.sh).
deps:
	@scripts/ensure-system-deps.sh build
deps-test:
	@scripts/ensure-system-deps.sh test
deps-eval:
	@scripts/ensure-system-deps.sh eval

build-release: deps
	$(SWIFT) build -c release --product resonanz

JENA := --framework corpora/jena-hf4/framework.yaml

run: build-release
	$(RELEASE_BIN) run $(JENA) --comments corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv \
		--out reports/jena-hf4
	@echo "Open reports/jena-hf4/report.md (or report.html)"

# Two nights of the Jena consultation into a fresh store: the second report lists the new comments.
nights: build-release
	rm -rf reports/jena-hf4-nights
	SOURCE_DATE_EPOCH=1762642800 $(RELEASE_BIN) run $(JENA) --comments corpora/jena-hf4/comments.csv \
		--out reports/jena-hf4-nights
	SOURCE_DATE_EPOCH=1763247600 $(RELEASE_BIN) run $(JENA) --comments corpora/jena-hf4/comments.csv \
		corpora/jena-hf4/comments-2026-11-16.csv --out reports/jena-hf4-nights
	@echo "Open reports/jena-hf4-nights/report.md (section 'Neu seit dem letzten Lauf')"

test: deps-test lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# swift-format (part of the toolchain) with the repository's .swift-format; warnings fail.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

eval: eval-stemmer eval-assignment eval-topics eval-duplicates

eval-stemmer: build-release
	@if [ ! -d "$(DATA)/cistem-goldstandards" ]; then echo "skipped: $(DATA)/cistem-goldstandards is not here"; exit 0; fi; \
	$(RELEASE_BIN) eval stemmer $(DATA)/cistem-goldstandards/gs1.txt $(DATA)/cistem-goldstandards/gs2.txt

# The references need scikit-learn: a virtual environment of pinned packages, made once.
EVAL_VENV := .venv-eval
$(EVAL_VENV)/.installed: scripts/requirements-eval.txt | deps-eval
	python3 -m venv $(EVAL_VENV)
	$(EVAL_VENV)/bin/pip install --quiet -r scripts/requirements-eval.txt
	touch $@

eval-assignment: build-release $(EVAL_VENV)/.installed
	scripts/eval-assignment.sh $(RELEASE_BIN) $(EVAL_VENV)/bin/python $(DATA) reports/eval

eval-topics: build-release $(EVAL_VENV)/.installed
	scripts/eval-topics.sh $(RELEASE_BIN) $(EVAL_VENV)/bin/python $(DATA) reports/eval-topics

eval-ablation: build-release deps-eval
	scripts/eval-ablation.sh $(RELEASE_BIN) $(DATA) reports/eval-ablation

# The shipped model: fitted on every labelled corpus there is (Ottensen and Jena always, the others
# from ../shared/data), each with the same weight; the count factors are cross-fitted among them.
confidence-model: build-release deps-eval
	@corpora=$$(scripts/labelled-corpora.sh $(DATA) reports/eval/labelled | awk '{ printf " --corpus %s=%s", $$2, $$3 }'); \
	$(RELEASE_BIN) eval calibrate $$corpora --output models/assignment-confidence.json

eval-duplicates: build-release deps-eval
	@for corpus in "jena-hf4 corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv" \
		"ottensen corpora/ottensen/comments.jsonl"; do \
		set -- $$corpus; name=$$1; shift; out=$$(mktemp -d); \
		$(RELEASE_BIN) run --framework corpora/$$name/framework.yaml --comments "$$@" --out $$out --quiet >/dev/null; \
		echo "== $$name"; scripts/summarize-duplicates.py $$out/report.json; rm -rf $$out; \
	done

lexicon: deps-eval
	scripts/extract-noun-lexicon.py $(DATA)/cistem-goldstandards lexicon/de-nouns.txt

corpora: deps-eval
	scripts/import-ottensen.py $(DATA)/cimt_ottensen/normalized.jsonl corpora/ottensen/comments.jsonl

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan Fuzz/.build reports/*/

# Robustness (docs/robustness.md): fuzzing and the sanitizers, apart from `make test` for their time.
SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(SECONDS)

sanitize: deps-test
	scripts/sanitize.sh address thread

# Speed and memory (docs/performance.md); needs ../shared/data for the 115,000-text pool.
BENCH_FILE ?= $(DATA)/de_pool_throughput/normalized.jsonl
SIZES ?= 10000,100000
THREADS ?= 1,2
bench: build-release $(EVAL_VENV)/.installed
	@if [ ! -f "$(BENCH_FILE)" ]; then echo "skipped: $(BENCH_FILE) is not here"; exit 0; fi; \
	python3 scripts/bench.py stages --resonanz $(RELEASE_BIN) --python $(EVAL_VENV)/bin/python --file $(BENCH_FILE) \
		--framework corpora/jena-hf4/framework.yaml --out reports/bench

# Whole runs on generated corpora of SIZES comments at THREADS threads (from the pool when it is
# here, else from the shipped corpora), e.g. make bench-scale SIZES=1000000 THREADS=2.
bench-scale: build-release deps-eval
	@if [ -f "$(BENCH_FILE)" ]; then sources="$(BENCH_FILE)"; \
	else sources="corpora/jena-hf4/comments.csv corpora/jena-hf4/comments-2026-11-16.csv corpora/ottensen/comments.jsonl"; fi; \
	python3 scripts/bench.py scale --resonanz $(RELEASE_BIN) --file $$sources --framework corpora/jena-hf4/framework.yaml \
		--goals standort,wertschoepfung,kompetenzen,innovationen --sizes $(SIZES) --threads $(THREADS) --out reports/bench-scale
