"""Functions and triggers in the DDL builder: CREATE [OR REPLACE]
FUNCTION, DROP FUNCTION, ALTER FUNCTION … OWNER TO, CREATE/DROP TRIGGER,
with PostgreSQL 15's checks and messages (pg_proc.c, functioncmds.c,
trigger.c, dependency.c).

A function is known by schema, name and input argument types (typmods
dropped, as pg_proc keeps them). OIDs come from the builder's
`type_oids` counter, as types' do. An SQL function's statements are
typed against the catalog when it is created (check_function_bodies,
which a schema file may turn off: pg_dump creates functions before the
tables they read); a PL/pgSQL body was checked when it was parsed.
Triggers go with their table (DROP TABLE, RENAME).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SYNTAX_ERROR, UNDEFINED_OBJECT, SqlError,
    ambiguous_function, column_of_relation_does_not_exist, datatype_mismatch,
    duplicate_function, duplicate_object, invalid_function_definition,
    invalid_object_definition, relation_does_not_exist, schema_does_not_exist,
    type_does_not_exist, undefined_function, undefined_object,
)
from twinning.ir import catalog as c
from twinning.ir import routines as r
from twinning.ir import syntax as s
from twinning.ir.types import SqlType
from twinning.passes import resolve_types
from twinning.passes.builtin_triggers import BUILTIN_TRIGGERS
from twinning.passes.drop_cascade import report_dependents
from twinning.passes.parse_expr import Unsupported

FIRST_NORMAL_OID = 16384
_ROLES = ("postgres", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE")
_POLYMORPHIC = frozenset("""anyelement anyarray anynonarray anyenum anyrange
anymultirange anycompatible anycompatiblearray anycompatiblenonarray
anycompatiblerange anycompatiblemultirange any internal cstring""".split())


def _pseudo(spec: s.TypeSpec) -> str | None:
    if len(spec.names) > 2 or (len(spec.names) == 2
                               and spec.names[0] != "pg_catalog"):
        return None
    name = spec.names[-1]
    if name in ("trigger", "void", "record", "event_trigger") or \
            name in _POLYMORPHIC:
        return name
    return None


def sql_type(b: Any, spec: s.TypeSpec) -> SqlType:
    """A written argument or result type, without its typmod."""
    from twinning.passes.lower_ddl import lower_type
    try:
        found, serial = lower_type(spec)
        if serial:
            raise type_does_not_exist(spec.names[-1])
    except SqlError as exc:
        if exc.sqlstate != UNDEFINED_OBJECT:
            raise
        found = resolve_types.column_type(b, spec)
    return found


def _argument_type(b: Any, spec: s.TypeSpec, language: str) -> SqlType:
    pseudo = _pseudo(spec)
    if pseudo == "trigger":
        raise invalid_function_definition("SQL functions cannot have arguments of type "
                                          "trigger" if language == "sql" else
                                          "PL/pgSQL functions cannot accept type trigger")
    if pseudo is not None:
        raise Unsupported(f"function arguments of type {pseudo}",
                          spec.location)
    t = sql_type(b, spec)
    return SqlType(t.name, -1, t.is_array, t.user, t.domain)


def shown(t: SqlType) -> str:
    return SqlType(t.name, -1, t.is_array, t.user, t.domain).display()


def signature_text(name: str, types: tuple[SqlType, ...]) -> str:
    return f"{name}({','.join(shown(t) for t in types)})"


def _result(b: Any, defn: r.FunctionDef, args: tuple[r.Argument, ...]
            ) -> tuple[str, SqlType | None, c.QName | None]:
    """(kind, scalar type, row table) of the function's result."""
    outs = [a for a in args if a.mode in r.OUTPUT_MODES]
    spec = defn.returns
    if spec is None:
        if not outs:
            raise invalid_function_definition("function result type must be specified")
        if len(outs) == 1:
            return "scalar", outs[0].type, None
        return "record", None, None
    pseudo = _pseudo(spec)
    if pseudo == "trigger":
        if defn.language == "sql":
            raise invalid_function_definition("SQL functions cannot return type trigger")
        return "trigger", None, None
    if pseudo == "void":
        return "void", None, None
    if pseudo == "record":
        if len(outs) == 1:
            return "scalar", outs[0].type, None
        if not outs:
            raise Unsupported("functions returning record without OUT "
                              "parameters", defn.location)
        return "record", None, None
    if pseudo is not None:
        raise Unsupported(f"functions returning {pseudo}", spec.location)
    if not spec.typmods and not spec.array:
        parts = b.unalias(spec.names)
        if len(parts) == 1 or (len(parts) == 2 and parts[0] in b.schemas):
            name = b.lookup(parts)
            if name in b.tables and name not in b.views:
                return "row", None, name
    found = sql_type(b, spec)
    if len(outs) > 1:
        raise invalid_function_definition("function result type must be record because "
                                          "of OUT parameters")
    if len(outs) == 1 and outs[0].type.name != found.name:
        raise invalid_function_definition("function result type must be "
                                          f"{shown(outs[0].type)} because of OUT parameters")
    return "scalar", SqlType(found.name, -1, found.is_array, found.user,
                             found.domain), None


