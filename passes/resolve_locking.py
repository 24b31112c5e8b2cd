"""FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF …] [NOWAIT | SKIP
LOCKED] in parse analysis (analyze.c's transformLockingClause and
CheckSelectLocking, the planner's outer-join check).

`resolve_select` asks `Request.wanted(refname)` while it builds the FROM
clause of the top-level SELECT, so a locked table's Scan carries its row
id as a last, unnamed column; at the end of the level, `Request.finish`
runs PostgreSQL's checks in its order (the clause against DISTINCT,
GROUP BY, HAVING, aggregates, window functions, set-returning targets;
then each OF name) and returns the `LockRows` targets: (table, slot of the
row id in the level's row, strength, wait policy), strengths and policies
combined per table as applyLockingClause combines them (the strongest;
block < skip < error).

Outside the twin's subset (0A000 naming it): a locking clause in a
subquery, CTE, view definition or write statement, and one that reaches
a view, a subquery in FROM or a system catalog.
"""

from __future__ import annotations

from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, feature_not_supported, syntax_error,
    undefined_table,
)
from twinning.ir import select as r
from twinning.passes.expr.analyze import pos

__all__ = ["Request", "refuse_nested", "refuse_on"]

_WAIT_ORDER = {"block": 0, "skip": 1, "error": 2}


def _name(strength: int) -> str:
    return r.LOCK_STRENGTHS[strength]


def refuse_nested(query: r.Query) -> None:
    raise feature_not_supported(f"{_name(query.locking[0].strength)} in a "
                                "subquery, WITH query or view")


def refuse_on(query: r.Query, what: str) -> None:
    """A locking clause on VALUES or a set operation (transformValuesClause,
    CheckSelectLocking)."""
    name = _name(query.locking[0].strength)
    if what == "values":
        raise SqlError(FEATURE_NOT_SUPPORTED, f"{name} cannot be applied to VALUES")
    raise SqlError(FEATURE_NOT_SUPPORTED, f"{name} is not allowed with UNION/INTERSECT/EXCEPT")


def _combine(a: tuple[int, str] | None, b: tuple[int, str]) -> tuple[int, str]:
    if a is None:
        return b
    return (max(a[0], b[0]),
            a[1] if _WAIT_ORDER[a[1]] >= _WAIT_ORDER[b[1]] else b[1])


class Request:
    """The locking clauses of one SELECT level, and what its FROM clause
    turned out to hold."""

    def __init__(self, query: r.Query) -> None:
        self.clauses = query.locking
        self.every: tuple[int, str] | None = None
        self.named: dict[str, tuple[int, str]] = {}
        for clause in self.clauses:
            mode = (clause.strength, clause.wait)
            if not clause.names:
                self.every = _combine(self.every, mode)
            for names in clause.names:
                self.named[names[-1]] = _combine(self.named.get(names[-1]), mode)
        self.kinds: dict[str, str] = {}  # refname → table/view/cte/…
        self.tables: list[tuple[str, Any, Any]] = []  # (refname, entry, table)
        self.nullable: set[str] = set()  # refnames under an outer join's null side

    def wanted(self, refname: str) -> tuple[int, str] | None:
        mode = self.named.get(refname)
        if self.every is not None:
            mode = _combine(mode, self.every)
        return mode

    def note(self, refname: str, kind: str) -> None:
        self.kinds.setdefault(refname, kind)

    def finish(self, *, distinct: bool, group_by: bool, having: bool,
               aggregates: bool, windows: bool, set_returning: bool
               ) -> tuple[tuple[Any, int, int, str], ...]:
        for clause in self.clauses:
            name = _name(clause.strength)
            for flag, what in ((distinct, "DISTINCT clause"),
                               (group_by, "GROUP BY clause"),
                               (having, "HAVING clause"),
                               (aggregates, "aggregate functions"),
                               (windows, "window functions"),
                               (set_returning, "set-returning functions in "
                                "the target list")):
                if flag:
                    raise SqlError(FEATURE_NOT_SUPPORTED, f"{name} is not allowed with {what}")
            if not clause.names:
                for refname, kind in self.kinds.items():
                    self._refuse_kind(kind, name, None)
            for names, location in zip(clause.names, clause.locations):
                if len(names) > 1:
                    raise syntax_error(f"{name} must specify unqualified "
                                       "relation names", position=pos(location))
                kind = self.kinds.get(names[0])
                if kind is None:
                    raise undefined_table(f'relation "{names[0]}" in {name} '
                                          "clause not found in FROM clause",
                                          position=pos(location))
                if kind in ("join", "function", "cte", "values"):
                    what = {"join": "a join", "function": "a function",
                            "cte": "a WITH query", "values": "VALUES"}[kind]
                    raise SqlError(FEATURE_NOT_SUPPORTED, f"{name} cannot be applied to {what}",
                                                 position=pos(location))
                self._refuse_kind(kind, name, location)
        targets = []
        for refname, entry, table in self.tables:
            mode = self.wanted(refname)
            if mode is None:
                continue
            if refname in self.nullable:
                raise SqlError(FEATURE_NOT_SUPPORTED, f"{_name(mode[0])} cannot be applied to "
                                             "the nullable side of an outer join")
            if not entry.exprs:
                raise feature_not_supported(f"{_name(mode[0])} of a table "
                                            "without columns")
            targets.append((table, entry.exprs[-1].slot + 1, mode[0], mode[1]))
        return tuple(targets)

    @staticmethod
    def _refuse_kind(kind: str, name: str, location: int | None) -> None:
        what = {"view": "a view", "subquery": "a subquery in FROM",
                "system": "a system catalog"}.get(kind)
        if what is not None:
            raise feature_not_supported(f"{name} of {what}",
                                        None if location is None else pos(location))


def nullable_refnames(item: r.FromItem, nullable: bool, out: set[str]) -> None:
    """The FROM items below the nullable side of an outer join."""
    if isinstance(item, r.JoinRef):
        left_null = nullable or item.kind in ("right", "full")
        right_null = nullable or item.kind in ("left", "full")
        nullable_refnames(item.left, left_null, out)
        nullable_refnames(item.right, right_null, out)
        return
    if nullable:
        name = getattr(item, "alias", None)
        if name is None and isinstance(item, r.TableRef):
            name = item.names[-1]
        if name is not None:
            out.add(name)
