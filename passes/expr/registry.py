"""The tables the expression layer reads: which operator and function
signatures the twin runs, and how.

`BINARY` ("lkey op rkey"), `UNARY` ("op key") and `FUNCTIONS` (pg_proc's
"name(argkey,…)") hold an `Impl` per signature the twin runs faithfully;
`SET_RETURNING` the set-returning functions of FROM and target lists. A
signature without an entry is refused with 0A000, never approximated.

The type families (`numeric_ops`, `text_ops`, `datetime_ops`, `json_ops`,
`array_ops`, `system_ops`, …) fill them from their own `register()`, which
`families` calls when a signature a family owns is first looked up: read
the tables through `lookup`, never by subscript, so the family is there
(`twinning.system_catalog` adds the catalog functions when it is
installed). `runtime` answers the typer's and the compiler's lookups.

Values: int (int2/4/8), Decimal (numeric), float (float4/8), str (text,
varchar, bpchar, name, json, jsonb), bool, bytes, uuid.UUID, date = days
since 2000-01-01, timestamp[tz] = µs since 2000-01-01 (UTC for tz),
time = µs, `Interval(months, days, micros)`, arrays = tuples.

Callables take non-NULL arguments (the compiler handles NULL for strict
functions). Those whose result depends on session settings (TimeZone,
DateStyle, extra_float_digits) are factories `make(settings)`, marked
`settings=True`, bound once per settings value at run time.
"""

from __future__ import annotations

import operator as _op
import threading
from typing import Any, Callable, Sequence

from twinning.errors import (
    SqlError, datetime_field_overflow,
    division_by_zero as division_by_zero_err, numeric_value_out_of_range,
)
from twinning.ir import query as q
from twinning.ir.types import record_type
from twinning.passes.expr import pg_data
from twinning.passes.expr.types import key_of_pg, result_type
from twinning.values import formatter_for

INT_BOUNDS = {"int2": (-2**15, 2**15 - 1, "smallint"),
              "int4": (-2**31, 2**31 - 1, "integer"),
              "int8": (-2**63, 2**63 - 1, "bigint")}


INTS = frozenset(INT_BOUNDS)


FLOATS = frozenset({"float4", "float8"})


DATETIMES = frozenset({"date", "time", "timestamp", "timestamptz", "interval"})


def division_by_zero() -> SqlError:
    return division_by_zero_err("division by zero")


def float_overflow() -> SqlError:
    return numeric_value_out_of_range("value out of range: overflow")


def float_underflow() -> SqlError:
    return numeric_value_out_of_range("value out of range: underflow")


def interval_out_of_range() -> SqlError:
    return datetime_field_overflow("interval out of range")


class Impl:
    """One implemented signature: `fn` (or a factory of it when
    `settings`), strictness, and whether it needs the EvalContext."""

    __slots__ = ("fn", "strict", "settings", "context", "volatile", "fast")

    def __init__(self, fn: Callable, *, strict: bool = True,
                 settings: bool = False, context: bool = False,
                 volatile: bool = False, fast: Callable | None = None) -> None:
        self.fn = fn
        # numeric comparisons: the C-level operator, right whenever it does
        # not raise InvalidOperation (NaN) — lets the compiler inline it
        self.fast = fast
        self.strict = strict
        self.settings = settings
        self.context = context
        self.volatile = volatile

    def check_args(self, args: Sequence[q.TExpr]) -> None:
        return None

    @property
    def foldable(self) -> bool:
        return not (self.settings or self.context or self.volatile)


class TypedImpl(Impl):
    """A function whose behaviour depends on its arguments' types (output
    functions of `any` arguments, element types of arrays):
    `factory(arg_types) -> make(settings) -> fn(*args)`. `immutable`: its
    result does not depend on the settings, so constant arguments fold at
    plan time (and its errors are raised there), as PostgreSQL's
    eval_const_expressions folds an immutable function."""

    def __init__(self, factory: Callable, *, strict: bool = True,
                 immutable: bool = False) -> None:
        super().__init__(None, strict=strict, settings=True)
        self.factory = factory
        self.immutable = immutable


