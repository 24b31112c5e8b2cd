"""The embedded evaluator: a `verify.constraint.v1` artifact over committed
state, giving a `verify.report.v1` document (`execution_mode: "embedded"`).

The verify tool owns rule semantics (its docs/plan.md: "portable rules must
evaluate with the same meaning in batch and embedded execution"); this
module follows its documented contract and, where that contract is silent,
PostgreSQL's meaning of the same words. The decisions, with their source:

- **outcome**: `PASS` iff no rule failed, `FAIL` iff one or more failed,
  whatever their severity (plan.md, "Outcome semantics are exact: PASS —
  zero failed rules; FAIL — one or more failed rules"). `severity_band`
  tells warn-only failures apart: `CLEAN` / `WARN_ONLY` / `ERROR_PRESENT`;
  `summary.by_severity` counts *failing* rules by severity.
- **not_null**: a cell fails when it is NULL or, in a string column
  (text, varchar, char), empty or whitespace-only (plan.md I15 "not_null
  fails on null, empty string, and whitespace-only string"; the published
  sample `arity1_not_null.fail.json` reports `"value": ""`). One affected
  entry per failing cell.
- **unique**: rows whose tuple over the columns occurs more than once; every
  row of every duplicate group is affected, so `violation_count` is the
  number of such rows (verify's engine reports the first occurrence and each
  repeat). A tuple with a NULL component never collides, as in a SQL UNIQUE
  constraint (verify's contract — "no two rows may share the same tuple" —
  does not define NULL; a NULL is not a shared value).
- **predicate**: the row fails unless the expression is *true* (plan.md
  "must evaluate true for every row"). Logic is two-valued, as verify's
  engine: `eq`/`ne`/`in` treat NULL as a value (NULL = NULL holds, NULL = x
  does not) — which is why the schema admits `null` literals in operands and
  `in` lists; an ordering comparison (`gt`/`gte`/`lt`/`lte`) with a NULL
  operand is false (verify refuses such a row as E_BAD_EXPR; a twin reports
  it instead of refusing at shutdown); `and`/`or`/`not` are classical. A bare
  `{"column": c}` holds when c is neither NULL nor blank, `is_blank` when it
  is NULL or blank (verify's `is_blank`), `is_null` when it is NULL.
  Localisation (field, value) is the first column of a comparison, `in`,
  `is_null`, `is_blank` or bare column; none for `and`/`or`/`not`.
- **Typed comparisons**: a JSON literal is converted to the column's type —
  strings through the type's input function (`'2024-01-31'` for a date),
  numbers compare numerically (exact decimal for integer and numeric
  columns, float8 for real/double precision, NaN greatest as in
  PostgreSQL), booleans only with boolean columns; `char(n)` ignores
  trailing spaces; intervals compare by their total span. A literal that
  cannot be converted, two columns of incomparable types, or an ordering on
  json/jsonb/array columns is an artifact error found at load time
  (`check_artifact`, `E_VERIFY_ARTIFACT_PARSE`) — never a traceback.
- **row_count / aggregate_compare**: the observed value must satisfy every
  operator of `compare`; `tolerance` widens `eq` and `ne` (|observed −
  expected| ≤ tolerance) for numeric observations, as verify's engine.
  Aggregates skip NULLs (SQL); `sum` of integer/numeric columns is exact
  decimal arithmetic, of float columns float8; `sum` over no values is 0
  (verify's engine sums an empty relation to 0), `avg`/`min`/`max` over no
  values observe NULL (which then fails every operator but `eq: null`);
  `avg` of integer/numeric keeps 16 fractional digits. One affected entry
  carrying the observed value (and the aggregate column as field).
- **foreign_key**: rows whose key is not found among `ref_binding`'s
  `ref_columns` tuples; MATCH SIMPLE — a key with any NULL component is not
  checked (verify's engine would report it; a nullable foreign key column is
  ordinary PostgreSQL). field is the column for one-column keys, value the
  key (an array for several columns).
- **Localisation**: `key` maps the binding's `key_fields` to the row's
  values (omitted when the binding declares none). Values are JSON scalars:
  integers, finite floats, booleans and strings as such; numeric, dates,
  times, timestamps, intervals, uuid, bytea, arrays and non-finite floats as
  PostgreSQL's text output, so they read like psql. `affected` holds at most
  `AFFECTED_LIMIT` entries per rule — rows in primary-key order (full tuple
  without one), columns in rule order — while `violation_count` is the
  total. Results are sorted by rule id, bindings by name (verify's order).
- **bindings**: `source` is the canonical relation name, `content_hash` the
  sha256 of that relation's canonical snapshot entry (`snapshot.relation_hash`),
  `input_verification` null.

Every evaluation is linear in the rows (dict/set lookups, no nested loops
over rows) apart from one sort per bound relation for the report order.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any, Callable, Iterable

from twinning import snapshot, values
from twinning.errors import Refusal, SqlError
from twinning.ir.catalog import Catalog, QName, Table
from twinning.ir.types import SqlType
from twinning.state import CommittedState

AFFECTED_LIMIT = 20
REPORT_VERSION = "verify.report.v1"

_INT_TYPES = frozenset({"int2", "int4", "int8"})
_FLOAT_TYPES = frozenset({"float4", "float8"})
_NUMBER_TYPES = _INT_TYPES | _FLOAT_TYPES | {"numeric"}
_STRING_TYPES = frozenset({"text", "varchar", "bpchar"})
_UNORDERED = frozenset({"json", "jsonb"})
# Unicode White_Space, what verify's is_blank (Rust char::is_whitespace) uses.
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002"
                        "\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                        "\u2028\u2029\u202f\u205f\u3000")
_EXACT = Context(prec=1_000_000, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
_ABSENT = object()  # "no field/value" in an affected entry (null is a value)
_USECS_PER_DAY = 86_400_000_000


class ArtifactError(Exception):
    """A rule that cannot be evaluated against this catalog."""

    def __init__(self, rule_id: str, message: str) -> None:
        super().__init__(f"rule {rule_id}: {message}")
        self.rule_id = rule_id


# ------------------------------------------------------------------ values

def _blank(t: SqlType | None, value: Any) -> bool:
    if value is None:
        return True
    if t is not None and t.name in _STRING_TYPES and not t.is_array:
        return all(ch in _WHITESPACE for ch in value)
    return False


def to_json(t: SqlType, value: Any) -> Any:
    """A value as a JSON scalar: PostgreSQL text output unless JSON has it."""
    if value is None:
        return None
    if t.is_array:
        return values.format_text(t, value)
    name = t.name
    if name in _INT_TYPES or name == "bool":
        return value
    if name in _FLOAT_TYPES:
        return value if math.isfinite(value) else values.format_text(t, value)
    if name in _STRING_TYPES or name in _UNORDERED:
        return value
    return values.format_text(t, value)


def _family(t: SqlType) -> str:
    if t.is_array:
        return "array:" + t.name
    if t.name in _NUMBER_TYPES:
        return "number"
    if t.name in _STRING_TYPES:
        return "string"
    return t.name


def comparison_domain(types: Iterable[SqlType]) -> str:
    """The comparison domain of operands of these types."""
    types = list(types)
    families = {_family(t) for t in types}
    if len(families) != 1:
        raise TypeError(" and ".join(sorted(t.display() for t in types)))
    family = families.pop()
    if family == "number":
        return "float" if any(t.name in _FLOAT_TYPES for t in types) else "decimal"
    return family


def comparison_key(domain: str, t: SqlType) -> Callable[[Any], tuple]:
    """Non-NULL value of type `t` → a hashable key ordered as PostgreSQL
    orders the domain (NaN greatest and equal to itself)."""
    if domain == "float":
        def key(v: Any) -> tuple:
            f = float(v)
            return (1, 0.0) if f != f else (0, f)
        return key
    if domain == "decimal":
        def key(v: Any) -> tuple:
            return (1, 0) if isinstance(v, Decimal) and v.is_nan() else (0, v)
        return key
    if domain == "string" and t.name == "bpchar":
        return lambda v: (0, v.rstrip(" "))
    if domain == "interval":
        return lambda v: (0, (v.months * 30 + v.days) * _USECS_PER_DAY + v.micros)
    return lambda v: (0, v)


def _literal(t: SqlType, scalar: Any, domain: str) -> Any:
    """A JSON scalar as a value comparable with column type `t`."""
    if scalar is None:
        return None
    if isinstance(scalar, bool):
        if t.name == "bool" and not t.is_array:
            return scalar
        raise TypeError(f"boolean {_show(scalar)} is not comparable with "
                        f"{t.display()}")
    if isinstance(scalar, (int, float)):
        if t.is_array or t.name not in _NUMBER_TYPES:
            raise TypeError(f"number {_show(scalar)} is not comparable with "
                            f"{t.display()}")
        if domain == "float":
            try:
                return float(scalar)
            except OverflowError:
                return math.copysign(math.inf, scalar)
        return scalar if isinstance(scalar, int) else Decimal(repr(scalar))
    try:
        return values.parse_text(t, scalar)
    except SqlError as exc:
        raise TypeError(f"{_show(scalar)} is not a valid {t.display()}: "
                        f"{exc.message}") from None


def _show(scalar: Any) -> str:
    return json.dumps(scalar, ensure_ascii=False)


def _scalar_key(scalar: Any) -> tuple:
    """JSON scalars compared among themselves (verify's protocol scalars)."""
    if isinstance(scalar, bool):
        return ("boolean", scalar)
    if isinstance(scalar, (int, float)):
        return ("number", scalar if isinstance(scalar, int) else Decimal(repr(scalar)))
    return ("string", scalar)


# ------------------------------------------------------------------ relations

@dataclass
class _Relation:
    """One binding over the committed state: rows in report order."""

    name: str
    table: Table
    rows: list[tuple]
    key_fields: tuple[str, ...]

    def position(self, column: str) -> int:
        return self.table.slot(column)

    def type(self, column: str) -> SqlType:
        return self.table.column(column).type

    def key(self, row: tuple) -> dict[str, Any] | None:
        if not self.key_fields:
            return None
        return {f: to_json(self.type(f), row[self.position(f)])
                for f in self.key_fields}

    def entry(self, row: tuple | None, field: Any = _ABSENT,
              value: Any = _ABSENT) -> dict[str, Any]:
        out: dict[str, Any] = {"binding": self.name}
        if row is not None:
            key = self.key(row)
            if key is not None:
                out["key"] = key
        if field is not _ABSENT:
            out["field"] = field
        if value is not _ABSENT:
            out["value"] = value
        return out


class _Collector:
    """violation_count plus the first AFFECTED_LIMIT localised entries."""

    def __init__(self) -> None:
        self.count = 0
        self.entries: list[dict[str, Any]] = []

    def add(self, make: Callable[[], dict[str, Any]]) -> None:
        self.count += 1
        if len(self.entries) < AFFECTED_LIMIT:
            self.entries.append(make())


# ------------------------------------------------------------------ compile

Check = Callable[[dict[str, _Relation], _Collector], None]


@dataclass(frozen=True)
class _Compiled:
    rule_id: str
    severity: str
    run: Check


class _Compiler:
    def __init__(self, catalog: Catalog, bindings: dict[str, QName]) -> None:
        self.catalog = catalog
        self.bindings = bindings
        self.rule_id = ""

    def error(self, message: str) -> ArtifactError:
        return ArtifactError(self.rule_id, message)

    def table(self, binding: str) -> Table:
        return self.catalog.table(self.bindings[binding])

    def coltype(self, binding: str, column: str) -> SqlType:
        return self.table(binding).column(column).type

    def rule(self, rule: dict[str, Any]) -> _Compiled:
        self.rule_id = rule["id"]
        check = rule["check"]
        op = check["op"]
        build = getattr(self, "_" + op, None)
        if build is None:  # query_zero_rows is refused earlier as batch_only
            raise self.error(f"op {op!r} cannot run embedded")
        return _Compiled(rule["id"], rule["severity"], build(check))

    # -- row ops

    def _not_null(self, check: dict) -> Check:
        binding, columns = check["binding"], check["columns"]
        types = [self.coltype(binding, c) for c in columns]

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel = rels[binding]
            cells = [(c, rel.position(c), t) for c, t in zip(columns, types)]
            for row in rel.rows:
                for column, pos, t in cells:
                    value = row[pos]
                    if _blank(t, value):
                        out.add(lambda row=row, column=column, t=t, value=value:
                                rel.entry(row, column, to_json(t, value)))
        return run

    def _unique(self, check: dict) -> Check:
        binding, columns = check["binding"], check["columns"]
        types = [self.coltype(binding, c) for c in columns]
        keys = [comparison_key(comparison_domain([t]), t) for t in types]

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel = rels[binding]
            positions = [rel.position(c) for c in columns]
            counts: dict[tuple, int] = {}
            tuples: list[tuple | None] = []
            for row in rel.rows:
                cells = [row[p] for p in positions]
                if any(v is None for v in cells):
                    tuples.append(None)
                    continue
                tup = tuple(k(v) for k, v in zip(keys, cells))
                counts[tup] = counts.get(tup, 0) + 1
                tuples.append(tup)
            for row, tup in zip(rel.rows, tuples):
                if tup is not None and counts[tup] > 1:
                    out.add(lambda row=row: _tuple_entry(rel, row, columns,
                                                         positions, types))
        return run

    def _foreign_key(self, check: dict) -> Check:
        binding, columns = check["binding"], check["columns"]
        ref_binding, ref_columns = check["ref_binding"], check["ref_columns"]
        if len(columns) != len(ref_columns):
            raise self.error(f"foreign_key has {len(columns)} columns but "
                             f"{len(ref_columns)} ref_columns")
        types = [self.coltype(binding, c) for c in columns]
        ref_types = [self.coltype(ref_binding, c) for c in ref_columns]
        keys, ref_keys = [], []
        for column, t, ref_column, rt in zip(columns, types, ref_columns, ref_types):
            try:
                domain = comparison_domain([t, rt])
            except TypeError:
                raise self.error(
                    f"foreign_key column {column} ({t.display()}) cannot "
                    f"reference {ref_column} ({rt.display()})") from None
            keys.append(comparison_key(domain, t))
            ref_keys.append(comparison_key(domain, rt))

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel, ref = rels[binding], rels[ref_binding]
            positions = [rel.position(c) for c in columns]
            ref_positions = [ref.position(c) for c in ref_columns]
            present = set()
            for row in ref.rows:
                cells = [row[p] for p in ref_positions]
                if all(v is not None for v in cells):
                    present.add(tuple(k(v) for k, v in zip(ref_keys, cells)))
            for row in rel.rows:
                cells = [row[p] for p in positions]
                if any(v is None for v in cells):
                    continue  # MATCH SIMPLE
                if tuple(k(v) for k, v in zip(keys, cells)) not in present:
                    out.add(lambda row=row: _tuple_entry(rel, row, columns,
                                                         positions, types))
        return run

    def _predicate(self, check: dict) -> Check:
        binding, expr = check["binding"], check["expr"]
        test = self.expr(binding, expr)
        field = _localised_column(expr)
        ftype = self.coltype(binding, field) if field is not None else None

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel = rels[binding]
            pos = rel.position(field) if field is not None else None
            for row in rel.rows:
                if not test(row):
                    if field is None:
                        out.add(lambda row=row: rel.entry(row))
                    else:
                        out.add(lambda row=row: rel.entry(
                            row, field, to_json(ftype, row[pos])))
        return run

    def expr(self, binding: str, expr: Any) -> Callable[[tuple], bool]:
        table = self.table(binding)
        (op, arg), = expr.items()
        if op == "column":
            pos, t = _col(table, arg)
            return lambda row: not _blank(t, row[pos])
        if op == "is_null":
            pos, _ = _col(table, arg["column"])
            return lambda row: row[pos] is None
        if op == "is_blank":
            pos, t = _col(table, arg["column"])
            return lambda row: _blank(t, row[pos])
        if op == "not":
            inner = self.expr(binding, arg)
            return lambda row: not inner(row)
        if op in ("and", "or"):
            parts = [self.expr(binding, e) for e in arg]
            if op == "and":
                return lambda row: all(p(row) for p in parts)
            return lambda row: any(p(row) for p in parts)
        if op == "in":
            return self._in(table, arg[0], arg[1])
        return self._compare(table, op, arg[0], arg[1])

    def _operands(self, table: Table, left: Any, right: Any):
        """Both operands as (getter(row) -> key or None); the domain."""
        cols = [_col(table, o["column"]) if isinstance(o, dict) else None
                for o in (left, right)]
        types = [c[1] for c in cols if c is not None]
        if not types:
            return None
        try:
            domain = comparison_domain(types)
        except TypeError as exc:
            raise self.error(f"cannot compare columns of types {exc}") from None
        anchor = types[0]
        getters = []
        for operand, col in zip((left, right), cols):
            if col is not None:
                pos, t = col
                norm = comparison_key(domain, t)
                getters.append(lambda row, pos=pos, norm=norm:
                               None if row[pos] is None else norm(row[pos]))
            else:
                try:
                    value = _literal(anchor, operand, domain)
                except TypeError as exc:
                    raise self.error(str(exc)) from None
                const = None if value is None else comparison_key(domain, anchor)(value)
                getters.append(lambda row, const=const: const)
        return getters, domain

    def _compare(self, table: Table, op: str, left: Any, right: Any):
        compiled = self._operands(table, left, right)
        if compiled is None:  # two literals: a constant
            result = _compare_scalars(op, left, right)
            if result is None:
                raise self.error(f"{op} cannot compare {_show(left)} with "
                                 f"{_show(right)}")
            return lambda row: result
        (get_l, get_r), domain = compiled
        if op not in ("eq", "ne") and (domain in _UNORDERED or
                                       domain.startswith("array:")):
            raise self.error(f"{op} needs ordered values; {domain} has no "
                             "order here")
        if op == "eq":
            return lambda row: get_l(row) == get_r(row)
        if op == "ne":
            return lambda row: get_l(row) != get_r(row)
        test = _OPS[op]

        def ordered(row: tuple) -> bool:
            a, b = get_l(row), get_r(row)
            return a is not None and b is not None and test(a, b)
        return ordered

    def _in(self, table: Table, operand: Any, members: list) -> Callable:
        if not isinstance(operand, dict):
            key = _scalar_key(operand) if operand is not None else None
            keys = {None if m is None else _scalar_key(m) for m in members}
            result = key in keys
            return lambda row: result
        pos, t = _col(table, operand["column"])
        domain = comparison_domain([t])
        norm = comparison_key(domain, t)
        keys = set()
        for m in members:
            try:
                value = _literal(t, m, domain)
            except TypeError as exc:
                raise self.error(str(exc)) from None
            keys.add(None if value is None else norm(value))
        return lambda row: (None if row[pos] is None else norm(row[pos])) in keys

    # -- relation ops

    def _row_count(self, check: dict) -> Check:
        binding = check["binding"]
        compare = self.comparison(check["compare"], SqlType("int8"))

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel = rels[binding]
            observed = len(rel.rows)
            if not compare(observed):
                out.add(lambda: rel.entry(None, value=observed))
        return run

    def _aggregate_compare(self, check: dict) -> Check:
        binding = check["binding"]
        (kind, column), = check["aggregate"].items()
        t = self.coltype(binding, column)
        if kind in ("sum", "avg") and (t.is_array or t.name not in _NUMBER_TYPES):
            raise self.error(f"{kind} needs a numeric column; {column} is "
                             f"{t.display()}")
        if kind in ("min", "max") and (t.is_array or t.name in _UNORDERED):
            raise self.error(f"{kind} needs ordered values; {column} is "
                             f"{t.display()}")
        result_type = aggregate_type(kind, t)
        compare = self.comparison(check["compare"], result_type)
        aggregate = _aggregate(kind, t)

        def run(rels: dict[str, _Relation], out: _Collector) -> None:
            rel = rels[binding]
            pos = rel.position(column)
            observed = aggregate(row[pos] for row in rel.rows)
            if not compare(observed):
                out.add(lambda: rel.entry(None, column,
                                          to_json(result_type, observed)))
        return run

    def comparison(self, compare: dict, t: SqlType) -> Callable[[Any], bool]:
        domain = comparison_domain([t])
        norm = comparison_key(domain, t)
        numeric = domain in ("float", "decimal")
        tolerance = compare.get("tolerance")
        tests = []
        for op in ("eq", "ne", "gt", "gte", "lt", "lte"):
            if op not in compare:
                continue
            try:
                expected = _literal(t, compare[op], domain)
            except TypeError as exc:
                raise self.error(f"compare.{op}: {exc}") from None
            if op not in ("eq", "ne") and domain in _UNORDERED:
                raise self.error(f"compare.{op} needs ordered values")
            tests.append(_comparison_test(op, expected, norm, numeric,
                                          tolerance, domain))

        def holds(observed: Any) -> bool:
            return all(test(observed) for test in tests)
        return holds


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "gt": lambda a, b: a > b, "gte": lambda a, b: a >= b,
    "lt": lambda a, b: a < b, "lte": lambda a, b: a <= b,
}


