"""Strategies for the random differential test: two small tables of the
twin's types, edge-case rows, and statements over them.

A table is `t1` or `t2`: `id int4` (unique, so it completes any sort key),
`k int4` (a small join key shared by both tables) and one to five columns
of random kinds. A kind is a family of SQL types the expression generator
knows how to use; each column gets one concrete SQL type of its kind
(int2/int4/int8, numeric(p,s) or plain numeric, varchar(n)/char(n)/text,
...). Rows hold the edge values of their type: NULL, '', non-ASCII
letters, ±0, NaN/±Infinity, min/max integers, extreme and infinite dates
and timestamps (`VALUES` below).

Statements (`statement()`) are one of: a projection with WHERE, a GROUP BY
with aggregates and HAVING, a join of t1 and t2, window functions, a set
operation, a CTE or subquery, or a write unit (BEGIN, INSERT/UPDATE/DELETE,
SELECT back, ROLLBACK or COMMIT). Expressions cover every kind's
operators and the functions ETL code calls: to_char/format, the regex
family, SIMILAR TO, AT TIME ZONE/timezone(), jsonb's builders, editors
and jsonpath (@?, @@, jsonb_path_*), array comparison and containment,
multidimensional arrays and lower bounds other than 1 (values, ARRAY[a,
b], slices, array_cat, the bound functions over two dimensions).
Every SELECT orders by every output column, so the row order is total:
where no unique `id` is among them (projections, set operations), then
by each column's text too, since equal values can print differently (0
and -0, 1.0 and 1.00, 'a' and 'a  ' as bpchar) and PostgreSQL's order of
such ties is its sort's, unspecified. jsonb outputs are cast to text
first (ORDER BY jsonb used to be a gap; jsonb comparisons and
GREATEST/LEAST over jsonb are generated).

What the generator leaves out, and why (each of these is either a known
gap or unspecified behaviour, never a tolerated wrong answer):
- expressions that can raise (division, overflow-prone arithmetic, casts
  that can fail) appear only in select lists, never in WHERE/ON/HAVING:
  PostgreSQL orders the quals of a WHERE by cost, so whether an erroring
  operand of AND is reached is unspecified;
- datetime operators that can raise over literal operands only (the
  twin does not fold datetime constants:
  gaps/reads_edge_answers.sql::edge_datetime_constant_folding_errors),
  so they and AT TIME ZONE always get a column operand (`anchor`);
- subquery outputs the outer query does not read
  (gaps/reads_subqueries.sql::sub_unreferenced_output_not_evaluated);
- regular expressions stay within plain classes and quantifiers
  (property/test_regex_vs_pg.py generates the rest); jsonpath only in
  paths that cannot raise in lax mode;
- SET DateStyle/TimeZone/bytea_output (their corpora test them);
- RETURNING on multi-row UPDATE/DELETE: its row order is PostgreSQL's
  heap order, an implementation detail; LIMIT only under a total order;
- UPDATE ... FROM with several join rows per target row (which one wins
  is unspecified): the FROM side is grouped to one row per key;
- now()/random() and friends: not deterministic.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from property.sql_grammar import KIND_NAMES, NAMED, RULES
from property.templates import fill

# kind -> (SQL types a column of the kind may have, edge-value literals)
INT_VALUES = ["0", "1", "-1", "7", "42"]
KINDS: dict[str, tuple[list[str], list[str]]] = {
    "int": (["int2", "int4", "int8"], INT_VALUES),
    "num": (["numeric(10,2)", "numeric(5,0)", "numeric(20,6)", "numeric"],
            ["0", "1.5", "-123.45", "0.01", "'NaN'", "99999.5", "-0.0"]),
    "float": (["float8"],
              ["0", "'-0'", "1.5", "-2.25", "0.1", "'NaN'", "'Infinity'",
               "'-Infinity'", "1e308", "1e-300"]),
    "text": (["text", "varchar(5)", "char(3)", "varchar"],
             ["''", "'a'", "'A'", "'ab '", "'Ünï'", "'ß'", "'é'", "' x'",
              "'a%b'", "'it''s'", "'日本'", "'b_c'", "'Zz'"]),
    "bool": (["bool"], ["true", "false"]),
    "date": (["date"],
             ["'2024-02-29'", "'1970-01-01'", "'infinity'", "'-infinity'",
              "'2000-01-01'", "'4713-01-01 BC'", "'5874897-12-31'",
              "'1999-12-31'"]),
    "ts": (["timestamp"],
           ["'2024-02-29 12:34:56.789'", "'infinity'", "'-infinity'",
            "'1999-12-31 23:59:59.999999'", "'294276-12-31 23:59:59'",
            "'4713-01-01 00:00:00 BC'", "'2000-01-01 00:00'"]),
    "tstz": (["timestamptz"],
             ["'2024-02-29 12:34:56.789+02'", "'infinity'", "'-infinity'",
              "'1999-12-31 23:59:59.999999-08'", "'2000-01-01 00:00+00'",
              "'1900-06-01 12:00:00+05:30'"]),
    "interval": (["interval"],
                 ["'1 day'", "'-1 mons 2 days'", "'00:00:00'",
                  "'1 year 2 mons 3 days 04:05:06.5'", "'-00:00:01'",
                  "'1 day -1 hours'", "'36 hours'", "'30 days'"]),
    "uuid": (["uuid"],
             ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
              "'00000000-0000-0000-0000-000000000000'",
              "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'"]),
    "jsonb": (["jsonb"],
              ["'{}'", "'[]'", "'{\"a\": 1}'", "'{\"a\": [1, 2], \"b\": null}'",
               "'null'", "'\"ü\"'", "'1.50'", "'true'", "'{\"b\": \"x\"}'"]),
    "intarr": (["int4[]"], ["'{}'", "'{1,2,3}'", "'{NULL,-1}'",
                            "'{2147483647}'", "'{7}'", "'{{1,2},{3,4}}'",
                            "'[0:1]={5,6}'", "'{{NULL}}'"]),
    "textarr": (["text[]"], ["'{}'", "'{a,\"b c\"}'", "'{NULL,\"\"}'",
                             "'{Ü}'", "'{a}'", "'{{a,b}}'", "'[2:2]={z}'"]),
}
EXTREME = {"int2": ["32767", "-32768"], "int4": ["2147483647", "-2147483648"],
           "int8": ["9223372036854775807", "-9223372036854775808"],
           "numeric": ["'Infinity'", "'-Infinity'", "1e20"]}
ORDERABLE = {"int", "num", "float", "text", "bool", "date", "ts", "tstz",
             "interval", "uuid", "intarr", "textarr", "jsonb"}
MAXABLE = {"int", "num", "float", "text", "date", "ts", "tstz", "interval",
           "intarr", "textarr"}
CAST_NAME = {"int": "int8", "num": "numeric", "float": "float8",
             "text": "text", "bool": "bool", "date": "date", "ts": "timestamp",
             "tstz": "timestamptz", "interval": "interval", "uuid": "uuid",
             "jsonb": "jsonb", "intarr": "int4[]", "textarr": "text[]"}


class Table:
    def __init__(self, name: str, columns: list[tuple[str, str, str]],
                 rows: list[list[str]]):
        self.name = name
        self.columns = columns      # (name, kind, sql type), id and k first
        self.rows = rows            # literals per column

    def ddl(self) -> str:
        body = ", ".join(f"{c} {t}" for c, _, t in self.columns)
        return f"CREATE TABLE {self.name} ({body});"

    def inserts(self) -> list[str]:
        return [f"INSERT INTO {self.name} VALUES ({', '.join(row)})"
                for row in self.rows]

    def of(self, kind: str, alias: str | None = None) -> list[str]:
        prefix = f"{alias}." if alias else ""
        return [prefix + c for c, k, _ in self.columns if k == kind]


def literal(draw, kind: str, sql_type: str | None = None) -> str:
    pool = list(KINDS[kind][1])
    if sql_type is not None:
        pool += EXTREME.get(sql_type, [])
    elif kind == "int":
        pool += EXTREME["int4"]
    if draw(st.integers(0, 6)) == 0:
        return "NULL"
    return draw(st.sampled_from(pool))


@st.composite
def table(draw, name: str, prefix: str) -> Table:
    kinds = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1,
                          max_size=5))
    columns = [("id", "int", "int4"), ("k", "int", "int4")]
    for i, kind in enumerate(kinds):
        columns.append((f"{prefix}{i}", kind,
                        draw(st.sampled_from(KINDS[kind][0]))))
    rows = []
    for rid in range(1, draw(st.integers(1, 6)) + 1):
        key = draw(st.sampled_from(["0", "1", "2", "NULL"]))
        rows.append([str(rid), key] + [literal(draw, kind, sql)
                                       for _, kind, sql in columns[2:]])
    return Table(name, columns, rows)


def typed_literal(draw, kind: str) -> str:
    lit = literal(draw, kind)
    return f"{lit}::{CAST_NAME[kind]}" if lit == "NULL" or lit.startswith("'") \
        else (f"({lit})" if lit.startswith("-") else lit)


class Gen:
    """Typed expression text over the columns in scope."""

    def __init__(self, draw, scope: list[tuple[str, str]], safe: bool,
                 other: Table | None = None):
        self.draw = draw
        self.scope = scope          # (qualified column, kind)
        self.safe = safe            # no operator that can raise
        self.other = other          # a table for subqueries

    def pick(self, options):
        return self.draw(st.sampled_from(options))

    def col(self, kind: str) -> str | None:
        own = [c for c, k in self.scope if k == kind]
        return self.pick(own) if own else None

    def leaf(self, kind: str) -> str:
        column = self.col(kind)
        if column and self.draw(st.integers(0, 2)):
            return column
        return typed_literal(self.draw, kind)

    def expr(self, kind: str, depth: int = 2) -> str:
        if depth <= 0 or self.draw(st.integers(0, 3)) == 0:
            return self.leaf(kind)
        sub = lambda k=kind: self.expr(k, depth - 1)  # noqa: E731
        choice = self.draw(st.integers(0, 9))
        if choice == 0:
            return f"(CASE WHEN {self.expr('bool', depth - 1)} THEN {sub()} ELSE {sub()} END)"
        if choice == 1:
            return f"coalesce({sub()}, {sub()})"
        if choice == 2 and kind != "jsonb":
            return f"nullif({sub()}, {sub()})"
        if choice == 3 and kind in ORDERABLE and kind != "bool":
            return f"{self.pick(['greatest', 'least'])}({sub()}, {sub()})"
        if choice == 4 and kind in MAXABLE and self.other is not None:
            inner = self.other.of(kind)
            if inner:
                agg = self.pick(["max", "min"])
                return f"(SELECT {agg}({self.pick(inner)}) FROM {self.other.name})"
        return self.rule(kind, depth)

    def anchor(self, kind: str) -> bool:
        """Is there a column operand for an operator over date/time values
        that can raise (`{@kind}`)? PostgreSQL raises such an error at
        planning when all the operands are literals, the twin only per row
        (a known gap:
        gaps/reads_edge_answers.sql::edge_datetime_constant_folding_errors),
        so these operators always get a column operand."""
        return not self.safe and any(k == kind for _, k in self.scope)

    _NEEDS = {"safe: ": lambda g: g.safe, "unsafe: ": lambda g: not g.safe,
              "other: ": lambda g: g.other is not None,
              "noother: ": lambda g: g.other is None}

    def _usable(self, template: str) -> str | None:
        """TEMPLATE without its condition, when it applies here."""
        for prefix, holds in self._NEEDS.items():
            if template.startswith(prefix):
                if not holds(self):
                    return None
                template = template[len(prefix):]
        if not all(self.anchor(k) for k in _ANCHORS.findall(template)):
            return None
        return template

    def rule(self, kind: str, depth: int) -> str:
        """One of the kind's templates (property/sql_grammar.py) that
        applies here, filled."""
        usable = [t for t in map(self._usable, RULES[kind]) if t is not None]
        return fill(self.pick(usable), lambda text: self._slot(text, kind, depth))

    def _slot(self, text: str, kind: str, depth: int) -> str:
        if "|" in text:
            text = self.pick(text.split("|"))
            return self._slot(text, kind, depth) if _is_slot(text) else text
        if text == "$":
            return self.expr(kind, depth - 1)
        if text in KINDS:
            return self.expr(text, depth - 1)
        if text.endswith(".0"):
            return self.expr(text[:-2], 0)
        if text.endswith(".0*"):
            return ", ".join(self.expr(text[:-3], 0)
                             for _ in range(self.draw(st.integers(1, 3))))
        if text.startswith("@"):
            return self.col(text[1:])
        if text == "col:int":
            return self.pick([c for c, k in self.scope if k == "int"])
        if text == "other":
            return self.other.name
        if text == "leaf":
            return self.leaf(kind)
        return self.pick(NAMED[text])


_ANCHORS = re.compile(r"\{@(\w+)\}")
assert set(KIND_NAMES) == set(KINDS) == ORDERABLE


def _is_slot(text: str) -> bool:
    """Does an alternative of `{a|b|…}` name a slot (else it is a word)?"""
    return text in ("$", "col:int", "other", "leaf") or text in KINDS or \
        text in NAMED or text.startswith("@") or text.endswith((".0", ".0*"))


def output(expr: str, kind: str) -> str:
    """A select-list item that ORDER BY can sort (jsonb as its text)."""
    return f"({expr})::text" if kind == "jsonb" else expr


def order_all(n: int) -> str:
    return "ORDER BY " + ", ".join(str(i) for i in range(1, n + 1))


def order_total(names: list[str]) -> str:
    """ORDER BY the columns, then their text: equal values can print
    differently (0 and -0, 1.0 and 1.00, 'a' and 'a  ' as bpchar), and
    the order of such ties is PostgreSQL's sort's, unspecified."""
    return "ORDER BY " + ", ".join(names + [f"({n})::text" for n in names])


def scope_of(t: Table, alias: str | None = None) -> list[tuple[str, str]]:
    prefix = f"{alias}." if alias else ""
    return [(prefix + c, k) for c, k, _ in t.columns]


def kinds_of(draw, n: int) -> list[str]:
    return draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=n))


@st.composite
def projection(draw, t1: Table, t2: Table) -> list[str]:
    items = [output(Gen(draw, scope_of(t1), False, t2).expr(k), k)
             for k in kinds_of(draw, 3)]
    where = ""
    if draw(st.booleans()):
        where = " WHERE " + Gen(draw, scope_of(t1), True, t2).expr("bool")
    names = [f"c{i}" for i in range(len(items))]
    body = ", ".join(f"{item} AS {n}" for item, n in zip(items, names))
    if draw(st.integers(0, 4)) == 0:   # ORDER BY of a DISTINCT: outputs only
        return [f"SELECT DISTINCT {body}, "
                + ", ".join(f"({item})::text AS t{i}" for i, item in enumerate(items))
                + f" FROM t1{where} ORDER BY "
                + ", ".join(names + [f"t{i}" for i in range(len(items))])]
    return [f"SELECT {body} FROM t1{where} ORDER BY {', '.join(names)}, "
            + ", ".join(f"({item})::text" for item in items)]


@st.composite
def grouped(draw, t1: Table, t2: Table) -> list[str]:
    gen = Gen(draw, scope_of(t1), True, t2)
    keys = [c for c, k, _ in t1.columns if k != "jsonb" and c != "id"]
    key = draw(st.sampled_from(keys))
    aggs = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(sorted(KINDS)))
        col = gen.col(kind) or "id"
        kind = kind if col != "id" else "int"
        choices = ["count(*)", f"count({col})"]
        if kind in ("int", "num", "float", "interval"):
            choices += [f"sum({col})", f"avg({col})"]
        if kind in MAXABLE or kind in ("intarr", "textarr"):
            choices += [f"max({col})", f"min({col})"]
        if kind == "bool":
            choices += [f"bool_and({col})", f"bool_or({col})", f"every({col})"]
        if kind == "text":
            choices += [f"string_agg({col}, ',' ORDER BY {col}, id)",
                        f"count(DISTINCT {col})"]
        if kind in ORDERABLE:
            choices += [f"array_agg({col} ORDER BY id)"]
        aggs.append(output(draw(st.sampled_from(choices)),
                           "jsonb" if kind == "jsonb" else "x"))
    where = " WHERE " + gen.expr("bool") if draw(st.booleans()) else ""
    if draw(st.integers(0, 3)) == 0:
        aggs.append(f"count(*) FILTER (WHERE {gen.expr('bool', 1)})")
    having = draw(st.sampled_from([
        "", "", f" HAVING count(*) {draw(st.sampled_from(['>', '>=', '<']))} 1",
        " HAVING max(id) > 1", f" HAVING {gen.expr('bool', 1)} OR count(*) > 2"]))
    return [f"SELECT {key}, {', '.join(aggs)} FROM t1{where} GROUP BY {key}"
            f"{having} {order_all(len(aggs) + 1)}"]


@st.composite
def joined(draw, t1: Table, t2: Table) -> list[str]:
    scope = scope_of(t1, "a") + scope_of(t2, "b")
    how = draw(st.sampled_from(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN",
                                "CROSS JOIN"]))
    on = ""
    if how != "CROSS JOIN":
        on = " ON a.k = b.k"
        if how != "FULL JOIN" and draw(st.booleans()):
            on += " AND " + Gen(draw, scope, True).expr("bool", 1)
    items = ["a.id", "b.id"] + [output(Gen(draw, scope, False).expr(k, 1), k)
                                for k in kinds_of(draw, 2)]
    where = " WHERE " + Gen(draw, scope, True).expr("bool", 1) \
        if draw(st.booleans()) else ""
    return [f"SELECT {', '.join(items)} FROM t1 a {how} t2 b{on}{where} "
            f"{order_all(len(items))}"]


@st.composite
def windowed(draw, t1: Table, t2: Table) -> list[str]:
    orderable = [c for c, k, _ in t1.columns if k in ORDERABLE]
    part = draw(st.sampled_from(["", "PARTITION BY k "]))
    okey = draw(st.sampled_from(orderable))
    direction = draw(st.sampled_from(["", " DESC", " NULLS FIRST", " DESC NULLS LAST"]))
    total = f"ORDER BY {okey}{direction}, id"
    summable = [c for c, k, _ in t1.columns if k in ("int", "num", "interval")]
    calls = []
    for _ in range(draw(st.integers(1, 3))):
        calls.append(draw(st.sampled_from([
            f"row_number() OVER ({part}{total})",
            f"rank() OVER ({part}ORDER BY {okey}{direction})",
            f"dense_rank() OVER ({part}ORDER BY {okey}{direction})",
            f"sum({draw(st.sampled_from(summable))}) OVER ({part}ORDER BY {okey}{direction})",
            f"sum({draw(st.sampled_from(summable))}) OVER ({part}{total} ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
            f"count(*) OVER ({part})",
            f"lag({draw(st.sampled_from(orderable))}) OVER ({part}{total})",
            f"lead({draw(st.sampled_from(orderable))}, 1) OVER ({part}{total})",
            f"first_value({draw(st.sampled_from(orderable))}) OVER ({part}{total})",
            f"last_value({draw(st.sampled_from(orderable))}) OVER ({part}{total} ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)",
            f"nth_value({draw(st.sampled_from(orderable))}, 2) OVER ({part}{total})",
            f"ntile(2) OVER ({part}{total})",
            f"percent_rank() OVER ({part}ORDER BY {okey}{direction})",
            f"cume_dist() OVER ({part}ORDER BY {okey}{direction})",
            f"count({draw(st.sampled_from(orderable))}) OVER ({part}{total} GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)",
            f"sum(id) OVER ({part}ORDER BY id RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING)",
            f"lag(id, 2, -1) OVER ({part}{total})",
        ])))
    return [f"SELECT id, {', '.join(calls)} FROM t1 {order_all(len(calls) + 1)}"]


@st.composite
def write_unit(draw, t1: Table, t2: Table) -> list[str]:
    gen_safe = Gen(draw, scope_of(t1), True, t2)
    gen = Gen(draw, scope_of(t1), False, t2)
    cols = t1.columns[2:]
    choice = draw(st.integers(0, 2))
    if choice == 0:
        row = ["100", draw(st.sampled_from(["1", "NULL"]))] + \
            [literal(draw, k, sql) for _, k, sql in cols]
        write = f"INSERT INTO t1 VALUES ({', '.join(row)})"
        if draw(st.booleans()):
            write += " RETURNING " + ", ".join(
                output(c, k) for c, k, _ in t1.columns)
    elif choice == 1:
        name, kind, _ = draw(st.sampled_from(cols))
        write = f"UPDATE t1 SET {name} = {gen.expr(kind, 1)}"
        if draw(st.booleans()):
            write += " WHERE " + gen_safe.expr("bool")
    else:
        write = "DELETE FROM t1"
        if draw(st.booleans()):
            write += " WHERE " + gen_safe.expr("bool")
    outs = [output(c, k) for c, k, _ in t1.columns]
    back = f"SELECT {', '.join(outs)} FROM t1 {order_all(len(outs))}"
    more = draw(st.integers(0, 4))
    if more == 0:
        # one t2 row per key: with several, which join row updates a t1
        # row is unspecified (PostgreSQL's UPDATE ... FROM documentation)
        write = ("UPDATE t1 SET k = t1.k + b.id FROM (SELECT k, max(id) AS id"
                 " FROM t2 GROUP BY k) b WHERE b.k = t1.k")
    elif more == 1:
        write = "DELETE FROM t1 USING t2 b WHERE b.k = t1.k AND b.id > 1"
    elif more == 2:
        write = ("INSERT INTO t1 (id, k) SELECT id + 1000, k FROM t2"
                 + draw(st.sampled_from(["", " WHERE k IS NOT NULL"])))
    if more == 3:
        end = draw(st.sampled_from(["ROLLBACK", "COMMIT"]))
        return ["BEGIN", write, "SAVEPOINT s", "DELETE FROM t1 WHERE id = 1",
                "ROLLBACK TO SAVEPOINT s", back, end, back]
    end = draw(st.sampled_from(["ROLLBACK", "COMMIT"]))
    return ["BEGIN", write, back, end, back]


@st.composite
def set_operation(draw, t1: Table, t2: Table) -> list[str]:
    """UNION/INTERSECT/EXCEPT [ALL] of two projections of the same kinds."""
    kinds = kinds_of(draw, 2)
    sides = []
    for t, other in ((t1, t2), (t2, t1)):
        items = [output(Gen(draw, scope_of(t), False, other).expr(k, 1), k)
                 for k in kinds]
        where = " WHERE " + Gen(draw, scope_of(t), True).expr("bool", 1) \
            if draw(st.booleans()) else ""
        sides.append(f"SELECT {', '.join(items)} FROM {t.name}{where}")
    op = draw(st.sampled_from(["UNION", "UNION ALL", "INTERSECT", "EXCEPT",
                               "INTERSECT ALL", "EXCEPT ALL"]))
    if "jsonb" in kinds:
        op = "UNION ALL"     # hashing/sorting jsonb is a gap
    names = [f"c{i}" for i in range(len(kinds))]
    return [f"SELECT * FROM ({sides[0]} {op} {sides[1]}) s({', '.join(names)}) "
            f"{order_total(names)}"]


@st.composite
def nested(draw, t1: Table, t2: Table) -> list[str]:
    """A CTE or a subquery in FROM, DISTINCT ON, LIMIT/OFFSET over a
    total order, a correlated scalar subquery."""
    gen = Gen(draw, scope_of(t1), False, t2)
    kinds = kinds_of(draw, 2)
    inner = ", ".join(f"{output(gen.expr(k), k)} AS x{i}"
                      for i, k in enumerate(kinds))
    where = " WHERE " + Gen(draw, scope_of(t1), True, t2).expr("bool") \
        if draw(st.booleans()) else ""
    source = f"SELECT id, k, {inner} FROM t1{where}"
    cols = ["id", "k"] + [f"x{i}" for i in range(len(kinds))]
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return [f"WITH s AS ({source}) SELECT * FROM s {order_all(len(cols))}"]
    if shape == 1:
        limit = draw(st.sampled_from(["LIMIT 2", "LIMIT 1 OFFSET 1",
                                      "OFFSET 2", "LIMIT 0", "FETCH FIRST 2 ROWS ONLY"]))
        return [f"SELECT * FROM ({source}) s {order_all(len(cols))} {limit}"]
    # every output of the subquery is referenced: PostgreSQL drops the
    # unreferenced ones unevaluated, the twin does not (a known gap:
    # gaps/reads_subqueries.sql::sub_unreferenced_output_not_evaluated)
    xs = ", ".join(cols[2:])
    if shape == 2:
        return [f"SELECT DISTINCT ON (k) k, id, {xs} FROM ({source}) s "
                f"ORDER BY k, id DESC"]
    sub = draw(st.sampled_from(["min", "max", "count", "sum"]))
    return [f"SELECT id, (SELECT {sub}(b.id) FROM t2 b WHERE b.k = s.k), k, "
            f"{xs} FROM ({source}) s {order_all(len(cols) + 1)}"]


STATEMENTS = [projection, projection, grouped, joined, windowed, write_unit,
              set_operation, nested]


@st.composite
def statement(draw, t1: Table, t2: Table) -> list[str]:
    """One unit: a single read, or a write transaction's lines."""
    return draw(draw(st.sampled_from(STATEMENTS))(t1, t2))
