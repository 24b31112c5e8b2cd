"""User functions and triggers in the catalogs: pg_proc and pg_trigger
rows, and the text pg_get_function_arguments/_identity_arguments/_result
give for them (what psql's \\df and SQLAlchemy's introspection read).

Stored expression trees (proargdefaults, tgqual) are the twin's own
placeholders, as for column defaults; their text is what clients show
through the pg_get_* functions.
"""

from __future__ import annotations

from typing import Any

from twinning.ir import query as q
from twinning.ir.routines import Function
from twinning.system_catalog.oids import BOOTSTRAP_SUPERUSER
from twinning.values.system import RegOid

PROLANG = {"internal": 12, "sql": 14, "plpgsql": 13563}  # pg_language OIDs (initdb's)
_TG_ROW, _TG_BEFORE, _TG_INSTEAD = 1, 2, 64
_TG_EVENTS = {"insert": 4, "delete": 8, "update": 16, "truncate": 32}


def _oid(t: Any) -> int:
    return q.ResultType.of(t).oid


def _result_oid(fn: Function) -> int:
    if fn.kind == "scalar":
        return _oid(fn.result)
    return {"void": 2278, "trigger": 2279, "record": 2249}.get(fn.kind, 0) \
        or 0


def proc_row(fn: Function, m: Any, columns: list[str]) -> tuple:
    inputs = fn.inputs
    has_modes = any(a.mode != "i" for a in fn.args)
    values = {
        "oid": fn.oid, "proname": fn.name.name,
        "pronamespace": m.namespaces.get(fn.name.schema, 0),
        "proowner": BOOTSTRAP_SUPERUSER, "prolang": PROLANG[fn.language],
        "procost": fn.traits[2] if fn.traits[2] is not None else
        1.0 if fn.aggregate else 100.0,
        "prorows": fn.traits[3] if fn.traits[3] is not None else
        1000.0 if fn.retset else 0.0,
        "provariadic": 0, "prosupport": RegOid(0, "-"),
        "prokind": "a" if fn.aggregate else "f",
        "prosecdef": fn.security_definer, "proleakproof": fn.traits[0],
        "proisstrict": fn.strict, "proretset": fn.retset,
        "provolatile": fn.volatility, "proparallel": fn.traits[1],
        "pronargs": len(inputs),
        "pronargdefaults": sum(1 for a in inputs if a.default is not None),
        "prorettype": _result_oid(fn) if fn.kind != "row" else
        m.row_types.get(fn.row_table, (0, 0))[0],
        "proargtypes": tuple(_oid(a.type) for a in inputs),
        "proallargtypes": tuple(_oid(a.type) for a in fn.args)
        if has_modes else None,
        "proargmodes": tuple(a.mode for a in fn.args) if has_modes else None,
        "proargnames": tuple(a.name or "" for a in fn.args)
        if any(a.name for a in fn.args) else None,
        "proargdefaults": "{TWINNING_DEFAULTS :proc %d}" % fn.oid
        if any(a.default is not None for a in inputs) else None,
        "protrftypes": None,
        "prosrc": fn.body if fn.standard is None else "",
        "probin": None,
        "prosqlbody": "{TWINNING_SQL_BODY :proc %d}" % fn.oid
        if fn.standard is not None else None,
        "proconfig": tuple(f"{k}={v}" for k, v in fn.config) or None,
        "proacl": None}
    return tuple(values.get(c) for c in columns)


def trigger_row(trigger: Any, m: Any, catalog: Any) -> dict:
    tgtype = (_TG_ROW if trigger.row else 0) | \
        (_TG_BEFORE if trigger.timing == "before" else 0) | \
        (_TG_INSTEAD if trigger.timing == "instead" else 0)
    for event in trigger.events:
        tgtype |= _TG_EVENTS[event]
    table = catalog.table(trigger.table)
    attnums = tuple(table.column(c).attnum for c in trigger.columns) \
        if table is not None else ()
    return {"oid": trigger.oid, "tgrelid": m.relations.get(trigger.table, 0),
            "tgparentid": 0, "tgname": trigger.name,
            "tgfoid": trigger.function_oid, "tgtype": tgtype,
            "tgenabled": "O", "tgisinternal": False, "tgconstrrelid": 0,
            "tgconstrindid": 0, "tgconstraint": 0, "tgdeferrable": False,
            "tginitdeferred": False, "tgnargs": len(trigger.args),
            "tgattr": attnums,
            "tgargs": b"".join(a.encode() + b"\0" for a in trigger.args),
            "tgqual": "{TWINNING_WHEN :trigger %d}" % trigger.oid
            if trigger.when is not None else None}