def find(b: Any, name: c.QName, types: tuple[SqlType, ...]) -> r.Function | None:
    keys = tuple(shown(t) for t in types)
    for fn in b.functions.values():
        if fn.name == name and tuple(shown(t) for t in fn.input_types) == keys:
            return fn
    return None


def apply_function(b: Any, defn: r.FunctionDef) -> None:
    name = b.qualify(defn.name, defn.location)
    args = tuple(r.Argument(a.name, _argument_type(b, a.type, defn.language),
                            a.mode, a.default) for a in defn.args)
    kind, result, row_table = _result(b, defn, args)
    retset = defn.retset or any(a.mode == "t" for a in args)
    inputs = tuple(a.type for a in args if a.mode in r.INPUT_MODES)
    existing = find(b, name, inputs)
    if existing is not None:
        if not defn.replace:
            raise duplicate_function(f'function "{name.name}" already exists '
                                     "with same argument types")
        hint = f"Use DROP FUNCTION {signature_text(name.name, inputs)} first."
        outputs = [shown(a.type) for a in args if a.mode in r.OUTPUT_MODES]
        if (existing.kind, existing.result, existing.row_table,
                existing.retset) != (kind, result, row_table, retset) or (
                    kind == "record" and outputs !=
                    [shown(a.type) for a in existing.outputs]):
            raise invalid_function_definition("cannot change return type of existing "
                                              "function", hint=hint)
        new_inputs = [a for a in args if a.mode in r.INPUT_MODES]
        for old_arg, new_arg in zip(existing.inputs, new_inputs):
            if old_arg.name and old_arg.name != new_arg.name:
                raise invalid_function_definition("cannot change name of input "
                                                  f'parameter "{old_arg.name}"', hint=hint)
        if sum(a.default is not None for a in new_inputs) < \
                sum(a.default is not None for a in existing.inputs):
            raise invalid_function_definition("cannot remove parameter defaults from "
                                              "existing function", hint=hint)
        oid = existing.oid
    else:
        oid = FIRST_NORMAL_OID + b.type_oids
        b.type_oids += 1
    if isinstance(defn.plpgsql, dict) and "error" in defn.plpgsql:
        raise SqlError(defn.plpgsql.get("sqlstate", SYNTAX_ERROR),
                       defn.plpgsql["error"], where=defn.plpgsql.get("where"))
    fn = r.Function(name, args, kind, result, retset, defn.language,
                    defn.body, defn.volatility, defn.strict, oid, row_table,
                    defn.security_definer, defn.standard, defn.plpgsql,
                    config=defn.config, traits=defn.traits)
    b.functions[oid] = fn
    if defn.language == "sql" and getattr(b, "check_bodies", True):
        _check_sql_body(b, fn)


