"""`twinning proof twin-pair`: do two twins answer the same queries alike?

Both snapshots are restored (with every check `--restore` makes) into
their own engine; each query runs on a session of each, in the same order
and the same session structure (a query file is one session; a trace
keeps its sessions, replayed in its `seq` order). Each pair of answers is
compared at the wire (`proof_compare`): column names and types, the rows'
canonical hash, the command tag, and on errors the SQLSTATE.

Verdicts: `match`, `differ` (with the differing aspects and the first
differing row), `refused` (either side answered 0A000: a statement
outside the declared subset proves nothing, so it is never counted as a
match), `not_replayable` (a traced extended-protocol statement with
parameters, whose values the trace does not keep, or COPY FROM STDIN).
Exit 1 when any query differs, else 2 when any was refused or not
replayable, else 0. The report is `twinning.proof.v0`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from twinning import __version__, bootstrap
from twinning.errors import Refusal
from twinning.proof_compare import (canonical_groups, first_row_difference,
                                    order_keys, side_summary)
from twinning.proof_replay import Outcome, WireClient

PROOF_VERSION = "twinning.proof.v0"


@dataclass(frozen=True)
class Query:
    index: int
    session: int
    sql: str
    line: int | None = None  # in the query file
    replayable: str | None = None  # why not, when it is not


def queries_from_file(path: str) -> list[Query]:
    from twinning.passes.parse import line_column, split_statements
    from twinning.errors import SqlError
    raw = bootstrap.read_file(path, "query file")
    text = raw.decode("utf-8", "replace")
    try:
        parts = split_statements(text)
    except SqlError as exc:
        raise Refusal("E_PROOF_QUERIES", f"{path}: {exc.message}",
                      {"path": path, "sqlstate": exc.sqlstate},
                      f"psql -f {path}   # check the file's syntax") from None
    return [Query(i + 1, 1, sql, line_column(text, start)[0])
            for i, (_, sql, start) in enumerate(parts)]


def queries_from_trace(path: str) -> list[Query]:
    raw = bootstrap.read_file(path, "query trace")
    records = []
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            records.append((int(record["seq"]), int(record["session"]),
                            str(record["sql"]), record.get("protocol")))
        except (ValueError, KeyError, TypeError):
            raise Refusal("E_PROOF_TRACE", f"{path}:{number}: not a "
                          "twinning.query-trace.v0 record", {"path": path,
                                                             "line": number},
                          "twinning postgres … --trace trace.jsonl") from None
    records.sort()
    out = []
    for index, (_, session, sql, protocol) in enumerate(records, 1):
        why = None
        if protocol == "extended" and _has_parameters(sql):
            why = "an extended-protocol statement with parameters: the " \
                  "trace does not keep their values"
        out.append(Query(index, session, sql, None, why))
    return out


def _has_parameters(sql: str) -> bool:
    import pglast
    from pglast.visitors import Visitor

    found: list[object] = []

    class Params(Visitor):
        def visit_ParamRef(self, ancestors, node):  # noqa: N802 (pglast)
            found.append(node)
    try:
        Params()(pglast.parse_sql(sql))
    except Exception:  # unparsable: replayed, and the error compared
        return False
    return bool(found)


def _side(outcome: Outcome, mode_groups) -> dict[str, Any]:
    return side_summary(outcome, mode_groups[1])


def compare(query: Query, left: Outcome, right: Outcome) -> dict[str, Any]:
    """One query's verdict."""
    keys = order_keys(query.sql)
    lg, rg = canonical_groups(left, keys), canonical_groups(right, keys)
    entry: dict[str, Any] = {"index": query.index, "session": query.session,
                             "sql": query.sql}
    if query.line is not None:
        entry["line"] = query.line
    entry["left"], entry["right"] = _side(left, lg), _side(right, rg)
    if left.copy_in or right.copy_in:
        entry["verdict"] = "not_replayable"
        entry["reason"] = "COPY FROM STDIN: the proof has no data to send"
        return entry
    if left.refused or right.refused:
        entry["verdict"] = "refused"
        entry["reason"] = "outside the declared subset (0A000) on " + (
            "both sides" if left.refused and right.refused else
            "the left" if left.refused else "the right")
        return entry
    differences = []
    if left.sqlstate != right.sqlstate:
        differences.append({"aspect": "sqlstate", "left": left.sqlstate,
                            "right": right.sqlstate})
    if left.sqlstate is None and right.sqlstate is None:
        if left.columns != right.columns:
            differences.append({"aspect": "columns",
                                "left": entry["left"].get("columns"),
                                "right": entry["right"].get("columns")})
        if left.command_tag != right.command_tag:
            differences.append({"aspect": "command_tag",
                                "left": left.command_tag,
                                "right": right.command_tag})
        if lg[1] != rg[1]:
            differences.append({"aspect": "rows",
                                "left": entry["left"].get("rows_hash"),
                                "right": entry["right"].get("rows_hash"),
                                "first_differing_row":
                                    first_row_difference(lg[1], rg[1])})
    if left.columns is not None or right.columns is not None:
        entry["order"] = lg[0] if left.columns is not None else rg[0]
    entry["verdict"] = "differ" if differences else "match"
    if differences:
        entry["differences"] = differences
    return entry


