"""The catalog halves of the reg* types and of format_type(): OIDs to the
names PostgreSQL prints, names to OIDs with PostgreSQL's errors.

Output (regclassout, regtypeout, …): the object's name, schema-qualified
only when a bare name would not find it through the session's search
path; an OID that names nothing prints as its number, 0 as '-'.
Input (regclassin, …): digits are the OID itself; a name is looked up
through the search path (or in the schema it names), with the errors of
RangeVarGetRelid, parseTypeString, LookupFuncName and
get_namespace_oid.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, ambiguous_function,
    relation_does_not_exist, role_does_not_exist, schema_does_not_exist,
    syntax_error, type_does_not_exist, undefined_function,
)
from twinning.ir.catalog import QName
from twinning.ir.types import BY_ARRAY_OID, BY_OID, SqlType
from twinning.system_catalog import procs
from twinning.system_catalog.names import (parse_qualified, quote_ident,
                                           quote_qualified, search_path,
                                           user_of)
from twinning.system_catalog.oids import (BOOTSTRAP_SUPERUSER,
                                          BUILTIN_NAMESPACES, OidMap)
from twinning.values.system import RegOid, parse_reg_numeric


def path(m: OidMap, session: Any) -> list[str]:
    return search_path(session, m.namespaces)


# -- relations ------------------------------------------------------------------


def _first_on_path(m: OidMap, session: Any, oids: dict,
                   key: Callable[[str], Any]) -> int | None:
    """The oid in the first schema of the path that holds the name;
    `key(schema)` is the name's key in `oids` for that schema."""
    for schema in path(m, session):
        oid = oids.get(key(schema))
        if oid is not None:
            return oid
    return None


def lookup_relation(m: OidMap, name: str, session: Any) -> int | None:
    """RelnameGetRelid(): the first schema of the path holding `name`."""
    return _first_on_path(m, session, m.relations,
                          lambda schema: QName(schema, name))


def relation_visible(m: OidMap, oid: int, session: Any) -> bool:
    qname = m.relation_names.get(oid)
    return qname is not None and lookup_relation(m, qname.name, session) == oid


def regclass_text(m: OidMap, oid: int, session: Any) -> str:
    qname = m.relation_names.get(int(oid))
    if qname is None:
        return str(int(oid))
    if relation_visible(m, int(oid), session):
        return quote_ident(qname.name)
    return quote_qualified(qname.schema, qname.name)


def regclass_in(m: OidMap, text: str, session: Any,
                missing_ok: bool = False) -> RegOid | None:
    numeric = parse_reg_numeric(text, "regclass")
    if numeric is not None:
        return numeric
    parts = parse_qualified(text)
    if len(parts) > 3:
        raise syntax_error("improper relation name (too many dotted "
                           f"names): {'.'.join(parts)}")
    if len(parts) == 3:
        raise SqlError(FEATURE_NOT_SUPPORTED, "cross-database references are not "
                                     f"implemented: \"{'.'.join(parts)}\"")
    if len(parts) == 2:
        if parts[0] not in m.namespaces:
            if missing_ok:
                return None
            raise schema_does_not_exist(parts[0])
        oid = m.relations.get(QName(parts[0], parts[1]))
    else:
        oid = lookup_relation(m, parts[0], session)
    if oid is None:
        if missing_ok:
            return None
        raise relation_does_not_exist(".".join(parts))
    return RegOid(oid, regclass_text(m, oid, session))


# -- types ------------------------------------------------------------------------


def lookup_type(m: OidMap, name: str, session: Any) -> int | None:
    """TypenameGetTypid(): the first schema of the path holding `name`."""
    return _first_on_path(m, session, m.type_names,
                          lambda schema: (schema, name))


def type_visible(m: OidMap, oid: int, session: Any) -> bool:
    entry = m.types.get(oid)
    return entry is not None and lookup_type(m, entry.name, session) == oid


# pg_catalog types (the twin has no columns of) format_type() spells
# in SQL's words: (name, what follows the typmod)
_BIT = 1560
_SPELLED = {1266: ("time", " with time zone"), _BIT: ("bit", ""),
            1562: ("bit varying", "")}


