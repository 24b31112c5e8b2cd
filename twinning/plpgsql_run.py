"""The PL/pgSQL interpreter: a function's tree (pglast's `parse_plpgsql`,
checked by `passes/plpgsql` when it was created) run statement by
statement against the session.

Every expression runs as PostgreSQL runs it, as `SELECT expr` (and every
SQL statement as itself) through the twin's own planner, with the
variables it names bound as `$n` parameters (`passes/routine_sql`). The
rewritten text is made once per expression and its plans kept per
parameter types, so a body is parsed once per catalog, not per call.
Variables live in one namespace per call (names are unique in the
bodies schemas hold; a nested block's declarations start with the
function's). A record is a `Row` (columns with their types, values).

Control flow (RETURN, EXIT, CONTINUE) is Python exceptions; an EXCEPTION
block runs its body under a store savepoint and rolls back to it when a
handler catches the error (PostgreSQL's subtransaction). Errors get the
CONTEXT lines PostgreSQL gives them: the SQL statement or expression, the
function, line and statement kind (plpgsql_exec_error_callback).
"""

from __future__ import annotations

import re
from typing import Any

from pglast import ast, parse_sql

from twinning.errors import (
    ASSERT_FAILURE, FEATURE_NOT_SUPPORTED, QUERY_CANCELED, RAISE_EXCEPTION,
    SUCCESSFUL_COMPLETION, WARNING, SqlError, assert_failure,
    cardinality_violation, case_not_found, datatype_mismatch,
    function_executed_no_return_statement, invalid_parameter_value,
    no_data_found, null_value_not_allowed, object_not_in_prerequisite_state,
    relation_does_not_exist,
    stacked_diagnostics_accessed_without_active_handler, syntax_error,
    too_many_rows, type_does_not_exist, undefined_column, undefined_object,
)
from twinning.ir import query as q
from twinning.ir.routines import DoBlock, Function
from twinning.passes import plpgsql as pl
from twinning.passes.parse_expr import type_spec
from twinning.passes.plpgsql_conditions import CONDITIONS
from twinning.passes.routine_sql import ast_children, substitute
from twinning.passes.sql_functions import columns_of
from twinning.passes.user_functions import result_columns, result_rtype
from twinning.routine_common import Result, add_context
from twinning.valueio import formatter
from twinning.wire.messages import encode_notice

RECORD = q.ResultType("record", 2249, -1)
_LEVELS = {10: "DEBUG", 11: "DEBUG", 12: "DEBUG", 13: "DEBUG", 14: "DEBUG",
           15: "LOG", 17: "INFO", 18: "NOTICE", 19: "WARNING", 21: "ERROR"}
_KINDS = {
    "block": "statement block",
    "assign": "assignment",
    "if": "IF",
    "case": "CASE",
    "loop": "LOOP",
    "while": "WHILE",
    "fori": "FOR with integer loop variable",
    "fors": "FOR over SELECT rows",
    "dynfors": "FOR over EXECUTE statement",
    "foreach_a": "FOREACH over array",
    "return": "RETURN",
    "return_next": "RETURN NEXT",
    "return_query": "RETURN QUERY",
    "raise": "RAISE",
    "assert": "ASSERT",
    "execsql": "SQL statement",
    "dynexecute": "EXECUTE",
    "getdiag": "GET DIAGNOSTICS",
    "perform": "PERFORM",
}
_TRIGGER_VARS = {"tg_name": q.NAME, "tg_when": q.TEXT, "tg_level": q.TEXT,
                 "tg_op": q.TEXT, "tg_relname": q.NAME,
                 "tg_table_name": q.NAME, "tg_table_schema": q.NAME,
                 "tg_nargs": q.INT4, "tg_argv": q.ResultType(
                     "text[]", 1009, -1), "tg_relid": q.ResultType(
                     "oid", 26, 4)}


class Row:
    """A record value: its columns ((name, ResultType), …) and values."""

    __slots__ = ("columns", "values")

    def __init__(self, columns: tuple, values: tuple) -> None:
        self.columns, self.values = columns, tuple(values)

    def field(self, name: str, record: str) -> tuple[Any, q.ResultType]:
        for i, (n, t) in enumerate(self.columns):
            if n == name:
                return self.values[i], t
        raise undefined_column(f'record "{record}" has no field "{name}"')


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Exit(Exception):
    def __init__(self, label: str | None, is_exit: bool) -> None:
        self.label, self.is_exit = label, is_exit


