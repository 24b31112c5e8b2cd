"""`twinning materialize`: a real PostgreSQL database as a twin snapshot.

The schema comes from `pg_dump --schema-only` through the same DDL path as
`--schema` (`materialize_schema`): objects outside the subset are refused
by name, or left out with `--skip-unsupported` and listed. The rows come
over `COPY (SELECT <columns> FROM ONLY t [WHERE p]) TO STDOUT` in one
REPEATABLE READ READ ONLY transaction (one consistent picture of every
table), under the twin's default output settings (DateStyle ISO, MDY,
IntervalStyle postgres, TimeZone UTC, extra_float_digits 1, bytea hex),
and each run of CopyData (`CHUNK` bytes at most) is parsed by the twin's
own COPY reader and converted with its own input functions
(`values.column_input`), as COPY FROM would. A SELECT rather than `COPY t`
keeps generated columns, which `COPY t TO` leaves out. Sequences keep
their last_value/is_called.

Bounded memory: rows are asked for in primary-key order (text keys in the
C collation, the twin's code point order), so they arrive in the
snapshot's canonical order and are encoded straight into a spool file per
table (`snapshot_stream`), which the snapshot file is then assembled from:
memory holds one chunk, not the table. A table without a primary key (or
one whose source order turns out not to be the twin's) is sorted in
memory instead, as `snapshot.encode` does. The file is byte for byte what
`snapshot.encode` writes for the same state: deterministic, and
`--restore` serves it.

Rows are not re-checked: they satisfied the source's constraints. Only
`--where` can break one, by leaving out a parent row a kept child refers
to; every foreign key with a filtered side is checked at the source
(`_check_filtered_keys`) and a dangling reference is refused.

psycopg 3 is the driver, an optional extra: `pip install
'twinning[postgres]'`.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from twinning import __version__, bootstrap
from twinning.copy_format import CopyReader
from twinning.errors import FEATURE_NOT_SUPPORTED, Refusal, SqlError
from twinning.ir.dml import CopyOptions
from twinning.progress import Progress
from twinning.psycopg_driver import psycopg_driver
from twinning.values.column_input import column_input
from twinning.values.identifiers import quote_ident
from twinning.values.settings import DEFAULT_SETTINGS

MATERIALIZE_VERSION = "twinning.materialize.v0"
CHUNK = 1 << 20  # bytes of COPY data parsed at a time
SOURCE_SETTINGS = ("SET DateStyle = 'ISO, MDY'", "SET IntervalStyle = 'postgres'",
                   "SET TimeZone = 'UTC'", "SET extra_float_digits = 1",
                   "SET bytea_output = 'hex'", "SET client_encoding = 'UTF8'")


def _where(specs: list[str]) -> dict[str, str]:
    out = {}
    for spec in specs or ():
        table, sep, predicate = spec.partition("=")
        if not sep or not table.strip() or not predicate.strip():
            raise Refusal("E_USAGE", f"--where takes TABLE=PREDICATE, not "
                          f"{spec!r}", {"where": spec},
                          "twinning materialize … --where "
                          "'public.deals=amount > 0'")
        out[table.strip()] = predicate.strip()
    return out


def _qualified(name) -> str:
    return f"{quote_ident(name.schema)}.{quote_ident(name.name)}"


def _source_label(psycopg, url: str) -> dict[str, Any]:
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return {}
    return {k: info[k] for k in ("host", "port", "dbname") if k in info}


def materialize(args: dict[str, Any]) -> int:
    url, out = args["--from"], args["--snapshot"]
    if not url or not out:
        raise Refusal("E_USAGE", "materialize needs --from URL and --snapshot "
                      "FILE", {}, "twinning materialize --from "
                      "postgresql://user@host/db --snapshot db.twin")
    psycopg = psycopg_driver("materialize")
    tables = [t.strip() for t in (args["--tables"] or "").split(",") if t.strip()]
    where = _where(args["--where"])
    skip = bool(args["--skip-unsupported"])
    from twinning.materialize_schema import dump_schema
    ddl = dump_schema(url, tables)
    label = f"{_source_label(psycopg, url).get('dbname', 'source')} " \
        "(pg_dump --schema-only)"
    skipped: tuple = ()
    if skip:
        catalog, _, skipped, ddl = bootstrap.compile_schema_skipping(ddl, label)
        for item in skipped:
            print(f"twinning: skipped {item['construct']} ({item['sqlstate']}: "
                  f"{item['message']})", file=sys.stderr)
    else:
        catalog, _ = bootstrap.compile_schema(ddl, label)
    names = {str(t.name): t for t in catalog.tables}
    for table in where:
        if table not in names and f"public.{table}" not in names:
            raise Refusal("E_USAGE", f"--where names {table}, which is not a "
                          "materialized table", {"table": table},
                          "twinning materialize … --where SCHEMA.TABLE=PREDICATE")
    started = time.monotonic()
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            spools, counts, sequences, version = _copy(
                conn, catalog, where, bool(args["--schema-only"]))
    except psycopg.Error as exc:
        raise Refusal("E_MATERIALIZE_SOURCE", f"reading the source failed: "
                      f"{str(exc).strip()}", {"sqlstate": getattr(exc, "sqlstate", None)},
                      "check --from, --where and the source's permissions") from None
    from twinning import snapshot_stream
    try:
        digest, size = snapshot_stream.write(
            out, catalog, ddl, spools, sequences,
            {"materialized_from": {"server_version": version}})
    finally:
        for spool in spools:
            spool.close()
    report = {
        "version": MATERIALIZE_VERSION,
        "tool": {"name": "twinning", "version": __version__},
        "source": {**_source_label(psycopg, url), "server_version": version},
        "snapshot": {"path": out, "snapshot_hash": digest, "bytes": size},
        "schema_only": bool(args["--schema-only"]),
        "tables": counts,
        "sequences": len(sequences),
        "skipped": list(skipped),
        "seconds": round(time.monotonic() - started, 3),
    }
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if args["--report"]:
        bootstrap.write_file(args["--report"], text.encode(), "report")
    if args["--json"]:
        sys.stdout.write(text)
    else:
        total = sum(t["rows"] for t in counts)
        sys.stdout.write(f"twinning materialize: {len(counts)} tables, "
                         f"{total:,} rows, {len(sequences)} sequences -> {out}"
                         f"\nsnapshot: {digest}\n")
    return 0


def _copy(conn, catalog, where: dict[str, str], schema_only: bool):
    from twinning.snapshot_stream import RowSpool
    from twinning.state import SequenceState
    spools: list = []
    counts: list[dict[str, Any]] = []
    progress = Progress()
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        for setting in SOURCE_SETTINGS:
            conn.execute(setting)
        version = conn.execute("SHOW server_version").fetchone()[0]
        for table in catalog.tables:
            name = str(table.name)
            predicate = _predicate(where, table.name)
            entry: dict[str, Any] = {"name": name}
            if predicate:
                entry["where"] = predicate
            spool = RowSpool(table)
            spools.append(spool)
            if schema_only:
                entry["rows"] = 0
                counts.append(entry)
                continue
            expected = conn.execute(
                "SELECT greatest(reltuples, 0)::bigint FROM pg_class "
                "WHERE oid = %s::regclass", (_qualified(table.name),)
            ).fetchone()[0]
            progress.start(name, expected)
            _spool_table(conn, table, predicate, progress, spool)
            entry["rows"] = spool.count
            entry["seconds"] = round(progress.done(), 3)
            counts.append(entry)
        if where and not schema_only:
            _check_filtered_keys(conn, catalog, where)
        sequences = {}
        for seq in catalog.sequences:
            last, called = conn.execute(
                f"SELECT last_value, is_called FROM {_qualified(seq.name)}"
            ).fetchone()
            sequences[seq.name] = SequenceState(int(last), bool(called))
    except BaseException:
        for spool in spools:
            spool.close()
        raise
    finally:
        conn.execute("ROLLBACK")
    return spools, counts, sequences, version


def _predicate(where: dict[str, str], name) -> str | None:
    return where.get(str(name)) or (where.get(name.name)
                                    if name.schema == "public" else None)


def _check_filtered_keys(conn, catalog, where: dict[str, str]) -> None:
    """--where may leave out a parent row a kept child row refers to; the
    restored twin would then hold a foreign key PostgreSQL never allows.
    Each foreign key with a filtered side is checked at the source (in the
    same snapshot), MATCH SIMPLE / FULL as declared, and a dangling
    reference is refused with the constraint and the count."""
    for table in catalog.tables:
        for fk in table.foreign_keys:
            child, parent = _predicate(where, table.name), \
                _predicate(where, fk.ref_table)
            if not child and not parent:
                continue
            c_cols = [quote_ident(c) for c in fk.columns]
            p_cols = [quote_ident(c) for c in fk.ref_columns]
            present = " AND ".join(f"c.{c} IS NOT NULL" for c in c_cols)
            matches = " AND ".join(f"p.{pc} = c.{cc}"
                                   for pc, cc in zip(p_cols, c_cols))
            sql = (f"WITH c AS (SELECT * FROM ONLY {_qualified(table.name)}"
                   f"{f' WHERE {child}' if child else ''}), "
                   f"p AS (SELECT * FROM ONLY {_qualified(fk.ref_table)}"
                   f"{f' WHERE {parent}' if parent else ''}) "
                   f"SELECT count(*) FROM c WHERE {present} AND NOT EXISTS "
                   f"(SELECT 1 FROM p WHERE {matches})")
            dangling = conn.execute(sql).fetchone()[0]
            if dangling:
                raise Refusal(
                    "E_MATERIALIZE_FK", f"--where leaves {dangling} row(s) of "
                    f"{table.name} referring to {fk.ref_table} rows it leaves "
                    f"out (foreign key {fk.name})",
                    {"table": str(table.name), "constraint": fk.name,
                     "references": str(fk.ref_table), "rows": dangling},
                    f"filter {table.name} too (--where '{table.name}=…'), or "
                    f"keep those {fk.ref_table} rows")


_TEXT_TYPES = frozenset({"text", "varchar", "bpchar"})


def _spool_table(conn, table, predicate: str | None, progress: Progress,
                 spool) -> None:
    """The table's rows into `spool`: ordered by the primary key at the
    source (text keys in the C collation, which is the twin's code point
    order) and streamed; without a key, or if the source's order is not
    the twin's after all, read again and sorted in memory."""
    from twinning.snapshot_stream import OutOfOrder
    names = [c.name for c in table.columns]
    select = (f"SELECT {', '.join(map(quote_ident, names))} FROM ONLY "
              f"{_qualified(table.name)}" + (f" WHERE {predicate}" if predicate
                                             else ""))
    pk = table.primary_key
    if pk is not None:
        keys = []
        for column in pk.columns:
            sql_type = table.columns[table.slot(column)].type
            collate = ' COLLATE "C"' if sql_type.name in _TEXT_TYPES and \
                not sql_type.is_array else ""
            keys.append(quote_ident(column) + collate)
        try:
            _stream(conn, table, f"{select} ORDER BY {', '.join(keys)}",
                    progress, spool.add)
            return
        except OutOfOrder:
            progress.start(str(table.name), progress.expected)
    rows: list[tuple] = []
    _stream(conn, table, select, progress, rows.extend)
    spool.add_sorted(rows)


