"""The sub-commands behind the CLI: argument checks, then orchestration.

Each command validates its arguments into refusals first (SPEC §4), then
calls the pipeline and the artifact writers. Printing happens here and in
`cli`, nowhere deeper.

The snapshot codec and the verify modules are imported where an option
needs them, not here: `--serve` answers its first query sooner when start-up
loads only what serving uses (the bench's `cold_start`).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable

from twinning import bootstrap
from twinning.errors import Refusal
from twinning.ir.dump import dump
from twinning.report import (RunContext, build_report, memory_budget_block,
                             render_human, to_json, violation_counts)


def _source(args: dict[str, Any], command: str) -> bootstrap.Source:
    schema, restore = args["--schema"], args["--restore"]
    if schema and restore:
        raise Refusal("E_AMBIGUOUS_BOOTSTRAP_SOURCE",
                      "use exactly one bootstrap source: --schema or "
                      "--restore, not both", {"engine": "postgres"},
                      f"twinning {command} --schema {schema}")
    if not schema and not restore:
        raise Refusal("E_BOOTSTRAP_SOURCE_REQUIRED",
                      "a bootstrap source is required: --schema FILE or "
                      "--restore FILE", {"engine": "postgres"},
                      f"twinning {command} --schema schema.sql")
    if not schema:
        return bootstrap.from_snapshot(restore)
    from twinning.schema_script import run_rest  # lazy: cold start
    source = bootstrap.from_schema(schema, bool(args.get("--skip-unsupported")),
                                   run_rest)
    for skipped in source.skipped:  # each on stderr as it is left out
        print(f"twinning: skipped {skipped['path']}:{skipped['line']}:"
              f"{skipped['column']}: {skipped['construct']} "
              f"({skipped['sqlstate']}: {skipped['message']})", file=sys.stderr)
    return source


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise Refusal("E_USAGE", f"--port must be 0..65535, not {value!r}",
                      {"port": value}, "twinning postgres --port 0 …")
    return port


def _mode(args: dict[str, Any]) -> str:
    if args["--serve"] and args["--run"]:
        raise Refusal("E_AMBIGUOUS_LIVE_MODE",
                      "use one live mode: --serve or --run, not both",
                      {"engine": "postgres"},
                      "twinning postgres --schema schema.sql --run 'python "
                      "extract.py'")
    if args["--run-timeout"] and not args["--run"]:
        raise Refusal("E_USAGE", "--run-timeout needs --run", {},
                      "twinning postgres … --run CMD --run-timeout 60")
    return "serve" if args["--serve"] else "run_once" if args["--run"] \
        else "bootstrap"


def postgres(args: dict[str, Any]) -> int:
    mode = _mode(args)
    port = _port(args["--port"])
    source = _source(args, "postgres")
    state = source.state
    verify_doc = _verify_doc(args, state.catalog)
    journal = _journal(args, source)
    determinism = _determinism(args)
    run, refused, journal_block = None, {}, None
    exposed, engines, parity = None, [], None
    if mode != "bootstrap":
        exposed = _exposure(args)
        (state, port, run, refused, journal_block, engines,
         parity) = _live(
            mode, args, state, port, journal)
    else:
        if args["--trace"]:
            # bootstrap runs no statements: the trace is empty, but it exists
            bootstrap.write_file(args["--trace"], b"", "query trace")
        if journal is not None:
            state, journal_block = _replay_journal(state, journal)
    ctx = RunContext(mode, args["--host"], port, source.path, source.hash)
    ctx.run = run
    ctx.journal = journal_block
    if parity is not None:
        ctx.parity = parity
    if mode != "bootstrap":  # statements ran under the budget
        from twinning.execute import default_memory_limit
        given = _max_memory(args.get("--max-memory"))
        ctx.memory_budget = memory_budget_block(
            given or default_memory_limit(), given is None)
    ctx.violations = violation_counts(refused)
    ctx.determinism = determinism
    if len(engines) > 1 or args.get("--snapshot-dir"):
        from twinning.database_report import Loaded, databases_section
        if journal is not None and len(engines) > 1:
            ctx.warnings.append("--journal records the postgres database "
                                "only: the other databases' commits are "
                                "not journaled")
        ctx.databases = databases_section(
            engines or [("postgres", Loaded(state))], verify_doc,
            args.get("--snapshot-dir"))
    if verify_doc is not None:
        ctx.verify_artifact = {"source": verify_doc.source,
                               "hash": verify_doc.hash,
                               "loaded": len(verify_doc.rules)}
    if source.restored is not None:
        ctx.snapshot["restored_from"] = source.path
        ctx.snapshot["restored_hash"] = source.restored.snapshot_hash
    ctx.warnings.extend(source.notices)
    ctx.skipped = list(source.skipped) if args.get("--skip-unsupported") else None
    if exposed:
        ctx.warnings.append(exposed)
    return finish(state, ctx, args, verify_doc)


def _exposure(args: dict[str, Any]) -> str | None:
    """A twin reachable from other machines must ask for a password: a
    non-loopback --host without one is refused unless --trust-remote
    says so, which the report then warns about."""
    host = args["--host"]
    if _loopback(host) or args["--password"] \
            or os.environ.get("TWINNING_PASSWORD"):
        return None
    if not args.get("--trust-remote"):
        raise Refusal("E_INSECURE_BIND", f"--host {host} is reachable from "
                      "other machines and no password is set: anyone there "
                      "could connect", {"host": host},
                      f"twinning postgres … --host {host} --password PASS "
                      "(or --trust-remote to allow it without one)")
    return (f"--trust-remote: listening on {host} without a password; any "
            "client that reaches it can connect")


def _loopback(host: str) -> bool:
    """Every address `host` resolves to is a loopback one (a name that
    does not resolve is left to the bind, which refuses it: E_BIND)."""
    if host in ("127.0.0.1", "::1"):  # the default: no resolver, no
        return True  # ipaddress import at start-up
    import ipaddress
    import socket
    if not host or host == "*":
        return False
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return True
    return all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback
               for info in infos)


def _run_timeout(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise Refusal("E_USAGE", f"--run-timeout must be a positive number of "
                      f"seconds, not {value!r}", {"run_timeout": value},
                      "twinning postgres … --run CMD --run-timeout 60")
    return seconds


def _max_memory(value: str | None) -> int | None:
    if value is None:
        return None
    from twinning.execute import parse_memory
    size = parse_memory(value)
    if not size:
        raise Refusal("E_USAGE", f"--max-memory must be a positive size such "
                      f"as 512MB or 4GB, not {value!r}", {"max_memory": value},
                      "twinning postgres … --max-memory 4GB")
    return size


def _open_trace(path: str | None):
    if path is None:
        return None
    from twinning.trace import QueryTrace
    try:
        return QueryTrace.open(path)
    except OSError as exc:
        raise Refusal("E_IO_WRITE", f"cannot write query trace {path}: "
                      f"{exc.strerror or exc}", {"path": path},
                      "check that the directory exists and is writable") from None


def _journal(args: dict[str, Any], source: bootstrap.Source):
    """(path, sync mode, base) of --journal, or None."""
    path, sync = args["--journal"], args["--journal-sync"]
    if path is None:
        if sync is not None:
            raise Refusal("E_USAGE", "--journal-sync needs --journal", {},
                          "twinning postgres … --serve --journal twin.journal "
                          "--journal-sync commit")
        return None
    from twinning.journal import SYNC_MODES, Base  # lazy: cold start
    sync = sync or "commit"
    if sync not in SYNC_MODES:
        raise Refusal("E_USAGE", f"--journal-sync must be commit or off, not "
                      f"{sync!r}", {"journal_sync": sync},
                      f"twinning postgres … --journal {path} --journal-sync "
                      "commit")
    if source.restored is not None:
        base = Base("snapshot", source.restored.snapshot_hash, source.path)
    else:
        base = Base("schema", source.hash, source.path)
    return path, sync, base


def _replay_journal(state, journal):
    """Bootstrap mode: the state the journal's commits lead to (the file
    is only read)."""
    from twinning.journal import replay_only
    from twinning.session import Engine

    engine = Engine(state)
    block = replay_only(engine.store, *journal)
    return engine.committed_state(), block


def _live(mode: str, args: dict[str, Any], state, port: int, journal):
    """Serve (until a signal) or run the child; the state to report on."""
    from twinning.session import Engine

    timeout = _run_timeout(args["--run-timeout"])
    password = args.get("--password") or os.environ.get("TWINNING_PASSWORD")
    recorder = _open_trace(args["--trace"])
    engine = Engine(state, password=password or None, trace=recorder,
                    max_memory=_max_memory(args.get("--max-memory")))
    writer = None
    shadow = None
    if args.get("--shadow"):  # the parity ledger (twinning.shadow)
        from twinning.shadow import attach
        shadow = attach(engine, args, state.ddl)
    try:
        if journal is not None:  # replayed before the first client
            from twinning.journal import open_journal
            writer = open_journal(engine.store, *journal)
        result = _serve_or_run(engine, mode, args, port, timeout)
    finally:
        if recorder is not None:
            recorder.close()
        if writer is not None:
            writer.close()
        if shadow is not None:
            shadow.close()
    from twinning.databases import Databases
    engines = Databases.of(engine).engines()
    return (engine.committed_state(), result.port, result.run, engine.refused,
            writer.report() if writer is not None else None, engines,
            shadow.ledger.block() if shadow is not None else None)



def _serve_or_run(engine: Any, mode: str, args: dict, port: int,
                  timeout: float | None) -> Any:
    """`--serve` until a signal, or `--run CMD` until it exits."""
    from twinning import live
    if mode == "serve":
        return live.serve(engine, args["--host"], port, args["--socket-dir"])
    return live.run_once(engine, args["--host"], port, args["--run"],
                         timeout, args["--socket-dir"])

def _determinism(args: dict[str, Any]) -> dict[str, Any] | None:
    """--clock and --seed, checked and installed before anything runs; the
    report's `determinism` block (None when neither is given)."""
    clock, seed = args.get("--clock"), args.get("--seed")
    if clock is None and seed is None:
        return None
    from twinning import determinism
    if clock is not None:
        try:
            determinism.parse_clock(clock)
        except ValueError:
            raise Refusal("E_USAGE", f"--clock must be an ISO 8601 timestamp "
                          f"such as 2024-01-01T00:00:00Z, not {clock!r}",
                          {"clock": clock}, "twinning postgres … --clock "
                          "2024-01-01T00:00:00Z --seed 1") from None
    if seed is not None:
        try:
            seed = int(seed)
        except ValueError:
            raise Refusal("E_USAGE", f"--seed must be an integer, not {seed!r}",
                          {"seed": seed}, "twinning postgres … --seed 1") from None
    determinism.install(clock, seed)
    return determinism.recorded()


