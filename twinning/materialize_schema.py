"""The source database's schema as DDL text `--schema` accepts.

The catalog is read by `pg_dump --schema-only` (the PostgreSQL client's
own dumper: every object kind, in a dependency order that loads), and its
text then goes through the same DDL path as `--schema` (bootstrap), so
what the twin cannot run is refused by name exactly as a schema file's
statement is, or skipped with `--skip-unsupported`.

Two edits make the dump deterministic and loadable, both exact:
- pg_dump 15.14+ brackets its output with `\\restrict KEY` /
  `\\unrestrict KEY`, a random key per run; they only guard psql, so they
  are dropped (the snapshot stores the DDL, and must not change between
  two runs over the same database).
- an identity column is dumped as `CREATE TABLE` plus `ALTER TABLE … ALTER
  COLUMN … ADD GENERATED … AS IDENTITY (SEQUENCE NAME s …)`. When `s` is
  the name PostgreSQL itself gives (`table_column_seq` in the table's
  schema), the identity moves into the column definition without the
  SEQUENCE NAME option: the same catalog. Another name is left as it is,
  and refused by name when loaded.

pg_dump is found as `$TWINNING_PG_DUMP`, else on PATH, else in the
Debian/Ubuntu PostgreSQL 15+ bindirs; it must be at least the server's
major version (pg_dump refuses older itself).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from twinning.errors import Refusal

_META = re.compile(r"^\\(?:un)?restrict [^\n]*\n?", re.MULTILINE)
_IDENTITY = re.compile(
    r"^ALTER TABLE (?P<table>\S+) ALTER COLUMN (?P<column>\S+) ADD GENERATED "
    r"(?P<kind>ALWAYS|BY DEFAULT) AS IDENTITY \(\n"
    r"    SEQUENCE NAME (?P<sequence>\S+)\n(?P<options>(?:    [^\n]*\n)*)\);\n",
    re.MULTILINE)


def find_pg_dump() -> str:
    given = os.environ.get("TWINNING_PG_DUMP")
    if given:
        return given
    found = shutil.which("pg_dump")
    if found:
        return found
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (bindir / "pg_dump").exists():
            return str(bindir / "pg_dump")
    raise Refusal("E_DEPENDENCY", "materialize reads the source schema with "
                  "pg_dump, which is not installed", {"program": "pg_dump"},
                  "install the PostgreSQL 15+ client (apt-get install "
                  "postgresql-client) or set TWINNING_PG_DUMP")


def dump_schema(url: str, tables: list[str]) -> str:
    """`pg_dump --schema-only` of the database at `url` (only `tables`, and
    what they own, when given)."""
    command = [find_pg_dump(), "--schema-only", "--no-owner",
               "--no-privileges", "--no-tablespaces", "--dbname", url]
    for table in tables:
        command += ["--table", table]
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Refusal("E_MATERIALIZE_SOURCE", f"pg_dump failed: {exc}",
                      {"program": command[0]},
                      "check that pg_dump runs: pg_dump --version") from None
    if done.returncode != 0:
        raise Refusal("E_MATERIALIZE_SOURCE", "pg_dump could not read the "
                      f"source schema: {done.stderr.strip()[-500:]}",
                      {"program": command[0]},
                      "check --from (and that pg_dump is at least the "
                      "server's version)")
    return loadable(done.stdout)


def loadable(text: str) -> str:
    """The dump with the two edits the module docstring describes."""
    text = _META.sub("", text)
    for match in list(_IDENTITY.finditer(text)):
        table, column = match["table"], match["column"]
        schema, _, name = table.rpartition(".")
        expected = f"{schema}.{_unquoted(name)}_{_unquoted(column)}_seq" \
            if schema else f"{_unquoted(name)}_{_unquoted(column)}_seq"
        if match["sequence"] != expected:  # a name it had to quote too

            continue
        create = re.compile(r"^CREATE TABLE " + re.escape(table) + r" \(\n"
                            r"(?P<body>(?:    [^\n]*\n)*)\)", re.MULTILINE)
        found = create.search(text)
        if found is None:
            continue
        options = " ".join(line.strip() for line in
                           match["options"].splitlines())
        column_line = re.compile(r"^(    " + re.escape(column) +
                                 r" [^\n]*?)(,?)$", re.MULTILINE)
        body = found["body"]
        new_body, count = column_line.subn(
            lambda m: f"{m[1]} GENERATED {match['kind']} AS IDENTITY "
                      f"({options}){m[2]}", body, count=1)
        if count != 1:
            continue
        text = (text[:found.start("body")] + new_body + text[found.end("body"):])
        text = text.replace(match[0], "", 1)
    return text


def _unquoted(name: str) -> str:
    return name[1:-1].replace('""', '"') if name.startswith('"') else name

