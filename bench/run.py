"""Benchmarks: the twin beside a throwaway PostgreSQL 15, same machine, same run.

Every workload (bench/workloads.py) runs on both servers in every round;
the table and the JSON give medians over the rounds and the ratio
PostgreSQL seconds / twin seconds, so a ratio above 1 means the twin is
faster. A workload that fails records its error and the run goes on.
See docs/PERFORMANCE.md.

Run as `python -m bench.run` (`make bench` compiles first, then runs it).

Usage:
    bench.run [--rounds N] [--only NAMES] [--quick] [--json PATH]

Options:
    --rounds N     Rounds of every workload on both servers [default: 3].
    --only NAMES   A comma-separated subset of the workloads (and "memory").
    --quick        Counts and the loaded table divided by 10 (a smoke run,
                   not comparable with full runs).
    --json PATH    Where the results go [default: out/bench.json].
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import psycopg2
from docopt import docopt

from bench import forks, suite, workloads as w
from bench.data import copy_text, measured_rows
from bench.servers import ROOT, Twin, rss_kib, start_postgres, start_twin

WIDE_ROWS = 110_000
QUICK_DIVISOR = 10


@dataclass(frozen=True)
class Spec:
    """A workload, its count (the same on both sides) and its unit:
    'X/s' is a rate (count / seconds), 'ms/X' a latency, 's' seconds.
    `needs_wide`: reads the loaded table; `standalone`: starts its own
    servers rather than using the shared ones."""

    name: str
    fn: Callable[[w.Side, int, w.Context], float]
    count: int
    unit: str
    needs_wide: bool = False
    standalone: bool = False

    def size(self, quick: bool) -> int:
        return max(1, self.count // QUICK_DIVISOR) if quick else self.count

    def figure(self, seconds: float, n: int) -> float:
        if self.unit.endswith("/s"):
            return n / seconds
        if self.unit.startswith("ms/"):
            return seconds / n * 1000
        return seconds


SPECS = (
    Spec("insert_autocommit", w.insert_autocommit, 5_000, "rows/s"),
    Spec("insert_one_txn", w.insert_one_txn, 5_000, "rows/s"),
    Spec("execute_values", w.execute_values, 100_000, "rows/s"),
    Spec("pk_point_select", w.pk_point_select, 2_000, "queries/s", True),
    Spec("filtered_scan", w.filtered_scan, 200, "queries/s", True),
    Spec("upsert", w.upsert, 2_000, "rows/s"),
    Spec("psycopg3_prepared_insert", w.psycopg3_prepared_insert, 5_000,
         "rows/s"),
    Spec("group_by", w.group_by, 10, "ms/query", True),
    Spec("copy_from_stdin", w.copy_from_stdin, 100_000, "rows/s"),
    Spec("connect", w.connect, 200, "ms/connect"),
    Spec("cold_start", w.cold_start, 1, "s", standalone=True),
    Spec("warm_start", w.warm_start, 1, "s", standalone=True),
    Spec("example_loop", w.example_loop, 1, "s", standalone=True),
    Spec("example_loop_cold", w.example_loop_cold, 1, "s", standalone=True),
    # 200, not the 1,000: PostgreSQL takes ~0.5 s per fork here
    Spec("fork_loop", forks.fork_loop, 200, "ms/fork"),
    Spec("reset_after_writes", forks.reset_after_writes, 3, "ms/reset"),
    Spec("test_suite_200", suite.test_suite, 200, "s"),
)
MEMORY = "memory"
FORK_MEMORY = "fork_memory"  # the twin's RSS per idle fork (bench/forks.py)


# -- running -------------------------------------------------------------------

def error_text(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"[:300]


def attempt(spec: Spec, side: w.Side, n: int, ctx: w.Context,
            down: dict[str, str], twin: Twin | None) -> float | str:
    """Seconds for one run of one workload on one side, or an error.
    `down` says why a side cannot run anything (or, for `wide:` keys,
    anything that reads the loaded table)."""
    if not spec.standalone:
        reason = down.get(side.name) or (
            spec.needs_wide and down.get(f"wide:{side.name}"))
        if reason:
            return reason
        if side.name == "twin" and twin.proc.poll() is not None:
            return f"twin process exited with code {twin.proc.returncode}"
    try:
        return spec.fn(side, n, ctx)
    except Exception as exc:  # a failing workload must not stop the bench
        return error_text(exc)


def load_wide(side: w.Side, text: str, expected: int) -> float:
    """COPY the generated rows into `wide`; seconds."""
    with w.cursor(side.dsn) as cur:
        seconds = w.timed(lambda: cur.copy_expert(
            "COPY wide FROM STDIN", io.StringIO(text)))
        cur.execute("SELECT count(*) FROM wide")
        (count,) = cur.fetchone()
    if count != expected:
        raise RuntimeError(f"wide holds {count} rows, expected {expected}")
    return seconds


def prepare(sides: list[w.Side], twin: Twin, ctx: w.Context,
            tuple_bytes: int, down: dict[str, str]) -> dict:
    """Load `wide` on both sides (a failure goes into `down` as
    `wide:SIDE`) and return the twin's RSS around the load."""
    w.select_1(twin.dsn)
    idle = rss_kib(twin.pid)
    text = copy_text(ctx.rows[:ctx.wide_rows])
    load = {}
    for side in sides:
        try:
            load[side.name] = round(load_wide(side, text, ctx.wide_rows), 3)
        except Exception as exc:
            down[f"wide:{side.name}"] = f"loading wide: {error_text(exc)}"
    loaded = rss_kib(twin.pid)
    return {
        "rows": ctx.wide_rows,
        "load_seconds": load,
        "twin_idle_rss_mib": round(idle / 1024, 1),
        "twin_loaded_rss_mib": round(loaded / 1024, 1),
        "rss_delta_mib": round((loaded - idle) / 1024, 1),
        "tuples_mib": round(tuple_bytes / 2**20, 1),
        "rss_delta_over_tuples": round((loaded - idle) * 1024 / tuple_bytes, 2),
        "error": down.get("wide:twin"),
    }


