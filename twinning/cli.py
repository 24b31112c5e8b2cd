"""twinning — a protocol-faithful PostgreSQL 15 twin.

Usage:
  twinning postgres [options]
  twinning tournament [options] (--candidate SPEC)...
  twinning explain [options] [SQL]
  twinning snapshot inspect FILE [options]
  twinning proof twin-pair [options]
  twinning materialize [--where SPEC]... [options]
  twinning <engine> [options]
  twinning --describe
  twinning (-h | --help)
  twinning --version

Options:
  --schema FILE        Load this DDL file.
  --skip-unsupported   Load --schema without the statements twinning
                       cannot run, each listed on stderr and in the report.
  --restore FILE       Restore this twinning.snapshot.v0 file instead.
  --verify FILE        Evaluate this verify.constraint.v1 artifact at the end.
  --host HOST          Address to listen on [default: 127.0.0.1].
  --port PORT          Port to listen on; 0 picks a free one [default: 5432].
  --socket-dir DIR     Also listen on the Unix socket DIR/.s.PGSQL.<port>.
  --serve              Serve until SIGINT/SIGTERM, then write artifacts.
  --run CMD            Serve while CMD runs (through the shell), then stop.
  --run-timeout SEC    Kill CMD after this many seconds.
  --password PASS      Require this password (SCRAM-SHA-256); also
                       TWINNING_PASSWORD. Default: trust.
  --trust-remote       Allow a non-loopback --host without a password.
  --max-memory SIZE    Memory one statement may materialize (rows of a
                       join, a sort, a set-returning call) before it fails
                       with 53200, e.g. 512MB, 4GB. Default: half the RAM.
  --report FILE        Write the twinning.v0 report here.
  --snapshot FILE      Write a twinning.snapshot.v0 snapshot here.
  --snapshot-dir DIR   Also write DIR/<name>.twin for every database.
  --clock TIMESTAMP    Deterministic time: now() & co. start at TIMESTAMP
                       (ISO 8601, UTC unless zoned) and step 1 ms per reading.
  --seed N             Deterministic random(), gen_random_uuid(), setseed().
  --candidate SPEC     tournament: NAME=CMD, run against its own fork of the
                       base (PGDATABASE=NAME); repeat for each candidate.
  --jobs J             tournament: candidates run at once (default: CPUs).
  --trace FILE         Write twinning.query-trace.v0 JSON lines here
                       (proof: replay this trace).
  --journal FILE       Append every commit to FILE before acknowledging it;
                       on start, replay FILE (written over the same base).
  --journal-sync MODE  commit: fsync each commit (default); off: write only.
  --left FILE          proof: the first snapshot to compare.
  --right FILE         proof: the second snapshot to compare.
  --queries FILE       proof: the SQL statements to replay on both.
  --from URL           materialize: the PostgreSQL database to copy.
  --tables LIST        materialize: only these SCHEMA.TABLE, comma-separated.
  --where SPEC         materialize: TABLE=PREDICATE, rows to copy (repeatable).
  --schema-only        materialize: the catalog without rows.
  --backend URL        Run every statement on a fresh database at URL built
                       from --schema (the twin keeps the policy and the
                       records, PostgreSQL the data).
  --shadow URL         Run every statement also on a fresh database at URL
                       built from --schema; the report's parity section
                       lists where PostgreSQL answered differently.
  --json               Print the JSON document instead of the human summary.
  --describe           Print the machine-readable operator manifest.
  -h --help            Show this help.
  --version            Show the version.

Exit codes: 0 clean, 1 embedded verify failed, 2 refusal or usage error.
"""

from __future__ import annotations

import gc
import os
import sys

from twinning import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from twinning.errors import Refusal

ENGINES_PLANNED = ("mysql", "oracle", "sqlite", "mssql")


def entry() -> int:
    """The `twinning` program: a warm server runs the command when one
    listens (twinning.warm), this process otherwise."""
    from twinning.warm import delegate
    code = delegate(sys.argv[1:])
    return main() if code is None else code


def parse_arguments(argv: list[str]) -> dict[str, Any]:
    """docopt(__doc__, argv) with the usage parsed once per process:
    docopt parses and `fix()`es it in every call, ~15 ms (most of a warm
    command's own time) that the warm server's children would each spend
    again. The steps are docopt-ng's `docopt()` after its parse."""
    import docopt as d
    global _USAGE
    if _USAGE is None:
        sections = d.parse_docstring_sections(__doc__)
        d.lint_docstring(sections)
        d.DocoptExit.usage = sections.usage_header + sections.usage_body
        options = [*d.parse_options(sections.before_usage),
                   *d.parse_options(sections.after_usage)]
        pattern = d.parse_pattern(d.formal_usage(sections.usage_body), options)
        named = set(pattern.flat(d.Option))
        for shortcut in pattern.flat(d.OptionsShortcut):
            shortcut.children = [o for o in options if o not in named]
        _USAGE = _fix(pattern, d), options
    pattern, options = _USAGE
    parsed = d.parse_argv(d.Tokens(argv), list(options), False)
    matched, left, collected = pattern.match(parsed)
    if matched and left == []:  # the usage's default lists are copied
        return d.ParsedOptions((a.name, list(a.value) if type(a.value) is list
                                else a.value)
                               for a in pattern.flat() + collected)
    raise d.DocoptExit()


