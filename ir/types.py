"""SQL types of the supported subset (SPEC §7), as PostgreSQL 15 names them.

A `SqlType` is a base type plus its type modifier (`typmod`, encoded exactly
as PostgreSQL stores it in `pg_attribute.atttypmod`) and, for arrays, the
element type. Everything a client can observe about a type — OID, length,
`format_type()` text, the typmod on the wire — derives from this table, so
the catalog, the wire protocol and the introspection relations agree.

Values themselves live in `twinning.values`; this module only knows names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class BaseType:
    """One row of the built-in type table (a subset of `pg_type`)."""

    name: str  # pg_type.typname
    oid: int
    array_oid: int
    typlen: int  # -1 for varlena
    category: str  # pg_type.typcategory
    display: str  # format_type() spelling without typmod
    # an introspection type (oid, name, regclass…): values appear in the
    # system catalogs and in casts, never as the type of a user's column
    internal: bool = False


@dataclass(frozen=True, slots=True)
class EnumType(BaseType):
    """A user's enum type (CREATE TYPE … AS ENUM): its row in the type
    table, carried by the `SqlType`s of its columns and expressions so the
    typer, the value I/O and the store need no catalog. `name` is the
    typer's key, `schema.typname` (never a built-in's spelling); `labels`
    are in sort order (pg_enum.enumsortorder), `sort_orders` their
    enumsortorder values."""

    schema: str = ""
    typname: str = ""
    labels: tuple[str, ...] = ()
    sort_orders: tuple[float, ...] = ()

    def rank(self) -> dict[str, int]:
        """label → its place in the sort order."""
        return {label: i for i, label in enumerate(self.labels)}


@dataclass(frozen=True, slots=True)
class RecordType(BaseType):
    """A composite type, carried by the `SqlType`s of its values (Python
    tuples, one item per field): a table's row type (`SELECT t FROM t`) or
    an anonymous record (`ROW(1, 'a')`: `oid` RECORD_OID, fields f1, f2,
    …). The `SqlType`'s name is always "record", so the typer matches it
    to pg_proc's `record` arguments; `oid` is what clients are sent."""

    schema: str = ""
    typname: str = ""
    fields: tuple[tuple[str, "SqlType"], ...] = ()
    # fields of an untyped literal in ROW(…): text values, of type unknown
    # to record comparisons
    unknown: tuple[int, ...] = ()

    @property
    def anonymous(self) -> bool:
        return self.oid == RECORD_OID


RECORD_OID, RECORD_ARRAY_OID = 2249, 2287


def record_type(fields: tuple[tuple[str, "SqlType"], ...], oid: int = RECORD_OID,
                array_oid: int = RECORD_ARRAY_OID, schema: str = "",
                typname: str = "", display: str = "",
                unknown: tuple[int, ...] = ()) -> "SqlType":
    """The SqlType of a composite value with `fields` (anonymous unless
    given the OIDs and name of a row type)."""
    return SqlType("record", user=RecordType(
        "record", oid, array_oid, -1, "P" if oid == RECORD_OID else "C",
        display or typname or "record", schema=schema, typname=typname or "record",
        fields=fields, unknown=unknown))


def enum_key(schema: str, typname: str) -> str:
    """The typer's key of a user enum: `schema.typname`."""
    return f"{schema}.{typname}"


def is_enum_key(key: str) -> bool:
    """A user enum's key (built-in type names never hold a dot)."""
    return "." in key and not key.endswith("[]")


@dataclass(frozen=True, slots=True)
class DomainCheck:
    """One CHECK constraint of a domain: `expr` is the boolean expression
    typed over VALUE (a `query.TExpr` whose column 0 is the value);
    `validated` is False for one added NOT VALID."""

    name: str
    expr: Any
    oid: int = 0
    validated: bool = True


