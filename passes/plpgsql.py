"""PL/pgSQL bodies as pglast's `parse_plpgsql` gives them: what the
interpreter (`twinning/plpgsql_run.py`) runs, checked when the function
is created.

pglast returns PostgreSQL's own compiled tree as JSON-like dicts:
`datums` (variables, rows, record fields, by number) and `action` (the
top block). A statement kind, datum kind or option the interpreter does
not run is refused here (0A000 naming it), so CREATE FUNCTION fails,
not the first call. (A NULL statement leaves no node.)
"""

from __future__ import annotations

from typing import Iterator

from twinning.passes.parse_expr import Unsupported

# statement kinds the interpreter runs
STATEMENTS = frozenset("""
block assign if case loop while fori fors dynfors foreach_a exit return
return_next return_query raise assert execsql dynexecute getdiag perform
""".split())
_NAMES = {"forc": "FOR … IN cursor", "open": "OPEN cursor",
          "fetch": "FETCH cursor", "close": "CLOSE cursor", "call": "CALL",
          "commit": "COMMIT", "rollback": "ROLLBACK"}
DIAGNOSTICS = frozenset(("ROW_COUNT", "RETURNED_SQLSTATE", "MESSAGE_TEXT",
                         "PG_EXCEPTION_DETAIL", "PG_EXCEPTION_HINT",
                         "PG_EXCEPTION_CONTEXT"))
DATUMS = frozenset(("PLpgSQL_var", "PLpgSQL_row", "PLpgSQL_rec",
                    "PLpgSQL_recfield"))


def kind_of(stmt: dict) -> tuple[str, dict]:
    """(`assign`, fields) of one statement node."""
    (key, fields), = stmt.items()
    return key.removeprefix("PLpgSQL_stmt_"), fields


def check(function: dict) -> None:
    """0A000 for anything in `function` the interpreter does not run."""
    for datum in function.get("datums", ()):
        (key, fields), = datum.items()
        if key not in DATUMS:
            raise Unsupported(f"PL/pgSQL {key.removeprefix('PLpgSQL_')} "
                              "variables")
        typname = fields.get("datatype", {}).get("PLpgSQL_type", {}) \
            .get("typname", "")
        if "%" in typname and not typname.lower().endswith(("%rowtype",
                                                            "%type")):
            raise Unsupported(f"PL/pgSQL variable type {typname}")
    for kind, fields in walk(function["action"]):
        if kind not in STATEMENTS:
            raise Unsupported("PL/pgSQL " + _NAMES.get(
                kind, kind.upper().replace("_", " ")) + " statement")
        if kind == "getdiag":
            for item in fields.get("diag_items", ()):
                what = item["PLpgSQL_diag_item"]["kind"]
                if what not in DIAGNOSTICS:
                    raise Unsupported(f"GET DIAGNOSTICS … {what}")


_BODIES = ("body", "then_body", "else_body", "action")


def walk(stmt: dict) -> Iterator[tuple[str, dict]]:
    """Every statement under `stmt`, itself first."""
    kind, fields = kind_of(stmt)
    yield kind, fields
    for name in _BODIES:
        for child in fields.get(name) or ():
            yield from walk(child)
    for elsif in fields.get("elsif_list") or ():
        for child in elsif["PLpgSQL_if_elsif"].get("stmts") or ():
            yield from walk(child)
    for when in fields.get("case_when_list") or ():
        for child in when["PLpgSQL_case_when"].get("stmts") or ():
            yield from walk(child)
    for child in fields.get("else_stmts") or ():
        yield from walk(child)
    block = fields.get("exceptions")
    if block:
        for handler in block["PLpgSQL_exception_block"]["exc_list"]:
            for child in handler["PLpgSQL_exception"].get("action") or ():
                yield from walk(child)


def expression(node: dict | None) -> str | None:
    """A PLpgSQL_expr's query text."""
    if node is None:
        return None
    return node["PLpgSQL_expr"]["query"]


def exception_conditions(handler: dict) -> tuple[str, ...]:
    return tuple(c["PLpgSQL_condition"]["condname"]
                 for c in handler["PLpgSQL_exception"]["conditions"])
