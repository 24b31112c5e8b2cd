"""CREATE INDEX's access methods and operator classes, checked as
DefineIndex and ResolveOpClass check them: any of PostgreSQL's index
methods (btree, hash, gist, gin, spgist, brin) with their capabilities
(unique, INCLUDE, ASC/DESC, several columns), a column's default operator
class or a written one that accepts its type.

Only btree and hash indexes are used by the twin's planner and store;
the others are catalog entries that reads answer with scans: the same
rows, as PostgreSQL promises for any index.
"""

from __future__ import annotations

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, datatype_mismatch, undefined_object,
)
from twinning.ir.types import SqlType
from twinning.passes.index_opclasses import (EXTENSION_OPCLASSES, KEY_TYPES,
                                             METHODS, OPCLASSES)

# amcanunique, amcaninclude, amcanorder, amcanmulticol (pg_am handlers)
_CAN = {"btree": (True, True, True, True), "hash": (False, False, False, False),
        "gist": (False, True, False, True), "gin": (False, False, False, True),
        "spgist": (False, True, False, False),
        "brin": (False, False, False, True)}
SCANNED = frozenset({"btree", "hash"})  # the methods the planner looks up


def method_oid(method: str) -> int:
    return METHODS[method]


def check_method(method: str, unique: bool, include: bool, columns: int,
                 ordered: bool, nulls: bool) -> None:
    """DefineIndex's capability checks, in its order."""
    if method not in METHODS:
        raise undefined_object(f'access method "{method}" does not exist')
    can_unique, can_include, can_order, can_multi = _CAN[method]
    for refused, what in ((unique and not can_unique, "unique indexes"),
                          (include and not can_include, "included columns"),
                          (columns > 1 and not can_multi, "multicolumn indexes"),
                          (ordered and not can_order, "ASC/DESC options"),
                          (nulls and not can_order, "NULLS FIRST/LAST options")):
        if refused:
            raise SqlError(FEATURE_NOT_SUPPORTED,
                           f'access method "{method}" does not support {what}')


def _input_types(sql_type: SqlType) -> list[str]:
    """The opcintype names a column of this type may use, most specific
    first (IsBinaryCoercible for the cases the twin's types meet)."""
    if sql_type.is_array:
        return ["anyarray"]
    if sql_type.user is not None:
        return ["anyenum"]
    name = sql_type.name
    if name == "varchar":
        return ["text"]
    return [name]


def _opclasses(extensions) -> list[tuple]:
    """pg_opclass as the session sees it: the built-in rows, then those
    of the installed extensions (OID 0: the twin gives them none; the
    extension's name last)."""
    rows = [row + ("",) for row in OPCLASSES]
    rows += [(0, am, name, intype, default, ext) for ext, am, name, intype,
             default in EXTENSION_OPCLASSES if ext in extensions]
    return rows


def extension_opclass(method: str, sql_type: SqlType, written: str | None,
                      extension: str) -> str | None:
    """The name of `extension`'s operator class an index column uses
    (DROP EXTENSION's dependency), or None."""
    try:
        row = _resolve(method, sql_type, written, (extension,))
    except SqlError:
        return None
    return row[2] if row[5] == extension else None


def resolve_opclass(method: str, sql_type: SqlType, written: str | None,
                    extensions=()) -> tuple[int, str | None]:
    """(opclass oid, the name to print or None when it is the default)."""
    row = _resolve(method, sql_type, written, extensions)
    if written is None:
        return row[0], None
    default = row[4] and row[3] == _input_types(sql_type)[0]
    return row[0], None if default else row[2]


def _resolve(method: str, sql_type: SqlType, written: str | None,
             extensions) -> tuple:
    accepted = _input_types(sql_type)
    rows = _opclasses(extensions)
    if written is None:
        for want in accepted:
            for row in rows:
                oid, am, name, intype, default, _ = row
                if am == method and intype == want and default:
                    return row
        raise undefined_object(f"data type {sql_type.display()} has no "
                               "default operator class for access method "
                               f'"{method}"', hint="You must specify an operator "
                               "class for the index or define a default operator "
                               "class for the data type.")
    for row in rows:
        oid, am, name, intype, default, _ = row
        if am == method and name == written:
            if intype not in accepted:
                raise datatype_mismatch(f'operator class "{written}" does not '
                                        f"accept data type {sql_type.display()}")
            return row
    raise undefined_object(f'operator class "{written}" does not exist for '
                           f'access method "{method}"')


def _written(defn, col: str) -> str | None:
    if not defn.opclasses:
        return None
    return defn.opclasses[defn.columns.index(col)]


def resolve_column(defn, col: str, sql_type: SqlType, extensions=()) -> None:
    """A key column of CREATE INDEX: its operator class resolved (errors
    as ResolveOpClass raises them)."""
    resolve_opclass(defn.method, sql_type, _written(defn, col), extensions)


def shown(defn, table, extensions=()) -> tuple[str | None, ...]:
    """The catalog's per-column operator class names: the written ones
    that are not the column type's default (pg_get_indexdef prints those)."""
    if not defn.opclasses:
        return ()
    out = tuple(resolve_opclass(defn.method, table.column(col).type,
                                _written(defn, col), extensions)[1]
                for col in defn.columns)
    return out if any(out) else ()


def opclass_oid(method: str, sql_type: SqlType, name: str | None,
                extensions=()) -> int:
    """pg_index.indclass for a key column."""
    try:
        return resolve_opclass(method, sql_type, name, extensions)[0]
    except SqlError:
        return 0


ANYELEMENT = 2283
_INT4 = (23, 4, True, "i", "p")
# relpages of an empty index of each method (its metapages and roots)
EMPTY_PAGES = {"btree": 1, "hash": 4, "gist": 1, "gin": 2, "spgist": 3,
               "brin": 3}


def key_type(method: str, opclass: int) -> tuple | None:
    """(oid, typlen, typbyval, typalign, typstorage) of what an index
    column stores when not the column's type: the access method's
    amkeytype (hash: the int4 hash code), else the operator class's
    opckeytype (gist tsvector_ops: gtsvector; gin array_ops: anyelement,
    the array's element, which the caller resolves)."""
    if method == "hash":
        return _INT4
    return KEY_TYPES.get(opclass)