def _check_sql_body(b: Any, fn: r.Function) -> None:
    """Type the statements of an SQL function against the catalog, and
    its last one's result against the declared result."""
    from twinning.passes.sql_functions import check_body
    check_body(fn, _FREEZE[0](b), tuple(b.lookup_path()))


def _function_named(b: Any, ref: r.FunctionRef,
                    resolved: tuple | None = None) -> r.Function | None:
    """DROP/ALTER FUNCTION's target: by name alone (42725 when several)
    or by argument types; None when missing."""
    parts = b.unalias(ref.name)
    schemas = [parts[0]] if len(parts) == 2 else list(b.lookup_path())
    if len(parts) == 2 and parts[0] not in b.schemas:
        raise schema_does_not_exist(parts[0])
    if ref.args is None:
        found = [f for f in b.functions.values()
                 if f.name.name == parts[-1] and f.name.schema in schemas]
        if len(found) > 1:
            raise ambiguous_function(f'function name "{".".join(ref.name)}" '
                                     "is not unique", hint="Specify the argument list "
                                     "to select the function unambiguously.")
        return found[0] if found else None
    types = resolved if resolved is not None else tuple(
        _argument_type(b, t, "plpgsql") for t in ref.args)
    for schema in schemas:
        fn = find(b, c.QName(schema, parts[-1]), types)
        if fn is not None:
            return fn
    return None


def _missing(ref: r.FunctionRef, b: Any, if_exists: bool) -> None:
    if ref.args is None:
        text = f'could not find a function named "{".".join(ref.name)}"'
        if not if_exists:
            raise undefined_function(text)
        b.notices.append(f'function {".".join(ref.name)}() does not exist, '
                         "skipping")
        return
    if not if_exists:
        types = tuple(_argument_type(b, t, "plpgsql") for t in ref.args)
        raise undefined_function("function " + signature_text(
            ".".join(ref.name), types).replace(",", ", ") + " does not exist")
    written = ",".join(".".join(t.names) + ("[]" if t.array else "")
                        for t in ref.args)
    b.notices.append(f'function {".".join(ref.name)}({written}) does not '
                     "exist, skipping")


def _described(fn: r.Function) -> str:
    return "function " + signature_text(fn.name.name, fn.input_types)


def apply_drop_function(b: Any, defn: r.DropFunctionDef) -> None:
    targets = []
    for ref in defn.functions:
        fn = _function_named(b, ref)
        if fn is None:
            _missing(ref, b, defn.if_exists)
        elif fn not in targets:
            targets.append(fn)
    if not targets:
        return
    oids = {f.oid for f in targets}
    aggregates = [f for f in b.functions.values() if f.aggregate and (
        f.aggregate[0] in oids or f.aggregate[3] in oids)
        and f.oid not in oids]
    dependents = sorted((t for t in b.triggers.values()
                         if t.function_oid in oids), key=lambda t: t.oid)
    report_dependents(
        b.notices, _described(targets[0]) if len(targets) == 1 else None, [
            f"{_described(f)} depends on {_described(b.functions[f.aggregate[0] if f.aggregate[0] in oids else f.aggregate[3]])}"
            for f in aggregates] + [
            f"trigger {t.name} on table {t.table.name} depends "
            f"on {_described(b.functions[t.function_oid])}"
            for t in dependents],
        [_described(f) for f in aggregates] +
        [f"trigger {t.name} on table {t.table.name}" for t in dependents],
        defn.cascade)
    for f in aggregates:
        del b.functions[f.oid]
    for t in dependents:
        del b.triggers[(t.table, t.name)]
    for fn in targets:
        del b.functions[fn.oid]


def apply_owner(b: Any, defn: r.FunctionOwnerDef) -> None:
    if _function_named(b, defn.function) is None:
        _missing(defn.function, b, False)
    if defn.role not in _ROLES:
        raise Unsupported(f'OWNER TO role "{defn.role}" (the twin has the '
                          'role postgres only)', defn.location)