def format_type(m: OidMap, oid: int, typmod: int | None,
                session: Any = None) -> str:
    """format_type(oid, typmod); `typmod` None is SQL NULL (no typmod
    given, which spells bpchar `character`)."""
    if oid == 0:
        return "-"
    twin = BY_OID.get(oid)
    if twin is not None or oid in BY_ARRAY_OID:
        base = twin if twin is not None else BY_ARRAY_OID[oid]
        if base.name == "bpchar" and typmod is None:
            return "character" + ("[]" if twin is None else "")
        if base.name == "bit" and typmod is not None and typmod < 0:
            # bit without a length is bit(1): not the same type
            return '"bit"' + ("[]" if twin is None else "")
        mod = -1 if typmod is None else typmod
        if base.name in ("varchar", "bpchar") and 0 <= mod <= 4:
            mod = -1
        return SqlType(base.name, mod, twin is None).display()
    spelled = _SPELLED.get(oid)
    if spelled is not None:
        head, tail = spelled
        if typmod is not None and typmod >= 0:
            return f"{head}({typmod}){tail}"
        if oid == _BIT and typmod is not None:
            return '"bit"'  # bit without a length is bit(1): not the same
        return head + tail
    entry = m.types.get(oid)
    if entry is None:
        return "???"
    if entry.element:
        return format_type(m, entry.element, typmod, session) + "[]"
    if entry.namespace == "pg_catalog" or type_visible(m, oid, session):
        return quote_ident(entry.name)
    return quote_qualified(entry.namespace, entry.name)


def regtype_text(m: OidMap, oid: int, session: Any) -> str:
    if int(oid) not in m.types:
        return str(int(oid))
    return format_type(m, int(oid), None, session)


def regtype_in(m: OidMap, text: str, session: Any,
               missing_ok: bool = False) -> RegOid | None:
    numeric = parse_reg_numeric(text, "regtype")
    if numeric is not None:
        return numeric
    from pglast import ast, parse_sql
    from pglast.parser import ParseError
    try:
        tree = parse_sql(f"SELECT NULL::{text}")
        target = tree[0].stmt.targetList
        cast = target[0].val if len(target) == 1 else None
        if not isinstance(cast, ast.TypeCast) or text.count(";"):
            raise ParseError("x", 0)
        type_name = cast.typeName
    except ParseError:
        if missing_ok:
            return None
        raise syntax_error(f'invalid type name "{text}"')
    names = [n.sval for n in type_name.names]
    array = bool(type_name.arrayBounds)
    oid = _resolve_type_names(m, names, session)
    if oid is not None and array:
        entry = m.types.get(oid)
        oid = entry.array if entry and entry.array else None
    if oid is None:
        if missing_ok:
            return None
        shown = ".".join(n for n in names if n != "pg_catalog" or
                         len(names) == 1)
        raise type_does_not_exist(shown)
    return RegOid(oid, regtype_text(m, oid, session))


def _resolve_type_names(m: OidMap, names: list[str],
                        session: Any) -> int | None:
    if len(names) == 2:
        if names[0] not in m.namespaces:
            raise schema_does_not_exist(names[0])
        return m.type_names.get((names[0], names[1]))
    if len(names) == 1:
        return lookup_type(m, names[0], session)
    return None


# -- functions ---------------------------------------------------------------------


def regproc_in(m: OidMap, text: str, session: Any,
               missing_ok: bool = False) -> RegOid | None:
    """regprocin(): a function name that names exactly one function."""
    numeric = parse_reg_numeric(text, "regproc")
    if numeric is not None:
        return numeric
    found = _functions_named(m, parse_qualified(text), session, missing_ok)
    if len(found) == 1:
        return RegOid(found[0], regproc_text(found[0], m))
    if missing_ok:
        return None
    if found:
        raise ambiguous_function(f'more than one function named "{text}"')
    raise undefined_function(f'function "{text}" does not exist')


def _functions_named(m: OidMap, parts: list[str], session: Any,
                     missing_ok: bool) -> tuple[int, ...]:
    """FuncnameGetCandidates() by name alone: a bare name looks in
    pg_catalog, the one schema on the path with functions in the twin."""
    from twinning.system_catalog import pg_builtin
    dotted = ".".join(parts)
    if len(parts) > 3:
        raise syntax_error("improper qualified name (too many dotted "
                           f"names): {dotted}")
    if len(parts) == 3:
        if parts[0] != (getattr(session, "database", None) or "postgres"):
            raise SqlError(FEATURE_NOT_SUPPORTED, "cross-database references are not "
                                         f"implemented: {dotted}")
        parts = parts[1:]
    schema, name = parts if len(parts) == 2 else ("pg_catalog", parts[0])
    users = tuple(f.oid for f in m.catalog.functions_named(name)
                  if f.name.schema == schema or (len(parts) == 1 and
                                                 f.name.schema in path(m, session)))
    if users:
        return users + (procs.named(m.namespaces[schema], name)
                        if schema in m.namespaces else ())
    if schema not in m.namespaces:
        if missing_ok:
            return ()
        raise schema_does_not_exist(schema)
    if schema == "pg_catalog" and name in pg_builtin.UNIQUE_PROCS:
        return (pg_builtin.UNIQUE_PROCS[name],)  # without loading pg_proc
    return procs.named(m.namespaces[schema], name)


