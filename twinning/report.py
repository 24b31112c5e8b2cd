"""The `twinning.v0` report and its human rendering.

The report describes committed state and how the run went; it never holds
wall-clock times or child output, so two identical runs give byte-identical
JSON. Keys appear in the order this module writes them (a fixed order, the
one SPEC §12 lists); optional sections are omitted rather than null.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from twinning import metrics
from twinning.errors import (
    CHECK_VIOLATION, FOREIGN_KEY_VIOLATION, NOT_NULL_VIOLATION,
    UNIQUE_VIOLATION,
)

if TYPE_CHECKING:  # only for hints: `twinning.cli` imports this module
    from twinning.state import CommittedState

REPORT_VERSION = "twinning.v0"
WIRE_PROTOCOL = "pgwire.v3"

STORAGE = {
    "model": "mvcc-lite: immutable committed versions, per-transaction overlay",
    "isolation": "read committed",
    "writers": "concurrent, with PostgreSQL's relation and row locks (lock_timeout, then 55P03)",
    "hot_working_set": "memory",
    "snapshot_format": "twinning.snapshot.v0 (canonical CBOR, sha256)",
}

CONSTRAINT_KINDS = ("not_null_violations", "unique_violations",
                    "fk_violations", "check_violations", "data_errors")
# SQLSTATE → counter; class 22 (bad values: coercion, length, range) is
# "data_errors".
_KIND_OF = {NOT_NULL_VIOLATION: "not_null_violations", UNIQUE_VIOLATION: "unique_violations",
            FOREIGN_KEY_VIOLATION: "fk_violations", CHECK_VIOLATION: "check_violations"}


def violation_counts(refused: dict[str, int]) -> dict[str, int]:
    """The report's counters from the refused writes by SQLSTATE."""
    out: dict[str, int] = {}
    for sqlstate, count in refused.items():
        kind = _KIND_OF.get(sqlstate) or (
            "data_errors" if sqlstate.startswith("22") else None)
        if kind is not None:
            out[kind] = out.get(kind, 0) + count
    return out


@dataclass
class RunContext:
    """Everything about a run the report needs besides the state."""

    mode: str  # bootstrap | serve | run_once
    host: str
    port: int
    schema_source: str
    schema_hash: str
    snapshot: dict[str, str] = field(default_factory=dict)
    verify_artifact: dict[str, Any] | None = None
    verify: dict[str, Any] | None = None
    run: dict[str, Any] | None = None
    journal: dict[str, Any] | None = None
    memory_budget: dict[str, Any] | None = None  # --max-memory (serve, run)
    violations: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[dict[str, Any]] | None = None  # --skip-unsupported
    determinism: dict[str, Any] | None = None  # --clock / --seed
    databases: dict[str, Any] | None = None  # every database (issue 16)
    parity: dict[str, Any] | None = None  # --shadow (twinning.shadow)


def _outcome(ctx: RunContext) -> str:
    if ctx.verify is not None and ctx.verify.get("outcome") == "FAIL":
        return "FAIL"
    if ctx.verify is not None:
        return "PASS"
    return "READY"


def _run_failed(run: dict[str, Any] | None) -> str | None:
    """How the --run command failed, or None when it exited 0."""
    if run is None:
        return None
    if run.get("timed_out"):
        return "timed out (--run-timeout)"
    if run.get("signal") is not None:
        return f"was killed by signal {run['signal']}"
    if run.get("exit_code") not in (0, None):
        return f"exited {run['exit_code']}"
    return None


def _next_step(ctx: RunContext) -> str:
    failed = _run_failed(ctx.run)
    if failed is not None:
        return (f"The run command {failed}: fix it from its own output, then "
                "rerun; verify and the counters cover only what it committed.")
    if ctx.verify is not None and ctx.verify.get("outcome") == "FAIL":
        failing = [r["rule_id"] for r in ctx.verify["results"]
                   if r["status"] == "fail"]
        shown = ", ".join(failing[:3]) + (", …" if len(failing) > 3 else "")
        return (f"Fix the extractor so the failing verify rules pass "
                f"({shown}), then rerun it against the twin; the report's "
                "verify.results[].affected lists the offending rows.")
    if ctx.mode == "bootstrap":
        return ("Point a client at the twin: twinning postgres --schema "
                f"{ctx.schema_source} --run 'python extract.py' --report "
                "report.json")
    return "Inspect the tables and constraint counters, then iterate."