class Expr:
    """One expression or statement of the body: its text with variables
    as `$n`, parsed once; plans by parameter types."""

    __slots__ = ("text", "sql", "stmt", "refs", "plans", "statement",
                 "shown", "shift", "substituted", "simple")

    def __init__(self, text: str, statement: bool, shown: str | None = None,
                 shift: int = 0) -> None:
        self.text, self.statement = text, statement
        self.shown = text if shown is None else shown  # the query as written
        self.shift = shift  # where `text` starts in it
        self.stmt = None
        self.plans: dict = {}

    def prepare(self, body: Body) -> None:
        from twinning.passes.parse_query import parse_query
        refs: list = []

        def lookup(names: tuple[str, ...]) -> int | None:
            key = body.reference(names)
            if key is None:
                return None
            if key not in refs:
                refs.append(key)
            return refs.index(key) + 1
        sql = self.text if self.statement else "SELECT " + self.text
        routines = body.routines
        catalog = routines.catalog()
        scope = columns_of(catalog, routines.session._search_path(catalog))
        try:
            self.substituted = substitute(sql, lookup, scope, "error",
                                          ("tg_argv",))
        except SqlError as exc:  # an ambiguous name: against the query
            if exc.position is not None:
                at = exc.position - (0 if self.statement else len("SELECT "))
                exc.internal_position = max(at, 1) + self.shift
                exc.position = None
            exc.internal_query = self.shown
            raise
        self.simple = not self.statement and _simple(self.substituted.node)
        self.sql = self.substituted.sql
        self.refs = tuple(refs)
        parsed = parse_query(self.sql).statements
        if len(parsed) != 1:
            raise syntax_error("query is not a single statement")
        self.stmt = parsed[0]

    def run(self, frame: Frame) -> Result:
        if self.stmt is None:
            self.prepare(frame.body)
        what = "SQL statement" if self.statement else "SQL expression"
        try:
            values, types = frame.bind(self.refs)
        except SqlError as exc:  # while the query is analysed, in PostgreSQL
            raise add_context(exc, f'{what} "{self.shown}"')
        routines = frame.routines
        key = (types, routines.path())  # a plan follows search_path
        plan = self.plans.get(key)
        if plan is None:
            try:
                plan = self.plans[key] = routines.plan(self.stmt, types)
            except SqlError as exc:  # parse analysis: QUERY and its position
                raise self._internal(exc)
        try:
            return plan.run(frame.routines.nested, values)
        except SqlError as exc:
            # a simple expression runs outside SPI: no line of its own,
            # unless the error came from planning (constant folding)
            if self.simple and exc is not plan.planning_error and \
                    "during inlining" not in (exc.where or ""):
                raise
            raise add_context(exc, f'{what} "{self.shown}"')

    def _internal(self, exc: SqlError) -> SqlError:
        """An error found while planning: PostgreSQL reports it against
        the query as written (QUERY, internal position)."""
        if exc.position is not None and getattr(exc, "internal_query",
                                                None) is None:
            at = self.substituted.original(exc.position)
            if not self.statement:
                at -= len("SELECT ")
            exc.internal_position = max(at, 1) + self.shift
            exc.position = None
        if getattr(exc, "internal_query", None) is None:
            exc.internal_query = self.shown
        return exc

    def value(self, frame: Frame) -> tuple[Any, q.ResultType]:
        result = self.run(frame)
        if len(result.columns) != 1:
            raise syntax_error(f'query "{self.sql}" returned '
                               f"{len(result.columns)} columns")
        if len(result.rows) > 1:
            raise cardinality_violation(f'query "{self.sql}" returned more than '
                                        "one row")
        value = result.rows[0][0] if result.rows else None
        return value, result.columns[0].type


class Body:
    """A PL/pgSQL function compiled for one catalog."""

    def __init__(self, fn: Function, routines: Any,
                 tree: Any = None) -> None:
        self.function = fn
        self.routines = routines
        self.tree = tree if tree is not None else fn.plpgsql
        self.datums = [next(iter(d.items())) for d in self.tree["datums"]]
        self.exprs: dict[int, Expr] = {}
        self._returns: dict | None = None  # see returned_variable
        self.declared: dict[str, q.ResultType | None] = {}
        self.defaults: list = []
        self.records: set[str] = set()
        self.notnull: set[str] = set()
        args = list(fn.args) if fn is not None else []
        for arg in args:
            if arg.name:
                self.declared[arg.name] = q.ResultType.of(arg.type)
        self.declared["found"] = q.BOOL
        if fn is not None and fn.kind == "trigger":
            self.declared.update(_TRIGGER_VARS)
            self.records.update(("new", "old"))
        catalog = routines.catalog()
        for kind, fields in self.datums:
            name = fields.get("refname", "")
            if kind == "PLpgSQL_rec":
                self.records.add(name)
            if kind != "PLpgSQL_var" or name in self.declared:
                continue
            typname = fields["datatype"]["PLpgSQL_type"]["typname"].strip()
            if typname == "UNKNOWN":
                self.declared[name] = q.INT4 if fields.get("lineno") and \
                    not name.startswith("__") else None
                if name in ("sqlstate", "sqlerrm"):
                    self.declared[name] = q.TEXT
                continue
            if typname.lower() == "record" or typname.lower().endswith(
                    "%rowtype"):
                self.records.add(name)
                self.declared[name] = None
            else:
                self.declared[name] = _declared(typname, catalog, self)
            if fields.get("notnull"):
                self.notnull.add(name)
            default = fields.get("default_val")
            if default is not None:
                self.defaults.append((name, Expr(pl.expression(default),
                                                 False)))
            elif typname.lower().endswith("%rowtype"):
                self.defaults.append((name, _rowtype(typname, catalog)))

    def returned_variable(self, fields: dict, source: str) -> str | None:
        """The record variable of `RETURN [NEXT] rec`: pglast leaves out
        PostgreSQL's retvarno, so it is read from the statement's line of
        the body (the k-th such RETURN on the line for the k-th node)."""
        if self._returns is None:
            self._returns = {}
            lines = source.split("\n")
            seen: dict = {}
            for kind, node in pl.walk(self.tree["action"]):
                if kind not in ("return", "return_next") or "expr" in node \
                        or not node.get("lineno"):
                    continue
                line = node["lineno"]
                text = lines[line - 1] if line <= len(lines) else ""
                found = [m.group(1).lower() for m in _RETURN_VAR.finditer(text)]
                k = seen.get(line, 0)
                seen[line] = k + 1
                if k < len(found) and found[k] in self.records:
                    self._returns[id(node)] = found[k]
        return self._returns.get(id(fields))

    def reference(self, names: tuple[str, ...]) -> tuple | None:
        first = names[0]
        if len(names) == 1:
            return names if first in self.declared else None
        if len(names) == 2:
            if first in self.records:
                return names
            fn = self.function
            if fn is not None and first == fn.name.name and \
                    names[1] in self.declared:
                return names[1:]
        return None

    def expr(self, node: dict | None, statement: bool = False) -> Expr | None:
        if node is None:
            return None
        key = id(node)
        found = self.exprs.get(key)
        if found is None:
            text = pl.expression(node)
            found = self.exprs[key] = Expr(text, statement)
        return found


