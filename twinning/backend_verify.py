"""Embedded verify pushed down to the backend as SQL (`--backend`).

The same `verify.report.v1` as `verify_eval.evaluate` gives over the same
rows, with the checks run by PostgreSQL: each rule is one query counting
its violations and one fetching the first `AFFECTED_LIMIT` offending rows
in the report order (primary key, text keys in the C collation — the
twin's code point order), whose values come back over COPY through the
twin's input functions so localisation renders them exactly as the
in-memory evaluator does (`verify_eval._Relation.entry`). Nothing but
those few rows is held here. Each rule kind keeps verify_eval's meaning
(its docstring lists them):

- not_null: NULL, or for text/varchar/char blank (`btrim` over the same
  Unicode White_Space set);
- unique: `count(*) OVER (PARTITION BY …)` over rows without NULLs;
- foreign_key: `NOT EXISTS` in the referenced binding, MATCH SIMPLE;
- predicate: two-valued logic made explicit (`IS [NOT] DISTINCT FROM` for
  eq/ne, `coalesce(a op b, false)` for orderings, text ordered in the C
  collation), literals converted by the twin (`verify_eval._literal`) and
  sent as typed literals of the column's base type;
- row_count, aggregate_compare: `count(*)`, `sum`, `count`, or the
  extreme value by `ORDER BY … LIMIT 1` (PostgreSQL has no min/max for
  bool, uuid or bytea); the observed value compared by the evaluator's own
  `comparison`. avg is computed here from the backend's exact sum and
  count as the evaluator computes it.

Known differences from the in-memory evaluator: `sum` of float columns is
PostgreSQL's running sum, not `math.fsum`, so the last bits may differ;
the order of localised rows of a table without a primary key is
PostgreSQL's over its columns (the twin orders some types — intervals,
arrays, json — by their canonical encoding instead). `content_hash` is
computed by streaming the bound relation over COPY in canonical order
into a spool file (`snapshot_stream.RowSpool`, bounded memory; a table
without a primary key is sorted in memory, as `materialize` does).
"""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from twinning import values
from twinning.backend_metrics import qualified
from twinning.ir.types import SqlType
from twinning.values.identifiers import quote_ident
from twinning.verify_eval import (AFFECTED_LIMIT, _Compiler, aggregate_type,
                                  bound_relations, mean, report_of,
                                  _FLOAT_TYPES, _INT_TYPES,
                                  _Relation, _STRING_TYPES, _WHITESPACE,
                                  _compare_scalars, _literal,
                                  _localised_column, _scalar_key,
                                  _tuple_entry, comparison_domain,
                                  compile_rules, to_json)

_WS = "E'" + "".join(sorted(_WHITESPACE)).replace("\\", "\\\\").replace(
    "'", "''").replace("\t", "\\t").replace("\n", "\\n").replace(
    "\r", "\\r").replace("\x0b", "\\013").replace("\x0c", "\\f") + "'"


def _string(t: SqlType) -> bool:
    return t.name in _STRING_TYPES and not t.is_array


def _col(column: str, alias: str = "t") -> str:
    return f"{alias}.{quote_ident(column)}"


def _blank(expr: str, t: SqlType) -> str:
    """NULL or (text types) only White_Space; never NULL itself."""
    if _string(t):
        return f"({expr} IS NULL OR btrim({expr}::text, {_WS}) = '')"
    return f"({expr} IS NULL)"


def _type_name(t: SqlType) -> str:
    return t.name + ("[]" if t.is_array else "")


def _sql_literal(t: SqlType, value: Any, domain: str) -> str:
    """A value the twin converted (`_literal`) as a typed SQL literal."""
    if value is None:
        return "NULL"
    if domain == "float":
        return f"'{values.format_text(SqlType('float8'), float(value))}'::float8"
    if domain == "decimal":
        return f"'{value}'::numeric"
    text = values.format_text(t, value).replace("'", "''")
    return f"'{text}'::{_type_name(t)}"