def replay(left_state, right_state, queries: list[Query]) -> list[dict]:
    from twinning.session import Engine
    engines = (Engine(left_state), Engine(right_state))
    clients: dict[int, tuple[WireClient, WireClient]] = {}
    verdicts = []
    try:
        for query in queries:
            if query.replayable is not None:
                verdicts.append({"index": query.index,
                                 "session": query.session, "sql": query.sql,
                                 "verdict": "not_replayable",
                                 "reason": query.replayable})
                continue
            pair = clients.get(query.session)
            if pair is None:
                pair = clients[query.session] = (WireClient(engines[0]),
                                                 WireClient(engines[1]))
            verdicts.append(compare(query, pair[0].run(query.sql),
                                    pair[1].run(query.sql)))
    finally:
        for a, b in clients.values():
            a.close()
            b.close()
    return verdicts


def _outcome(counts: dict[str, int]) -> tuple[str, int]:
    if counts["differ"]:
        return "DIFFER", 1
    if counts["refused"] or counts["not_replayable"]:
        return "INCOMPLETE", 2
    return "MATCH", 0


def twin_pair(args: dict[str, Any]) -> int:
    left_path, right_path = args["--left"], args["--right"]
    queries_path, trace_path = args["--queries"], args["--trace"]
    if bool(queries_path) == bool(trace_path):
        raise Refusal("E_USAGE", "give the queries one way: --queries FILE.sql "
                      "or --trace TRACE.jsonl", {},
                      "twinning proof twin-pair --left A.twin --right B.twin "
                      "--queries queries.sql")
    queries = (queries_from_file(queries_path) if queries_path
               else queries_from_trace(trace_path))
    if not queries:
        raise Refusal("E_PROOF_QUERIES", f"{queries_path or trace_path} holds "
                      "no statement to compare", {"path": queries_path or
                                                  trace_path},
                      "add the queries the two twins must answer alike")
    left = bootstrap.from_snapshot(left_path)
    right = bootstrap.from_snapshot(right_path)
    verdicts = replay(left.state, right.state, queries)
    counts = {k: sum(v["verdict"] == k for v in verdicts)
              for k in ("match", "differ", "refused", "not_replayable")}
    outcome, code = _outcome(counts)
    report = {
        "version": PROOF_VERSION,
        "tool": {"name": "twinning", "version": __version__},
        "outcome": outcome,
        "left": _snapshot_block(left),
        "right": _snapshot_block(right),
        "source": {"kind": "queries" if queries_path else "trace",
                   "path": queries_path or trace_path},
        "counts": {"queries": len(verdicts), **counts},
        "queries": verdicts,
    }
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if args["--report"]:
        bootstrap.write_file(args["--report"], text.encode(), "proof report")
    sys.stdout.write(text if args["--json"] else render_human(report))
    return code


def _snapshot_block(source: bootstrap.Source) -> dict[str, str]:
    assert source.restored is not None
    return {"path": source.path,
            "snapshot_hash": source.restored.snapshot_hash}


def render_human(report: dict[str, Any]) -> str:
    counts = report["counts"]
    lines = [f"twinning proof twin-pair: {report['outcome']}",
             f"  left:  {report['left']['path']} "
             f"({report['left']['snapshot_hash'][:19]}…)",
             f"  right: {report['right']['path']} "
             f"({report['right']['snapshot_hash'][:19]}…)",
             f"  {counts['queries']} queries: {counts['match']} match, "
             f"{counts['differ']} differ, {counts['refused']} refused, "
             f"{counts['not_replayable']} not replayable"]
    for entry in report["queries"]:
        if entry["verdict"] == "match":
            continue
        where = f"line {entry['line']}" if "line" in entry else \
            f"session {entry['session']}"
        sql = " ".join(entry["sql"].split())
        lines.append(f"  [{entry['verdict']}] #{entry['index']} ({where}): "
                     f"{sql[:100]}")
        if "reason" in entry:
            lines.append(f"      {entry['reason']}")
        for diff in entry.get("differences", ()):
            row = diff.get("first_differing_row")
            if row is not None:
                lines.append(f"      rows differ at {row['position']}: left "
                             f"{row['left']} right {row['right']}")
            else:
                lines.append(f"      {diff['aspect']}: left {diff['left']} "
                             f"right {diff['right']}")
    return "\n".join(lines) + "\n"