@lru_cache(maxsize=None)
def _unique_names() -> dict[int, str]:
    from twinning.system_catalog import pg_builtin
    return {oid: name for name, oid in pg_builtin.UNIQUE_PROCS.items()}


def regproc_text(oid: int, m: OidMap | None = None) -> str:
    """regprocout(): the name, schema-qualified unless it is the only
    function the name finds; an OID that names nothing as its number."""
    name = _unique_names().get(int(oid))
    if name is not None:
        return quote_ident(name)
    found = procs.name_and_namespace(int(oid))
    user = m.catalog.function_by_oid(int(oid)) if found is None and \
        m is not None else None
    if user is not None:
        return quote_ident(user.name.name) if user.name.schema == "public" \
            else quote_qualified(user.name.schema, user.name.name)
    if found is None:
        return str(int(oid))
    name, namespace = found
    schema = {v: k for k, v in BUILTIN_NAMESPACES.items()}[namespace]
    return quote_qualified(schema, name)


# -- namespaces and roles ---------------------------------------------------------


def _unqualified_in(text: str, type_name: str, oids: dict[str, int],
                    missing: Callable[[str], Exception],
                    missing_ok: bool) -> RegOid | None:
    """regnamespacein/regrolein: a number, or one name (never qualified)
    looked up in `oids`; `missing(name)` is the error for an unknown one."""
    numeric = parse_reg_numeric(text, type_name)
    if numeric is not None:
        return numeric
    parts = parse_qualified(text)
    if len(parts) != 1:
        raise syntax_error("invalid name syntax")
    oid = oids.get(parts[0])
    if oid is None:
        if missing_ok:
            return None
        raise missing(parts[0])
    return RegOid(oid, quote_ident(parts[0]))


def regnamespace_in(m: OidMap, text: str, session: Any,
                    missing_ok: bool = False) -> RegOid | None:
    return _unqualified_in(text, "regnamespace", m.namespaces,
                           schema_does_not_exist, missing_ok)


def regnamespace_text(m: OidMap, oid: int) -> str:
    name = m.namespace_names.get(int(oid))
    return quote_ident(name) if name is not None else str(int(oid))


def roles(session: Any) -> dict[int, str]:
    """Role OID → name: the built-in roles, the bootstrap superuser named
    after the session's user (the twin's one login role)."""
    from twinning.system_catalog import pg_builtin
    out = {row[-1]: row[0] for row in pg_builtin.ROWS["pg_roles"]}
    out[BOOTSTRAP_SUPERUSER] = user_of(session)
    return out


def regrole_in(text: str, session: Any,
               missing_ok: bool = False) -> RegOid | None:
    # a name twice: the first in roles()' order, as a search finds it
    by_name = {name: oid for oid, name in reversed(roles(session).items())}
    return _unqualified_in(text, "regrole", by_name, role_does_not_exist,
                           missing_ok)


def regrole_text(oid: int, session: Any) -> str:
    name = roles(session).get(int(oid))
    return quote_ident(name) if name is not None else str(int(oid))


# -- one entry point per reg* type --------------------------------------------------


def reg_input(type_name: str, m: OidMap, text: str, session: Any,
              missing_ok: bool = False) -> RegOid | None:
    if type_name == "regclass":
        return regclass_in(m, text, session, missing_ok)
    if type_name == "regtype":
        return regtype_in(m, text, session, missing_ok)
    if type_name == "regproc":
        return regproc_in(m, text, session, missing_ok)
    if type_name == "regnamespace":
        return regnamespace_in(m, text, session, missing_ok)
    return regrole_in(text, session, missing_ok)


def reg_name(type_name: str, m: OidMap, oid: int, session: Any) -> RegOid:
    """An OID as a value of a reg* type, its output text attached."""
    oid = int(oid)
    if oid == 0:
        return RegOid(0, "-")
    if type_name == "regclass":
        text = regclass_text(m, oid, session)
    elif type_name == "regtype":
        text = regtype_text(m, oid, session)
    elif type_name == "regproc":
        text = regproc_text(oid, m)
    elif type_name == "regnamespace":
        text = regnamespace_text(m, oid)
    else:
        text = regrole_text(oid, session)
    return RegOid(oid, text)
