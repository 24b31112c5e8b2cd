"""The type families register on first use (`passes/expr/families.py`):
the index says which family owns each signature, and the tables a lazy
order builds are the ones registering every family up front built."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_layering import ROOT

# a fingerprint of every entry of registry's tables: the class, the flags
# and the callable's qualified name (md_guard's wrappers show there)
_DUMP = r"""
import json
from twinning.passes.expr import families, registry

def name(fn):
    return None if fn is None else f"{fn.__module__}.{fn.__qualname__}"

def entry(impl):
    if isinstance(impl, (str, tuple)):
        return repr(impl)
    if not isinstance(impl, registry.Impl):
        return name(impl)
    return [type(impl).__name__, name(impl.fn), impl.strict, impl.settings,
            impl.context, impl.volatile, impl.fast is not None,
            name(getattr(impl, "factory", None)),
            getattr(impl, "immutable", None)]

def dump():
    return {t: {sig: entry(v) for sig, v in sorted(table.items())}
            for t, table in families._TABLES.items()}
"""


def _run(code: str):
    out = subprocess.run([sys.executable, "-P", "-c", _DUMP + code],
                         cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_the_index_is_what_the_families_register():
    out = subprocess.run([sys.executable, "scripts/gen_family_index.py",
                          "--json"], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    registered = json.loads(out.stdout)
    from twinning.passes.expr import family_index
    indexed = {t: {family: sorted(sigs) for family, sigs in
                   getattr(family_index, t).items()} for t in registered}
    assert indexed == registered, \
        "stale: run python scripts/gen_family_index.py"


def test_a_lazy_order_builds_the_eager_tables():
    """Every family in order then the catalog (what runtime's import and
    bootstrap did) against the catalog first, then each signature looked
    up, last one first: same entries, same md_guard wrappers, the
    catalog's pg_partition_ancestors kept."""
    eager = _run("from twinning import system_catalog\n"
                 "families.load_all()\n"
                 "system_catalog.install()\n"
                 "print(json.dumps(dump()))")
    lazy = _run("from twinning import system_catalog\n"
                "system_catalog.install()\n"
                "from twinning.passes.expr import family_index\n"
                "for t, table in reversed(families._TABLES.items()):\n"
                "    for sigs in reversed(getattr(family_index, t).values()):\n"
                "        for sig in reversed(sigs):\n"
                "            assert registry.lookup(table, sig) is not None\n"
                "assert families.LOADED == set(families.ORDER)\n"
                "print(json.dumps(dump()))")
    assert lazy == eager
    assert "system_catalog" in \
        lazy["SET_RETURNING"]["pg_partition_ancestors(regclass)"]


def test_a_lookup_registers_only_the_owner():
    loaded = _run("from twinning.passes.expr import runtime\n"
                  "assert not families.LOADED\n"
                  "assert runtime.function_impl('upper(text)') is not None\n"
                  "assert runtime.function_impl('no_such(text)') is None\n"
                  "assert runtime.set_returning('upper(text)') is None\n"
                  "print(json.dumps(sorted(families.LOADED)))")
    assert loaded == ["text_ops"]


def test_a_cold_start_registers_few_families():
    loaded = _run(
        "from twinning import bootstrap\n"
        "from twinning.schema_script import run_rest\n"
        "from twinning.session import Engine, Session\n"
        f"source = bootstrap.from_schema({str(ROOT / 'bench/schema.sql')!r},"
        " False, run_rest)\n"
        "session = Session(Engine(source.state))\n"
        "session.on_startup({'user': 'postgres', 'database': 'postgres'})\n"
        "session.on_authenticated()\n"
        "session.on_query('SELECT 1')\n"
        "print(json.dumps(sorted(families.LOADED)))")
    assert loaded == ["numeric_ops"]  # CHECK (amount >= 0)


def test_a_jsonpath_literal_checks_its_regex_before_any_family():
    """jsonpath_ops.register() installs the jsonpath input function's
    like_regex check: a literal read first still gets it (2201B)."""
    out = _run(
        "from twinning.values.jsonpath_hooks import REGEX_CHECK\n"
        "from twinning.passes.expr import jsonpath_ops\n"
        "from twinning.errors import SqlError\n"
        "from twinning.values.jsonpath import parse_jsonpath\n"
        "assert not families.LOADED\n"
        "try:\n"
        "    parse_jsonpath('$ ? (@ like_regex \"(x\")')\n"
        "    found = None\n"
        "except SqlError as exc:\n"
        "    found = exc.sqlstate\n"
        "assert REGEX_CHECK == [jsonpath_ops._check_regex]\n"
        "print(json.dumps([found, sorted(families.LOADED)]))")
    assert out == ["2201B", ["jsonpath_ops"]]
