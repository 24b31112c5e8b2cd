"""The report's per-table numbers read from the backend with SQL
(`--backend`): row counts, `null_rates` and `fk_coverage`, with the
meanings `twinning.metrics` gives them over the twin's committed state
(its docstring), computed by PostgreSQL and nothing held here.

Each table is read `FROM ONLY` (a partitioned table's rows are its
partitions', as in the twin's state). Key comparisons are PostgreSQL's `=`
between the two columns' types, which agrees with the twin's comparison
domains for the types foreign keys can join (numbers numerically, char(n)
without trailing spaces, text by code point as deterministic collations
compare).
"""

from __future__ import annotations

from typing import Any

from twinning.metrics import _rate
from twinning.values.identifiers import quote_ident


def qualified(name: Any) -> str:
    return f"{quote_ident(name.schema)}.{quote_ident(name.name)}"


def row_counts(conn: Any, catalog: Any) -> dict[str, int]:
    return {str(t.name): conn.execute(
        f"SELECT count(*) FROM ONLY {qualified(t.name)}").fetchone()[0]
        for t in catalog.tables}


def null_rates(conn: Any, catalog: Any) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for table in catalog.tables:
        counts = ", ".join(f"count({quote_ident(c.name)})"
                           for c in table.columns)
        row = conn.execute(f"SELECT count(*){', ' if counts else ''}{counts} "
                           f"FROM ONLY {qualified(table.name)}").fetchone()
        total = row[0]
        out[str(table.name)] = {c.name: _rate(total - present, total, 0.0)
                                for c, present in zip(table.columns, row[1:])}
    return out


def fk_coverage(conn: Any, catalog: Any) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for table in catalog.tables:
        for fk in table.foreign_keys:
            cols = [f"c.{quote_ident(c)}" for c in fk.columns]
            nulls = " + ".join(f"({c} IS NULL)::int" for c in cols)
            all_null = f"({nulls}) = {len(cols)}"
            some_null = f"({nulls}) > 0"
            found = " AND ".join(f"p.{quote_ident(pc)} = {cc}"
                                 for pc, cc in zip(fk.ref_columns, cols))
            exists = (f"EXISTS (SELECT 1 FROM ONLY {qualified(fk.ref_table)} p "
                      f"WHERE {found})")
            unchecked = all_null if fk.match == "FULL" else some_null
            sql = (f"SELECT count(*), count(*) FILTER (WHERE {unchecked}), "
                   f"count(*) FILTER (WHERE NOT ({some_null}) AND {exists}) "
                   f"FROM ONLY {qualified(table.name)} c")
            rows, null_keys, matched = conn.execute(sql).fetchone()
            out[f"{table.name}.{fk.name}"] = {
                "references": str(fk.ref_table),
                "columns": list(fk.columns),
                "rows": rows,
                "null_keys": null_keys,
                "matched": matched,
                "orphans": rows - null_keys - matched,
                "coverage": _rate(matched, rows - null_keys, 1.0),
            }
    return out