class _Sql:
    """One rule as SQL over its binding's table (alias `t`)."""

    def __init__(self, compiler: _Compiler, binding: str) -> None:
        self.table = compiler.table(binding)
        self.compiler = compiler

    def operand(self, operand: Any, anchor: SqlType, domain: str,
                ordered: bool) -> str:
        if isinstance(operand, dict):
            t = self.table.column(operand["column"]).type
            expr = _col(operand["column"])
            if t.name == "json" and not t.is_array:
                return f"{expr}::text"
            return f'{expr} COLLATE "C"' if ordered and _string(t) else expr
        try:
            value = _literal(anchor, operand, domain)
        except TypeError as exc:
            raise self.compiler.error(str(exc)) from None
        literal = _sql_literal(anchor, value, domain)
        if anchor.name == "json" and not anchor.is_array and value is not None:
            return f"{literal}::text"
        return literal

    def expr(self, expr: Any) -> str:
        (op, arg), = expr.items()
        if op == "column":
            t = self.table.column(arg).type
            return f"NOT {_blank(_col(arg), t)}"
        if op == "is_null":
            return f"({_col(arg['column'])} IS NULL)"
        if op == "is_blank":
            t = self.table.column(arg["column"]).type
            return _blank(_col(arg["column"]), t)
        if op == "not":
            return f"(NOT {self.expr(arg)})"
        if op in ("and", "or"):
            parts = [self.expr(e) for e in arg] or \
                ["TRUE" if op == "and" else "FALSE"]
            return "(" + f" {op.upper()} ".join(parts) + ")"
        if op == "in":
            return self._in(arg[0], arg[1])
        return self._compare(op, arg[0], arg[1])

    def _in(self, operand: Any, members: list) -> str:
        if not isinstance(operand, dict):
            key = _scalar_key(operand) if operand is not None else None
            keys = {None if m is None else _scalar_key(m) for m in members}
            return "TRUE" if key in keys else "FALSE"
        column = operand["column"]
        t = self.table.column(column).type
        domain = comparison_domain([t])
        expr = self.operand(operand, t, domain, False)
        literals = [self.operand(m, t, domain, False)
                    for m in members if m is not None]
        parts = []
        if any(m is None for m in members):
            parts.append(f"{_col(column)} IS NULL")
        if literals:
            parts.append(f"coalesce({expr} IN ({', '.join(literals)}), false)")
        return "(" + (" OR ".join(parts) or "FALSE") + ")"

    def _compare(self, op: str, left: Any, right: Any) -> str:
        columns = [self.table.column(o["column"]).type
                   for o in (left, right) if isinstance(o, dict)]
        if not columns:
            return "TRUE" if _compare_scalars(op, left, right) else "FALSE"
        domain = comparison_domain(columns)
        ordered = op not in ("eq", "ne")
        a = self.operand(left, columns[0], domain, ordered)
        b = self.operand(right, columns[0], domain, ordered)
        if op == "eq":
            return f"({a} IS NOT DISTINCT FROM {b})"
        if op == "ne":
            return f"({a} IS DISTINCT FROM {b})"
        sign = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[op]
        return f"coalesce({a} {sign} {b}, false)"


def _order_by(table: Any, alias: str = "t") -> str:
    pk = table.primary_key
    names = pk.columns if pk is not None else [c.name for c in table.columns]
    keys = []
    for name in names:
        t = table.column(name).type
        keys.append(_col(name, alias) + (' COLLATE "C"' if _string(t) else ""))
    return ", ".join(keys)


