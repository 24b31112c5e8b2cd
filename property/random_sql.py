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

from hypothesis import strategies as st

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
        return getattr(self, "e_" + kind)(sub, depth)

    def anchor(self, kind: str) -> str | None:
        """A column operand for an operator over date/time values that can
        raise: PostgreSQL raises such an error at planning when all the
        operands are literals, the twin only per row (a known gap:
        gaps/reads_edge_answers.sql::edge_datetime_constant_folding_errors),
        so these operators always get a column operand."""
        return None if self.safe else self.col(kind)

    def e_int(self, sub, depth):
        c = self.draw(st.integers(0, 9))
        if c == 0:
            op = self.pick(["+", "-", "*"] if self.safe else ["+", "-", "*", "/", "%"])
            small = self.pick(["1", "2", "(-3)", "0"])
            if self.safe:  # cannot overflow
                return f"({sub()} % 100 {op} {small})"
            return f"({sub()} {op} {self.pick([small, sub()])})"
        if c == 1:
            return f"length({self.expr('text', depth - 1)})"
        if c == 2:
            date = self.anchor("date")
            return f"({date} - {self.expr('date', depth - 1)})" if date \
                else f"position('a' in {self.expr('text', depth - 1)})"
        if c == 3:
            return f"cardinality({self.expr(self.pick(['intarr', 'textarr']), depth - 1)})"
        if c == 4:
            return f"{self.pick(['array_length', 'array_lower', 'array_upper'])}({self.expr('intarr', depth - 1)}, {self.pick(['1', '2'])})"
        if c == 5 and not self.safe:
            return f"abs({sub()})"
        if c == 6 and not self.safe:
            return f"({self.expr(self.pick(['num', 'float']), depth - 1)})::{self.pick(['int2', 'int4', 'int8'])}"
        if c == 7:
            return f"strpos({self.expr('text', depth - 1)}, {self.pick(['a', 'b', 'Ü'])!r})"
        if c == 8:
            return f"ascii({self.expr('text', depth - 1)})"
        if c == 9:
            return f"({sub()} & 5)"
        c = self.draw(st.integers(0, 4))
        if c == 0:
            return f"octet_length({self.expr('text', depth - 1)})"
        if c == 1 and not self.safe:
            return f"({self.pick(['12', ' 7 ', '1e3', 'x', '99999', ''])!r})::{self.pick(['int2', 'int4', 'int8'])}"
        if c == 2 and not self.safe:
            return f"({sub()})::int2"
        if c == 3:
            return f"(SELECT count(*) FROM t2 WHERE t2.k = {self.pick([c for c, k in self.scope if k == 'int'])})" if self.other is not None else "1"
        if self.draw(st.booleans()):
            fn = self.pick(["regexp_count", "regexp_instr"])
            return f"{fn}({self.expr('text', depth - 1)}, {self.pick(['[a-c]', '.', 'ü', '[[:space:]]'])!r})"
        return f"char_length({self.expr('text', depth - 1)})"

    def e_num(self, sub, depth):
        c = self.draw(st.integers(0, 8))
        if c == 0:
            ops = ["+", "-", "*"] if self.safe else ["+", "-", "*", "/", "%"]
            return f"({sub()} {self.pick(ops)} {self.pick([sub(), '2.5', '0', '(-1)'])})"
        if c == 1:
            return f"round({sub()}, {self.pick(['0', '1', '3', '-1'])})"
        if c == 2:
            return f"{self.pick(['trunc', 'abs', 'ceil', 'floor', 'sign'])}({sub()})"
        if c == 3:
            return f"({self.expr('int', depth - 1)})::numeric"
        if c == 4:
            src = self.pick(["date", "ts", "tstz"])
            field = self.pick(["year", "month", "day", "dow", "epoch"]
                              + (["hour", "second"] if src != "date" else []))
            return f"extract({field} from {self.expr(src, depth - 1)})"
        if c == 5 and not self.safe:
            return f"({self.expr('float', depth - 1)})::numeric"
        if c == 6 and not self.safe:
            return f"({sub()})::numeric({self.pick(['6,2', '4,0', '10,5'])})"
        if c == 7:
            return f"scale({sub()})"
        if c == 8:
            return f"({sub()} + 0.001)"
        c = self.draw(st.integers(0, 3))
        if c == 0 and not self.safe:
            return f"{self.pick(['sqrt', 'ln', 'exp'])}({sub()})"
        if c == 1 and not self.safe:
            return f"power({sub()}, {self.pick(['2', '0.5', '(-1)', '0'])})"
        if c == 2 and not self.safe:
            return f"({self.pick(['1.50', ' 12 ', 'NaN', '-Infinity', '1e5', 'abc'])!r})::numeric{self.pick(['', '(4,1)'])}"
        return f"({self.expr('float', depth - 1)} {self.pick(['<', '=', '>='])} {sub()})::int::numeric"

    def e_float(self, sub, depth):
        c = self.draw(st.integers(0, 5))
        if c == 0 and not self.safe:
            ops = ["+", "-", "*", "/"]
            return f"({sub()} {self.pick(ops)} {self.pick([sub(), '0.5::float8', '3'])})"
        if c == 1:
            return f"({self.expr('int', depth - 1)})::float8"
        if c == 2 and not self.safe:
            return f"({self.expr(self.pick(['num', 'text']), depth - 1)})::float8"
        if c == 3:
            return f"{self.pick(['abs', 'floor', 'ceil', 'round', 'trunc', 'sign'])}({sub()})"
        if c == 4 and not self.safe:
            return f"sqrt({sub()})"
        return f"(-{sub()})"

    def e_text(self, sub, depth):
        c = self.draw(st.integers(0, 18))
        if c >= 16:
            return self.e_text_more(sub, depth)
        if c == 0:
            return f"({sub()} || {sub()})"
        if c == 1:
            return f"{self.pick(['lower', 'upper', 'initcap', 'reverse', 'btrim', 'ltrim', 'rtrim', 'md5', 'quote_literal', 'quote_ident'])}({sub()})"
        if c == 2:
            return f"substr({sub()}, {self.pick(['0', '1', '2', '-1'])}, {self.pick(['0', '1', '3'])})"
        if c == 3:
            return f"{self.pick(['left', 'right'])}({sub()}, {self.pick(['1', '-1', '2', '0'])})"
        if c == 4:
            return f"replace({sub()}, {self.pick(['a', 'Ü', ' '])!r}, {self.pick(['', 'xy'])!r})"
        if c == 5:
            return f"{self.pick(['lpad', 'rpad'])}({sub()}, {self.pick(['0', '4', '6'])}, {self.pick(['x', 'ab', ''])!r})"
        if c == 6:
            kind = self.pick(sorted(KINDS))
            return f"({self.expr(kind, depth - 1)})::text"
        if c == 7:
            return f"concat({sub()}, {self.expr(self.pick(['int', 'date', 'bool', 'num']), depth - 1)})"
        if c == 8:
            return f"concat_ws('-', {sub()}, {sub()})"
        if c == 9:
            src = self.pick(["date", "ts", "tstz"])
            fmt = self.pick(["YYYY-MM-DD", "DD Mon YYYY HH24:MI", "Day", "YYYY BC", "IW/IYYY"])
            return f"to_char({self.expr(src, depth - 1)}, '{fmt}')"
        if c == 10:
            return f"split_part({sub()}, {self.pick([' ', 'a'])!r}, {self.pick(['1', '2'])})"
        if c == 11:
            return f"repeat({sub()}, {self.pick(['0', '2'])})"
        if c == 12:
            return f"({self.expr('jsonb', depth - 1)} ->> {self.pick(['a', 'b'])!r})"
        if c == 13:
            return f"format('%s|%s', {sub()}, {self.expr(self.pick(['int', 'num']), depth - 1)})"
        if c == 14:
            return f"({self.expr('textarr', depth - 1)})[1]"
        # c == 15: the shapes below
        c = self.draw(st.integers(0, 5))
        if c == 0:
            return f"translate({sub()}, 'aÜ', 'xy')"
        if c == 1:
            return f"overlay({sub()} placing 'Q' from {self.pick(['1', '2'])})"
        if c == 2:
            return f"({self.expr(self.pick(['text', 'int', 'num', 'float']), depth - 1)})::{self.pick(['varchar(2)', 'char(2)', 'char(4)', 'varchar'])}::text"
        if c == 3:
            fmt = self.pick(["999D99", "FM9999.00", "S0000", "9.99EEEE", "RN"])
            src = self.pick(["num", "int", "float"])
            return f"to_char({self.expr(src, depth - 1)}, '{fmt}')"
        if c == 4:
            return f"array_to_string({self.expr('textarr', depth - 1)}, ',', '*')"
        return f"({self.expr(self.pick(['int', 'num', 'float', 'interval']), depth - 1)})::text"

    def e_text_more(self, sub, depth):
        """The regex family, SIMILAR substrings and jsonb's text results.
        Patterns stay within plain classes and quantifiers, no trailing
        $ (gaps/reads_formatting.sql::regex_*)."""
        c = self.draw(st.integers(0, 9))
        q = lambda options: "'" + self.pick(options) + "'"  # noqa: E731
        pat = q(["[aeiou]", "[a-z]+", r"\d", "[[:upper:]]", "ü", "b.",
                 "(a)(b)?", r"\s+", "[^a-z]"])
        if c == 0:
            repl = q(["X", "", r"<\&>", r"\1"])
            flags = self.pick(["", ", 'g'", ", 'gi'", ", 'i'"])
            return f"regexp_replace({sub()}, {pat}, {repl}{flags})"
        if c == 1:
            flags = self.pick(["", ", 'i'"])
            return f"(regexp_match({sub()}, {pat}{flags}))[1]"
        if c == 2:
            split = q([r"\s*", ",", "a", "[ab]"])
            return f"array_to_string(regexp_split_to_array({sub()}, {split}), '|', '*')"
        if c == 3:
            return f"substring({sub()} from {pat})"
        if c == 4:
            similar = q(['%#"a#"%', '#"_#"%', '%#"[a-z]*#"'])
            return f"substring({sub()} similar {similar} escape '#')"
        if c == 5:
            return f"jsonb_typeof({self.expr('jsonb', depth - 1)})"
        if c == 6:
            path = q(["{a}", "{a,0}", "{}", "{b}"])
            return f"({self.expr('jsonb', depth - 1)} #>> {path})"
        if c == 7:
            return f"jsonb_pretty({self.expr('jsonb', depth - 1)})"
        if c == 8:
            fmt = q(["HH12:MI:SS AM", 'YYYY-MM-DD"T"HH24:MI:SS', "Mon DD, YYYY",
                     "DDD J Q", "FMMonth FMDD"])
            src = self.pick(["ts", "tstz", "interval"])
            return f"to_char({self.expr(src, depth - 1)}, {fmt})"
        fmt = q(["%s-%s", "%I.%L", "%1$s %1$L", "[%5s|%-5s]"])
        other = self.pick(["text", "int", "date", "bool"])
        return f"format({fmt}, {sub()}, {self.expr(other, depth - 1)})"

    def e_bool(self, sub, depth):
        c = self.draw(st.integers(0, 11))
        if c <= 2:
            kind = self.pick(sorted(ORDERABLE))
            op = self.pick(["=", "<>", "<", "<=", ">", ">="])
            return f"({self.expr(kind, depth - 1)} {op} {self.expr(kind, depth - 1)})"
        if c == 3:
            return f"({sub()} {self.pick(['AND', 'OR'])} {sub()})"
        if c == 4:
            return f"(NOT {sub()})"
        if c == 5:
            kind = self.pick(sorted(KINDS))
            return f"({self.expr(kind, depth - 1)} IS {self.pick(['', 'NOT '])}NULL)"
        if c == 6:
            kind = self.pick(sorted(KINDS))
            return f"({self.expr(kind, depth - 1)} IS {self.pick(['', 'NOT '])}DISTINCT FROM {self.expr(kind, depth - 1)})"
        if c == 7 and self.draw(st.integers(0, 2)) == 0:
            pat = self.pick(["%a%", "a|b", "(a|Ü)%", "_", "[a-c]%", "%(b|c)_*", "ß%", ""])
            return f"({self.expr('text', depth - 1)} {self.pick(['SIMILAR TO', 'NOT SIMILAR TO'])} '{pat}')"
        if c == 7:
            op = self.pick(["LIKE", "ILIKE", "NOT LIKE", "~", "~*", "!~", "!~*"])
            pat = self.pick(["a%", "%b%", "_", "", "Ü%", "%s", "A_%"]) if "LIKE" in op \
                else self.pick(["^a", "b$", "[a-c]", "^.$", "x*y?", "ü", "^[A-Z]",
                                "[[:alpha:]]", "\\w", "Ü"])
            return f"({self.expr('text', depth - 1)} {op} '{pat}')"
        if c == 8:
            kind = self.pick(["int", "text", "num", "date"])
            items = ", ".join(self.expr(kind, 0) for _ in range(self.draw(st.integers(1, 3))))
            return f"({self.expr(kind, depth - 1)} {self.pick(['IN', 'NOT IN'])} ({items}))"
        if c == 9:
            kind = self.pick(["int", "num", "date", "text"])
            return f"({self.expr(kind, depth - 1)} BETWEEN {self.expr(kind, 0)} AND {self.expr(kind, 0)})"
        if c == 10 and self.other is not None:
            if self.draw(st.booleans()):
                return f"(EXISTS (SELECT 1 FROM {self.other.name} WHERE {self.other.name}.k = {self.pick([c for c, k in self.scope if k == 'int'])}))"
            return f"({self.pick([c for c, k in self.scope if k == 'int'])} {self.pick(['IN', 'NOT IN'])} (SELECT k FROM {self.other.name}))"
        return self.pick([
            f"({self.expr('jsonb', depth - 1)} @> '{{\"a\": 1}}')",
            f"({self.expr('jsonb', depth - 1)} ? 'a')",
            f"({self.expr('intarr', depth - 1)} @> '{{7}}')",
            f"(1 = ANY({self.expr('intarr', depth - 1)}))",
            f"starts_with({self.expr('text', depth - 1)}, 'a')",
            f"({self.expr('jsonb', depth - 1)} @? {self.pick(self.PATHS)!r})",
            f"({self.expr('jsonb', depth - 1)} @@ '$.a > 0')",
            f"jsonb_path_exists({self.expr('jsonb', depth - 1)}, {self.pick(self.PATHS)!r}, '{{\"x\": 1}}')"])

    # jsonpaths that raise in no lax evaluation
    PATHS = ["$.a", "$.*", "$.a[*] ? (@ > $x)", "$.** ? (@.type() == \"number\")",
             "$[*] ? (@ starts with \"b\")", "$ ? (@ like_regex \"^[a-z]\")",
             "$.a[last]", "$.b ? (exists(@) && @ != null)", "$.size()"]

    def e_date(self, sub, depth):
        c = self.draw(st.integers(0, 3))
        if c == 0 and self.anchor("date"):
            return f"({self.anchor('date')} {self.pick(['+', '-'])} {self.pick(['1', '30', '(-400)'])})"
        if c == 1 and not self.safe:
            return f"({self.expr(self.pick(['ts', 'tstz']), depth - 1)})::date"
        if c == 2:    # valid: a folded make_date error after a datetime
            # literal in COALESCE/CASE is the folding gap again
            # (gaps/reads_edge_answers.sql::edge_datetime_constant_folding_errors)
            return f"make_date({self.pick(['2024', '(-44)', '1'])}, {self.pick(['2', '12'])}, {self.pick(['28', '1'])})"
        return self.leaf("date")

    def e_ts(self, sub, depth):
        c = self.draw(st.integers(0, 4))
        if c == 0 and self.anchor("ts"):
            return f"({self.anchor('ts')} {self.pick(['+', '-'])} {self.expr('interval', depth - 1)})"
        if c == 1:
            return f"date_trunc({self.pick(['day', 'month', 'year', 'hour', 'week'])!r}, {sub()})"
        if c == 2 and self.anchor("date"):
            return f"({self.anchor('date')})::timestamp"
        if c == 3 and self.anchor("date"):
            return f"({self.anchor('date')} + {self.expr('interval', depth - 1)})"
        if self.anchor("tstz") and self.draw(st.booleans()):
            return self.zoned(self.anchor("tstz"))
        return f"({self.expr('tstz', depth - 1)})::timestamp"

    ZONES = ["'UTC'", "'America/New_York'", "'+05'", "'Asia/Kolkata'", "'PST'",
             "'Europe/Berlin'", "'-03:30'", "INTERVAL '2 hours'"]

    def zoned(self, operand: str) -> str:
        """AT TIME ZONE or timezone() (timestamp <-> timestamptz) of a
        column: it can leave the timestamp range, an error PostgreSQL
        raises at planning for literal operands (the folding gap of
        `anchor`)."""
        zone = self.pick(self.ZONES)
        if self.draw(st.booleans()):
            return f"({operand} AT TIME ZONE {zone})"
        return f"timezone({zone}, {operand})"

    def e_tstz(self, sub, depth):
        c = self.draw(st.integers(0, 3))
        if c == 0 and self.anchor("tstz"):
            return f"({self.anchor('tstz')} {self.pick(['+', '-'])} {self.expr('interval', depth - 1)})"
        if c == 1:
            return f"date_trunc({self.pick(['day', 'month', 'quarter'])!r}, {sub()})"
        if c == 2:
            return f"({self.expr('ts', depth - 1)})::timestamptz"
        if c == 3 and self.anchor("date"):
            return f"({self.anchor('date')})::timestamptz"
        if self.anchor("ts") and self.draw(st.booleans()):
            return self.zoned(self.anchor("ts"))
        return self.leaf("tstz")

    def e_interval(self, sub, depth):
        c = self.draw(st.integers(0, 5))
        if c == 0 and self.anchor("ts"):
            return f"({self.anchor('ts')} - {self.expr('ts', depth - 1)})"
        if c == 1 and self.anchor("interval"):
            return f"({self.anchor('interval')} * {self.pick(['2', '(-1)', '0.5'])})"
        if c == 2 and self.anchor("interval"):
            return f"({self.anchor('interval')} {self.pick(['+', '-'])} {sub()})"
        if c == 3:
            return f"{self.pick(['justify_days', 'justify_interval', 'justify_hours'])}({sub()})"
        if c == 4 and self.anchor("ts"):
            return f"age({self.anchor('ts')}, {self.expr('ts', depth - 1)})"
        return f"make_interval(days => {self.pick(['1', '(-2)', '0'])})"

    def e_uuid(self, sub, depth):
        return self.leaf("uuid")

    def e_jsonb(self, sub, depth):
        c = self.draw(st.integers(0, 4))
        if c == 0:
            return f"({sub()} -> {self.pick(['a', 'b'])!r})"
        if c == 1:
            return f"({sub()} -> {self.pick(['0', '1', '-1'])})"
        if c == 2:
            return f"({sub()} || {sub()})"
        if c == 3:
            kind = self.pick(["int", "text", "bool", "num", "date"])
            return f"jsonb_build_object('k', {self.expr(kind, depth - 1)})"
        if self.draw(st.booleans()):
            return self.pick([
                f"jsonb_strip_nulls({sub()})",
                f"jsonb_set({sub()}, '{{a}}', {self.pick(['2', 'null', '[1]'])!r})",
                f"({sub()} - {self.pick(['a', 'b'])!r})",
                f"({sub()} #> '{{a}}')",
                f"jsonb_build_array({self.expr(self.pick(['int', 'text', 'float']), depth - 1)}, {sub()})",
                f"jsonb_insert('[1, 2]', '{{0}}', {sub()})",
                f"to_jsonb({self.expr(self.pick(['date', 'tstz', 'interval', 'bool', 'float']), depth - 1)})",
                f"jsonb_path_query_array({sub()}, {self.pick(self.PATHS)!r}, '{{\"x\": 0}}')",
                f"jsonb_path_query_first({sub()}, {self.pick(self.PATHS)!r}, '{{\"x\": 0}}')",
            ])
        kind = self.pick(["int", "text", "textarr", "num", "ts"])
        return f"to_jsonb({self.expr(kind, depth - 1)})"

    def e_intarr(self, sub, depth):
        c = self.draw(st.integers(0, 5))
        if c == 3:
            return f"ARRAY[{sub()}, {sub()}]"
        if c == 4:
            return f"({sub()})[1:2]"
        if c == 5:
            return f"array_cat({sub()}, ARRAY[[7, 8]])"
        if c == 0:
            return f"({sub()} || {self.expr('int', 0)}::int4)" if not self.safe \
                else f"array_append({sub()}, 3)"
        if c == 1:
            return f"ARRAY[{self.expr('int', 0)}::int4, 5]" if not self.safe \
                else "ARRAY[1, 5]"
        return f"array_remove({sub()}, 1)"

    def e_textarr(self, sub, depth):
        c = self.draw(st.integers(0, 2))
        if c == 0:
            return f"string_to_array({self.expr('text', depth - 1)}, ' ')"
        if c == 1:
            return f"array_append({sub()}, {self.expr('text', 0)})"
        return f"ARRAY[{self.expr('text', 0)}]"


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
