"""CREATE FUNCTION, CREATE TRIGGER, DROP/ALTER of them, and DO: pglast
nodes → `ir/routines.py` definitions.

Expressions that are stored as text (argument DEFAULTs, a trigger's WHEN)
are printed back with pglast's deparser; a PL/pgSQL body is parsed here,
once, with pglast's `parse_plpgsql` over the statement printed back (it
needs the argument list), and checked by `plpgsql` for statements the
interpreter does not run, so such a function is refused when it is
created, not when it is first called.
"""

from __future__ import annotations

import re
from typing import Any

from pglast import ast, parse_plpgsql
from pglast.enums import DropBehavior, ObjectType, VariableSetKind
from pglast.parser import ParseError
from pglast.stream import RawStream

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, UNDEFINED_OBJECT, SqlError,
    invalid_function_definition, syntax_error, undefined_object,
)
from twinning.ir import routines as r
from twinning.passes import plpgsql
from twinning.passes.parse_expr import Unsupported, loc, names, type_spec
from twinning.passes.statement_names import statement_name

_LANGUAGES = ("sql", "plpgsql")
_VOLATILITY = {"immutable": "i", "stable": "s", "volatile": "v"}
_PARALLEL = {"safe": "s", "restricted": "r", "unsafe": "u"}
# pg_trigger.tgtype bits (trigger.h)
_BEFORE, _INSTEAD = 2, 64
_EVENTS = ((4, "insert"), (8, "delete"), (16, "update"), (32, "truncate"))


def deparse(node: Any) -> str:
    return RawStream()(node)


def _type(node: ast.TypeName):
    setof = node.setof
    node.setof = False
    try:
        return type_spec(node)
    finally:
        node.setof = setof


def _argument(p: ast.FunctionParameter) -> r.ArgumentDef:
    mode = p.mode.value if hasattr(p.mode, "value") else str(p.mode)
    if mode == "d":
        mode = "i"
    if mode == "v":
        raise Unsupported("VARIADIC function arguments", loc(p))
    default = deparse(p.defexpr) if p.defexpr is not None else None
    return r.ArgumentDef(p.name, _type(p.argType), mode, default)


def create_function(node: ast.CreateFunctionStmt) -> list:
    if node.is_procedure:
        raise Unsupported("CREATE PROCEDURE", loc(node))
    language, volatility, strict, definer, body = None, "v", False, False, None
    config: list = []
    leakproof, parallel, cost, rows = False, "u", None, None
    for option in node.options or ():
        name, arg = option.defname, option.arg
        if name == "language":
            language = arg.sval.lower()
        elif name == "volatility":
            volatility = _VOLATILITY[arg.sval]
        elif name == "strict":
            strict = bool(arg.boolval)
        elif name == "security":
            definer = bool(arg.boolval)
        elif name == "as":
            if len(arg) != 1:
                raise Unsupported("CREATE FUNCTION … AS 'obj_file', "
                                  "'link_symbol'", loc(node))
            body = arg[0].sval
        elif name == "window":
            raise Unsupported("CREATE FUNCTION … WINDOW", loc(node))
        elif name == "set":
            config.append(_config(arg, node))
        elif name == "leakproof":
            leakproof = bool(arg.boolval)
        elif name == "parallel":
            parallel = _PARALLEL[arg.sval]
        elif name in ("cost", "rows"):
            value = float(getattr(arg, "ival", None) or getattr(arg, "fval",
                                                                0) or 0)
            cost, rows = (value, rows) if name == "cost" else (cost, value)
        else:
            raise Unsupported(f"CREATE FUNCTION option {name.upper()}",
                              loc(node))
    standard = None
    if node.sql_body is not None:
        language = language or "sql"
        standard = _standard_body(node.sql_body)
        body = ""
    if language is None:
        raise invalid_function_definition("no language specified")
    if language not in _LANGUAGES:
        if language in ("c", "internal"):
            raise Unsupported(f"LANGUAGE {language}", loc(node))
        raise undefined_object(f'language "{language}" does not exist')
    if body is None:
        raise invalid_function_definition("no function body specified")
    args = tuple(_argument(p) for p in node.parameters or ())
    returns = node.returnType
    tree = None
    if language == "plpgsql":
        tree = _plpgsql(node)
    return [r.FunctionDef(
        names(node.funcname), args,
        _type(returns) if returns is not None else None,
        bool(returns is not None and returns.setof), language, body,
        volatility, strict, definer, bool(node.replace), standard, tree,
        loc(node), tuple(config), (leakproof, parallel, cost, rows))]