def _comparison_test(op: str, expected: Any, norm, numeric: bool,
                     tolerance: Any, domain: str) -> Callable[[Any], bool]:
    exp_key = None if expected is None else norm(expected)
    if op in ("eq", "ne"):
        if tolerance is not None and numeric and expected is not None:
            tol = Decimal(repr(tolerance)) if isinstance(tolerance, float) \
                else Decimal(tolerance)

            def close(observed: Any) -> bool:
                if observed is None:
                    return False
                a, b = norm(observed), exp_key
                if a[0] or b[0]:  # NaN: only equal to NaN
                    return a == b
                with localcontext(_EXACT):
                    diff = abs(Decimal(observed) - Decimal(expected))
                    if diff.is_nan():  # inf - inf
                        return observed == expected
                    return diff <= tol
            if op == "eq":
                return close
            return lambda observed: not close(observed)

        def equal(observed: Any) -> bool:
            key = None if observed is None else norm(observed)
            return key == exp_key
        return equal if op == "eq" else (lambda observed: not equal(observed))
    test = _OPS[op]

    def ordered(observed: Any) -> bool:
        return observed is not None and exp_key is not None and \
            test(norm(observed), exp_key)
    return ordered


def _aggregate(kind: str, t: SqlType) -> Callable[[Iterable[Any]], Any]:
    if kind in ("min", "max"):
        norm = comparison_key(comparison_domain([t]), t)
        pick = min if kind == "min" else max

        def extreme(cells: Iterable[Any]) -> Any:
            present = [v for v in cells if v is not None]
            return pick(present, key=norm) if present else None
        return extreme
    is_float = t.name in _FLOAT_TYPES

    def total(cells: Iterable[Any]) -> tuple[Any, int]:
        present = [v for v in cells if v is not None]
        if is_float:
            if all(math.isfinite(v) for v in present):
                return math.fsum(present), len(present)
            return sum(present, 0.0), len(present)
        if t.name in _INT_TYPES:
            return sum(present, 0), len(present)
        with localcontext(_EXACT):
            return sum(present, Decimal(0)), len(present)

    if kind == "sum":
        return lambda cells: total(cells)[0]

    def average(cells: Iterable[Any]) -> Any:
        return mean(*total(cells), is_float)
    return average