def build_report(state: CommittedState, ctx: RunContext) -> dict[str, Any]:
    catalog = state.catalog
    counts = catalog.counts()
    tables = {}
    for table in catalog.tables:
        tables[str(table.name)] = {
            "rows": len(state.rows.get(table.name, ())),
            "columns": len(table.columns),
            "indexes": len(catalog.indexes_of(table.name)),
            "constraints": len(table.constraints),
        }
    report: dict[str, Any] = {
        "version": REPORT_VERSION,
        "outcome": _outcome(ctx),
        "mode": ctx.mode,
        "engine": "postgres",
        "host": ctx.host,
        "port": ctx.port,
        "wire_protocol": WIRE_PROTOCOL,
        "schema": {"source": ctx.schema_source, "hash": ctx.schema_hash,
                   **{k: counts[k] for k in ("table_count", "column_count",
                                              "index_count", "constraint_count")}},
    }
    if ctx.skipped is not None:
        report["schema"]["skipped"] = ctx.skipped
    if ctx.verify_artifact is not None:
        report["verify_artifact"] = ctx.verify_artifact
    report["catalog"] = {
        "dialect": "postgres",
        "schemas": list(catalog.schemas),
        **counts,
        "load_order": [str(n) for n in catalog.load_order],
        "fk_cycles": [[str(n) for n in cyc] for cyc in catalog.fk_cycles],
    }
    report["storage"] = dict(STORAGE)
    report["tables"] = tables
    report["constraints"] = {k: ctx.violations.get(k, 0) for k in CONSTRAINT_KINDS}
    if ctx.snapshot:
        report["snapshot"] = dict(ctx.snapshot)
    if ctx.journal is not None:
        report["journal"] = {**ctx.journal,
                             "guarantee": JOURNAL_GUARANTEES[ctx.journal["sync"]]}
    for key in ("memory_budget", "verify", "run", "determinism", "databases",
                "parity"):  # the run's optional sections, in report order
        value = getattr(ctx, key)
        if value is not None:
            report[key] = dict(value) if isinstance(value, dict) else value
    report["null_rates"] = metrics.null_rates(state)
    report["fk_coverage"] = metrics.fk_coverage(state)
    if ctx.warnings:
        report["warnings"] = list(ctx.warnings)
    report["next_step"] = _next_step(ctx)
    return report


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_human(report: dict[str, Any]) -> str:
    """What a person reads after a run, in one screen: outcome, the run,
    the schema, committed rows per table, refused writes by kind, failing
    rules with a few offending keys, the snapshot, the next step."""
    schema = report["schema"]
    word = {"READY": "ready", "PASS": "passed", "FAIL": "FAILED"}[report["outcome"]]
    lines = [f"twinning postgres {report['mode']} {word}"]
    endpoint = f"{report['host']}:{report['port']}"
    if "run" in report:
        run = report["run"]
        failed = _run_failed(run)
        lines.append(f"run: {run['command']!r} "
                     + (f"{failed} (its output is above)" if failed
                        else "exit 0") + f", twin on {endpoint}")
    elif report["mode"] != "bootstrap":
        lines.append(f"endpoint: {endpoint}")
    lines.append(f"schema: {schema['source']} ({schema['table_count']} tables, "
                 f"{schema['column_count']} columns, {schema['index_count']} "
                 f"indexes, {schema['constraint_count']} constraints, "
                 f"{schema['hash'][:19]}…)")
    if schema.get("skipped"):
        lines.append(f"skipped: {len(schema['skipped'])} statements "
                     "(--skip-unsupported; each one on stderr and in the report)")
    cycles = report["catalog"]["fk_cycles"]
    if cycles:
        lines.append("fk cycles: " + "; ".join(" ↔ ".join(c) for c in cycles))
    width = max((len(n) for n in report["tables"]), default=0)
    for name, info in report["tables"].items():
        lines.append(f"  {name:<{width}}  {info['rows']:>8} rows")
    refused = {k: v for k, v in report["constraints"].items() if v}
    if refused:
        lines.append(f"refused writes: {sum(refused.values())} — " + ", ".join(
            f"{_KIND_WORDS[k]} {v}" for k, v in refused.items()))
    if "verify" in report:
        lines.extend(_render_verify(report))
    elif "verify_artifact" in report:
        art = report["verify_artifact"]
        lines.append(f"verify: {art['source']} ({art['loaded']} rules)")
    snap = report.get("snapshot")
    if snap:
        where = snap.get("written_to") or snap.get("restored_from")
        lines.append(f"snapshot: {where}")
        lines.append(f"  {snap['snapshot_hash']}")
    journal = report.get("journal")
    if journal:
        torn = (f", a torn tail of {journal['dropped_bytes']} bytes dropped"
                if journal.get("dropped_bytes") else "")
        lines.append(f"journal: {journal['path']} ({journal['records']} "
                     f"records, {journal['replayed']} replayed at start, "
                     f"{journal['bytes']} bytes, sync {journal['sync']}"
                     f"{torn})")
        lines.append(f"  {journal['guarantee']}")
    budget = report.get("memory_budget")
    if budget:
        lines.append(f"memory budget: {budget['bytes']} bytes per statement"
                     f"{' (the default: half the RAM)' if budget['default'] else ''}")
    lines.append(f"next: {report['next_step']}")
    return "\n".join(lines) + "\n"