def _simple(node: Any) -> bool:
    """exec_simple_check_plan, near enough: one target, no FROM, no
    other clause, no subquery, no aggregate or window call."""
    from twinning.passes.expr.aggregates import AGGREGATE_NAMES
    if not isinstance(node, ast.SelectStmt) or node.fromClause or \
            node.whereClause or node.groupClause or node.havingClause or \
            node.sortClause or node.limitCount or node.withClause or \
            node.distinctClause or node.valuesLists or \
            len(node.targetList or ()) != 1:
        return False
    found = []

    def walk(value: Any) -> None:
        if isinstance(value, ast.SubLink) or (
                isinstance(value, ast.FuncCall) and (
                    value.over is not None or
                    value.funcname[-1].sval in AGGREGATE_NAMES)):
            found.append(value)
        else:
            for child in ast_children(value):
                walk(child)
    walk(node.targetList)
    return not found


def _declared(typname: str, catalog: Any, body: Body) -> q.ResultType:
    from twinning.passes.expr.analyze import declared_type
    from twinning.passes.resolve_types import types_of
    lowered = typname.lower()
    if lowered.endswith("%type"):
        parts = tuple(p.strip('"') for p in typname[:-5].split("."))
        if len(parts) == 1 and parts[0] in body.declared:
            return body.declared[parts[0]]
        table = catalog.table(catalog.table_named(parts[:-1]))
        column = table.column(parts[-1]) if table is not None else None
        if column is None:
            raise type_does_not_exist(typname)
        return q.ResultType.of(column.type)
    node = parse_sql(f"SELECT NULL::{typname}")[0].stmt.targetList[0].val
    assert isinstance(node, ast.TypeCast)
    with types_of(catalog, ("public",)):
        return declared_type(type_spec(node.typeName))


def _rowtype(typname: str, catalog: Any) -> Row:
    parts = tuple(p.strip('"') for p in typname[:-8].split("."))
    table = catalog.table(catalog.table_named(parts))
    if table is None:
        raise relation_does_not_exist(".".join(parts))
    columns = tuple((c.name, q.ResultType.of(c.type)) for c in table.columns)
    return Row(columns, (None,) * len(columns))