@dataclass(frozen=True, slots=True)
class DomainType:
    """A user's domain (CREATE DOMAIN), carried as `SqlType.domain` by the
    types of its columns, casts and values: the SqlType is otherwise the
    domain's base type (getBaseType), so the typer, the value I/O, the
    store and RowDescription see the base type, while writes and casts
    check `not_null` and `checks` (those of `base.domain` first, for a
    domain over a domain). `default` is the DEFAULT as written (syntax),
    inherited from the base domain when the domain gives none. A domain
    over an array type is not built: `base` is never an array."""

    schema: str
    typname: str
    oid: int
    array_oid: int
    base: "SqlType"
    not_null: bool = False
    checks: tuple[DomainCheck, ...] = ()
    default: Any = None
    display: str = ""

    def levels(self) -> list["DomainType"]:
        """This domain and the domains under it, innermost first."""
        out: list[DomainType] = []
        at: DomainType | None = self
        while at is not None:
            out.append(at)
            at = at.base.domain
        return out[::-1]

    def any_not_null(self) -> bool:
        return any(level.not_null for level in self.levels())


_BASE = (
    BaseType("bool", 16, 1000, 1, "B", "boolean"),
    BaseType("bytea", 17, 1001, -1, "U", "bytea"),
    BaseType("int8", 20, 1016, 8, "N", "bigint"),
    BaseType("int2", 21, 1005, 2, "N", "smallint"),
    BaseType("int4", 23, 1007, 4, "N", "integer"),
    BaseType("text", 25, 1009, -1, "S", "text"),
    BaseType("json", 114, 199, -1, "U", "json"),
    BaseType("float4", 700, 1021, 4, "N", "real"),
    BaseType("float8", 701, 1022, 8, "N", "double precision"),
    BaseType("bpchar", 1042, 1014, -1, "S", "character"),
    BaseType("varchar", 1043, 1015, -1, "S", "character varying"),
    BaseType("date", 1082, 1182, 4, "D", "date"),
    BaseType("time", 1083, 1183, 8, "D", "time without time zone"),
    BaseType("timetz", 1266, 1270, 12, "D", "time with time zone"),
    BaseType("timestamp", 1114, 1115, 8, "D", "timestamp without time zone"),
    BaseType("timestamptz", 1184, 1185, 8, "D", "timestamp with time zone"),
    BaseType("interval", 1186, 1187, 16, "T", "interval"),
    BaseType("numeric", 1700, 1231, -1, "N", "numeric"),
    BaseType("uuid", 2950, 2951, 16, "U", "uuid"),
    BaseType("jsonb", 3802, 3807, -1, "U", "jsonb"),
    BaseType("xml", 142, 143, -1, "U", "xml"),
    BaseType("tsvector", 3614, 3643, -1, "U", "tsvector"),
    BaseType("tsquery", 3615, 3645, -1, "U", "tsquery"),
    BaseType("bit", 1560, 1561, -1, "V", "bit"),
    BaseType("varbit", 1562, 1563, -1, "V", "bit varying"),
    BaseType("money", 790, 791, 8, "N", "money"),
    BaseType("jsonpath", 4072, 4073, -1, "U", "jsonpath"),
    # the types of PostgreSQL's own catalogs and of the functions reading
    # them, by name
    BaseType("aclitem", 1033, 1034, 12, "U", "aclitem", True),
    BaseType("anyarray", 2277, 0, -1, "P", "anyarray", True),
    BaseType("char", 18, 1002, 1, "Z", '"char"', True),
    BaseType("cid", 29, 1012, 4, "U", "cid", True),
    BaseType("int2vector", 22, 1006, -1, "A", "int2vector", True),
    BaseType("name", 19, 1003, 64, "S", "name", True),
    BaseType("oid", 26, 1028, 4, "N", "oid", True),
    BaseType("oidvector", 30, 1013, -1, "A", "oidvector", True),
    BaseType("pg_node_tree", 194, 0, -1, "Z", "pg_node_tree", True),
    BaseType("regclass", 2205, 2210, 4, "N", "regclass", True),
    BaseType("regconfig", 3734, 3735, 4, "N", "regconfig", True),
    BaseType("regnamespace", 4089, 4090, 4, "N", "regnamespace", True),
    BaseType("regproc", 24, 1008, 4, "N", "regproc", True),
    BaseType("regrole", 4096, 4097, 4, "N", "regrole", True),
    BaseType("regtype", 2206, 2211, 4, "N", "regtype", True),
    BaseType("tid", 27, 1010, 6, "U", "tid", True),
    BaseType("xid", 28, 1011, 4, "U", "xid", True),
)