def _type_text(t: Any) -> str:
    from twinning.passes.resolve_routines import shown
    return shown(t)


_MODES = {"o": "OUT ", "b": "INOUT ", "v": "VARIADIC ", "i": "", "t": ""}


def signature(fn: Function, part: int) -> str:
    """pg_get_function_arguments (0), _identity_arguments (1), _result (2)."""
    if part == 2:
        if any(a.mode == "t" for a in fn.args):
            return "TABLE(" + ", ".join(
                f"{a.name} {_type_text(a.type)}" for a in fn.args
                if a.mode == "t") + ")"
        text = {"void": "void", "trigger": "trigger",
                "record": "record"}.get(fn.kind)
        if text is None:
            text = str(fn.row_table.name if fn.row_table.schema == "public"
                       else fn.row_table) if fn.kind == "row" else \
                _type_text(fn.result)
        return ("SETOF " if fn.retset else "") + text
    out = []
    for a in fn.args:
        if a.mode == "t" or (part == 1 and a.mode == "o"):
            continue
        item = _MODES[a.mode] + (f"{a.name} " if a.name else "") + \
            _type_text(a.type)
        if part == 0 and a.default is not None:
            item += f" DEFAULT {a.default}"
        out.append(item)
    return ", ".join(out)


def descriptions(catalog: Any) -> Any:
    """pg_description rows of commented functions and triggers."""
    for fn in catalog.functions:
        if fn.comment is not None:
            yield {"objoid": fn.oid, "classoid": 1255, "objsubid": 0,
                   "description": fn.comment}
    for trigger in catalog.triggers:
        if trigger.comment is not None:
            yield {"objoid": trigger.oid, "classoid": 2620, "objsubid": 0,
                   "description": trigger.comment}


def comment_of(catalog: Any, oid: int, catalog_name: str | None
               ) -> tuple[bool, str | None]:
    """(found, comment) of a user function (pg_proc) or trigger."""
    if catalog_name in (None, "pg_proc"):
        fn = catalog.function_by_oid(oid)
        if fn is not None:
            return True, fn.comment
    if catalog_name in (None, "pg_trigger"):
        for trigger in catalog.triggers:
            if trigger.oid == oid:
                return True, trigger.comment
    return False, None


def functiondef(fn: Function) -> str:
    """pg_get_functiondef(): CREATE OR REPLACE FUNCTION as ruleutils
    prints it (options on one line in its order, SET lines, the body
    between $function$)."""
    from twinning.errors import feature_not_supported
    from twinning.values.identifiers import quote_ident, quote_qualified
    if fn.standard is not None or fn.aggregate is not None:
        raise feature_not_supported("pg_get_functiondef of an SQL-standard "
                                    "body or an aggregate")
    out = [f"CREATE OR REPLACE FUNCTION "
           f"{quote_qualified(fn.name.schema, fn.name.name)}"
           f"({signature(fn, 0)})\n RETURNS {signature(fn, 2)}\n"
           f" LANGUAGE {quote_ident(fn.language)}\n"]
    leakproof, parallel, cost, rows = fn.traits
    options = {"i": " IMMUTABLE", "s": " STABLE"}.get(fn.volatility, "")
    options += {"s": " PARALLEL SAFE", "r": " PARALLEL RESTRICTED"}.get(
        parallel, "")
    if fn.strict:
        options += " STRICT"
    if fn.security_definer:
        options += " SECURITY DEFINER"
    if leakproof:
        options += " LEAKPROOF"
    if cost is not None and cost != 100:
        options += f" COST {cost:g}"
    if rows is not None and rows > 0 and rows != 1000:
        options += f" ROWS {rows:g}"
    if options:
        out.append(options + "\n")
    for name, value in fn.config:
        items = [v.strip().strip('"') for v in value.split(",")]
        out.append(f" SET {name} TO " + ", ".join(
            "'" + v.replace("'", "''") + "'" for v in items) + "\n")
    out.append(f"AS $function${fn.body}$function$\n")
    return "".join(out)