ARITH = ("+", "-", "*", "/")
COMPARE = ("=", "<>", "<", ">", "<=", ">=")
PY_COMPARE = {"=": _op.eq, "<>": _op.ne, "<": _op.lt, ">": _op.gt,
              "<=": _op.le, ">=": _op.ge}


# binary operators: "lkey op rkey" → Impl
BINARY: dict[str, Impl] = {}
UNARY: dict[str, Impl] = {}
FUNCTIONS: dict[str, Impl] = {}
# Set-returning functions for the read path's FROM/target-list machinery:
# signature -> factory(argument types) -> fn(*non-NULL args) -> iterator of
# values (one column each). A NULL argument gives no rows (they are strict).
SET_RETURNING: dict[str, Callable[[Sequence[q.ResultType]], Callable]] = {}
# a set-returning function's single named OUT parameter (pg_proc's
# proargnames), which names its column in FROM (chooseScalarFunctionAlias)
SET_RETURNING_COLUMN: dict[str, str] = {}
# a set-returning function of several OUT parameters: its columns'
# (name, type key), in order; its values are tuples (ir.select.TSetCallRows)
SET_RETURNING_ROWS: dict[str, tuple[tuple[str, str], ...]] = {}


# families' hook: (table, signature) -> True when it registered the family
# that owns the signature (families.py sets it; it imports the families,
# which import this module)
LOAD_OWNER: Callable[[dict, str], bool] | None = None
# held while a family registers; SEQUENCE is odd meanwhile, so a lookup
# that raced a registration (an entry not wrapped by md_guard yet, or one
# a late family overwrote for a moment) takes the lock and reads again
LOCK = threading.RLock()
SEQUENCE = 0


def lookup(table: dict, sig: str) -> Any:
    """`table[sig]`, None when the twin has no such entry; the family
    owning `sig` registers first when it has not yet."""
    seq = SEQUENCE
    found = table.get(sig)
    if found is None or seq & 1 or seq != SEQUENCE:
        with LOCK:
            if found is None and LOAD_OWNER is not None:
                LOAD_OWNER(table, sig)
            found = table.get(sig)
    return found


def reg(table: dict, sig: str, fn: Callable, **kw: Any) -> None:
    table[sig] = Impl(fn, **kw)


def define(sig: str, fn: Callable, **kw: Any) -> None:
    """A function of pg_proc's signature `sig`."""
    FUNCTIONS[sig] = Impl(fn, **kw)


def rtype_of(name: str) -> q.ResultType:
    found = result_type(name)
    assert found is not None, name
    return found


def output(rtype_key: str, as_cast: bool = False) -> Callable:
    """A factory: settings → the output function of a type (`as_cast`:
    the cast to text instead, which spells booleans out and trims
    char(n) padding, as anytextcat's `::text` does)."""
    def make(settings):
        rtype = result_type(rtype_key)
        if rtype is None or rtype.sql_type is None:
            return str
        if rtype_key == "bpchar":
            return (lambda v: v.rstrip(" ")) if as_cast else (lambda v: v)
        if rtype_key == "bool":
            if as_cast:
                return lambda v: "true" if v else "false"
            return lambda v: "t" if v else "f"
        return formatter_for(rtype.sql_type, settings)
    return make


def signatures(name: str) -> list[tuple]:
    return [(n, tuple(key_of_pg(a) for a in args), *rest)
            for n, args, *rest in pg_data.FUNCTIONS if n == name]


def rows_result(signature: str) -> tuple[q.ResultType, tuple] | None:
    """A SET_RETURNING_ROWS function's record type and its columns
    ((name, ResultType), …); None for any other function."""
    rows = lookup(SET_RETURNING_ROWS, signature)
    if rows is None:
        return None
    columns = tuple((name, rtype_of(key)) for name, key in rows)
    fields = tuple((name, rtype.sql_type) for name, rtype in columns)
    return q.ResultType.of(record_type(fields)), columns
