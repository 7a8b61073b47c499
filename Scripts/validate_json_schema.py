#!/usr/bin/env python3
"""Validates a vaultgen JSON report against its schema (draft 2020-12): validate_json_schema.py SCHEMA [REPORT].

Reads the report from REPORT or standard input. Prints each error with its place in the report and exits 1
when the report does not fit, 2 when the schema itself is not a valid schema. For tests only (Debian's
python3-jsonschema); vaultgen itself never runs Python.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    report = json.load(open(sys.argv[2], encoding="utf-8") if len(sys.argv) > 2 else sys.stdin)
    validator_class = jsonschema.Draft202012Validator
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"{sys.argv[1]}: not a valid schema: {error.message}")
        return 2
    errors = sorted(validator_class(schema).iter_errors(report), key=lambda e: list(e.absolute_path))
    for error in errors:
        place = "/".join(str(part) for part in error.absolute_path) or "(top)"
        print(f"{place}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
