"""The typed expression layer: PostgreSQL 15's parse analysis of
expressions, and their compilation to Python closures.

    resolve_expr(node, scope, ctx) -> TExpr      (analyze)
    compile_expr(texpr) -> fn(row, ctx)           (compile)
    check_constraint_function(table, check) -> fn(row)

`Scope` says where column references resolve (`EmptyScope`, `TableScope`,
or the read path's FROM scopes); `TypingContext` carries what one
statement's expressions share (parameter types, the clause being typed,
the aggregate hook). `types` holds the coercion facts, `runtime` what
operators and functions do (one `*_ops` module per type family filling
`registry`'s tables), `pg_data` PostgreSQL's own catalog rows.
"""

from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          coerce_to_type, declared_type,
                                          figure_colname, resolve_expr,
                                          resolve_target)
from twinning.passes.expr.check import (check_constraint_function,
                                        index_predicate_function,
                                        type_index_predicate)
from twinning.passes.expr.compile import (Compiled, CompiledExpr,
                                          compile_checked, compile_expr)
from twinning.passes.expr.scope import (ColumnBinding, EmptyScope, Scope,
                                        TableScope)

__all__ = ["TypingContext", "resolve_expr", "resolve_target",
           "coerce_to_boolean", "coerce_to_type", "declared_type",
           "figure_colname", "check_constraint_function",
           "index_predicate_function", "type_index_predicate", "Compiled",
           "CompiledExpr", "compile_checked", "compile_expr",
           "ColumnBinding", "EmptyScope", "Scope", "TableScope"]