class BackendVerify:
    """verify.report.v1 over the backend database on `conn`."""

    def __init__(self, conn: Any, artifact: Any, catalog: Any) -> None:
        self.conn, self.artifact, self.catalog = conn, artifact, catalog
        self.compiler = _Compiler(catalog, artifact.bindings)

    # -- reading
    def scalar(self, sql: str) -> Any:
        return self.conn.execute(sql).fetchone()[0]

    def rows(self, table: Any, where: str, source: str | None = None,
             limit: int = AFFECTED_LIMIT) -> list[tuple]:
        """Whole rows of `table` (twin values) matching `where`, in the
        report order, at most `limit`."""
        from twinning.materialize import _stream
        from twinning.progress import Progress
        columns = ", ".join(_col(c.name) for c in table.columns)
        select = (f"SELECT {columns} FROM {source or 'ONLY ' + qualified(table.name)}"
                  f" t WHERE {where} ORDER BY {_order_by(table)} LIMIT {limit}")
        out: list[tuple] = []
        _stream(self.conn, table, select, Progress(io.StringIO()), out.extend)
        return out

    def value(self, t: SqlType, sql: str) -> Any:
        """One value of type `t` (twin value) from a one-row select."""
        from twinning.materialize import _stream
        from twinning.progress import Progress
        probe = SimpleNamespace(name=SimpleNamespace(name="value"),
                                columns=[SimpleNamespace(name="value", type=t)])
        out: list[tuple] = []
        _stream(self.conn, probe, sql, Progress(io.StringIO()), out.extend)
        return out[0][0] if out else None

    # -- rules
    def run(self, rule: dict, relation: _Relation) -> tuple[int, list]:
        self.compiler.rule_id = rule["id"]
        check = rule["check"]
        return getattr(self, "_" + check["op"])(check, relation)

    def _not_null(self, check: dict, rel: _Relation) -> tuple[int, list]:
        table, columns = rel.table, check["columns"]
        blanks = [(c, table.column(c).type) for c in columns]
        tests = [_blank(_col(c), t) for c, t in blanks]
        count = self.scalar(
            "SELECT " + " + ".join(f"count(*) FILTER (WHERE {x})" for x in tests)
            + f" FROM ONLY {qualified(table.name)} t")
        entries: list = []
        if count:
            for row in self.rows(table, " OR ".join(tests)):
                for column, t in blanks:
                    value = row[table.slot(column)]
                    if _python_blank(t, value):
                        entries.append(rel.entry(row, column, to_json(t, value)))
        return count, entries[:AFFECTED_LIMIT]

    def _unique(self, check: dict, rel: _Relation) -> tuple[int, list]:
        table, columns = rel.table, check["columns"]
        types = [table.column(c).type for c in columns]
        keys = ", ".join(f"{_col(c)}::text" if t.name == "json" else _col(c)
                         for c, t in zip(columns, types))
        present = " AND ".join(f"{_col(c)} IS NOT NULL" for c in columns)
        source = (f"(SELECT t.*, count(*) OVER (PARTITION BY {keys}) AS "
                  f"twinning_n FROM ONLY {qualified(table.name)} t "
                  f"WHERE {present})")
        count = self.scalar(f"SELECT count(*) FROM {source} t WHERE twinning_n > 1")
        positions = [table.slot(c) for c in columns]
        entries = [_tuple_entry(rel, row, columns, positions, types)
                   for row in (self.rows(table, "twinning_n > 1", source)
                               if count else ())]
        return count, entries

    def _foreign_key(self, check: dict, rel: _Relation) -> tuple[int, list]:
        table, columns = rel.table, check["columns"]
        ref = self.compiler.table(check["ref_binding"])
        types = [table.column(c).type for c in columns]
        present = " AND ".join(f"{_col(c)} IS NOT NULL" for c in columns)
        found = " AND ".join(f"{_col(rc, 'r')} = {_col(c)}" for c, rc in
                             zip(columns, check["ref_columns"]))
        where = (f"{present} AND NOT EXISTS (SELECT 1 FROM ONLY "
                 f"{qualified(ref.name)} r WHERE {found})")
        count = self.scalar(f"SELECT count(*) FROM ONLY {qualified(table.name)}"
                            f" t WHERE {where}")
        positions = [table.slot(c) for c in columns]
        entries = [_tuple_entry(rel, row, columns, positions, types)
                   for row in (self.rows(table, where) if count else ())]
        return count, entries

    def _predicate(self, check: dict, rel: _Relation) -> tuple[int, list]:
        table, expr = rel.table, check["expr"]
        where = f"NOT {_Sql(self.compiler, check['binding']).expr(expr)}"
        count = self.scalar(f"SELECT count(*) FROM ONLY {qualified(table.name)}"
                            f" t WHERE {where}")
        field = _localised_column(expr)
        entries = []
        for row in (self.rows(table, where) if count else ()):
            if field is None:
                entries.append(rel.entry(row))
            else:
                t = table.column(field).type
                entries.append(rel.entry(row, field,
                                         to_json(t, row[table.slot(field)])))
        return count, entries

    def _row_count(self, check: dict, rel: _Relation) -> tuple[int, list]:
        compare = self.compiler.comparison(check["compare"], SqlType("int8"))
        observed = self.scalar(f"SELECT count(*) FROM ONLY "
                               f"{qualified(rel.table.name)}")
        if compare(observed):
            return 0, []
        return 1, [rel.entry(None, value=observed)]

    def _aggregate_compare(self, check: dict, rel: _Relation) -> tuple[int, list]:
        (kind, column), = check["aggregate"].items()
        t = rel.table.column(column).type
        result_type = aggregate_type(kind, t)
        compare = self.compiler.comparison(check["compare"], result_type)
        observed = self._aggregate(kind, rel.table, column, t)
        if compare(observed):
            return 0, []
        return 1, [rel.entry(None, column, to_json(result_type, observed))]

    def _aggregate(self, kind: str, table: Any, column: str, t: SqlType) -> Any:
        name = qualified(table.name)
        expr = _col(column)
        if kind in ("min", "max"):
            collate = ' COLLATE "C"' if _string(t) else ""
            direction = "ASC" if kind == "min" else "DESC"
            return self.value(t, f"SELECT {expr} FROM ONLY {name} t WHERE "
                                 f"{expr} IS NOT NULL ORDER BY {expr}{collate} "
                                 f"{direction} LIMIT 1")
        is_float = t.name in _FLOAT_TYPES
        total_type = SqlType("float8") if is_float else SqlType("numeric")
        total = self.value(total_type, f"SELECT sum({expr}"
                                       f"{'::float8' if is_float else '::numeric'})"
                                       f" FROM ONLY {name} t")
        n = self.scalar(f"SELECT count({expr}) FROM ONLY {name} t")
        if total is None:
            total = 0.0 if is_float else 0 if t.name in _INT_TYPES else Decimal(0)
        elif t.name in _INT_TYPES:
            total = int(total)
        if kind == "sum":
            return total
        return mean(total, n, is_float)

    # -- the document
    def content_hash(self, table: Any) -> str:
        """`snapshot.relation_hash` of the relation, streamed."""
        from twinning.materialize import _spool_table
        from twinning.progress import Progress
        from twinning.snapshot import canonical
        from twinning.snapshot_stream import RowSpool, _interleave, _marker, _pieces
        spool = RowSpool(table)
        try:
            _spool_table(self.conn, table, None, Progress(io.StringIO()), spool)
            entry = {"name": str(table.name),
                     "columns": [c.name for c in table.columns],
                     "rows": _marker(0)}
            digest = hashlib.sha256()
            for chunk in _interleave(_pieces(canonical(entry), [spool]), [spool]):
                digest.update(chunk)
            return "sha256:" + digest.hexdigest()
        finally:
            spool.close()

    def evaluate(self) -> dict[str, Any]:
        artifact, catalog = self.artifact, self.catalog
        compile_rules(artifact.document, artifact.bindings, catalog)  # checks
        relations, binding_reports = bound_relations(
            artifact, catalog,
            lambda qname, table: ([], self.content_hash(table)))  # rows stay in the backend
        results = []
        for rule in sorted(artifact.document["rules"], key=lambda r: r["id"]):
            count, entries = self.run(rule, relations[rule["check"]["binding"]])
            results.append({"rule_id": rule["id"], "severity": rule["severity"],
                            "status": "fail" if count else "pass",
                            "violation_count": count, "affected": entries})
        return report_of(artifact, binding_reports, results)


def _python_blank(t: SqlType, value: Any) -> bool:
    if value is None:
        return True
    return _string(t) and all(ch in _WHITESPACE for ch in value)