def run_rounds(specs: list[Spec], sides: list[w.Side], twin: Twin | None,
               ctx: w.Context, args, down: dict[str, str]) -> dict:
    """Every workload on every side, `args.rounds` times."""
    samples = {s.name: {side.name: [] for side in sides} for s in specs}
    for number in range(args.rounds):
        ctx.round = number
        for spec in specs:
            n = spec.size(args.quick)
            for side in sides:
                result = attempt(spec, side, n, ctx, down, twin)
                samples[spec.name][side.name].append(result)
                shown = f"{result:.3f} s" if isinstance(result, float) else result
                print(f"round {number + 1} {spec.name:<26} {side.name:<8} "
                      f"{shown}", file=sys.stderr, flush=True)
    return samples


# -- reporting -----------------------------------------------------------------

def side_summary(spec: Spec, n: int, results: list) -> dict:
    seconds = [r for r in results if isinstance(r, float)]
    errors = [r for r in results if isinstance(r, str)]
    median = statistics.median(seconds) if seconds else None
    return {
        "seconds": [round(s, 4) for s in seconds],
        "median_seconds": None if median is None else round(median, 4),
        "value": None if median is None else round(spec.figure(median, n), 3),
        "error": errors[0] if errors else None,
    }


def summarize(specs: list[Spec], samples: dict, quick: bool) -> dict:
    out = {}
    for spec in specs:
        n = spec.size(quick)
        pg = side_summary(spec, n, samples[spec.name]["postgres"])
        twin = side_summary(spec, n, samples[spec.name]["twin"])
        ratio = None
        if pg["median_seconds"] and twin["median_seconds"]:
            ratio = round(pg["median_seconds"] / twin["median_seconds"], 4)
        out[spec.name] = {"count": n, "unit": spec.unit, "postgres": pg,
                          "twin": twin, "twin_vs_postgres": ratio}
    return out


def cell(summary: dict, unit: str) -> str:
    if summary["error"] and summary["value"] is None:
        return "ERROR"
    value = summary["value"]
    text = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
    return text + " " + unit + (" *" if summary["error"] else "")


def table(results: dict, memory: dict | None) -> str:
    """The plain-text table: workload | PostgreSQL | twin | twin/PG."""
    rows = [("workload", "PostgreSQL", "twin", "twin/PG")]
    for name, r in results.items():
        ratio = r["twin_vs_postgres"]
        rows.append((name, cell(r["postgres"], r["unit"]),
                     cell(r["twin"], r["unit"]),
                     "-" if ratio is None else f"{ratio:.3g}"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(wd) if i == 0 else c.rjust(wd)
                       for i, (c, wd) in enumerate(zip(row, widths)))
             for row in rows]
    lines.insert(1, "  ".join("-" * wd for wd in widths))
    lines.append("twin/PG = PostgreSQL seconds / twin seconds (median of "
                 "rounds): above 1 the twin is faster")
    for name, r in results.items():
        for side in ("postgres", "twin"):
            if r[side]["error"]:
                lines.append(f"{side} {name}: {r[side]['error']}")
    if memory and "twin_idle_rss_mib" in memory:
        lines.append(
            f"twin memory: idle RSS {memory['twin_idle_rss_mib']} MiB, "
            f"after loading {memory['rows']:,} rows "
            f"{memory['twin_loaded_rss_mib']} MiB "
            f"(+{memory['rss_delta_mib']} MiB); the same rows as Python "
            f"tuples {memory['tuples_mib']} MiB; "
            f"RSS delta / tuples = {memory['rss_delta_over_tuples']}")
    if memory and memory["error"]:
        lines.append(f"twin memory: {memory['error']}")
    return "\n".join(lines)


