#!/usr/bin/env python3
"""Validates a JSON file against a JSON Schema (draft 2020-12) with the `jsonschema` package.

Usage: scripts/validate-json-schema.py SCHEMA DOCUMENT
Exit 0 when valid; 1 with every violation (path and message) on stderr; 2 on usage errors.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("validate-json-schema: the Python package jsonschema is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        document = json.load(handle)
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=lambda error: list(error.path))
    for error in errors:
        path = "/".join(str(part) for part in error.path) or "(root)"
        print(f"{sys.argv[2]}: {path}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