class Frame:
    """One call's variables and state."""

    def __init__(self, body: Body, routines: Any, fn: Function | None,
                 label: str) -> None:
        self.body, self.routines, self.function = body, routines, fn
        self.label = label  # `p1(integer)`, `inline_code_block`
        self.values: dict[str, Any] = {}
        self.types: dict[str, q.ResultType | None] = dict(body.declared)
        self.row_count = 0
        self.results: list = []
        self.errors: list[SqlError] = []  # handled errors, innermost last
        self.shapes: dict[str, tuple] = {}  # a trigger's NEW/OLD columns

    # -- variables
    def bind(self, refs: tuple) -> tuple[tuple, tuple]:
        values, types = [], []
        for ref in refs:
            if len(ref) == 2:
                row = self.values.get(ref[0])
                if row is None and ref[0] in self.shapes:  # a trigger's
                    row = Row(self.shapes[ref[0]], (None,) * len(
                        self.shapes[ref[0]]))  # NEW/OLD when NULL
                if not isinstance(row, Row):
                    raise object_not_in_prerequisite_state(f'record "{ref[0]}" is not '
                                                           "assigned yet", detail="The tuple structure "
                                                           "of a not-yet-assigned record is "
                                                           "indeterminate.")
                value, rtype = row.field(ref[1], ref[0])
            else:
                value = self.values.get(ref[0])
                rtype = self.types.get(ref[0])
                if isinstance(value, Row) or (rtype is None and
                                              ref[0] in self.body.records):
                    raise SqlError(FEATURE_NOT_SUPPORTED, "a record variable as a value in "
                                                 "an expression is not supported by "
                                                 "twinning")
                if rtype is None:
                    rtype = q.TEXT if value is None else q.UNKNOWN
            values.append(value)
            types.append(rtype)
        return tuple(values), tuple(types)

    def assign(self, name: str, value: Any, source: q.ResultType) -> None:
        target = self.types.get(name)
        if target is None and name not in self.body.records:
            self.types[name] = source
        elif target is not None:
            value = self.routines.coerce(value, source, target)
        if value is None and name in self.body.notnull:
            raise null_value_not_allowed(f'null value cannot be assigned to '
                                         f'variable "{name}" declared NOT NULL')
        self.values[name] = value

    def assign_field(self, record: str, field: str, value: Any,
                     source: q.ResultType) -> None:
        row = self.values.get(record)
        if not isinstance(row, Row):
            raise object_not_in_prerequisite_state(f'record "{record}" is not assigned yet',
                                                   detail="The tuple structure of a not-yet-assigned "
                                                   "record is indeterminate.")
        names = [n for n, _ in row.columns]
        if field not in names:
            raise undefined_column(f'record "{record}" has no field '
                                   f'"{field}"')
        i = names.index(field)
        values = list(row.values)
        values[i] = self.routines.coerce(value, source, row.columns[i][1])
        self.values[record] = Row(row.columns, values)

    def assign_row(self, target: dict, columns: tuple, row: tuple | None
                   ) -> None:
        """A SELECT … INTO / FOR target: one record, or scalars in order."""
        fields = target.get("PLpgSQL_row", target.get("PLpgSQL_rec", {})) \
            .get("fields")
        names = [f["name"] for f in fields] if fields else \
            [target.get("PLpgSQL_rec", target.get("PLpgSQL_var", {}))
             .get("refname")]
        if len(names) == 1 and names[0] in self.body.records:
            shape = tuple((c.name, c.type) for c in columns)
            self.values[names[0]] = Row(shape, row if row is not None else
                                        (None,) * len(shape))
            return
        for i, name in enumerate(names):
            value = row[i] if row is not None and i < len(row) else None
            rtype = columns[i].type if i < len(columns) else q.TEXT
            self.assign(name, value, rtype)


# -- statements -----------------------------------------------------------------

def _run_list(frame: Frame, stmts: list | None) -> None:
    for stmt in stmts or ():
        _run(frame, stmt)


def _run(frame: Frame, stmt: dict) -> None:
    kind, fields = pl.kind_of(stmt)
    try:
        _HANDLERS[kind](frame, fields)
    except SqlError as exc:
        if getattr(exc, "_plpgsql_frame", None) is not frame:
            line = f"PL/pgSQL function {frame.label} line " \
                f"{fields.get('lineno', 0)} at {_kind_name(kind, fields)}"
            add_context(exc, line)
            exc._plpgsql_frame = frame
        raise


def _kind_name(kind: str, fields: dict) -> str:
    if kind == "exit":
        return "EXIT" if fields.get("is_exit") else "CONTINUE"
    return _KINDS.get(kind, kind)


def _true(frame: Frame, node: dict | None) -> bool:
    value, _ = frame.body.expr(node).value(frame)
    return value is True


def _block(frame: Frame, fields: dict) -> None:
    exceptions = fields.get("exceptions")
    label = fields.get("label")
    try:
        if exceptions is None:
            _run_list(frame, fields.get("body"))
        else:
            _guarded(frame, fields, exceptions["PLpgSQL_exception_block"])
    except _Exit as exit_:
        if exit_.label is None or exit_.label != label:
            raise


def _guarded(frame: Frame, fields: dict, block: dict) -> None:
    txn = frame.routines.session._txn.store
    marker = txn.savepoint()
    try:
        _run_list(frame, fields.get("body"))
    except SqlError as exc:
        txn.rollback_to(marker)
        txn.release(marker)
        for handler in block["exc_list"]:
            if any(_matches(c, exc.sqlstate)
                   for c in pl.exception_conditions(handler)):
                frame.errors.append(exc)
                saved = (frame.values.get("sqlstate"),
                         frame.values.get("sqlerrm"))
                frame.values["sqlstate"] = exc.sqlstate
                frame.values["sqlerrm"] = exc.message
                try:
                    _run_list(frame, handler["PLpgSQL_exception"]
                              .get("action"))
                finally:
                    frame.errors.pop()
                    frame.values["sqlstate"], frame.values["sqlerrm"] = saved
                return
        raise
    txn.release(marker)


def _matches(condition: str, sqlstate: str) -> bool:
    if condition == "others":
        return sqlstate not in (QUERY_CANCELED, ASSERT_FAILURE)
    code = CONDITIONS.get(condition, condition.upper())
    if code.endswith("000"):
        return sqlstate.startswith(code[:2])
    return code == sqlstate