# -- triggers -----------------------------------------------------------------------

def _trigger_table(b: Any, parts: tuple[str, ...]) -> c.QName:
    name = b.lookup(b.unalias(parts))
    if name in b.views:
        raise Unsupported("triggers on views", -1)
    if name not in b.tables:
        raise relation_does_not_exist(".".join(parts))
    return name


def apply_trigger(b: Any, defn: r.TriggerDef) -> None:
    table = _trigger_table(b, defn.table)
    ref = r.FunctionRef(defn.function, ())
    fn = _function_named(b, ref)
    if fn is None and defn.function[-1] in BUILTIN_TRIGGERS and \
            defn.function[:-1] in ((), ("pg_catalog",)):
        fn = r.Function(c.QName("pg_catalog", defn.function[-1]), (),
                        "trigger", None, False, "internal", "", "v", False,
                        BUILTIN_TRIGGERS[defn.function[-1]])
    if fn is None:
        from twinning.passes.expr import pg_data
        if defn.function[-1] in pg_data.PROC_NAMES and \
                defn.function[:-1] in ((), ("pg_catalog",)):
            raise Unsupported(f"built-in trigger function "
                              f"{defn.function[-1]}()", defn.location)
        raise undefined_function(f"function {'.'.join(defn.function)}() does "
                                 "not exist")
    if fn.kind != "trigger":
        raise invalid_object_definition(f"function {fn.name.name} must return type "
                                        "trigger")
    if "truncate" in defn.events and defn.row:
        raise SqlError(FEATURE_NOT_SUPPORTED, "TRUNCATE FOR EACH ROW triggers are not "
                                     "supported")
    builder = b.tables[table]
    for column in defn.columns:
        if builder.column(column) is None:
            raise column_of_relation_does_not_exist(column, table.name)
    if defn.when is not None:
        _check_when(defn)
    key = (table, defn.name)
    existing = b.triggers.get(key)
    if existing is not None and not defn.replace:
        raise duplicate_object(f'trigger "{defn.name}" for relation '
                               f'"{table.name}" already exists')
    if existing is not None:
        oid = existing.oid
    else:
        oid = FIRST_NORMAL_OID + b.type_oids
        b.type_oids += 1
    b.triggers[key] = r.Trigger(defn.name, table, fn.name, fn.oid,
                                defn.timing, defn.events, defn.row,
                                defn.columns, defn.when, defn.args, oid)


def _check_when(defn: r.TriggerDef) -> None:
    for name, location in defn.when_refs:
        where = location + 1 if location is not None and location >= 0 \
            else None
        if not defn.row and name in ("new", "old"):
            raise invalid_object_definition("statement trigger's WHEN condition "
                                            "cannot reference column values", position=where)
        if name == "old" and defn.events == ("insert",):
            raise invalid_object_definition("INSERT trigger's WHEN condition cannot "
                                            "reference OLD values", position=where)
        if name == "new" and defn.events == ("delete",):
            raise invalid_object_definition("DELETE trigger's WHEN condition cannot "
                                            "reference NEW values", position=where)


def apply_drop_trigger(b: Any, defn: r.DropTriggerDef) -> None:
    parts = b.unalias(defn.table)
    name = b.lookup(parts)
    if name not in b.tables and name not in b.views:
        if defn.if_exists:
            b.notices.append(f'relation "{".".join(parts)}" does not exist, '
                             "skipping")
            return
        raise relation_does_not_exist(".".join(parts))
    if (name, defn.name) not in b.triggers:
        if defn.if_exists:
            b.notices.append(f'trigger "{defn.name}" for relation '
                             f'"{name.name}" does not exist, skipping')
            return
        raise undefined_object(f'trigger "{defn.name}" for table '
                               f'"{name.name}" does not exist')
    del b.triggers[(name, defn.name)]