# What `--journal-sync` promises, in the report's `journal.guarantee`
# (twinning/journal.py says how).
JOURNAL_GUARANTEES = {
    "commit": "every acknowledged commit survives a crash of the twin "
              "(SIGKILL included) and of the machine: it is written and "
              "fsync'ed before the client hears of it; a torn last record "
              "is dropped at restart, never half-applied",
    "off": "every acknowledged commit survives a crash of the twin "
           "(SIGKILL included): it is written to the file before the client "
           "hears of it, but not fsync'ed, so a crash of the machine or its "
           "operating system may lose the latest commits (the journal is "
           "cut back to its last whole record at restart, never "
           "half-applied)",
}

MEMORY_BUDGET = {
    "covers": "the rows one statement materializes in the loops that can "
              "run away (joins, sorts, set-returning calls such as "
              "generate_series): counted at 64 bytes a row plus 8 a value "
              "as they are built, 53200 out_of_memory once past the budget, "
              "the statement failing and the session going on",
    "does_not_cover": "the process as a whole: the committed data, "
                      "transactions' uncommitted rows, indexes, every other "
                      "session's statements (each has its own budget), the "
                      "values' own bytes (long strings), parsing and "
                      "planning, and result rows being sent; it is not an "
                      "RSS limit, so the operating system's OOM killer can "
                      "still end the twin",
}


def memory_budget_block(limit: int, default: bool) -> dict[str, Any]:
    """The report's `memory_budget`: `--max-memory` (or its default, half
    the RAM) and what it guarantees and does not."""
    return {"bytes": limit, "default": default, **MEMORY_BUDGET}


_KIND_WORDS = {"not_null_violations": "not null", "unique_violations": "unique",
               "fk_violations": "foreign key", "check_violations": "check",
               "data_errors": "data error"}
# Example rows per failing rule: three while few rules fail, fewer when
# many do, so a bad run still fits one screen.
HUMAN_EXAMPLES = 3
HUMAN_EXAMPLES_MANY = 2


def _render_verify(report: dict[str, Any]) -> list[str]:
    """Rule counts, then each failing rule with a few localised rows."""
    verify = report["verify"]
    summary = verify["summary"]
    source = report.get("verify_artifact", {}).get("source",
                                                   verify["constraint_set_id"])
    total = summary["total_rules"]
    head = (f"verify: {source} {verify['outcome']} — {total} "
            f"rule{'s' if total != 1 else ''}, {summary['passed_rules']} passed, "
            f"{summary['failed_rules']} failed")
    if summary["failed_rules"]:
        sev = summary["by_severity"]
        head += f" ({sev['error']} error, {sev['warn']} warn)"
    lines = [head]
    examples = HUMAN_EXAMPLES if summary["failed_rules"] <= 3 else HUMAN_EXAMPLES_MANY
    for result in verify["results"]:
        if result["status"] != "fail":
            continue
        count, affected = result["violation_count"], result["affected"]
        label = f"  FAIL {result['severity']:<5} {result['rule_id']}: "
        if count == 1 and affected and "key" not in affected[0]:
            # A relation-level rule (row_count, aggregate_compare): the
            # observed value is the whole story.
            lines.append(label + _describe_entry(affected[0]))
            continue
        lines.append(label + f"{count} violation{'s' if count != 1 else ''}")
        for entry in affected[:examples]:
            lines.append("    " + _describe_entry(entry))
        if count > examples:
            lines.append(f"    … {count - examples} more")
    return lines


def _describe_entry(entry: dict[str, Any]) -> str:
    parts = [entry["binding"]]
    key = entry.get("key") or {}
    for name, value in key.items():
        parts.append(f"{name}={_plain(value)}")
    if "field" in entry:
        value = entry.get("value")
        # A not_null failure on a key column would repeat the key.
        if entry["field"] not in key or _plain(key[entry["field"]]) != _plain(value):
            parts.append(f"{entry['field']}={_plain(value)}")
    elif "value" in entry:
        parts.append(f"value={_plain(entry['value'])}")
    return " ".join(parts)


def _plain(value: Any) -> str:
    """A JSON value the way psql would show it (NULL spelled out)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if (
            value == "" or value != value.strip() or " " in value) else value
    if isinstance(value, list):
        return "(" + ", ".join(_plain(v) for v in value) + ")"
    return str(value)