def _assign(frame: Frame, fields: dict) -> None:
    text = pl.expression(fields["expr"])
    kind, datum = frame.body.datums[fields.get("varno", 0)]
    expr = frame.body.exprs.get(id(fields["expr"]))
    if expr is None:
        rhs = _rhs(text)
        expr = frame.body.exprs[id(fields["expr"])] = Expr(
            rhs, False, text, text.rindex(rhs) if rhs in text else 0)
    if kind == "PLpgSQL_recfield":
        record = frame.body.datums[datum.get("recparentno", 0)][1]["refname"]
        value, rtype = _value(frame, expr)
        frame.assign_field(record, datum["fieldname"], value, rtype)
        return
    name = datum["refname"]
    if name in frame.body.records:
        frame.values[name] = _record_value(frame, expr)
        return
    value, rtype = _value(frame, expr)
    frame.assign(name, value, rtype)


def _rhs(text: str) -> str:
    """`x := expr` / `new.col = expr` → expr."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0 and text.startswith(":=", i):
            return text[i + 2:].strip()
        elif depth == 0 and ch == "=":
            return text[i + 1:].strip()
    return text


def _value(frame: Frame, expr: Expr) -> tuple[Any, q.ResultType]:
    name = expr.text.strip().lower()
    if name in frame.body.records:
        raise SqlError(FEATURE_NOT_SUPPORTED, "a record variable as a value in an "
                                     "expression is not supported by twinning")
    return expr.value(frame)


def _record_value(frame: Frame, expr: Expr) -> Row | None:
    """A record assigned or returned whole: a record variable or NULL."""
    name = expr.text.strip().lower()
    if name in frame.body.records:
        return frame.values.get(name)
    if name == "null":
        return None
    raise SqlError(FEATURE_NOT_SUPPORTED, "a record value other than a record variable is "
                                 "not supported by twinning")


def _if(frame: Frame, fields: dict) -> None:
    if _true(frame, fields["cond"]):
        return _run_list(frame, fields.get("then_body"))
    for elsif in fields.get("elsif_list") or ():
        branch = elsif["PLpgSQL_if_elsif"]
        if _true(frame, branch["cond"]):
            return _run_list(frame, branch.get("stmts"))
    _run_list(frame, fields.get("else_body"))


def _case(frame: Frame, fields: dict) -> None:
    if fields.get("t_expr") is not None:
        value, rtype = frame.body.expr(fields["t_expr"]).value(frame)
        name = frame.body.datums[fields.get("t_varno", 0)][1]["refname"]
        frame.types[name] = rtype
        frame.values[name] = value
    for when in fields.get("case_when_list") or ():
        branch = when["PLpgSQL_case_when"]
        if _true(frame, branch["expr"]):
            return _run_list(frame, branch.get("stmts"))
    if not fields.get("have_else"):
        raise case_not_found("case not found",
                             hint="CASE statement is missing ELSE part.")
    _run_list(frame, fields.get("else_stmts"))


def _loop_body(frame: Frame, fields: dict) -> bool:
    """One pass of a loop's body; False: EXIT this loop."""
    label = fields.get("label")
    try:
        _run_list(frame, fields.get("body"))
    except _Exit as exit_:
        if exit_.label is not None and exit_.label != label:
            raise
        return not exit_.is_exit
    return True


def _loop(frame: Frame, fields: dict) -> None:
    while True:
        frame.routines.session.interrupt.check()
        if not _loop_body(frame, fields):
            return


def _while(frame: Frame, fields: dict) -> None:
    while _true(frame, fields["cond"]):
        frame.routines.session.interrupt.check()
        if not _loop_body(frame, fields):
            return


def _fori(frame: Frame, fields: dict) -> None:
    body = frame.body
    lower, _ = body.expr(fields["lower"]).value(frame)
    upper, _ = body.expr(fields["upper"]).value(frame)
    step = 1
    if fields.get("step") is not None:
        step, _ = body.expr(fields["step"]).value(frame)
    if lower is None or upper is None or step is None:
        which = "lower" if lower is None else "upper" if upper is None \
            else "BY"
        raise null_value_not_allowed(f"{which} bound of FOR loop cannot be null"
                                     if which != "BY" else
                                     "BY value of FOR loop cannot be null")
    if step <= 0:
        raise invalid_parameter_value("BY value of FOR loop must be greater than "
                                      "zero")
    name = fields["var"]["PLpgSQL_var"]["refname"]
    frame.types[name] = q.INT4
    i, found = int(lower), False
    reverse = fields.get("reverse")
    while (i >= upper) if reverse else (i <= upper):
        found = True
        frame.values[name] = i
        frame.routines.session.interrupt.check()
        if not _loop_body(frame, fields):
            break
        i = i - step if reverse else i + step
    frame.values["found"] = found


def _rows_loop(frame: Frame, fields: dict, result: Result) -> None:
    found = False
    for row in result.rows:
        found = True
        frame.assign_row(fields["var"], result.columns, row)
        if not _loop_body(frame, fields):
            break
    frame.values["found"] = found


def _fors(frame: Frame, fields: dict) -> None:
    result = frame.body.expr(fields["query"], True).run(frame)
    _rows_loop(frame, fields, result)