def frozen(b: Any) -> dict:
    """The catalog's functions and the triggers whose tables remain (a
    renamed table takes its triggers along)."""
    triggers = []
    for (table, _), trig in b.triggers.items():
        table = b.renamed.get(table, table)
        if table in b.tables:
            triggers.append(trig if trig.table == table else
                            replace(trig, table=table))
    return {"functions": tuple(b.functions[k] for k in sorted(b.functions)),
            "triggers": tuple(sorted(triggers,
                                     key=lambda t: (t.table, t.name)))}


def apply_aggregate(b: Any, defn: r.AggregateDef) -> None:
    """CREATE AGGREGATE: its state function (stype, args…) → stype and
    final function (stype) must exist, as DefineAggregate looks them up."""
    name = b.qualify(defn.name, defn.location)
    args = tuple(_argument_type(b, t, "sql") for t in defn.args)
    stype = _argument_type(b, defn.stype, "sql")
    if find(b, name, args) is not None:
        raise duplicate_function(f'function "{name.name}" already exists with '
                                 "same argument types")
    sfunc = _function_named(b, r.FunctionRef(defn.sfunc, ()), (stype, *args))
    if sfunc is None:
        raise undefined_function("function " + signature_text(
            ".".join(defn.sfunc), (stype, *args)).replace(",", ", ") +
            " does not exist")
    if sfunc.kind != "scalar" or shown(sfunc.result) != shown(stype):
        raise datatype_mismatch("return type of transition function "
                                f"{sfunc.name.name} is not {shown(stype)}")
    result, final = stype, 0
    if defn.finalfunc is not None:
        fn = _function_named(b, r.FunctionRef(defn.finalfunc, ()), (stype,))
        if fn is None or fn.kind != "scalar":
            raise undefined_function("function " + signature_text(
                ".".join(defn.finalfunc), (stype,)) + " does not exist")
        result, final = fn.result, fn.oid
    oid = FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 1
    b.functions[oid] = r.Function(
        name, tuple(r.Argument(None, t, "i") for t in args), "scalar",
        result, False, "internal", "aggregate_dummy", "i", False, oid,
        aggregate=(sfunc.oid, stype, defn.initcond, final))


def refuse_schema_drop(b: Any, schema: str) -> None:
    """DROP SCHEMA of a schema holding functions: PostgreSQL lists them
    among the dependents in OID order with its tables; refused."""
    if any(f.name.schema == schema for f in b.functions.values()):
        raise Unsupported("DROP SCHEMA of a schema holding functions")


def apply_comment(b: Any, defn: r.RoutineCommentDef) -> None:
    text = defn.comment or None  # '' removes a comment, as NULL does
    if defn.kind == "trigger":
        name, table = defn.trigger
        relation = b.lookup(b.unalias(table))
        if relation not in b.tables:
            raise relation_does_not_exist(".".join(table))
        found = b.triggers.get((relation, name))
        if found is None:
            raise undefined_object(f'trigger "{name}" for table '
                                   f'"{relation.name}" does not exist')
        b.triggers[(relation, name)] = replace(found, comment=text)
        return
    fn = _function_named(b, defn.function)
    if fn is None:
        from twinning.passes.expr import pg_data
        if defn.function.name[-1] in pg_data.PROC_NAMES:
            raise Unsupported(f"COMMENT ON {defn.kind.upper()} of a built-in",
                              defn.location)
        _missing(defn.function, b, False)
    b.functions[fn.oid] = replace(fn, comment=text)


_FREEZE: list = []  # resolve_ddl's catalog of a builder (`handlers`)


def handlers(freeze: Any) -> dict:
    """The DDL builder's handlers of these definitions; `freeze` makes a
    catalog of the builder (an SQL body is typed against it)."""
    _FREEZE[:] = [freeze]
    return APPLY


APPLY = {r.AggregateDef: apply_aggregate, r.FunctionDef: apply_function, r.DropFunctionDef: apply_drop_function,
         r.FunctionOwnerDef: apply_owner, r.TriggerDef: apply_trigger,
         r.DropTriggerDef: apply_drop_trigger,
         r.RoutineCommentDef: apply_comment}
