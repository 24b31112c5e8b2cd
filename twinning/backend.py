"""The delegated backend: `twinning postgres --schema S --backend URL
(--serve | --run CMD) [--verify V] [--report R] [--trace T] [--snapshot F]`.

Clients connect to twinning — the same listener, start-up, authentication
and declared-subset policy as the in-memory twin — and every statement
runs on a fresh database at URL's server built from the same schema
(`BackendDatabase`, made as the shadow ledger makes its own, then given
the rows and sequence positions of the schema file's own data statements
from the twin's starting state, `BackendDatabase.seed`). The data
lives there and only there: the twin's engine holds the catalog (its
state has the schema's rows only, if the schema file inserts any) and
decides refusals with its front half (`backend_policy`); the forwarding
and the records are `backend_link`.

At the end the report is built as for the in-memory twin, with what
describes data read from the backend with SQL: row counts, null_rates and
fk_coverage (`backend_metrics`), embedded verify pushed down
(`backend_verify`), the refused-write counters from the SQLSTATEs the
backend returned. The fields that name the engine differ: `storage`
describes the backend (server version, database). `--snapshot` streams
the committed state out through COPY as `materialize` does (same
snapshot format; `--restore` serves it).

The backend database is kept after the run (it is the data; the report's
`storage.database` names it), unlike the shadow ledger's, which is
dropped.
"""

from __future__ import annotations

import os
from typing import Any

from twinning.errors import Refusal
from twinning.report import (RunContext, build_report, memory_budget_block,
                             render_human, violation_counts)

STORAGE_MODEL = ("delegated: every statement runs on the PostgreSQL at "
                 "--backend; twinning keeps no copy of the data")
_NOT_WITH = ("--restore", "--journal", "--shadow", "--snapshot-dir",
             "--clock", "--seed")


class BackendDatabase:
    """A fresh database at URL's server, built from the schema text."""

    def __init__(self, url: str, schema: str) -> None:
        from twinning.shadow import ShadowDatabase
        name = f"twinning_backend_{os.getpid()}_{id(self) % 100000}"
        try:
            self._db = ShadowDatabase(url, schema, name)
        except Refusal as refusal:
            if refusal.code != "E_SHADOW":  # E_DEPENDENCY: psycopg missing
                raise
            raise Refusal("E_BACKEND", refusal.message.replace(
                "shadow database", "backend database"), refusal.detail,
                "check --backend (a role that may CREATE DATABASE)") from None
        self.name, self.conninfo = name, self._db.conninfo

    def drop(self) -> None:
        self._db.drop()

    def seed(self, state) -> None:
        """The rows and sequence positions the schema file's own data
        statements left in the twin's starting state (the DDL the
        database was built from holds no data): copied in, parents
        first, so the backend starts where the in-memory twin starts."""
        import psycopg
        from twinning import values
        from twinning.backend_metrics import qualified
        from twinning.values.identifiers import quote_ident
        catalog = state.catalog
        try:
            with self.connect() as conn, conn.transaction():
                for name in catalog.load_order:
                    rows = state.rows.get(name, ())
                    if not rows:
                        continue
                    table = catalog.table(name)
                    kept = [(i, c) for i, c in enumerate(table.columns)
                            if not c.generated]
                    columns = ", ".join(quote_ident(c.name) for _, c in kept)
                    with conn.cursor().copy(f"COPY {qualified(name)} "
                                            f"({columns}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row([
                                None if row[i] is None else
                                values.format_text(c.type, row[i])
                                for i, c in kept])
                for seq in catalog.sequences:
                    position = state.sequences.get(seq.name)
                    if position is not None and position.is_called:
                        conn.execute("SELECT setval(%s, %s, true)",
                                     (qualified(seq.name), position.last_value))
        except psycopg.Error as exc:
            raise Refusal("E_BACKEND", "cannot copy the schema file's rows "
                          f"into the backend database: {str(exc).strip()}",
                          {"database": self.name},
                          "check the schema file's data statements") from None

    def connect(self):
        import psycopg
        from twinning.materialize import SOURCE_SETTINGS
        conn = psycopg.connect(self.conninfo, autocommit=True)
        for setting in SOURCE_SETTINGS:  # the twin's output settings (COPY)
            conn.execute(setting)
        return conn


def _check(args: dict[str, Any]) -> None:
    if not args["postgres"]:
        raise Refusal("E_USAGE", "--backend belongs to `twinning postgres`",
                      {}, "twinning postgres --schema schema.sql --backend "
                      "URL --run CMD")
    for option in _NOT_WITH:
        if args.get(option):
            raise Refusal("E_USAGE", f"--backend does not combine with "
                          f"{option}", {"option": option},
                          "twinning postgres --schema schema.sql --backend "
                          "URL --run CMD")
    if not args["--schema"]:
        raise Refusal("E_USAGE", "--backend builds its database from --schema",
                      {}, "twinning postgres --schema schema.sql --backend "
                      "URL --run CMD")


