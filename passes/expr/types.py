"""Type facts the expression typer reasons with: categories, preferred
types, and which coercions exist in which context.

Types are handled by *key*: the pg_type name for scalars (`int4`,
`timestamptz`, `unknown`, and the pseudo-types `anyelement`, `"any"`, …)
and `int4[]` for arrays. Keys of types outside SPEC §7 (`inet`, `bit`, …)
appear only as candidates of PostgreSQL's overloads, so that candidate
selection sees exactly what PostgreSQL sees; the twin never produces a
value of such a type (picking one is a 0A000).

The facts come from PostgreSQL's own catalogs (`pg_data`, generated);
the I/O-conversion rules (anything → string type in assignment context,
string type → anything explicitly) are find_coercion_pathway's.
"""

from __future__ import annotations

from functools import lru_cache

from twinning.ir import query as q
from twinning.ir.types import BASE_TYPES, SqlType, is_enum_key
from twinning.passes.expr import pg_data

UNKNOWN = "unknown"
STRING_KEYS = frozenset({"text", "varchar", "bpchar", "name"})
POLYMORPHIC = frozenset({"anyelement", "anyarray", "anynonarray",
                         "anycompatible", "anycompatiblearray",
                         "anycompatiblenonarray", "any", "anyenum",
                         "anyrange", "anymultirange",
                         "anycompatiblerange", "anycompatiblemultirange"})


def key_of_pg(name: str) -> str:
    """pg_type.typname → key (`_int4` → `int4[]`)."""
    if name.startswith("_"):
        return name[1:] + "[]"
    return name


def key(rtype: q.ResultType) -> str:
    return rtype.name


def is_array(k: str) -> bool:
    return k.endswith("[]")


def element(k: str) -> str:
    if k in VECTORS:
        return VECTORS[k]
    return k[:-2] if k.endswith("[]") else k


# int2vector and oidvector are true arrays to PostgreSQL's polymorphism
# (IsTrueArrayType: varlena with array subscripting), of int2 and oid,
# subscripted from 0
VECTORS = {"int2vector": "int2", "oidvector": "oid"}


_TYPES = {key_of_pg(n): v for n, v in pg_data.TYPES.items()}
_CASTS = {(key_of_pg(s), key_of_pg(t)): c for (s, t), c in pg_data.CASTS.items()}
# pg_cast's binary-coercible vector → array casts (castmethod 'b')
_CASTS.update({("int2vector", "int2[]"): "i", ("oidvector", "oid[]"): "i"})


def category(k: str) -> str:
    if is_array(k):
        return "A"
    entry = _TYPES.get(k)
    if entry is None and is_enum_key(k):
        return "E"  # a user enum (its key is schema.name)
    return entry[0] if entry else "U"


def preferred(k: str) -> bool:
    if is_array(k):
        return False
    entry = _TYPES.get(k)
    return bool(entry and entry[1])


def is_preferred_in(cat: str, k: str) -> bool:
    """IsPreferredType(): `k` is the preferred type of category `cat`."""
    return category(k) == cat and preferred(k)


@lru_cache(maxsize=4096)
def cast_context(source: str, target: str) -> str | None:
    """The weakest context a coercion source → target is allowed in:
    'i' implicit, 'a' assignment, 'e' explicit; None: no cast at all."""
    if source == target:
        return "i"
    if source == UNKNOWN:
        return "i"
    found = _CASTS.get((source, target))
    if found is not None:
        return found
    if is_array(source) and is_array(target):
        return cast_context(element(source), element(target))
    if target in STRING_KEYS and source not in POLYMORPHIC:
        return "a"  # automatic I/O conversion to a string type
    if source in STRING_KEYS and target not in POLYMORPHIC:
        return "e"  # … and from one
    return None


_RANK = {"i": 0, "a": 1, "e": 2}


def can_coerce(source: str, target: str, context: str = "i") -> bool:
    """can_coerce_type() for one argument (polymorphic targets included)."""
    if source == target or target == "any":
        return True
    if target in POLYMORPHIC:
        if source == UNKNOWN:
            return True
        if target in ("anyarray", "anycompatiblearray"):
            return is_array(source) or source in VECTORS
        if target in ("anynonarray", "anycompatiblenonarray"):
            return not is_array(source) and source not in VECTORS
        if target == "anyenum":
            return is_enum_key(source)
        return target in ("anyelement", "anycompatible")
    found = cast_context(source, target)
    return found is not None and _RANK[found] <= _RANK[context]


# -- ResultType of a key ---------------------------------------------------------

# `name` is a base type now; q.NAME (no sql_type) stays equal to it
_SPECIAL = {"unknown": q.UNKNOWN, "name": q.ResultType.of(SqlType("name")),
            "void": q.VOID}


def result_type(k: str) -> q.ResultType | None:
    """The plain ResultType of a key (None: a type the twin cannot hold)."""
    if k in _SPECIAL:
        return _SPECIAL[k]
    base = k[:-2] if is_array(k) else k
    if base not in BASE_TYPES:
        return None
    return q.ResultType.of(SqlType(base, -1, is_array(k)))


def display(k: str) -> str:
    """format_type_be() of a key, as PostgreSQL's messages print types
    (bpchar without a typmod is "character" there)."""
    if k == "bpchar":
        return "character"
    if k == "bpchar[]":
        return "character[]"
    rtype = result_type(k)
    if rtype is not None and rtype.sql_type is not None:
        return rtype.sql_type.display()
    if is_enum_key(k):  # format_type_be: bare when on the default path
        return k.removeprefix("public.")
    names = {"any": '"any"', "char": '"char"', "timetz": "time with time zone",
             "varbit": "bit varying", "bit": "bit"}
    if is_array(k):
        return display(element(k)) + "[]"
    return names.get(k, k)


def display_type(rtype: q.ResultType) -> str:
    if rtype.sql_type is not None:
        return rtype.sql_type.display()
    return rtype.name


def array_of(rtype: q.ResultType) -> q.ResultType | None:
    if rtype.sql_type is None or rtype.sql_type.is_array:
        return None
    return q.ResultType.of(rtype.sql_type.array_of())


def element_of(rtype: q.ResultType) -> q.ResultType:
    assert rtype.sql_type is not None and rtype.sql_type.is_array
    return q.ResultType.of(rtype.sql_type.element)


def element_type(rtype: q.ResultType) -> q.ResultType | None:
    """An array's element type, from its SqlType where it has one (a user
    enum's key alone does not make its type)."""
    sql_type = rtype.sql_type
    if sql_type is not None and sql_type.is_array:
        return q.ResultType.of(sql_type.element)
    return result_type(element(key(rtype)))


def array_type(rtype: q.ResultType) -> q.ResultType | None:
    """The array type of an element type (as `element_type`)."""
    sql_type = rtype.sql_type
    if sql_type is not None and not sql_type.is_array:
        return q.ResultType.of(sql_type.array_of())
    return result_type(key(rtype) + "[]")