def _dynamic(frame: Frame, fields: dict, key: str = "query") -> Result:
    """EXECUTE's statement: its text evaluated, USING values bound."""
    from twinning.passes.parse_query import parse_query
    text, _ = frame.body.expr(fields[key]).value(frame)
    if text is None:
        raise null_value_not_allowed("query string argument of EXECUTE is null")
    values, types = [], []
    for param in fields.get("params") or ():
        value, rtype = frame.body.expr(param).value(frame)
        values.append(value)
        types.append(q.TEXT if rtype == q.UNKNOWN else rtype)
    statements = parse_query(text).statements
    if len(statements) != 1:
        raise SqlError(FEATURE_NOT_SUPPORTED, "EXECUTE of several statements is not "
                                     "supported by twinning")
    try:
        return frame.routines.run(statements[0], tuple(types), tuple(values))
    except SqlError as exc:
        raise add_context(exc, f'SQL statement "{text}"')


def _dynfors(frame: Frame, fields: dict) -> None:
    _rows_loop(frame, fields, _dynamic(frame, fields))


def _foreach(frame: Frame, fields: dict) -> None:
    value, rtype = frame.body.expr(fields["expr"]).value(frame)
    if value is None:
        raise null_value_not_allowed("FOREACH expression must not be null")
    if not rtype.name.endswith("[]"):
        raise datatype_mismatch("FOREACH expression must yield an array, not "
                                f"type {rtype.name}")
    if fields.get("slice"):
        raise SqlError(FEATURE_NOT_SUPPORTED, "FOREACH … SLICE is not supported by twinning")
    element = q.ResultType.of(rtype.sql_type.element) if rtype.sql_type \
        else q.TEXT
    name = frame.body.datums[fields.get("varno", 0)][1]["refname"]
    for item in _elements(value):
        frame.assign(name, item, element)
        if not _loop_body(frame, fields):
            break


def _elements(value: Any) -> list:
    items = getattr(value, "items", value)
    out: list = []
    for item in items:
        if isinstance(item, (tuple, list)):
            out.extend(_elements(item))
        else:
            out.append(item)
    return out


def _exit(frame: Frame, fields: dict) -> None:
    if fields.get("cond") is None or _true(frame, fields["cond"]):
        raise _Exit(fields.get("label"), bool(fields.get("is_exit")))


_END = object()  # the RETURN PostgreSQL adds at the end of a body
_RETURN_VAR = re.compile(r"\breturn\s+(?:next\s+)?(?!next\b|query\b)"
                         r"([a-z_][a-z0-9_$]*)\s*;", re.I)


def _return(frame: Frame, fields: dict) -> None:
    fn = frame.function
    node = fields.get("expr")
    if not fields.get("lineno"):
        raise _Return(_END)
    if fn is None or fn.retset or fn.kind == "void":
        raise _Return(None)
    if node is None:
        name = frame.body.returned_variable(fields, fn.body)
        raise _Return(frame.values.get(name) if name else _out_values(frame))
    expr = frame.body.expr(node)
    if fn.kind in ("trigger", "row", "record"):
        row = _record_value(frame, expr)
        raise _Return(row)
    value, rtype = expr.value(frame)
    raise _Return(frame.routines.coerce(value, rtype, result_rtype(fn)))


def _out_values(frame: Frame) -> Any:
    outs = frame.function.outputs
    if not outs:
        return None
    if len(outs) == 1:
        return frame.values.get(outs[0].name)
    return tuple(frame.values.get(a.name) for a in outs)


def _return_next(frame: Frame, fields: dict) -> None:
    fn = frame.function
    node = fields.get("expr")
    if node is None or (fn.outputs and pl.expression(node) == "NULL"):
        name = frame.body.returned_variable(fields, fn.body) \
            if node is None else None
        if name is not None:
            row = frame.values.get(name)
            frame.results.append(row.values if isinstance(row, Row) else row)
            return
        frame.results.append(_out_values(frame))  # (parse_routines)
        return
    expr = frame.body.expr(node)
    if fn.kind in ("row", "record"):
        row = _record_value(frame, expr)
        frame.results.append(row.values if isinstance(row, Row) else row)
        return
    value, rtype = expr.value(frame)
    frame.results.append(frame.routines.coerce(value, rtype,
                                               result_rtype(fn)))


def _return_query(frame: Frame, fields: dict) -> None:
    if fields.get("dynquery") is not None:
        result = _dynamic(frame, fields, "dynquery")
    else:
        result = frame.body.expr(fields["query"], True).run(frame)
    fn = frame.function
    if fn.kind in ("row", "record"):
        frame.results.extend(tuple(r) for r in result.rows)
    else:
        source, target = result.columns[0].type, result_rtype(fn)
        frame.results.extend(frame.routines.coerce(r[0], source, target)
                             for r in result.rows)
    frame.row_count = len(result.rows)
    frame.values["found"] = bool(result.rows)


def _execsql(frame: Frame, fields: dict) -> None:
    result = frame.body.expr(fields["sqlstmt"], True).run(frame)
    _into(frame, fields, result)
    frame.values["found"] = result.count > 0