def aggregate_type(kind: str, t: SqlType) -> SqlType:
    """The result type of a verify aggregate over a column of type `t`:
    sum(int) is int8, sum/avg over integers or numeric numeric, over
    floats float8; min/max keep the column's type."""
    if kind not in ("sum", "avg"):
        return t
    if t.name in _INT_TYPES | {"numeric"}:
        return SqlType("int8") if kind == "sum" and t.name in _INT_TYPES \
            else SqlType("numeric")
    return SqlType("float8")


def mean(value: Any, n: int, is_float: bool) -> Any:
    """avg() from a sum and a count: None over no rows, a float for
    float columns, else numeric rounded to 16 places as numeric_avg."""
    if n == 0:
        return None
    if is_float:
        return value / n
    with localcontext(Context(prec=max(60, len(str(value)) + 20),
                              Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])):
        quotient = Decimal(value) / n
        if not quotient.is_finite():
            return quotient
        return quotient.quantize(Decimal(1).scaleb(-16), ROUND_HALF_UP)


def _compare_scalars(op: str, left: Any, right: Any) -> bool | None:
    """Two literals, verify's protocol: None when not comparable."""
    if op in ("eq", "ne"):
        if left is None or right is None:
            equal = left is None and right is None
        else:
            a, b = _scalar_key(left), _scalar_key(right)
            if a[0] != b[0]:
                return None
            equal = a == b
        return equal if op == "eq" else not equal
    if left is None or right is None:
        return None
    a, b = _scalar_key(left), _scalar_key(right)
    if a[0] != b[0]:
        return None
    return _OPS[op](a[1], b[1])


