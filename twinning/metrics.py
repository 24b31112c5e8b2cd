"""Twin-native metrics over committed state, for the `twinning.v0` report.

- `null_rates(state)`: `{"schema.table": {"column": rate}}` — the share of
  rows whose value is SQL NULL, in catalog order. Empty tables report 0.0
  for every column (nothing is missing from nothing). Rates are rounded to
  6 decimal places (`round`, deterministic), so the report bytes are stable
  across runs and platforms.
- `fk_coverage(state)`: `{"schema.table.constraint": {...}}` for every
  foreign key of the catalog, in catalog order:
  `references` (the parent relation), `columns`, `rows` (child rows),
  `null_keys` (rows the constraint does not check: any NULL component under
  MATCH SIMPLE, all components NULL under MATCH FULL), `matched` (checked
  rows whose key exists in the parent), `orphans` (checked rows whose key
  does not — only reachable through a restored snapshot or a future write
  path bug, since the twin enforces foreign keys), and `coverage` =
  matched / (rows − null_keys), rounded to 6 places, 1.0 when no row is
  checked. MATCH FULL rows with only some NULL components count as orphans
  (PostgreSQL rejects them).

Both are linear: one pass per table, one hash set per foreign key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for hints: `twinning.cli` imports this module
    from twinning.ir.catalog import Table
    from twinning.state import CommittedState

DIGITS = 6


def _rate(part: int, whole: int, empty: float) -> float:
    return round(part / whole, DIGITS) if whole else empty


def null_rates(state: CommittedState) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for table in state.catalog.tables:
        rows = state.rows.get(table.name, ())
        nulls = [0] * len(table.columns)
        for row in rows:
            for i, value in enumerate(row):
                if value is None:
                    nulls[i] += 1
        out[str(table.name)] = {c.name: _rate(n, len(rows), 0.0)
                                for c, n in zip(table.columns, nulls)}
    return out


def _positions(table: Table, columns: tuple[str, ...]) -> list[int]:
    return [table.slot(c) for c in columns]


def fk_coverage(state: CommittedState) -> dict[str, dict[str, Any]]:
    # lazy: cold start (cli imports report, report imports this module)
    from twinning.verify_eval import comparison_domain, comparison_key
    catalog = state.catalog
    out: dict[str, dict[str, Any]] = {}
    for table in catalog.tables:
        for fk in table.foreign_keys:
            parent = catalog.table(fk.ref_table)
            child_pos = _positions(table, fk.columns)
            parent_pos = _positions(parent, fk.ref_columns)
            child_keys, parent_keys = [], []
            for cp, pp in zip(child_pos, parent_pos):
                ct, pt = table.columns[cp].type, parent.columns[pp].type
                try:
                    domain = comparison_domain([ct, pt])
                except TypeError:  # resolve checked compatibility already
                    domain = "exact"
                child_keys.append(comparison_key(domain, ct))
                parent_keys.append(comparison_key(domain, pt))
            present = set()
            for row in state.rows.get(parent.name, ()):
                cells = [row[p] for p in parent_pos]
                if all(v is not None for v in cells):
                    present.add(tuple(k(v) for k, v in zip(parent_keys, cells)))
            rows = state.rows.get(table.name, ())
            null_keys = matched = orphans = 0
            full = fk.match == "FULL"
            for row in rows:
                cells = [row[p] for p in child_pos]
                missing = sum(v is None for v in cells)
                if missing == len(cells) or (missing and not full):
                    null_keys += 1
                elif missing:
                    orphans += 1
                elif tuple(k(v) for k, v in zip(child_keys, cells)) in present:
                    matched += 1
                else:
                    orphans += 1
            out[f"{table.name}.{fk.name}"] = {
                "references": str(fk.ref_table),
                "columns": list(fk.columns),
                "rows": len(rows),
                "null_keys": null_keys,
                "matched": matched,
                "orphans": orphans,
                "coverage": _rate(matched, len(rows) - null_keys, 1.0),
            }
    return out
