"""PostgreSQL's stack depth limit, as nesting budgets per kind of level.

PostgreSQL stops a statement nested too deep with 54001 "stack depth
limit exceeded" once its C stack passes max_stack_depth (2048kB by
default), wherever the recursion happens (parse analysis, planning,
executor start). Each kind of nesting costs its own stack per level, so
the depth it reaches differs by kind. Measured on PostgreSQL 15 (the
differential oracle of `tests/test_interrupt_points.py`), the deepest
nesting that still runs, per kind:

| kind                          | deepest accepted | first 54001 |
|-------------------------------|------------------|-------------|
| nested expressions (`abs(abs(…))`, `1+1+…+1`) | 4,091 | 4,092 |
| nested subselects `(SELECT (SELECT …))`       | 2,111 | 2,112 |
| chained set operations (`SELECT 1 UNION …`)   | 7,274 SELECTs | 7,275 |
| nested JSON arrays/objects in json/jsonb input | 14,544 | 14,545 |

(JSON input is a value's input function, below the passes: its limit is
`twinning.values.json.JSON_DEPTH`.)

(Nested parentheses around one value never reach the stack limit: the
grammar drops them, and bison's own stack stops at 10,000 with 42601
"memory exhausted", which the twin's parser, pglast, shares.)

The twin models the stack as a budget of `UNIT`, each level of a kind
costing `UNIT // accepted` of it, so one kind alone stops exactly where
PostgreSQL stops, and a mix (expressions inside subselects) spends the
budget in proportion. The converters (`parse_expr`, `parse_select`)
`descend` and `ascend` around each level on their thread; `reset` starts
a statement. The weights of subselects and set operations leave room for
the expression levels the twin counts inside each of them.
"""

from __future__ import annotations

import threading

from twinning.errors import stack_depth_exceeded

UNIT = 1_000_000_000

EXPRESSION_DEPTH = 4_092     # expression nodes on a path, the leaf included
SUBSELECT_DEPTH = 2_111
SET_OPERATION_DEPTH = 7_273  # set-operation nodes: SELECTs - 1

EXPRESSION = UNIT // EXPRESSION_DEPTH
# A subselect level passes a query and an expression (its SubLink); the
# innermost query's target adds one expression leaf.
SUBSELECT = (UNIT - EXPRESSION) // SUBSELECT_DEPTH - EXPRESSION
# A left-deep chain of set operations: each level a set-operation node
# and its left arm's query; the innermost arm's target adds its leaf.
SET_OPERATION = (UNIT - EXPRESSION) // SET_OPERATION_DEPTH

_THREAD = threading.local()


def reset() -> None:
    """A new statement: nothing nested yet on this thread (its own query
    level is PostgreSQL's base, credited here)."""
    _THREAD.used = -SUBSELECT


def descend(weight: int) -> None:
    """One level deeper: 54001 once the levels pass the budget."""
    used = getattr(_THREAD, "used", 0) + weight
    if used > UNIT:
        raise stack_depth_exceeded()
    _THREAD.used = used


def ascend(weight: int) -> None:
    _THREAD.used -= weight