def _col(table: Table, name: str) -> tuple[int, SqlType]:
    column = table.column(name)
    return table.slot(name), column.type


def _localised_column(expr: Any) -> str | None:
    (op, arg), = expr.items()
    if op == "column":
        return arg
    if op in ("is_null", "is_blank"):
        return arg["column"]
    if op in ("eq", "ne", "gt", "gte", "lt", "lte"):
        for operand in arg:
            if isinstance(operand, dict):
                return operand["column"]
        return None
    if op == "in" and isinstance(arg[0], dict):
        return arg[0]["column"]
    return None


def _tuple_entry(rel: _Relation, row: tuple, columns: list[str],
                 positions: list[int], types: list[SqlType]) -> dict[str, Any]:
    if len(columns) == 1:
        return rel.entry(row, columns[0], to_json(types[0], row[positions[0]]))
    return rel.entry(row, value=[to_json(t, row[p])
                                 for t, p in zip(types, positions)])


# ------------------------------------------------------------------ API

def compile_rules(document: dict[str, Any], bindings: dict[str, QName],
                  catalog: Catalog) -> list[_Compiled]:
    """Every rule of a schema-valid artifact, checked against the catalog."""
    compiler = _Compiler(catalog, bindings)
    return [compiler.rule(rule) for rule in document["rules"]]


