"""The package's import graph: no cycles, and no layer imports a higher one.

Every module of `ir/`, `passes/` and `twinning/` is parsed, not imported,
and every `import` counts wherever it is written: at the top, or inside a
function (an import put off for start-up time is still a dependency, and
the cycles it hid were real ones), and so does a module bound through
`twinning.deferred` (`deferred("twinning.x", …)`: imported on first use).
Two kinds are left out, on purpose:

- imports under `if TYPE_CHECKING:` are left out of the cycle check, since
  they never run: they are how two classes that hold each other (`Engine`
  and `Session`, a store `Transaction` and its `MvccStore`) name each
  other's type. They still count for the layer order.
- the implicit import of a package's `__init__` by its submodules: every
  package that re-exports its submodules would otherwise be a cycle, and
  Python settles it by running the `__init__` first.

`LAYERS` is the order, lowest first, as data. A module belongs to the
entry naming it or its package; a module no entry names fails the test,
so a new module gets its layer decided when it is added.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent

# import name prefix -> directory (pyproject's package-dir)
SOURCES = {"twinning": "twinning", "twinning.ir": "ir",
           "twinning.passes": "passes"}

LAYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ir", "IR types, and the error every layer raises",
     ("twinning", "twinning.errors", "twinning.ir", "twinning.deferred")),
    ("values", "per-type input/output, settings, COPY's formats: no "
     "statements",
     ("twinning.values", "twinning.valueio", "twinning.gucs",
      "twinning.copy_format", "twinning.copy_binary")),
    ("passes", "the statement and schema pipeline",
     ("twinning.passes",)),
    ("store/system_catalog", "the state, its store and catalogs, and what "
     "is made of it: snapshots, reports, verify",
     ("twinning.store", "twinning.system_catalog", "twinning.state",
      "twinning.snapshot", "twinning.snapshot_stream", "twinning.journal", "twinning.journal_format",
      "twinning.bootstrap", "twinning.verify_eval",
      "twinning.verify_artifact", "twinning.metrics", "twinning.report",
      "twinning.database_report")),
    ("wire", "the protocol without I/O: the session drives it; the pipeline "
     "and the store never see it",
     ("twinning.wire",)),
    ("session/engine", "sessions, the shared engine, running plans",
     ("twinning.session", "twinning.engine", "twinning.execute",
      "twinning.execute_write", "twinning.execute_copy", "twinning.execute_merge",
      "twinning.execute_with", "twinning.copy_sink",
      "twinning.partition_writes",
      "twinning.statement_cache", "twinning.trace", "twinning.temp_tables",
      "twinning.session_ddl", "twinning.session_extended",
      "twinning.session_records", "twinning.transaction_block",
      "twinning.settings_stack",
      "twinning.ddl_locks",
      "twinning.cursors", "twinning.notify", "twinning.advisory",
      "twinning.routines", "twinning.routine_common", "twinning.plpgsql_run",
      "twinning.databases", "twinning.database_session",
      "twinning.determinism",
      "twinning.execute_triggers", "twinning.builtin_triggers",
      "twinning.schema_script")),
    ("server/cli", "sockets, processes and the command line",
     ("twinning.server", "twinning.cli", "twinning.commands",
      "twinning.live", "twinning.describe", "twinning.warm",
      "twinning.warm_server", "twinning.tournament",
      "twinning.pytest_plugin", "twinning.proof", "twinning.proof_replay",
      "twinning.proof_compare", "twinning.materialize",
      "twinning.materialize_schema", "twinning.progress",
      "twinning.shadow", "twinning.psycopg_driver", "twinning.backend",
      "twinning.backend_link",
      "twinning.backend_policy", "twinning.backend_metrics",
      "twinning.backend_verify")),
)

# Edges allowed to break the layer order, each with the reason and the fix.
# Keep this minimal: an entry no longer needed fails the test too.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _modules() -> dict[str, Path]:
    out = {}
    for prefix, folder in SOURCES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = list(path.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([prefix, *parts])] = path
    return out


MODULES = _modules()


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _deferred_call(node: ast.AST) -> bool:
    """`deferred("module", …)`: twinning.deferred's import on first use."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
        and node.func.id == "deferred" and bool(node.args) \
        and isinstance(node.args[0], ast.Constant) \
        and isinstance(node.args[0].value, str)