def _into(frame: Frame, fields: dict, result: Result) -> None:
    frame.row_count = result.count
    if not fields.get("into"):
        if result.columns and fields.get("sqlstmt") is not None and \
                result.rows is not None and _is_select(fields):
            raise syntax_error("query has no destination for result "
                               "data", hint="If you want to discard the results "
                               "of a SELECT, use PERFORM instead.")
        return
    rows = result.rows
    if fields.get("strict"):
        if not rows:
            raise no_data_found("query returned no rows")
        if len(rows) > 1:
            raise too_many_rows("query returned more than one row",
                                hint="Make sure the query returns a single row, "
                                "or use LIMIT 1.")
    frame.assign_row(fields["target"], result.columns,
                     rows[0] if rows else None)


def _is_select(fields: dict) -> bool:
    return pl.expression(fields["sqlstmt"]).lstrip()[:6].lower() in (
        "select", "values") or pl.expression(fields["sqlstmt"]).lstrip() \
        .lower().startswith("with")


def _dynexecute(frame: Frame, fields: dict) -> None:
    result = _dynamic(frame, fields)
    _into(frame, fields, result)


def _perform(frame: Frame, fields: dict) -> None:
    result = frame.body.expr(fields["expr"], True).run(frame)
    frame.row_count = result.count
    frame.values["found"] = result.count > 0


def _getdiag(frame: Frame, fields: dict) -> None:
    error = frame.errors[-1] if frame.errors else None
    for item in fields.get("diag_items") or ():
        item = item["PLpgSQL_diag_item"]
        what = item["kind"]
        if what == "ROW_COUNT":
            value, rtype = frame.row_count, q.INT8
        else:
            if error is None:
                raise stacked_diagnostics_accessed_without_active_handler("GET STACKED DIAGNOSTICS cannot be "
                                                                          "used outside an exception handler")
            value = {"RETURNED_SQLSTATE": error.sqlstate,
                     "MESSAGE_TEXT": error.message,
                     "PG_EXCEPTION_DETAIL": error.detail or "",
                     "PG_EXCEPTION_HINT": error.hint or "",
                     "PG_EXCEPTION_CONTEXT": error.where or ""}[what]
            rtype = q.TEXT
        target = frame.body.datums[item.get("target", 0)][1]["refname"]
        frame.assign(target, value, rtype)


def _assert(frame: Frame, fields: dict) -> None:
    value, _ = frame.body.expr(fields["cond"]).value(frame)
    if value is not True:
        message = "assertion failed"
        if fields.get("message") is not None:
            text, rtype = frame.body.expr(fields["message"]).value(frame)
            message = _text(frame, text, rtype) if text is not None else \
                message
        raise assert_failure(message)


def _text(frame: Frame, value: Any, rtype: q.ResultType) -> str:
    if value is None:
        return "<NULL>"
    if rtype.name in ("text", "unknown", "varchar", "name", "bpchar"):
        return str(value)
    return formatter(rtype, frame.routines.session._format_settings())(value)


def _raise(frame: Frame, fields: dict) -> None:
    level = _LEVELS.get(fields.get("elog_level", 21), "ERROR")
    condname = fields.get("condname")
    message = fields.get("message")
    options = fields.get("options") or ()
    if message is None and condname is None and not options:
        if not frame.errors:
            raise stacked_diagnostics_accessed_without_active_handler("RAISE without parameters cannot be used "
                                                                      "outside an exception handler")
        raise frame.errors[-1]
    body = frame.body
    if message is not None:
        params = [body.expr(p).value(frame) for p in fields.get("params") or ()]
        message = _format(frame, message, params)
    sqlstate = None
    if condname is not None:
        sqlstate = CONDITIONS.get(condname, condname)
        if len(sqlstate) != 5:
            raise undefined_object(f'unrecognized exception condition '
                                   f'"{condname}"')
    extra: dict = {}
    for option in options:
        option = option["PLpgSQL_raise_option"]
        value, rtype = body.expr(option["expr"]).value(frame)
        text = _text(frame, value, rtype) if value is not None else None
        kind = option.get("opt_type", 0)
        if kind == 0:
            if text is None:
                raise null_value_not_allowed("RAISE statement option cannot be "
                                             "null")
            sqlstate = CONDITIONS.get(text, text)
        elif kind == 1:
            message = text
        elif kind in (2, 3):
            extra["detail" if kind == 2 else "hint"] = text
        else:
            extra[{4: "column", 5: "constraint", 6: "datatype", 7: "table",
                   8: "schema"}[kind]] = text
    if message is None:
        message = condname or sqlstate or ""
    if level == "ERROR":
        raise SqlError(sqlstate or RAISE_EXCEPTION, message, **extra)
    # elog.c's errstart: a WARNING without ERRCODE is 01000, lower levels
    # 00000 (exec_stmt_raise leaves err_code 0 below ERROR)
    default = WARNING if level == "WARNING" else SUCCESSFUL_COMPLETION
    _notice(frame, level, sqlstate or default, message, extra)


def _format(frame: Frame, template: str, params: list) -> str:
    out, i, k = [], 0, 0
    while i < len(template):
        ch = template[i]
        if ch == "%":
            if template.startswith("%%", i):
                out.append("%")
                i += 2
                continue
            if k < len(params):
                out.append(_text(frame, *params[k]))
            k += 1
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_CLIENT_LEVELS = ["debug", "log", "notice", "warning", "error"]