def check_artifact(document: dict[str, Any], bindings: dict[str, QName],
                   catalog: Catalog, source: str, next_step: str) -> None:
    """Load-time check: refuse rules the evaluator could not run."""
    try:
        compile_rules(document, bindings, catalog)
    except ArtifactError as exc:
        raise Refusal("E_VERIFY_ARTIFACT_PARSE", str(exc),
                      {"path": source, "rule": exc.rule_id}, next_step) from None


def evaluate(artifact, state: CommittedState) -> dict[str, Any]:
    """The `verify.report.v1` document for `artifact` over `state`."""
    catalog = state.catalog
    compiled = compile_rules(artifact.document, artifact.bindings, catalog)

    def content(qname: QName, table: Table) -> tuple[list[tuple], str]:
        rows = state.rows.get(qname, ())
        return (sorted(rows, key=snapshot.row_order(table)),
                snapshot.relation_hash(table, rows))

    relations, binding_reports = bound_relations(artifact, catalog, content)
    results = []
    for rule in sorted(compiled, key=lambda r: r.rule_id):
        out = _Collector()
        rule.run(relations, out)
        results.append({"rule_id": rule.rule_id, "severity": rule.severity,
                        "status": "fail" if out.count else "pass",
                        "violation_count": out.count,
                        "affected": out.entries})
    return report_of(artifact, binding_reports, results)


