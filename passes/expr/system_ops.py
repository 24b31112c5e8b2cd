"""bool, uuid and the system types (oid, "char", xid, cid): their
comparisons; sequences; the session's own functions (current_user,
current_setting, set_config, pg_sleep, …); pg_typeof, gen_random_uuid and
the casts pg_proc lists as functions (`text(bool)`, `name(text)`, …).

Sequence functions take the sequence's name as text (PostgreSQL's
regclass argument) and resolve it against the session's sequences when
they run; the functions of the catalog itself are
`twinning.system_catalog.functions`.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from twinning.deferred import deferred
from twinning.errors import relation_does_not_exist, wrong_object_type
from twinning.ir import query as q
from twinning.ir.catalog import QName
from twinning.passes.expr.registry import (BINARY, COMPARE, FUNCTIONS,
                                           PY_COMPARE, SET_RETURNING,
                                           TypedImpl, define, reg, rtype_of)
from twinning.passes.expr.system import system_catalog
from twinning.passes.expr.types import display, key
from twinning.valueio import cast_function
from twinning.values.identifiers import parse_qualified

_uuid = deferred("uuid", globals(), "_uuid")
from twinning.values.system import RegOid


def _sequence(ctx, name: str):
    """The sequence regclass input finds for `name` ('s', 'public.s',
    '"S"'): the first relation of the name along the search path, which
    must be a sequence (42809 otherwise, as nextval_internal says)."""
    catalog = getattr(ctx, "catalog", None)
    path = getattr(ctx, "search_path", ("public",))
    key = (name, path)
    found = _FOUND.get(key)
    if found is not None and found[0] is catalog:
        return found[1]
    if catalog is None:  # no session (a CHECK's context): sequences only
        parts = parse_qualified(name)
        for qname in ([QName(parts[0], parts[-1])] if len(parts) > 1 else
                      [QName(schema, parts[-1]) for schema in path]):
            if ctx.sequences is not None and ctx.sequences.exists(qname):
                return qname
        raise relation_does_not_exist(name)
    names = system_catalog()
    qname = names.relation_name(catalog, int(names.reg_input(
        "regclass", catalog, name, ctx)))
    if qname is None or ctx.sequences is None or not ctx.sequences.exists(qname):
        shown = qname.name if qname is not None else name
        raise wrong_object_type(f'"{shown}" is not a sequence')
    if len(_FOUND) >= 256:
        _FOUND.clear()
    _FOUND[key] = (catalog, qname)
    return qname


# name and search path → (the catalog it was looked up in, the sequence)
_FOUND: dict[tuple[str, tuple[str, ...]], tuple[Any, QName]] = {}


def _nextval(ctx, name: str) -> int:
    return ctx.sequences.nextval(_sequence(ctx, name), ctx.txn)


def _currval(ctx, name: str) -> int:
    return ctx.sequences.currval(_sequence(ctx, name))


def _setval(ctx, name: str, value: int, is_called: bool = True) -> int:
    return ctx.sequences.setval(_sequence(ctx, name), value, bool(is_called),
                                ctx.txn)


def _lastval(ctx) -> int:
    return ctx.sequences.lastval()


def _current_setting(ctx, name: str, missing_ok: bool = False):
    return ctx.current_setting(name, bool(missing_ok))


def _pg_sleep(ctx, seconds: float) -> str:
    ctx.sleep(seconds)
    return ""


def _pg_typeof_factory(arg_types: Sequence[q.ResultType]):
    rtype = arg_types[0]
    # regtype output is format_type_be(): the type without its typmod
    value = RegOid(rtype.oid, display(key(rtype)))
    sql_type = rtype.sql_type
    if sql_type is not None and sql_type.domain is not None:  # the domain's
        value = RegOid(sql_type.oid if sql_type.is_array else
                       sql_type.domain.oid, sql_type.display())
    elif sql_type is not None and sql_type.user is not None \
            and sql_type.name == "record":  # a composite: its type's name
        value = RegOid(rtype.oid, sql_type.display())
    return lambda settings: (lambda *args: value)


def register() -> None:
    for op in COMPARE:
        for k in ("bool", "uuid", "oid", "char"):
            reg(BINARY, f"{k} {op} {k}", PY_COMPARE[op])
    for op in ("=", "<>"):
        reg(BINARY, f"xid {op} xid", PY_COMPARE[op])
        reg(BINARY, f"cid {op} cid", PY_COMPARE[op])
        reg(BINARY, f"xid {op} int4", lambda a, b, t=PY_COMPARE[op]:
            t(a, b & 0xFFFFFFFF))
    define("nextval(text)", _nextval, context=True, volatile=True)
    define("currval(text)", _currval, context=True, volatile=True)
    define("setval(text,int8)", _setval, context=True, volatile=True)
    define("setval(text,int8,bool)", _setval, context=True, volatile=True)
    define("lastval()", _lastval, context=True, volatile=True)
    define("gen_random_uuid()", lambda: _uuid.uuid4(), volatile=True)
    define("version()", lambda ctx: ctx.version, context=True)
    define("current_user()", lambda ctx: ctx.user, context=True)
    define("session_user()", lambda ctx: ctx.user, context=True)
    define("current_database()", lambda ctx: ctx.database, context=True)
    define("pg_backend_pid()", lambda ctx: ctx.pid, context=True)
    define("current_setting(text)", _current_setting, context=True)
    define("current_setting(text,bool)", _current_setting, context=True)
    define("set_config(text,text,bool)",
           lambda ctx, name, value, local: ctx.set_config(name, value, local),
           context=True, volatile=True)
    define("pg_sleep(float8)", _pg_sleep, context=True, volatile=True)
    define("pg_terminate_backend(int4,int8)",
           lambda ctx, pid, timeout: ctx.signal_backend("terminate", pid),
           context=True, volatile=True)
    define("pg_cancel_backend(int4)",
           lambda ctx, pid: ctx.signal_backend("cancel", pid),
           context=True, volatile=True)
    define("pg_notify(text,text)",
           lambda ctx, channel, payload: ctx.notify(channel or "", payload or ""),
           context=True, volatile=True, strict=False)
    define("pg_is_in_recovery()", lambda: False)
    _advisory_functions()
    FUNCTIONS["pg_typeof(any)"] = TypedImpl(_pg_typeof_factory, strict=False)
    for target, source in (("oid", "int8"), ("int8", "oid"), ("text", "name"),
                           ("text", "bool"), ("text", "bpchar"),
                           ("text", "char"), ("name", "text"),
                           ("name", "varchar"), ("name", "bpchar")):
        define(f"{target}({source})",
               cast_function(rtype_of(source), rtype_of(target)))
    # no partitions in the twin: no relation has ancestors (PostgreSQL
    # returns no rows for a relation that is not a partition)
    SET_RETURNING["pg_partition_ancestors(regclass)"] = \
        lambda types: lambda oid: iter(())


def _advisory_functions() -> None:
    """lockfuncs.c's advisory lock functions: the session's table
    (`twinning/advisory.py`) through `ctx.advisory`."""
    for xact in (False, True):
        for shared in (False, True):
            for wait in (True, False):
                name = ("pg_advisory_" if wait else "pg_try_advisory_") + \
                    ("xact_lock" if xact else "lock") + \
                    ("_shared" if shared else "")
                for args in ("int8", "int4,int4"):
                    define(f"{name}({args})", _advisory_call("lock", shared, xact, wait),
                           context=True, volatile=True)
    for shared in (False, True):
        name = "pg_advisory_unlock" + ("_shared" if shared else "")
        for args in ("int8", "int4,int4"):
            define(f"{name}({args})", _advisory_call("unlock", shared, False, False),
                   context=True, volatile=True)
    define("pg_advisory_unlock_all()",
           lambda ctx: ctx.advisory("unlock_all", (), False, False, False),
           context=True, volatile=True)


def _advisory_call(op: str, shared: bool, xact: bool, wait: bool) -> Callable:
    def call(ctx: Any, *key: int) -> Any:
        return ctx.advisory(op, key, shared, xact, wait)
    return call