def _notice(frame: Frame, level: str, sqlstate: str, message: str,
            extra: dict) -> None:
    session = frame.routines.session
    if level in ("DEBUG", "LOG"):
        threshold = session.settings.get("client_min_messages", "notice")
        if threshold not in ("debug", "debug1", "debug2", "debug3", "debug4",
                             "debug5", "log") or (level == "DEBUG"
                                                  and threshold == "log"):
            return
    elif level in ("NOTICE", "WARNING"):
        threshold = session.settings.get("client_min_messages", "notice")
        order = ["debug5", "debug4", "debug3", "debug2", "debug1", "log",
                 "notice", "warning", "error"]
        if order.index(level.lower()) < order.index(threshold):
            return
    session._notices.append(encode_notice(SqlError(
        sqlstate, message, severity=level, **extra)))


_HANDLERS = {"block": _block, "assign": _assign, "if": _if, "case": _case,
             "loop": _loop, "while": _while, "fori": _fori, "fors": _fors,
             "dynfors": _dynfors, "foreach_a": _foreach, "exit": _exit,
             "return": _return, "return_next": _return_next,
             "return_query": _return_query, "raise": _raise,
             "assert": _assert, "execsql": _execsql,
             "dynexecute": _dynexecute, "getdiag": _getdiag,
             "perform": _perform}


# -- entry points -------------------------------------------------------------------

def _label(fn: Function) -> str:
    from twinning.passes.resolve_routines import shown
    return f"{fn.name.name}({','.join(shown(t) for t in fn.input_types)})"


def _start(routines: Any, fn: Function | None, body: Body,
           label: str, args: list) -> Frame:
    frame = Frame(body, routines, fn, label)
    frame.values["found"] = False
    if fn is not None:
        for arg, value in zip(fn.inputs, args):
            if arg.name:
                frame.values[arg.name] = value
    try:
        for name, default in body.defaults:
            if isinstance(default, Row):
                frame.values[name] = default
            elif name in body.records:
                frame.values[name] = _record_value(frame, default)
            else:
                frame.assign(name, *default.value(frame))
    except SqlError as exc:
        raise add_context(exc, f"PL/pgSQL function {label} during "
                          "statement block local variable initialization")
    return frame


def _execute(frame: Frame) -> Any:
    try:
        _run(frame, frame.body.tree["action"])
    except _Return as ret:
        if ret.value is not _END:
            return ret.value
    except _Exit:
        raise syntax_error("EXIT cannot be used outside a loop, unless "
                           "it has a label")
    fn = frame.function
    if fn is None or fn.retset or fn.kind == "void":
        return None
    if fn.outputs:
        return _out_values(frame)
    raise function_executed_no_return_statement("control reached end of function without RETURN",
                                                where=f"PL/pgSQL function {frame.label}")


def call_function(routines: Any, fn: Function, args: list,
                  want_set: bool) -> Any:
    if fn.kind == "trigger":
        raise SqlError(FEATURE_NOT_SUPPORTED, "trigger functions can only be called as "
                                     "triggers", where="compilation of PL/pgSQL function "
                                     f'"{fn.name.name}" near line 1')
    body = routines.compiled(fn, Body)
    frame = _start(routines, fn, body, _label(fn), args)
    value = _execute(frame)
    if fn.retset:
        return frame.results if want_set else \
            (frame.results[0] if frame.results else None)
    if fn.kind in ("row", "record") and isinstance(value, Row):
        value = value.values
    elif fn.kind == "void":
        value = ""  # PL/pgSQL's void is not NULL (an SQL function's is)
    return [value] if want_set else value


def call_trigger(routines: Any, fn: Function, trigger: Any, op: str,
                 table: Any, old: tuple | None, new: tuple | None
                 ) -> tuple | None:
    """Run a trigger function; its returned row (None: skip the row)."""
    body = routines.compiled(fn, Body)
    frame = _start(routines, fn, body, _label(fn), [])
    columns = tuple((c.name, q.ResultType.of(c.type)) for c in table.columns)
    frame.values["new"] = Row(columns, new) if new is not None else None
    frame.values["old"] = Row(columns, old) if old is not None else None
    frame.shapes.update(new=columns, old=columns)
    frame.values.update(
        tg_name=trigger.name, tg_when=trigger.timing.upper(),
        tg_level="ROW" if trigger.row else "STATEMENT", tg_op=op,
        tg_relname=table.name.name, tg_table_name=table.name.name,
        tg_table_schema=table.name.schema, tg_nargs=len(trigger.args),
        tg_argv=tuple(trigger.args), tg_relid=0)
    value = _execute(frame)
    if value is None:
        return None
    if not isinstance(value, Row):
        raise datatype_mismatch("returned row structure does not match the "
                                "structure of the triggering table")
    return value.values


def run_do(routines: Any, block: DoBlock) -> None:
    body = Body(None, routines, block.plpgsql)
    frame = _start(routines, None, body, "inline_code_block", [])
    _execute(frame)


__all__ = ["call_function", "call_trigger", "run_do", "result_columns"]