def _config(arg: ast.VariableSetStmt, node: Any) -> tuple[str, str]:
    """SET search_path = … of a function (what a call runs under); other
    settings and SET … FROM CURRENT are refused."""
    from twinning.values.identifiers import quote_ident
    if arg.kind != VariableSetKind.VAR_SET_VALUE or arg.name != "search_path":
        raise Unsupported(f"CREATE FUNCTION … SET {arg.name}", loc(node))
    return "search_path", ", ".join(
        quote_ident(a.val.sval) for a in arg.args or ())


def _standard_body(body: Any) -> tuple[str, ...]:
    """RETURN expr → one SELECT; BEGIN ATOMIC … END → its statements."""
    if isinstance(body, ast.ReturnStmt):
        return ("SELECT " + deparse(body.returnval),)
    statements = body[0] if body and isinstance(body[0], tuple) else body
    return tuple(deparse(stmt) for stmt in statements or () if stmt is not None)


_UNKNOWN_CONDITION = re.compile(r'unrecognized exception condition "(.*)"')
_BARE_NEXT = re.compile(r"\b(return\s+next)\s*;", re.I)


def _plpgsql(node: ast.CreateFunctionStmt) -> Any:
    """The body's PL/pgSQL tree (42601 for its syntax errors, 0A000 for
    what the interpreter does not run)."""
    text = deparse(node)
    if any(p.mode.value in ("o", "b", "t") for p in node.parameters or ()):
        # pglast compiles the body without the OUT parameters, so a bare
        # RETURN NEXT fails to parse: the interpreter reads `NEXT NULL`
        # in such a function as the bare form
        text = _BARE_NEXT.sub(r"\1 NULL;", text)
    try:
        tree = parse_plpgsql(text)
    except ParseError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        if "must be of type cursor or refcursor" in message:
            raise Unsupported("PL/pgSQL cursor variables", loc(node))
        # raised once the function is known not to exist already, as
        # PostgreSQL's validator runs after the pg_proc row is made
        found = _UNKNOWN_CONDITION.match(message)
        if found is None:
            return {"error": message}
        body = next((o.arg[0].sval for o in node.options or ()
                     if o.defname == "as"), "")
        line = next((i for i, text in enumerate(body.split("\n"), 1)
                     if found.group(1).lower() in text.lower()), 1)
        return {"error": message, "sqlstate": UNDEFINED_OBJECT,
                "where": f'compilation of PL/pgSQL function '
                         f'"{names(node.funcname)[-1]}" near line {line}'}
    plpgsql.check(tree[0]["PLpgSQL_function"])
    return tree[0]["PLpgSQL_function"]


def do_block(node: ast.DoStmt) -> r.DoBlock:
    body, language = None, "plpgsql"
    for option in node.args or ():
        if option.defname == "as":
            body = option.arg.sval
        elif option.defname == "language":
            language = option.arg.sval.lower()
    if language != "plpgsql":
        if language == "sql":
            raise SqlError(FEATURE_NOT_SUPPORTED, 'language "sql" does not support inline '
                                         "code execution")
        raise Unsupported(f"DO … LANGUAGE {language}", loc(node))
    text = "CREATE FUNCTION inline_code_block() RETURNS void LANGUAGE " \
        "plpgsql AS " + _quote(body)
    try:
        tree = parse_plpgsql(text)
    except ParseError as exc:
        raise syntax_error(str(exc.args[0]) if exc.args else str(exc)) \
            from None
    function = tree[0]["PLpgSQL_function"]
    plpgsql.check(function)
    return r.DoBlock(body, function)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_trigger(node: ast.CreateTrigStmt) -> list:
    if node.isconstraint:
        raise Unsupported("CREATE CONSTRAINT TRIGGER", loc(node))
    if node.transitionRels:
        raise Unsupported("CREATE TRIGGER … REFERENCING", loc(node))
    timing = "before" if node.timing & _BEFORE else \
        "instead" if node.timing & _INSTEAD else "after"
    if timing == "instead":
        raise Unsupported("INSTEAD OF triggers", loc(node))
    events = tuple(name for bit, name in _EVENTS if node.events & bit)
    rv = node.relation
    table = tuple(p for p in (rv.schemaname, rv.relname) if p)
    return [r.TriggerDef(
        node.trigname, table, names(node.funcname), timing, events,
        bool(node.row), names(node.columns),
        deparse(node.whenClause) if node.whenClause is not None else None,
        tuple(a.sval for a in node.args or ()), bool(node.replace),
        loc(node), tuple(_column_refs(node.whenClause)))]