def finish(state, ctx: RunContext, args: dict[str, Any], verify_doc) -> int:
    """Write the snapshot and report over committed state; print; exit code."""
    if args["--snapshot"]:
        from twinning import snapshot  # lazy: cold start
        lineage = {}
        if ctx.snapshot.get("restored_hash"):
            lineage["restored_from"] = ctx.snapshot["restored_hash"]
        data, digest = snapshot.encode(
            state, lineage=lineage,
            verify_artifact_hash=verify_doc.hash if verify_doc else None)
        bootstrap.write_file(args["--snapshot"], data, "snapshot")
        ctx.snapshot["written_to"] = args["--snapshot"]
        ctx.snapshot["snapshot_hash"] = digest
    elif ctx.snapshot.get("restored_hash"):
        ctx.snapshot["snapshot_hash"] = ctx.snapshot["restored_hash"]
    ctx.snapshot.pop("restored_hash", None)
    if verify_doc is not None:
        # Once, over the final committed state, in every mode.
        from twinning.verify_eval import evaluate  # lazy: cold start
        ctx.verify = evaluate(verify_doc, state)
    report = build_report(state, ctx)
    emit_report(args, report, render_human)
    return 1 if report["outcome"] == "FAIL" else 0


def _verify_doc(args: dict[str, Any], catalog: Any) -> dict | None:
    """The `--verify` artifact, read and checked against the catalog."""
    if not args["--verify"]:
        return None
    from twinning.verify_artifact import load_verify_artifact  # lazy: cold start
    raw = bootstrap.read_file(args["--verify"], "verify artifact")
    return load_verify_artifact(raw, args["--verify"], catalog)


