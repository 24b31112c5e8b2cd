"""Comparing two answers of one statement, for `twinning proof twin-pair`.

Rows are compared as PostgreSQL promises them. Without a top-level ORDER
BY a result is a multiset. With one, PostgreSQL fixes only the order of
rows whose sort keys differ: rows with equal keys (peers) may come in any
order. So an ordered result is compared as a sequence of peer groups,
each group a multiset; a total ORDER BY (no two rows share a key) makes
that the plain ordered sequence. The keys are read from the output
columns: an ORDER BY item that is an output column's name or position.
An ORDER BY on anything else (an expression not in the select list) is
compared as a multiset, which never reports a difference that is only
the order of peers, and the verdict says so (`order: "multiset"`).

The hash is `sha256:` over the canonical CBOR of the rows in that
canonical form (groups in order, rows sorted within each by their
encoding), so two sides match exactly when their hashes do.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import cbor2
import pglast
from pglast import ast

from twinning.proof_replay import Outcome

Row = tuple  # of bytes | None


def order_keys(sql: str) -> list[str | int] | None:
    """The top-level ORDER BY items as output column names (str) or
    1-based positions (int); [] when some item is neither; None without
    an ORDER BY."""
    try:
        statements = pglast.parse_sql(sql)
    except pglast.parser.ParseError:
        return None
    if len(statements) != 1:
        return None
    stmt = statements[0].stmt
    if not isinstance(stmt, ast.SelectStmt) or not stmt.sortClause:
        return None
    keys: list[str | int] = []
    for item in stmt.sortClause:
        node = item.node
        if isinstance(node, ast.ColumnRef) and len(node.fields) == 1 \
                and isinstance(node.fields[0], ast.String):
            keys.append(node.fields[0].sval)
        elif isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer):
            keys.append(node.val.ival)
        else:
            return []
    return keys


def _key_positions(keys: list[str | int], columns: list) -> list[int] | None:
    names = [c[0] for c in columns]
    out = []
    for key in keys:
        if isinstance(key, int):
            if not 1 <= key <= len(names):
                return None
            out.append(key - 1)
        elif names.count(key) == 1:
            out.append(names.index(key))
        else:  # absent or ambiguous among the outputs
            return None
    return out


def _enc(row: Row) -> bytes:
    return cbor2.dumps(list(row), canonical=True)


def canonical_groups(outcome: Outcome, keys: list[str | int] | None
                     ) -> tuple[str, list[list[Row]]]:
    """(order mode, the rows as peer groups in canonical form)."""
    rows = outcome.rows
    if keys is None:
        return "multiset", [sorted(rows, key=_enc)]
    positions = _key_positions(keys, outcome.columns or []) if keys else None
    if not positions:  # ORDER BY on something the outputs do not show
        return "multiset_order_by_unread", [sorted(rows, key=_enc)]
    groups: list[list[Row]] = []
    last: tuple | None = None
    for row in rows:
        key = tuple(row[p] for p in positions)
        if groups and key == last:
            groups[-1].append(row)
        else:
            groups.append([row])
            last = key
    groups = [sorted(g, key=_enc) for g in groups]
    total = all(len(g) == 1 for g in groups)
    return ("ordered" if total else "ordered_with_peers", groups)


def rows_hash(groups: list[list[Row]]) -> str:
    data = cbor2.dumps([[list(r) for r in g] for g in groups], canonical=True)
    return "sha256:" + hashlib.sha256(data).hexdigest()


def show_row(row: Row) -> list[str | None]:
    return [None if v is None else v.decode("utf-8", "backslashreplace")
            for v in row]


def first_row_difference(left: list[list[Row]], right: list[list[Row]]
                         ) -> dict[str, Any] | None:
    """Where the two canonical forms first part: the row position (in the
    canonical order) and each side's row there, or which side has a row
    the other lacks."""
    position = 0
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else []
        b = right[index] if index < len(right) else []
        if a == b:
            position += len(a)
            continue
        if len(a) > 1 or len(b) > 1:  # a multiset: what one side lacks
            only_left = Counter(map(_enc, a)) - Counter(map(_enc, b))
            only_right = Counter(map(_enc, b)) - Counter(map(_enc, a))
            lrow = next((r for r in a if _enc(r) in only_left), None)
            rrow = next((r for r in b if _enc(r) in only_right), None)
            return {"position": position,
                    "left": None if lrow is None else show_row(lrow),
                    "right": None if rrow is None else show_row(rrow)}
        return {"position": position,
                "left": show_row(a[0]) if a else None,
                "right": show_row(b[0]) if b else None}
    return None


def side_summary(outcome: Outcome, groups: list[list[Row]]) -> dict[str, Any]:
    """One side's answer for a report: the error, or the command tag with
    the columns, row count and canonical rows hash of a row result."""
    if outcome.sqlstate is not None:
        return {"sqlstate": outcome.sqlstate, "message": outcome.message}
    side: dict[str, Any] = {"command_tag": outcome.command_tag}
    if outcome.columns is not None:
        side["columns"] = [{"name": n, "type_oid": t, "type_modifier": m}
                           for n, t, m in outcome.columns]
        side["row_count"] = len(outcome.rows)
        side["rows_hash"] = rows_hash(groups)
    return side