def _imports(name: str, path: Path):
    """(imported module, line, type_only) for each internal import."""
    tree = ast.parse(path.read_text(), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def walk(node: ast.AST, type_only: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for stmt in child.body:
                    yield from walk_one(stmt, True)
                for stmt in child.orelse:
                    yield from walk_one(stmt, type_only)
            else:
                yield from walk_one(child, type_only)

    def walk_one(node: ast.AST, type_only: bool):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, type_only
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full if full in MODULES else base), node.lineno, \
                    type_only
        elif _deferred_call(node):
            yield node.args[0].value, node.lineno, type_only
            yield from walk(node, type_only)
        else:
            yield from walk(node, type_only)

    for target, line, type_only in walk(tree, False):
        if target in MODULES and target != name:
            yield target, line, type_only


def _graph(type_only: bool) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for name, path in MODULES.items():
        for target, line, only_types in _imports(name, path):
            if only_types and not type_only:
                continue
            lines = graph.edges[name, target]["lines"] if graph.has_edge(
                name, target) else []
            graph.add_edge(name, target, lines=lines + [line])
    return graph


def _where(graph: nx.DiGraph, a: str, b: str) -> str:
    path = MODULES[a].relative_to(ROOT)
    lines = ",".join(str(n) for n in sorted(set(graph.edges[a, b]["lines"])))
    return f"{a} -> {b}  ({path}:{lines})"


def _layer(module: str) -> int:
    found = [i for i, (_, _, members) in enumerate(LAYERS) for m in members
             if module == m or (m != "twinning" and module.startswith(m + "."))]
    assert len(found) == 1, f"{module}: in layers {found}, wanted exactly one"
    return found[0]


def test_sources_are_where_pyproject_says():
    text = (ROOT / "pyproject.toml").read_text()
    for prefix, folder in SOURCES.items():
        assert f'"{prefix}" = "{folder}"' in text


def test_no_import_cycles():
    graph = _graph(type_only=False)
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(graph)
                    if len(c) > 1)
    report = []
    for members in cycles:
        cycle = nx.find_cycle(graph.subgraph(members))
        report.append(f"cycle among {len(members)} modules "
                      f"({', '.join(members)}), for one:\n" + "\n".join(
                          "  " + _where(graph, a, b) for a, b in cycle))
    assert not cycles, "\n".join(report)


def test_every_module_has_one_layer():
    for module in MODULES:
        _layer(module)


def test_no_layer_imports_a_higher_one():
    graph = _graph(type_only=True)
    upward = {(a, b) for a, b in graph.edges if _layer(a) < _layer(b)}
    unexpected = sorted(upward - set(KNOWN_EXCEPTIONS))
    assert not unexpected, "imports of a higher layer:\n" + "\n".join(
        f"  {_where(graph, a, b)}: {LAYERS[_layer(a)][0]} imports "
        f"{LAYERS[_layer(b)][0]}" for a, b in unexpected)
    stale = sorted(set(KNOWN_EXCEPTIONS) - upward)
    assert not stale, f"KNOWN_EXCEPTIONS no longer needed: {stale}"


# the two modules that import by name: their edges are elsewhere
IMPORTS_BY_NAME = {
    "twinning.deferred": "each deferred(\"…\") call is the edge (_deferred_call)",
    "twinning.warm_server": "its preload imports every module of the package",
}


def test_no_import_hides_from_the_graph():
    """importlib.import_module / __import__ would keep an edge out of it,
    and so would a deferred() whose module is not a string literal."""
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                assert name in IMPORTS_BY_NAME or called not in (
                    "__import__", "importlib.import_module",
                    "import_module"), \
                    f"{path.relative_to(ROOT)}:{node.lineno}: {called}"
                assert called != "deferred" or name == "twinning.deferred" \
                    or _deferred_call(node), \
                    f"{path.relative_to(ROOT)}:{node.lineno}: deferred() " \
                    "of a module not named by a string literal"