BASE_TYPES: dict[str, BaseType] = {b.name: b for b in _BASE}
BY_OID: dict[int, BaseType] = {b.oid: b for b in _BASE}
BY_ARRAY_OID: dict[int, BaseType] = {b.array_oid: b for b in _BASE
                                      if b.array_oid}
# the reg* types: an OID printed and read as the name of a catalog object
REG_TYPES = frozenset({"regproc", "regclass", "regtype", "regnamespace",
                       "regrole"})
# the OID-like types whose values are unsigned 32-bit integers
OID_TYPES = REG_TYPES | {"oid", "xid", "cid", "regconfig"}

# Spellings PostgreSQL's grammar and catalog accept for the same base type.
ALIASES: dict[str, str] = {
    "boolean": "bool",
    "smallint": "int2",
    "integer": "int4",
    "int": "int4",
    "bigint": "int8",
    "real": "float4",
    "double precision": "float8",
    "decimal": "numeric",
    "character varying": "varchar",
    "bit varying": "varbit",
    "character": "bpchar",
    "timestamp without time zone": "timestamp",
    "timestamp with time zone": "timestamptz",
    "time without time zone": "time",
    "time with time zone": "timetz",
}

# serial pseudo-types: the column type they expand to.
SERIALS: dict[str, str] = {
    "smallserial": "int2",
    "serial2": "int2",
    "serial": "int4",
    "serial4": "int4",
    "bigserial": "int8",
    "serial8": "int8",
}

# Types whose typmod is a precision (0..6) for fractional seconds.
_PRECISION_TYPES = frozenset({"time", "timetz", "timestamp", "timestamptz"})
VARHDRSZ = 4

# interval typmods pack a field range mask and a precision (timestamp.h).
INTERVAL_FULL_RANGE = 0x7FFF
INTERVAL_FULL_PRECISION = 0xFFFF
_B = {"month": 1 << 1, "year": 1 << 2, "day": 1 << 3, "hour": 1 << 10,
      "minute": 1 << 11, "second": 1 << 12}
INTERVAL_RANGES: dict[int, str] = {
    _B["year"]: " year", _B["month"]: " month", _B["day"]: " day",
    _B["hour"]: " hour", _B["minute"]: " minute", _B["second"]: " second",
    _B["year"] | _B["month"]: " year to month",
    _B["day"] | _B["hour"]: " day to hour",
    _B["day"] | _B["hour"] | _B["minute"]: " day to minute",
    _B["day"] | _B["hour"] | _B["minute"] | _B["second"]: " day to second",
    _B["hour"] | _B["minute"]: " hour to minute",
    _B["hour"] | _B["minute"] | _B["second"]: " hour to second",
    _B["minute"] | _B["second"]: " minute to second",
    INTERVAL_FULL_RANGE: "",
}


def interval_typmod(range_mask: int, precision: int) -> int:
    return ((range_mask & 0x7FFF) << 16) | (precision & 0xFFFF)


