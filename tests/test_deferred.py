"""Deferred imports (`twinning.deferred`): a cold start loads only what a
schema load and a first query run; the warm server's zygote loads the rest
up front, so no forked child pays for a deferred module."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.test_layering import MODULES, ROOT, _deferred_call

# what a cold start (schema load of bench/schema.sql, one SELECT 1) must
# not import: each is put off until a statement needs it
NOT_AT_COLD_START = (
    "uuid", "platform", "ipaddress",
    "twinning.values.jsonpath", "twinning.values.xml",
    "twinning.values.formatting", "twinning.values.numformat",
    "twinning.values.fromchar", "twinning.passes.expr.jsonpath_eval",
    # type families register on first use (tests/test_families.py)
    "twinning.passes.expr.text_ops", "twinning.passes.expr.json_ops",
    "twinning.passes.expr.array_ops", "twinning.passes.expr.tsearch_ops",
    "twinning.passes.expr.datetime_ops", "twinning.passes.expr.system_ops",
    # only a failure logs; only --run starts a child; only PL/pgSQL runs it
    "logging", "subprocess", "twinning.plpgsql_run",
    # COPY's text format, time with time zone, text search's values
    "twinning.copy_format", "twinning.values.timetz",
    "twinning.values.tsearch",
)


def _run(code: str) -> list[str]:
    """sys.modules after `code`, in a fresh interpreter from the repo."""
    out = subprocess.run(
        [sys.executable, "-P", "-c", code + "\nimport json, sys\n"
         "print(json.dumps(sorted(sys.modules)))"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def _deferred_targets() -> set[str]:
    found = set()
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text())):
            if _deferred_call(node):
                found.add(node.args[0].value)
    return found


def test_the_warm_servers_preload_covers_every_module():
    loaded = set(_run("from twinning import warm_server\n"
                      "warm_server._preload()"))
    from twinning.warm_server import NOT_PRELOADED
    missing = sorted(set(MODULES) - loaded - NOT_PRELOADED)
    assert not missing, f"not preloaded by the warm server: {missing}"
    targets = _deferred_targets()
    assert targets, "no deferred(...) call found: the scan is broken"
    assert not sorted(targets - loaded)


def test_a_cold_start_leaves_the_deferred_modules_unloaded():
    loaded = set(_run(
        "from twinning.cli import entry\n"
        "from twinning import commands, live, server\n"
        "from twinning.schema_script import run_rest\n"
        "from twinning import bootstrap\n"
        "from twinning.session import Engine, Session\n"
        "commands._loopback('127.0.0.1')\n"
        f"source = bootstrap.from_schema({str(ROOT / 'bench/schema.sql')!r}, "
        "False, run_rest)\n"
        "session = Session(Engine(source.state))\n"
        "session.on_startup({'user': 'postgres', 'database': 'postgres'})\n"
        "session.on_authenticated()\n"
        "session.on_query('SELECT 1')\n"))
    assert "twinning.passes.expr.numeric_ops" in loaded  # the scan works
    # what the interpreter loads before any twinning module (site, an
    # editable install's finder: pathlib imports ipaddress) is not ours
    before = set(_run("pass"))
    assert not sorted(set(NOT_AT_COLD_START) & loaded - before)


def test_a_deferred_module_binds_itself_on_first_use():
    namespace: dict = {}
    from twinning.deferred import Deferred, deferred
    placeholder = deferred("twinning.tests_never_imported_xyz", namespace,
                           "mod")
    assert isinstance(placeholder, Deferred)
    assert "tests_never_imported_xyz" in repr(placeholder)
    sys.modules.pop("colorsys", None)
    namespace["colorsys"] = deferred("colorsys", namespace, "colorsys")
    assert isinstance(namespace["colorsys"], Deferred)
    assert namespace["colorsys"].rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
    import colorsys
    assert namespace["colorsys"] is colorsys  # rebound: no placeholder left
    # a module already imported is returned as it is
    assert deferred("json", namespace, "json") is json
    from twinning import deferred as module
    module.PENDING.remove(placeholder)  # never loaded: it does not exist


def test_a_deferred_pattern_compiles_and_binds_itself_on_first_use():
    import re

    from twinning import deferred as module
    from twinning.deferred import Deferred, deferred_pattern
    namespace: dict = {}
    namespace["p"] = deferred_pattern(namespace, "p", r"a(b+)", re.I)
    assert isinstance(namespace["p"], Deferred)
    assert "a(b+)" in repr(namespace["p"])
    assert namespace["p"].match("ABB").group(1) == "BB"
    assert namespace["p"] is re.compile(r"a(b+)", re.I)  # rebound
    module.PENDING.remove(next(p for p in module.PENDING
                               if isinstance(p, Deferred) and
                               p._namespace is namespace))


def test_a_deferred_logger_binds_itself_on_first_use():
    import logging

    from twinning import deferred as module
    from twinning.deferred import Deferred, deferred_logger
    namespace: dict = {"__name__": "twinning.tests_logger_xyz"}
    namespace["log"] = deferred_logger(namespace, "log")
    assert isinstance(namespace["log"], Deferred)
    assert namespace["log"].name == "twinning.tests_logger_xyz"
    assert namespace["log"] is logging.getLogger("twinning.tests_logger_xyz")
    module.PENDING.remove(next(p for p in module.PENDING
                               if isinstance(p, Deferred) and
                               p._namespace is namespace))


def test_deferred_modules_are_paths_in_the_package_or_the_stdlib():
    for target in _deferred_targets():
        if target.startswith("twinning."):
            assert target in MODULES, target
        else:
            assert target in sys.stdlib_module_names, target


def test_the_layering_scan_sees_deferred_imports():
    assert any(_deferred_call(node) for node in ast.walk(ast.parse(
        Path(MODULES["twinning.values"]).read_text())))