def postgres_backend(args: dict[str, Any]) -> int:
    from twinning import commands
    _check(args)
    mode = commands._mode(args)
    if mode == "bootstrap":
        raise Refusal("E_USAGE", "--backend serves clients: give --serve or "
                      "--run CMD", {}, "twinning postgres --schema schema.sql "
                      "--backend URL --run CMD")
    port = commands._port(args["--port"])
    source = commands._source(args, "postgres")
    state = source.state
    verify_doc = commands._verify_doc(args, state.catalog)
    exposed = commands._exposure(args)
    database = BackendDatabase(args["--backend"], state.ddl)
    try:
        database.seed(state)
    except Exception:
        database.drop()
        raise
    try:
        port, run, refused = _live(mode, args, state, port, database)
    except Refusal:  # nothing was served (the port could not be bound)
        database.drop()
        raise
    ctx = RunContext(mode, args["--host"], port, source.path, source.hash)
    ctx.run = run
    from twinning.execute import default_memory_limit
    given = commands._max_memory(args.get("--max-memory"))
    ctx.memory_budget = memory_budget_block(given or default_memory_limit(),
                                            given is None)
    ctx.violations = violation_counts(refused)
    if verify_doc is not None:
        ctx.verify_artifact = {"source": verify_doc.source,
                               "hash": verify_doc.hash,
                               "loaded": len(verify_doc.rules)}
    ctx.warnings.extend(source.notices)
    ctx.skipped = list(source.skipped) if args.get("--skip-unsupported") else None
    if exposed:
        ctx.warnings.append(exposed)
    return _finish(state, ctx, args, verify_doc, database)


def _live(mode: str, args: dict[str, Any], state, port: int,
          database: BackendDatabase):
    from twinning.backend_link import BackendConnection, _Counters
    from twinning.session import Engine

    from twinning.commands import (_max_memory, _open_trace, _run_timeout,
                                   _serve_or_run)
    timeout = _run_timeout(args["--run-timeout"])
    password = args.get("--password") or os.environ.get("TWINNING_PASSWORD")
    recorder = _open_trace(args["--trace"])
    engine = Engine(state, password=password or None, trace=recorder,
                    max_memory=_max_memory(args.get("--max-memory")))
    counters = _Counters()
    engine.wrap_connection = lambda conn: BackendConnection(
        conn, engine, database.conninfo, counters)
    try:
        result = _serve_or_run(engine, mode, args, port, timeout)
    finally:
        if recorder is not None:
            recorder.close()
    return result.port, result.run, dict(counters.refused)


def _finish(state, ctx: RunContext, args: dict[str, Any], verify_doc,
            database: BackendDatabase) -> int:
    """The report over the backend's committed data (read with SQL)."""
    import psycopg
    from twinning import backend_metrics
    catalog = state.catalog
    try:
        with database.connect() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            if args["--snapshot"]:
                ctx.snapshot.update(_snapshot(conn, state, args["--snapshot"]))
            if verify_doc is not None:
                from twinning.backend_verify import BackendVerify
                ctx.verify = BackendVerify(conn, verify_doc, catalog).evaluate()
            counts = backend_metrics.row_counts(conn, catalog)
            null_rates = backend_metrics.null_rates(conn, catalog)
            coverage = backend_metrics.fk_coverage(conn, catalog)
    except psycopg.Error as exc:
        raise Refusal("E_BACKEND", f"reading the backend database failed: "
                      f"{str(exc).strip()}", {"database": database.name},
                      "check that the --backend server is still up") from None
    report = build_report(state, ctx)
    report["storage"] = {"model": STORAGE_MODEL,
                         "backend": f"PostgreSQL {version}",
                         "database": database.name,
                         "snapshot_format": report["storage"]["snapshot_format"]}
    for name, rows in counts.items():
        report["tables"][name]["rows"] = rows
    report["null_rates"] = null_rates
    report["fk_coverage"] = coverage
    from twinning import commands
    commands.emit_report(args, report, _human)
    return 1 if report["outcome"] == "FAIL" else 0


def _human(report: dict[str, Any]) -> str:
    """The usual summary, with where the data is before the next step."""
    lines = render_human(report).splitlines()
    storage = report["storage"]
    lines.insert(len(lines) - 1, f"backend: {storage['backend']}, database "
                 f"{storage['database']} (kept)")
    return "\n".join(lines) + "\n"


def _snapshot(conn, state, path: str) -> dict[str, str]:
    """The committed state streamed out over COPY (materialize's reader)."""
    from twinning import snapshot_stream
    from twinning.materialize import _copy
    spools, _, sequences, version = _copy(conn, state.catalog, {}, False)
    try:
        digest, _size = snapshot_stream.write(
            path, state.catalog, state.ddl, spools, sequences,
            {"materialized_from": {"server_version": version}})
    finally:
        for spool in spools:
            spool.close()
    return {"written_to": path, "snapshot_hash": digest}