def emit_report(args: dict[str, Any], report: dict[str, Any],
                human: Callable[[dict[str, Any]], str]) -> None:
    """The report to `--report`, and to stdout as JSON (`--json`) or as
    `human` writes it for people."""
    text = to_json(report)
    if args["--report"]:
        bootstrap.write_file(args["--report"], text.encode(), "report")
    sys.stdout.write(text if args["--json"] else human(report))


def explain(args: dict[str, Any]) -> int:
    source = _source(args, "explain")
    catalog = source.state.catalog
    if args["SQL"]:
        return _explain_sql(args["SQL"], catalog, args["--json"])
    graph = {
        "load_order": [str(n) for n in catalog.load_order],
        "fk_cycles": [[str(n) for n in c] for c in catalog.fk_cycles],
        "edges": sorted([str(t.name), str(k.ref_table), k.name]
                        for t in catalog.tables for k in t.foreign_keys),
    }
    if args["--json"]:
        sys.stdout.write(to_json({"catalog": dump(catalog), "fk_graph": graph}))
        return 0
    out = [f"catalog from {source.path}"]
    for table in catalog.tables:
        out.append(f"table {table.name}")
        for col in table.columns:
            flags = " not null" if col.not_null else ""
            if col.default_source and col.generated:
                flags += f" generated always as ({col.default_source}) stored"
            elif col.default_source:
                flags += f" default {col.default_source}"
            if col.identity:
                flags += f" generated {col.identity} as identity"
            out.append(f"  {col.attnum:>3} {col.name} {col.type}{flags}")
        for k in table.constraints:
            out.append(f"  constraint {k.name} {_describe(k)}")
        for index in catalog.indexes_of(table.name):
            kind = "unique index" if index.unique else "index"
            out.append(f"  {kind} {index.name.name} ({', '.join(index.columns)})")
    for seq in catalog.sequences:
        owner = f" owned by {seq.owned_by[0]}.{seq.owned_by[1]}" if seq.owned_by else ""
        out.append(f"sequence {seq.name} {seq.type} start {seq.start} "
                   f"increment {seq.increment}{owner}")
    out.append("fk graph (child -> parent):")
    out.extend(f"  {child} -> {parent}  [{name}]" for child, parent, name in graph["edges"])
    out.append("load order: " + ", ".join(graph["load_order"]))
    cycles = graph["fk_cycles"]
    out.append("fk cycles: " + ("; ".join(" <-> ".join(c) for c in cycles)
                                if cycles else "none"))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _explain_sql(sql: str, catalog, as_json: bool) -> int:
    """Every statement's IR after each stage (parse, resolve, lower, plan),
    or the SqlError a stage raised — what the session would do with it."""
    from twinning.errors import SqlError
    from twinning.passes import parse_query, plan_statement

    try:
        parsed = parse_query(sql)
    except SqlError as exc:
        statements = [{"stages": {}, "error": exc.fields()}]
    else:
        statements = []
        for stmt in parsed.statements:
            stages = {"parse": dump(stmt)}
            entry: dict[str, Any] = {"sql": stmt.source, "stages": stages}
            try:
                plan_statement(stmt, catalog, (), lambda name, value:
                               stages.__setitem__(name, dump(value)))
            except SqlError as exc:
                entry["error"] = exc.fields()
            statements.append(entry)
    if as_json:
        sys.stdout.write(to_json({"statements": statements}))
        return 0
    out = []
    for entry in statements:
        out.append(f"statement: {entry.get('sql', sql)}")
        for name, value in entry["stages"].items():
            out.append(f"-- {name}")
            out.append(json.dumps(value, indent=2, ensure_ascii=False))
        plan_lines = entry["stages"].get("plan", {}).get("query_plan")
        if plan_lines:
            out.append("-- query plan")
            out.extend("  " + line for line in plan_lines)
        if "error" in entry:
            out.append(f"-- error {entry['error']['sqlstate']}: "
                       f"{entry['error']['message']}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _describe(k) -> str:
    kind = type(k).__name__
    if kind == "PrimaryKey":
        return f"PRIMARY KEY ({', '.join(k.columns)})"
    if kind == "Unique":
        return f"UNIQUE ({', '.join(k.columns)})"
    if kind == "Check":
        return f"CHECK ({k.source})"
    return (f"FOREIGN KEY ({', '.join(k.columns)}) REFERENCES {k.ref_table}"
            f"({', '.join(k.ref_columns)}) ON DELETE {k.on_delete} "
            f"ON UPDATE {k.on_update}")


def inspect_snapshot(path: str, as_json: bool) -> int:
    from twinning import snapshot  # lazy: cold start
    source = bootstrap.from_snapshot(path)
    restored = source.restored
    assert restored is not None
    state = restored.state
    doc = {
        "version": snapshot.SNAPSHOT_VERSION,
        "path": path,
        "snapshot_hash": restored.snapshot_hash,
        "schema_hash": source.hash,
        "tables": state.row_counts(),
        "sequences": {str(k): {"last_value": v.last_value,
                               "is_called": v.is_called}
                      for k, v in sorted(state.sequences.items())},
        "lineage": restored.lineage,
    }
    if restored.verify_artifact_hash:
        doc["verify_artifact_hash"] = restored.verify_artifact_hash
    if as_json:
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
        return 0
    lines = [f"snapshot {path}", f"hash: {restored.snapshot_hash}",
             f"schema: {source.hash}"]
    lines += [f"  {name}: {rows} rows" for name, rows in doc["tables"].items()]
    lines += [f"  sequence {name}: last_value {v['last_value']}"
              f"{'' if v['is_called'] else ' (unused)'}"
              for name, v in doc["sequences"].items()]
    if restored.lineage.get("restored_from"):
        lines.append(f"restored from: {restored.lineage['restored_from']}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