def _stream(conn, table, select: str, progress: Progress, sink) -> None:
    """COPY (select) TO STDOUT, parsed and converted a chunk at a time,
    each chunk's rows handed to `sink`."""
    names = [c.name for c in table.columns]
    reader = CopyReader(CopyOptions(), table.name.name, names)
    inputs = [column_input(c.type, DEFAULT_SETTINGS) for c in table.columns]

    def take(blocks) -> None:
        for block in blocks:
            columns = [column if convert is None else
                       _converted(table, names[i], convert, column, block.first)
                       for i, (convert, column) in enumerate(zip(inputs,
                                                                 block.columns))]
            rows = list(zip(*columns))
            sink(rows)
            progress.advance(len(rows))

    pending: list[bytes] = []
    size = 0
    with conn.cursor().copy(f"COPY ({select}) TO STDOUT") as copy:
        for data in copy:
            pending.append(bytes(data))
            size += len(data)
            if size >= CHUNK:
                take(reader.feed_blocks(b"".join(pending)))
                pending, size = [], 0
    if pending:
        take(reader.feed_blocks(b"".join(pending)))
    take(reader.finish_blocks())


def _converted(table, column: str, convert, texts, first: int) -> list:
    """A block's column through the twin's input function; a value the
    twin cannot hold is a refusal naming the table, column and row (never
    a row silently left out)."""
    try:
        return convert.convert_all(texts)
    except SqlError:
        pass
    for offset, text in enumerate(texts):
        if text is None:
            continue
        try:
            convert.convert(text)
        except SqlError as exc:
            shown = text if len(text) <= 80 else text[:79] + "…"
            code = ("E_MATERIALIZE_UNSUPPORTED" if exc.sqlstate == FEATURE_NOT_SUPPORTED
                    else "E_MATERIALIZE_VALUE")
            raise Refusal(code, f"{table.name}.{column}, row {first + offset}: "
                          f"{exc.message} ({exc.sqlstate}): {shown!r}",
                          {"table": str(table.name), "column": column,
                           "row": first + offset, "sqlstate": exc.sqlstate,
                           "value": shown},
                          "leave those rows out with --where, or the table "
                          "out with --tables") from None
    raise AssertionError("a block failed but none of its values does")