def bound_relations(artifact: Any, catalog: Any,
                    content: Callable[[QName, Table], tuple[list, str]]
                    ) -> tuple[dict[str, _Relation], dict[str, Any]]:
    """Each binding's relation and its report entry (the in-memory
    evaluator's and the delegated backend's alike); `content(qname,
    table)` gives a table's rows in report order and its content hash,
    asked once per table however many bindings name it."""
    declared = {b["name"]: tuple(b.get("key_fields", ()))
                for b in artifact.document["bindings"]}
    contents: dict[QName, tuple[list, str]] = {}
    relations: dict[str, _Relation] = {}
    binding_reports: dict[str, Any] = {}
    for name in sorted(declared):
        qname = artifact.bindings[name]
        table = catalog.table(qname)
        if qname not in contents:
            contents[qname] = content(qname, table)
        rows, digest = contents[qname]
        relations[name] = _Relation(name, table, rows, declared[name])
        binding_reports[name] = {"kind": "relation", "source": str(qname),
                                 "content_hash": digest,
                                 "input_verification": None}
    return relations, binding_reports


def report_of(artifact: Any, binding_reports: dict, results: list[dict]) -> dict:
    """The `verify.report.v1` document of rule results (the in-memory
    evaluator's and the delegated backend's alike)."""
    failed = [r for r in results if r["status"] == "fail"]
    by_severity = {"error": sum(r["severity"] == "error" for r in failed),
                   "warn": sum(r["severity"] == "warn" for r in failed)}
    band = ("ERROR_PRESENT" if by_severity["error"] else
            "WARN_ONLY" if failed else "CLEAN")
    return {
        "tool": "verify",
        "version": REPORT_VERSION,
        "execution_mode": "embedded",
        "outcome": "FAIL" if failed else "PASS",
        "constraint_set_id": artifact.constraint_set_id,
        "constraint_hash": artifact.hash,
        "bindings": binding_reports,
        "summary": {"total_rules": len(results),
                    "passed_rules": len(results) - len(failed),
                    "failed_rules": len(failed),
                    "by_severity": by_severity},
        "policy_signals": {"severity_band": band},
        "results": results,
        "refusal": None,
    }