@dataclass(frozen=True, slots=True)
class SqlType:
    """A concrete column/expression type: base name, typmod, array flag."""

    name: str
    typmod: int = -1
    is_array: bool = False
    # a user enum's type row (`name` is then its key), or a composite's
    # (`name` is "record"); None: built-in
    user: EnumType | RecordType | None = None
    # a domain over this type (an array: of the domain): what writes and
    # casts check and the catalog shows; not part of the type's identity,
    # as getBaseType() makes it for the typer and the value I/O
    domain: DomainType | None = field(default=None, compare=False)

    def verify(self) -> None:
        if self.name not in BASE_TYPES and self.user is None:
            raise ValueError(f"unknown base type {self.name!r}")

    @property
    def base(self) -> BaseType:
        return self.user or BASE_TYPES[self.name]

    @property
    def element(self) -> SqlType:
        """The element type of an array (self for scalars)."""
        return SqlType(self.name, self.typmod, False, self.user,
                       self.domain) if self.is_array else self

    def array_of(self) -> SqlType:
        return SqlType(self.name, self.typmod, True, self.user, self.domain)

    @property
    def without_domain(self) -> SqlType:
        """The base type (getBaseType)."""
        return self if self.domain is None else \
            SqlType(self.name, self.typmod, self.is_array, self.user)

    @property
    def oid(self) -> int:
        """The OID a client is sent: a domain's base type's, an array of
        a domain's the domain's array type (printtup's getBaseType)."""
        if self.is_array:
            return self.base.array_oid if self.domain is None else \
                self.domain.array_oid
        return self.base.oid

    @property
    def typlen(self) -> int:
        return -1 if self.is_array else self.base.typlen

    @property
    def category(self) -> str:
        return "A" if self.is_array else self.base.category

    def modifier_text(self) -> str:
        """The `(…)` part of format_type(), or '' when the typmod is unset."""
        if self.typmod < 0:
            return ""
        if self.name in ("varchar", "bpchar"):
            return f"({self.typmod - VARHDRSZ})"
        if self.name == "numeric":
            precision, scale = numeric_precision_scale(self.typmod)
            return f"({precision},{scale})"
        if self.name in _PRECISION_TYPES or self.name in ("bit", "varbit"):
            return f"({self.typmod})"
        if self.name == "interval":
            fields = INTERVAL_RANGES.get((self.typmod >> 16) & 0x7FFF, "")
            precision = self.typmod & 0xFFFF
            return fields + ("" if precision == INTERVAL_FULL_PRECISION
                             else f"({precision})")
        return ""

    def display(self) -> str:
        """format_type(oid, typmod): what psql and information_schema show."""
        if self.domain is not None:  # the domain's name; its typmod is its own
            return self.domain.display + ("[]" if self.is_array else "")
        base = self.base.display
        mod = self.modifier_text()
        if self.name == "bpchar" and not mod:
            base = "bpchar"  # unlimited blank-padded, as format_type() says
        if self.name in _PRECISION_TYPES and mod:
            # "timestamp(3) without time zone": the modifier sits mid-name.
            head, _, tail = base.partition(" ")
            text = f"{head}{mod} {tail}"
        else:
            text = base + mod
        return text + ("[]" if self.is_array else "")

    def __str__(self) -> str:
        return self.display()


def numeric_typmod(precision: int, scale: int) -> int:
    """make_numeric_typmod(): the scale in 11 bits, two's complement
    (PostgreSQL 15 allows scales from -1000 to 1000)."""
    return ((precision << 16) | (scale & 0x7FF)) + VARHDRSZ


def numeric_precision_scale(typmod: int) -> tuple[int, int]:
    raw = typmod - VARHDRSZ
    return (raw >> 16) & 0xFFFF, ((raw & 0x7FF) ^ 1024) - 1024


def canonical_name(name: str, internal: bool = False) -> str | None:
    """Map a spelling (`integer`, `int4`, `decimal`…) to its base name.

    The introspection types (`oid`, `name`, `"char"`, `regclass`…) are
    names only when `internal` is asked for: casts and parameters may use
    them, a user's column may not (SPEC §7). `char` is not a spelling of
    `bpchar` here: the grammar turns an unquoted `char` into
    `pg_catalog.bpchar` itself, so a bare `char` is the quoted `"char"`."""
    name = name.lower()
    base = BASE_TYPES.get(name)
    if base is not None:
        return name if internal or not base.internal else None
    return ALIASES.get(name)


def by_oid(oid: int) -> SqlType | None:
    """The unmodified type for a type OID, scalar or array."""
    if oid in BY_OID:
        return SqlType(BY_OID[oid].name)
    if oid in BY_ARRAY_OID:
        return SqlType(BY_ARRAY_OID[oid].name, is_array=True)
    return None


# Frequently used instances.
BOOL = SqlType("bool")
INT2 = SqlType("int2")
INT4 = SqlType("int4")
INT8 = SqlType("int8")
TEXT = SqlType("text")
NUMERIC = SqlType("numeric")
FLOAT8 = SqlType("float8")
