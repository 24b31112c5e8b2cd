"""CREATE / DROP / ALTER DATABASE … RENAME TO as `ir.query.DatabaseCommand`.

The twin holds many databases (`twinning/databases.py`): a new one is a
fork of its template's committed state. Only what that model runs is
accepted: CREATE DATABASE's TEMPLATE option (others — OWNER, ENCODING,
LOCALE, IS_TEMPLATE, … — are 0A000 by name), DROP DATABASE [IF EXISTS]
[WITH (FORCE)], and ALTER DATABASE … RENAME TO; every other ALTER
DATABASE form is refused by the statement name as before.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from pglast import ast
from pglast.enums import ObjectType

from twinning.ir import query as q
from twinning.passes.parse_expr import Unsupported
from twinning.values.identifiers import ALL_KEYWORDS


def is_database_statement(node: Any) -> bool:
    return isinstance(node, (ast.CreatedbStmt, ast.DropdbStmt)) or (
        isinstance(node, ast.RenameStmt)
        and node.renameType == ObjectType.OBJECT_DATABASE)


def _options(node: Any, name: str, refusal: str) -> Iterator[Any]:
    """The statement's options, each of which must be `name`; another
    is refused as `refusal` spells it with the option's name."""
    for option in node.options or ():
        if option.defname != name:
            raise Unsupported(refusal.format(option.defname.upper()), -1)
        yield option


def database_command(node: Any) -> q.DatabaseCommand:
    if isinstance(node, ast.CreatedbStmt):
        template = None
        for option in _options(node, "template", "CREATE DATABASE … {}"):
            arg = option.arg
            if arg is not None and not isinstance(arg, ast.String):
                raise Unsupported("CREATE DATABASE … TEMPLATE of this form", -1)
            template = arg.sval if arg is not None else None  # DEFAULT
        return q.DatabaseCommand("create", node.dbname, template)
    if isinstance(node, ast.DropdbStmt):
        force = bool(list(_options(node, "force", "DROP DATABASE … WITH ({})")))
        return q.DatabaseCommand("drop", node.dbname,
                                 missing_ok=bool(node.missing_ok), force=force)
    return q.DatabaseCommand("rename", node.subname, new_name=node.newname)


# The two statements a fork loop sends, read without the grammar (each
# text names a new database, so the parse cache by text never hits, and
# pglast's parse is most of their cost). Only the plainest spelling is
# read here: a name that is a keyword, a quoted name with `""` or over
# NAMEDATALEN, a comment, an option, anything else goes to pglast.
# `quick_database_command` agrees with `parse_query` wherever it answers
# (tests/test_parse_database_quick.py).
_BLANKS = " \t\n\r\f"
QUICK_INITIALS = "CcDd" + _BLANKS  # a text `_QUICK` may match starts so
_SPACE = f"[{_BLANKS}]"
_NAME = r'(?:([A-Za-z_][A-Za-z0-9_$]*)|"([^"]+)")'
_QUICK = re.compile(
    rf"({_SPACE}*)(?:(?i:create{_SPACE}+database){_SPACE}+{_NAME}"
    rf"(?:{_SPACE}+(?i:(?:with{_SPACE}+)?template)(?:{_SPACE}*={_SPACE}*|{_SPACE}+){_NAME})?"
    rf"|(?i:drop{_SPACE}+database){_SPACE}+((?i:if{_SPACE}+exists){_SPACE}+)?{_NAME})"
    rf"{_SPACE}*(?:;{_SPACE}*)?")


def quick_database_command(sql: str) -> q.ParsedQuery | None:
    """CREATE DATABASE x [[WITH] TEMPLATE [=] y] or DROP DATABASE [IF
    EXISTS] x as `parse_query` reads them, or None (read it there)."""
    match = _QUICK.fullmatch(sql)
    if match is None:
        return None
    (lead, create, create_quoted, template, template_quoted, if_exists,
     drop, drop_quoted) = match.groups()
    if create is not None or create_quoted is not None:
        name = _name(create, create_quoted)
        target = _name(template, template_quoted)
        if name is None or target is None and (template or template_quoted):
            return None
        node = q.DatabaseCommand("create", name, target)
    else:
        name = _name(drop, drop_quoted)
        if name is None:
            return None
        node = q.DatabaseCommand("drop", name, missing_ok=if_exists is not None)
    offset = len(lead)
    source = sql[offset:].rstrip(_BLANKS).removesuffix(";").rstrip(_BLANKS)
    return q.ParsedQuery(sql, (q.ParsedStatement(node, source, offset),))


def _name(plain: str | None, quoted: str | None) -> str | None:
    """The identifier, or None where the grammar's reading may differ (a
    keyword, truncation)."""
    name = plain.lower() if plain is not None else quoted
    if name is None or len(name.encode()) > 63 or (
            plain is not None and name in ALL_KEYWORDS):
        return None
    return name