_USAGE: tuple | None = None


def _fix(pattern: Any, d: Any) -> Any:
    """docopt's `pattern.fix()` in linear time (~1 ms, not ~15: docopt
    compares leaves by their repr, pairwise): equal leaves made one object,
    first seen first; then, in each case of the expanded pattern, a leaf
    that occurs twice made to accumulate (a list) or count (an int)."""
    def identify(branch: Any, seen: dict[str, Any]) -> None:
        for i, child in enumerate(branch.children):
            if hasattr(child, "children"):
                identify(child, seen)
            else:
                branch.children[i] = seen.setdefault(repr(child), child)

    identify(pattern, {})
    for case in d.transform(pattern).children:
        leaves = list(case.children)
        counts: dict[str, int] = {}
        for leaf in leaves:
            counts[repr(leaf)] = counts.get(repr(leaf), 0) + 1
        for e in [leaf for leaf in leaves if counts[repr(leaf)] > 1]:
            kind = type(e)
            if kind is d.Argument or kind is d.Option and e.argcount:
                if e.value is None:
                    e.value = []
                elif type(e.value) is not list:
                    e.value = e.value.split()
            if kind is d.Command or kind is d.Option and e.argcount == 0:
                e.value = 0
    return pattern


def main(argv: list[str] | None = None) -> int:
    # Imported here, not at the top: a warm start never needs them.
    from docopt import DocoptExit
    from twinning.errors import Refusal
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse_arguments(argv)
    except DocoptExit:
        return _refuse(Refusal("E_USAGE", "the command line does not match "
                               "the usage", {"argv": argv},
                               "twinning --help"), "--json" in argv)
    as_json = bool(args["--json"])
    if args["--help"]:
        sys.stdout.write(__doc__)
        return 0
    if args["--version"]:
        print(f"twinning {__version__}")
        return 0
    # Start-up creates some 70,000 objects that live as long as the process
    # (modules, IR classes, the catalog); collecting while they are built
    # only rescans them. live._tune_gc freezes them and re-enables the
    # collector before serving.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if args["--describe"]:
            from twinning.describe import manifest
            import json
            print(json.dumps(manifest(), indent=2))
            return 0
        if args["--backend"]:  # the delegated backend (twinning.backend)
            from twinning.backend import postgres_backend
            return postgres_backend(args)
        if args["postgres"]:
            from twinning.commands import postgres
            return postgres(args)
        if args["tournament"]:
            from twinning.tournament import tournament
            return tournament(args)
        if args["explain"]:
            from twinning.commands import explain
            return explain(args)
        if args["snapshot"]:
            from twinning.commands import inspect_snapshot
            return inspect_snapshot(args["FILE"], as_json)
        if args["proof"]:
            from twinning.proof import twin_pair
            return twin_pair(args)
        if args["materialize"]:
            from twinning.materialize import materialize
            return materialize(args)
        engine = args["<engine>"]
        if engine in ENGINES_PLANNED:
            raise Refusal("E_ENGINE_UNIMPLEMENTED",
                          f"the {engine} engine is not implemented; only "
                          "postgres is", {"engine": engine},
                          "twinning postgres --schema schema.sql")
        raise Refusal("E_USAGE", f"unknown command {engine!r}",
                      {"argv": argv}, "twinning --help")
    except Refusal as refusal:
        return _refuse(refusal, as_json)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the details
        if os.environ.get("TWINNING_DEBUG"):
            raise
        return _refuse(Refusal("E_INTERNAL", f"internal error (a twinning "
                               f"bug): {type(exc).__name__}: {exc}",
                               {"argv": argv},
                               "rerun with TWINNING_DEBUG=1 and report the "
                               "traceback"), as_json)
    finally:
        if collecting:
            gc.enable()


def _refuse(refusal: Refusal, as_json: bool) -> int:
    from twinning.report import to_json
    envelope = refusal.envelope()
    if as_json:
        sys.stdout.write(to_json(envelope))
    else:
        lines = [f"twinning: refused ({refusal.code}): {refusal.message}"]
        if refusal.next_command:
            lines.append(f"next: {refusal.next_command}")
        sys.stderr.write("\n".join(lines) + "\n")
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(entry())