def environment(args) -> dict:
    def git(*cmd: str) -> str:
        return subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "rounds": args.rounds,
        "quick": args.quick,
        "cpu_count": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "python": sys.version.split()[0],
        "psycopg2": psycopg2.__version__.split()[0],
        "commit": git("rev-parse", "--short", "HEAD"),
        "work_tree_dirty": bool(git("status", "--porcelain", "--",
                                    "twinning", "ir", "passes")),
    }


# -- main ----------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> SimpleNamespace:
    names = [s.name for s in SPECS] + [MEMORY, FORK_MEMORY]
    opts = docopt(__doc__, argv=argv)
    try:
        rounds = int(opts["--rounds"])
    except ValueError:
        rounds = 0
    only = [n for n in (opts["--only"] or "").split(",") if n] or names
    unknown = set(only) - set(names)
    if unknown or rounds < 1:
        raise SystemExit(f"bench: unknown workload(s) {', '.join(sorted(unknown))}"
                         f" (known: {', '.join(names)})" if unknown
                         else "bench: --rounds must be at least 1")
    return SimpleNamespace(rounds=rounds, only=only, quick=opts["--quick"],
                           json=Path(opts["--json"]))


def start_or_note(start, name: str, down: dict[str, str],
                  running: ExitStack):
    """Start a server (stopped when `running` closes) and return it with
    its DSN; if it cannot start, note why in `down` and return None."""
    try:
        server = start()
    except Exception as exc:
        down[name] = f"{name} did not start: {error_text(exc)}"
        return None, ""
    running.callback(server.stop)
    return server, server.dsn


def print_report(report: dict, args) -> None:
    print(f"bench {report['date']}  rounds={args.rounds}  "
          f"cpus={report['cpu_count']}  load={report['load_average_1m']}  "
          f"commit={report['commit']}"
          + ("+dirty" if report["work_tree_dirty"] else "")
          + ("  QUICK (counts / 10, not comparable with full runs)"
             if args.quick else ""))
    print(table(report["results"],
                report["memory"] if MEMORY in args.only else None))
    if report.get("fork_memory"):
        print(f"twin fork memory: {report['fork_memory']}")
    print(f"total {report['total_seconds']} s; JSON: {args.json}")


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    report = environment(args)  # before our own load counts in loadavg
    specs = [s for s in SPECS if s.name in args.only]
    need_wide = MEMORY in args.only or any(s.needs_wide for s in specs)
    wide_rows = WIDE_ROWS // QUICK_DIVISOR if args.quick else WIDE_ROWS
    rows, tuple_bytes = measured_rows(wide_rows)  # >= every workload's count
    ctx = w.Context(rows, wide_rows)
    memory, down = None, {}
    with ExitStack() as running:
        # The twin's warm server (warm_start, example_loop) is this run's
        # own, and exits soon after it.
        os.environ["XDG_RUNTIME_DIR"] = running.enter_context(
            tempfile.TemporaryDirectory())
        os.environ["TWINNING_WARM_IDLE"] = "30"
        twin, twin_dsn = start_or_note(start_twin, "twin", down, running)
        pg, pg_dsn = start_or_note(start_postgres, "postgres", down, running)
        sides = [w.Side("postgres", pg_dsn), w.Side("twin", twin_dsn)]
        if need_wide and twin and pg:
            try:
                memory = prepare(sides, twin, ctx, tuple_bytes, down)
            except Exception as exc:
                memory = {"error": error_text(exc)}
                down["wide:twin"] = f"twin not ready: {memory['error']}"
        elif need_wide:
            memory = {"error": down.get("twin") or down.get("postgres")}
        samples = run_rounds(specs, sides, twin, ctx, args, down)
        fork_memory = None
        if FORK_MEMORY in args.only and twin:
            try:
                fork_memory = forks.fork_memory(twin_dsn, rss_kib, twin.pid,
                                                100 if args.quick else 1000)
            except Exception as exc:
                fork_memory = {"error": error_text(exc)}
    report.update(results=summarize(specs, samples, args.quick),
                  memory=memory, fork_memory=fork_memory,
                  total_seconds=round(time.perf_counter() - started, 1))
    print_report(report, args)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