def _column_refs(node: Any) -> list:
    """(first name, location) of each column reference under `node`."""
    out: list = []
    if isinstance(node, ast.ColumnRef):
        first = node.fields[0]
        if isinstance(first, ast.String):
            out.append((first.sval, node.location))
    elif isinstance(node, tuple):
        for x in node:
            out.extend(_column_refs(x))
    elif isinstance(node, ast.Node):
        for name in node:
            out.extend(_column_refs(getattr(node, name)))
    return out


def function_ref(o: ast.ObjectWithArgs) -> r.FunctionRef:
    args = None if o.args_unspecified else tuple(
        _type(p.argType) for p in o.objfuncargs or ()
        if p.mode.value not in ("o", "t"))
    return r.FunctionRef(names(o.objname), args, loc(o))


def drop(node: ast.DropStmt) -> list:
    cascade = node.behavior == DropBehavior.DROP_CASCADE
    if node.removeType in (ObjectType.OBJECT_FUNCTION,
                           ObjectType.OBJECT_AGGREGATE):
        return [r.DropFunctionDef(
            tuple(function_ref(o) for o in node.objects),
            bool(node.missing_ok), cascade, loc(node),
            node.removeType == ObjectType.OBJECT_AGGREGATE)]
    out = []
    for parts in node.objects:
        parts = names(parts)
        out.append(r.DropTriggerDef(parts[-1], parts[:-1],
                                    bool(node.missing_ok), cascade, loc(node)))
    return out


def alter_owner(node: ast.AlterOwnerStmt, role: str) -> list:
    return [r.FunctionOwnerDef(
        function_ref(node.object), role, loc(node),
        node.objectType == ObjectType.OBJECT_AGGREGATE)]


def define(node: ast.DefineStmt) -> list:
    """CREATE AGGREGATE with SFUNC/STYPE[/INITCOND/FINALFUNC]; the other
    DefineStmt kinds (OPERATOR, COLLATION, …) and options are refused."""
    if node.kind != ObjectType.OBJECT_AGGREGATE or node.oldstyle:
        raise Unsupported(statement_name(node) if node.kind !=
                          ObjectType.OBJECT_AGGREGATE else
                          "CREATE AGGREGATE (old style)", loc(node))
    if node.replace:
        raise Unsupported("CREATE OR REPLACE AGGREGATE", loc(node))
    params = node.args[0] if node.args else ()
    if node.args and len(node.args) > 1 and getattr(node.args[1], "ival",
                                                    -1) != -1:
        raise Unsupported("ordered-set aggregates", loc(node))
    options = {}
    for item in node.definition or ():
        options[item.defname.lower()] = item.arg
    extra = set(options) - {"sfunc", "stype", "initcond", "finalfunc"}
    if extra:
        raise Unsupported(f"CREATE AGGREGATE option {sorted(extra)[0].upper()}",
                          loc(node))
    if "sfunc" not in options or "stype" not in options:
        raise invalid_function_definition("aggregate stype must be specified"
                                          if "stype" not in options else
                                          "aggregate sfunc must be specified")
    initcond = options.get("initcond")
    finalfunc = options.get("finalfunc")
    return [r.AggregateDef(
        names(node.defnames), tuple(_type(p.argType) for p in params or ()),
        names(options["sfunc"].names), _type(options["stype"]),
        initcond.sval if initcond is not None else None,
        names(finalfunc.names) if finalfunc is not None else None, loc(node))]


def comment(node: ast.CommentStmt) -> list:
    """COMMENT ON FUNCTION/AGGREGATE/TRIGGER."""
    if node.objtype == ObjectType.OBJECT_TRIGGER:
        parts = names(node.object)
        return [r.RoutineCommentDef("trigger", None, (parts[-1], parts[:-1]),
                                    node.comment, loc(node))]
    kind = "aggregate" if node.objtype == ObjectType.OBJECT_AGGREGATE \
        else "function"
    return [r.RoutineCommentDef(kind, function_ref(node.object), None,
                                node.comment, loc(node))]
