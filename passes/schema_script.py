"""Where a schema file stops being DDL the schema stages build.

Real schema files hold data fixes beside their DDL: INSERT/UPDATE/DELETE,
`WITH … UPDATE`, SELECTs calling the file's own functions, DO blocks, and
`SET client_encoding` to change how the rest of the file is read. psql -f
runs them in file order on the database built so far. The schema stages
build a catalog without rows, so the first such statement ends their part
(`ScriptContinues`): the text before it (`head`) loads as before, and the
statements from it on (`steps`) run through a session as a client's would
(`twinning/schema_script.py`). Files without one are untouched.
"""

from __future__ import annotations

from typing import Any

from pglast import ast

# statements whose effect is on rows or on the session: run, not built
_RUN = (ast.InsertStmt, ast.UpdateStmt, ast.DeleteStmt, ast.MergeStmt,
        ast.DoStmt, ast.CallStmt, ast.TruncateStmt)


class ScriptContinues(Exception):
    """The statement at `offset` (0-based) must run in a session."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def runs_in_session(node: Any, select_is_ddl: Any) -> bool:
    """Whether a schema file's statement needs rows or a session to run.
    `select_is_ddl(node)`: the SELECTs the schema stages read themselves
    (pg_dump's set_config, a progress message)."""
    if isinstance(node, _RUN):
        return True
    if isinstance(node, ast.SelectStmt):
        return not select_is_ddl(node)
    if isinstance(node, ast.VariableSetStmt) and \
            (node.name or "").lower() == "client_encoding":
        return client_encoding(node) not in ("utf8",)
    return False


def client_encoding(node: ast.VariableSetStmt) -> str | None:
    """The encoding a `SET client_encoding` names, normalized as
    PostgreSQL's pg_char_to_encoding compares names (case, `-`, `_`
    ignored); None for DEFAULT/RESET/LOCAL forms."""
    if node.is_local or not node.args or len(node.args) != 1:
        return None
    value = node.args[0].val if isinstance(node.args[0], ast.A_Const) else None
    text = getattr(value, "sval", None)
    if text is None:
        return None
    name = "".join(c for c in text.lower() if c.isalnum())
    return {"unicode": "utf8", "iso88591": "latin1"}.get(name, name)


def head(text: str, offset: int) -> str:
    """`text` with everything from `offset` on blanked, newlines kept (the
    schema stages' part; lines and columns stay the file's)."""
    tail = "".join(c if c == "\n" else " " for c in text[offset:])
    return text[:offset] + tail
