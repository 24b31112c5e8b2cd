"""jsonpath evaluation: a port of PostgreSQL 15's jsonpath_exec.c.

Values are decoded jsonb: dicts (in jsonb's key order), lists, str,
Decimal, bool and None (JSON null). Each executor function keeps its C
counterpart's name and shape: it returns OK or NOT_FOUND, appends to
`found` when it is a list, and stops at the first item when `found` is
None (the caller only asks whether there is one), so the errors a
PostgreSQL evaluation never reaches are not raised here either.

An error raised through RETURN_ERROR is the SqlError itself while the
context throws (`Ctx.throw`: not silent, outside a predicate's operands)
and `_Fail` otherwise, PostgreSQL's jperError return, which the predicate
evaluation turns into unknown and the SQL functions into NULL. Errors
PostgreSQL raises with a plain ereport (a missing variable, a `vars` that
is not an object) always raise.

.datetime() without a template reads the certain ISO forms
(`jsonpath_datetime`); refused with 0A000 when reached: its other texts,
a template, comparing datetime values (and so the _tz variants' only
difference), .keyvalue() of an object other than the root
document (its "id" is the object's byte offset in jsonb's binary form),
and like_regex's "m" flag.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any, Callable

from twinning.errors import (
    SqlError, feature_not_supported, internal_error,
    invalid_argument_for_sql_json_datetime_function, invalid_parameter_value,
    invalid_sql_json_subscript, non_numeric_sql_json_item,
    singleton_sql_json_item_required, sql_json_array_not_found,
    sql_json_member_not_found, sql_json_number_not_found,
    sql_json_object_not_found, undefined_object,
)
from twinning.passes.expr import jsonpath_datetime
from twinning.passes.expr.jsonpath_datetime import JsonDatetime
from twinning.passes.expr.registry import BINARY, FUNCTIONS, UNARY, lookup
from twinning.passes.expr.regex_ops import translate
from twinning.values.floats import parse_float8
from twinning.values.json import escape_json, parse_jsonb
from twinning.values.jsonpath import UINT32_MAX, Item, JsonPath
from twinning.values.numeric import format_numeric, parse_numeric

__all__ = ["execute", "encode", "decode", "Fail"]

OK, NOT_FOUND = True, False
TRUE, FALSE, UNKNOWN = "t", "f", "u"
_PREDICATES = frozenset({"&&", "||", "!", "is unknown", "==", "!=", "<", ">",
                         "<=", ">=", "starts with", "like_regex", "exists"})
_ARITH = ("+", "-", "*", "/", "%")
_CONTAINER = (dict, list)


class Fail(Exception):
    """jperError: an error while the evaluation does not throw."""


def decode(text: str) -> Any:
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def _dump(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        return format_numeric(value)
    if isinstance(value, str):
        return escape_json(value)
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v) for v in value) + "]"
    if isinstance(value, JsonDatetime):
        return escape_json(value.text)
    return "{" + ", ".join(f"{escape_json(k)}: {_dump(v)}"
                           for k, v in value.items()) + "}"


def encode(value: Any) -> str:
    """A jsonb value's canonical text."""
    return parse_jsonb(_dump(value))


def _is_num(value: Any) -> bool:
    return isinstance(value, Decimal)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, JsonDatetime):
        return value.kind
    return "array" if isinstance(value, list) else "object"


class Ctx:
    __slots__ = ("vars", "root", "current", "lax", "ignore", "throw",
                 "innermost")

    def __init__(self, path: JsonPath, root: Any, vars_: Any,
                 throw: bool) -> None:
        self.vars = vars_
        self.root = root
        self.current = root
        self.lax = path.lax
        self.ignore = path.lax      # ignoreStructuralErrors
        self.throw = throw
        self.innermost = -1         # innermostArraySize, for LAST

    def error(self, err: SqlError) -> None:
        """RETURN_ERROR."""
        if self.throw:
            raise err
        raise Fail()


def execute(path: JsonPath, target: str, vars_text: str | None, throw: bool,
            found: list | None) -> bool:
    """executeJsonPath: OK or NOT_FOUND (Fail when it did not throw)."""
    vars_ = None
    if vars_text is not None:
        vars_ = decode(vars_text)
        if not isinstance(vars_, dict):
            raise invalid_parameter_value('"vars" argument is not an object',
                                          detail='Jsonpath parameters should be encoded as '
                                          'key-value pairs of "vars" object.')
    root = decode(target)
    ctx = Ctx(path, root, vars_, throw)
    if not ctx.lax and found is None:
        values: list = []
        _item(ctx, path.root, root, values)
        return OK if values else NOT_FOUND
    return _item(ctx, path.root, root, found)


def _item(ctx: Ctx, jsp: Item, jb: Any, found: list | None) -> bool:
    return _target(ctx, jsp, jb, found, ctx.lax)


def _next(ctx: Ctx, cur: Item, v: Any, found: list | None) -> bool:
    """executeNextItem."""
    if cur.next is not None:
        return _item(ctx, cur.next, v, found)
    if found is not None:
        found.append(v)
    return OK


def _target(ctx: Ctx, jsp: Item, jb: Any, found: list | None,
            unwrap: bool) -> bool:
    """executeItemOptUnwrapTarget."""
    kind = jsp.kind
    if kind in _PREDICATES:
        return _append_bool(ctx, jsp, found, _bool(ctx, jsp, jb, True))
    if kind in _ARITH:
        return _binary_arith(ctx, jsp, jb, found)
    if kind in ("unary+", "unary-"):
        return _unary_arith(ctx, jsp, jb, found)
    handler = _HANDLERS.get(kind)
    if handler is not None:
        return handler(ctx, jsp, jb, found, unwrap)
    return _next(ctx, jsp, _scalar(ctx, jsp), found)


def _scalar(ctx: Ctx, jsp: Item) -> Any:
    """getJsonPathItem."""
    kind = jsp.kind
    if kind == "null":
        return None
    if kind in ("bool", "numeric", "string"):
        return jsp.value
    assert kind == "variable", kind
    if ctx.vars is None:
        return None
    if jsp.value not in ctx.vars:
        raise undefined_object(f'could not find jsonpath variable '
                               f'"{jsp.value}"')
    return ctx.vars[jsp.value]


def _unwrapping(method):
    """The first step of the item methods and of a filter (their
    executeItemUnwrapTargetArray calls): under lax unwrapping an array is
    unwrapped and `method` applied to each element."""
    def apply(ctx, jsp, jb, found, unwrap):
        if unwrap and isinstance(jb, list):
            return _unwrap_array(ctx, jsp, jb, found, False)
        return method(ctx, jsp, jb, found, unwrap)
    return apply


@_unwrapping
def _filter(ctx, jsp, jb, found, unwrap):
    if _nested_bool(ctx, jsp.a, jb) != TRUE:
        return NOT_FOUND
    return _next(ctx, jsp, jb, found)


def _any_path(ctx, jsp, jb, found, unwrap):
    first, last = jsp.value
    res: bool | None = NOT_FOUND
    if first == 0:
        saved = ctx.ignore
        ctx.ignore = True
        try:
            res = _next(ctx, jsp, jb, found)
        except Fail:
            res = None      # the C code goes on past this jperError
        finally:
            ctx.ignore = saved
        if res == OK and found is None:
            return OK
    if isinstance(jb, _CONTAINER):
        res = _any_item(ctx, jsp.next, jb, found, 1, first, last, True,
                        ctx.lax)
    if res is None:
        raise Fail()
    return res


def _key(ctx, jsp, jb, found, unwrap):
    if isinstance(jb, dict):
        if jsp.value in jb:
            return _next(ctx, jsp, jb[jsp.value], found)
        if not ctx.ignore:
            ctx.error(sql_json_member_not_found("JSON object does not contain key "
                                                f'"{jsp.value}"'))
        return NOT_FOUND
    return _not_an_object(ctx, jsp, jb, found, unwrap, lambda: sql_json_member_not_found(
        "jsonpath member accessor can only be applied to an object"))


def _not_an_object(ctx, jsp, jb, found, unwrap, error: Callable[[], SqlError]):
    """A member accessor (.key, .*) on something else: an array unwrapped
    under lax mode, else error() unless errors are ignored."""
    if unwrap and isinstance(jb, list):
        return _unwrap_array(ctx, jsp, jb, found, False)
    if not ctx.ignore:
        ctx.error(error())
    return NOT_FOUND


def _root(ctx, jsp, jb, found, unwrap):
    return _next(ctx, jsp, ctx.root, found)


def _current(ctx, jsp, jb, found, unwrap):
    return _next(ctx, jsp, ctx.current, found)


def _any_array(ctx, jsp, jb, found, unwrap):
    if isinstance(jb, list):
        return _unwrap_array(ctx, jsp.next, jb, found, ctx.lax)
    if ctx.lax:
        return _next(ctx, jsp, jb, found)
    if not ctx.ignore:
        ctx.error(sql_json_array_not_found("jsonpath wildcard array accessor can "
                                           "only be applied to an array"))
    return NOT_FOUND


def _index_array(ctx, jsp, jb, found, unwrap):
    if not isinstance(jb, list) and not ctx.lax:
        if not ctx.ignore:
            ctx.error(sql_json_array_not_found("jsonpath array accessor can only be "
                                               "applied to an array"))
        return NOT_FOUND
    singleton = not isinstance(jb, list)
    size = 1 if singleton else len(jb)
    saved = ctx.innermost
    ctx.innermost = size
    res = NOT_FOUND
    try:
        for start, end in jsp.value:
            index_from = _array_index(ctx, start, jb)
            index_to = _array_index(ctx, end, jb) if end is not None \
                else index_from
            if not ctx.ignore and (index_from < 0 or index_from > index_to
                                   or index_to >= size):
                ctx.error(invalid_sql_json_subscript("jsonpath array subscript is out "
                                                     "of bounds"))
            index_from = max(index_from, 0)
            index_to = min(index_to, size - 1)
            res = NOT_FOUND
            for index in range(index_from, index_to + 1):
                v = jb if singleton else jb[index]
                if jsp.next is None and found is None:
                    return OK
                res = _next(ctx, jsp, v, found)
                if res == OK and found is None:
                    break
            if res == OK and found is None:
                break
    finally:
        ctx.innermost = saved
    return res


def _array_index(ctx: Ctx, jsp: Item, jb: Any) -> int:
    """getArrayIndex."""
    found: list = []
    _item(ctx, jsp, jb, found)
    if len(found) != 1 or not _is_num(found[0]):
        ctx.error(invalid_sql_json_subscript("jsonpath array subscript is not a "
                                             "single numeric value"))
    value = int(found[0])    # numeric_trunc
    if not -2**31 <= value < 2**31:
        ctx.error(invalid_sql_json_subscript("jsonpath array subscript is out of "
                                             "integer range"))
    return value


def _last(ctx, jsp, jb, found, unwrap):
    if ctx.innermost < 0:
        raise internal_error("evaluating jsonpath LAST outside of array "
                             "subscript")
    if jsp.next is None and found is None:
        return OK
    return _next(ctx, jsp, Decimal(ctx.innermost - 1), found)


def _any_key(ctx, jsp, jb, found, unwrap):
    if isinstance(jb, dict):
        return _any_item(ctx, jsp.next, jb, found, 1, 1, 1, False, ctx.lax)
    return _not_an_object(ctx, jsp, jb, found, unwrap, lambda: sql_json_object_not_found(
        "jsonpath wildcard member accessor can only be applied to an object"))


def _type(ctx, jsp, jb, found, unwrap):
    return _next(ctx, jsp, _type_name(jb), found)


def _size(ctx, jsp, jb, found, unwrap):
    if isinstance(jb, list):
        size = len(jb)
    elif not ctx.lax:
        if not ctx.ignore:
            ctx.error(sql_json_array_not_found("jsonpath item method .size() can "
                                               "only be applied to an array"))
        return NOT_FOUND
    else:
        size = 1
    return _next(ctx, jsp, Decimal(size), found)


def _numeric_method(fn_sig: str):
    @_unwrapping
    def method(ctx, jsp, jb, found, unwrap):
        if not _is_num(jb):
            ctx.error(non_numeric_sql_json_item(
                                                f"jsonpath item method .{jsp.kind}() can only "
                                                "be applied to a numeric value"))
        return _next(ctx, jsp, lookup(FUNCTIONS, fn_sig).fn(jb), found)
    return method


@_unwrapping
def _double(ctx, jsp, jb, found, unwrap):
    if _is_num(jb):
        if not math.isfinite(float(format_numeric(jb))):
            ctx.error(non_numeric_sql_json_item("numeric argument of jsonpath item "
                                                "method .double() is out of range for type "
                                                "double precision"))
        return _next(ctx, jsp, jb, found)
    if isinstance(jb, str):
        try:
            value = parse_float8(jb)
        except SqlError:
            value = None
        if value is None or not math.isfinite(value):
            ctx.error(non_numeric_sql_json_item("string argument of jsonpath item "
                                                "method .double() is not a valid "
                                                "representation of a double precision "
                                                "number"))
        # float8_numeric: DBL_DIG significant digits
        return _next(ctx, jsp, parse_numeric(format(value, ".15g")), found)
    ctx.error(non_numeric_sql_json_item("jsonpath item method .double() can only be "
                                        "applied to a string or numeric value"))
    return NOT_FOUND


@_unwrapping
def _keyvalue(ctx, jsp, jb, found, unwrap):
    if not isinstance(jb, dict):  # (ctx.error raises)
        ctx.error(sql_json_object_not_found("jsonpath item method .keyvalue() can "
                                            "only be applied to an object"))
    if not jb:
        return NOT_FOUND
    if jsp.next is None and found is None:
        return OK
    if jb is not ctx.root:
        raise feature_not_supported(".keyvalue() of a nested jsonpath object")
    res = NOT_FOUND
    for key, value in jb.items():
        obj = {"id": Decimal(0), "key": key, "value": value}
        res = _next(ctx, jsp, obj, found)
        if res == OK and found is None:
            break
    return res


@_unwrapping
def _datetime(ctx, jsp, jb, found, unwrap):
    if not isinstance(jb, str):  # (ctx.error raises)
        ctx.error(invalid_argument_for_sql_json_datetime_function(
            "jsonpath item method .datetime() can only be applied to a string"))
    if jsp.a is not None:
        raise feature_not_supported("jsonpath item method .datetime() with "
                                    "a template")
    return _next(ctx, jsp, jsonpath_datetime.parse(jb), found)


_HANDLERS = {
    "filter": _filter, "**": _any_path, "key": _key, "$": _root,
    "@": _current, "[*]": _any_array, "[]": _index_array, "last": _last,
    ".*": _any_key, "type": _type, "size": _size,
    "abs": _numeric_method("abs(numeric)"),
    "floor": _numeric_method("floor(numeric)"),
    "ceiling": _numeric_method("ceiling(numeric)"),
    "double": _double, "keyvalue": _keyvalue, "datetime": _datetime,
}


def _unwrap_array(ctx: Ctx, jsp: Item | None, jb: list, found: list | None,
                  unwrap_elements: bool) -> bool:
    """executeItemUnwrapTargetArray."""
    return _any_item(ctx, jsp, jb, found, 1, 1, 1, False, unwrap_elements)


def _any_item(ctx: Ctx, jsp: Item | None, jbc: Any, found: list | None,
              level: int, first: int, last: int, ignore_structural: bool,
              unwrap_next: bool) -> bool:
    """executeAnyItem: the members or elements of `jbc`, each then its
    own down to `last` levels."""
    res = NOT_FOUND
    if level > last:
        return res
    values = jbc.values() if isinstance(jbc, dict) else jbc
    for v in values:
        if level >= first or (first == UINT32_MAX and last == UINT32_MAX
                              and not isinstance(v, _CONTAINER)):
            if jsp is not None:
                saved = ctx.ignore
                if ignore_structural:
                    ctx.ignore = True
                try:
                    res = _target(ctx, jsp, v, found, unwrap_next)
                finally:
                    ctx.ignore = saved
                if res == OK and found is None:
                    break
            elif found is not None:
                found.append(v)
            else:
                return OK
        if level < last and isinstance(v, _CONTAINER):
            res = _any_item(ctx, jsp, v, found, level + 1, first, last,
                            ignore_structural, unwrap_next)
            if res == OK and found is None:
                break
    return res


def _unwrap_result(ctx: Ctx, jsp: Item, jb: Any, unwrap: bool,
                   found: list) -> bool:
    """executeItemOptUnwrapResult."""
    if unwrap and ctx.lax:
        seq: list = []
        _item(ctx, jsp, jb, seq)
        for item in seq:
            if isinstance(item, list):
                found.extend(item)
            else:
                found.append(item)
        return OK
    return _item(ctx, jsp, jb, found)


def _unwrap_result_no_throw(ctx: Ctx, jsp: Item, jb: Any, unwrap: bool,
                            found: list | None) -> bool:
    saved = ctx.throw
    ctx.throw = False
    try:
        if found is None:
            return _item(ctx, jsp, jb, None)
        return _unwrap_result(ctx, jsp, jb, unwrap, found)
    finally:
        ctx.throw = saved


# -- predicates -----------------------------------------------------------------

def _append_bool(ctx: Ctx, jsp: Item, found: list | None, st: str) -> bool:
    if jsp.next is None and found is None:
        return OK
    value = None if st == UNKNOWN else st == TRUE
    return _next(ctx, jsp, value, found)


def _nested_bool(ctx: Ctx, jsp: Item, jb: Any) -> str:
    saved = ctx.current
    ctx.current = jb
    try:
        return _bool(ctx, jsp, jb, False)
    finally:
        ctx.current = saved


def _bool(ctx: Ctx, jsp: Item, jb: Any, can_have_next: bool) -> str:
    """executeBoolItem."""
    kind = jsp.kind
    if kind == "&&" or kind == "||":
        # a left side at the deciding value (FALSE for &&, TRUE for ||)
        # decides; else the right side, unless it is the other value
        decides, other = (FALSE, TRUE) if kind == "&&" else (TRUE, FALSE)
        lhs = _bool(ctx, jsp.a, jb, False)
        if lhs == decides:
            return decides
        rhs = _bool(ctx, jsp.b, jb, False)
        return lhs if rhs == other else rhs
    if kind == "!":
        st = _bool(ctx, jsp.a, jb, False)
        return {TRUE: FALSE, FALSE: TRUE}.get(st, UNKNOWN)
    if kind == "is unknown":
        return TRUE if _bool(ctx, jsp.a, jb, False) == UNKNOWN else FALSE
    if kind == "starts with":
        return _predicate(ctx, jsp.a, jsp.b, jb, False, _starts_with, jsp)
    if kind == "like_regex":
        return _predicate(ctx, jsp.a, None, jb, False, _like_regex, jsp)
    if kind == "exists":
        try:
            if not ctx.lax:
                vals: list = []
                _unwrap_result_no_throw(ctx, jsp.a, jb, False, vals)
                return TRUE if vals else FALSE
            res = _unwrap_result_no_throw(ctx, jsp.a, jb, False, None)
        except Fail:
            return UNKNOWN
        return TRUE if res == OK else FALSE
    return _predicate(ctx, jsp.a, jsp.b, jb, True, _compare, jsp)


def _predicate(ctx: Ctx, larg: Item, rarg: Item | None, jb: Any,
               unwrap_right: bool, test, pred: Item) -> str:
    """executePredicate."""
    lseq: list = []
    rseq: list = []
    try:
        _unwrap_result_no_throw(ctx, larg, jb, True, lseq)
        if rarg is not None:
            _unwrap_result_no_throw(ctx, rarg, jb, unwrap_right, rseq)
    except Fail:
        return UNKNOWN
    error = found = False
    for lval in lseq:
        for rval in (rseq if rarg is not None else (None,)):
            res = test(pred, lval, rval)
            if res == UNKNOWN:
                if not ctx.lax:
                    return UNKNOWN
                error = True
            elif res == TRUE:
                if ctx.lax:
                    return TRUE
                found = True
    if found:
        return TRUE
    if error:
        return UNKNOWN
    return FALSE


# compareItems' kinds by item type: arrays and objects are one (jbvBinary),
# any other name is a datetime type's
_COMPARED = {"null": "null", "boolean": "bool", "number": "num", "string": "str",
             "array": "binary", "object": "binary"}


def _kind(v: Any) -> str:
    return _COMPARED.get(_type_name(v), "datetime")


def _compare(pred: Item, a: Any, b: Any) -> str:
    """compareItems."""
    op = pred.kind
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        if ka == "null" or kb == "null":
            return TRUE if op == "!=" else FALSE
        return UNKNOWN
    if ka == "binary":
        return UNKNOWN
    if ka == "datetime":  # compareDatetime's casts and time zone rules
        raise feature_not_supported("comparison of jsonpath datetime values")
    if ka == "null":
        cmp = 0
    elif ka == "str" and op == "==":
        return TRUE if a == b else FALSE
    else:
        cmp = (a > b) - (a < b)
    result = {"==": cmp == 0, "!=": cmp != 0, "<": cmp < 0, ">": cmp > 0,
              "<=": cmp <= 0, ">=": cmp >= 0}[op]
    return TRUE if result else FALSE


def _starts_with(pred: Item, whole: Any, initial: Any) -> str:
    if not isinstance(whole, str) or not isinstance(initial, str):
        return UNKNOWN
    return TRUE if whole.startswith(initial) else FALSE


def _like_regex(pred: Item, value: Any, _unused: Any) -> str:
    if not isinstance(value, str):
        return UNKNOWN
    pattern, flags = pred.value
    return TRUE if regex_matches(value, pattern, flags) else FALSE


def regex_matches(text: str, pattern: str, flags: str) -> bool:
    """like_regex's match: "i" folds case, "q" quotes the whole pattern,
    "s" is the default (a dot matches a newline); "m" is refused."""
    fold = "i" in flags
    if "q" in flags:
        if fold:
            return _ascii_fold(pattern) in _ascii_fold(text)
        return pattern in text
    if "m" in flags:
        raise feature_not_supported('like_regex flag "m"')
    return translate(pattern, fold).compiled.search(text) is not None


def check_regex(pattern: str, flags: str) -> None:
    """The pattern compiled at jsonpath input (makeItemLikeRegex)."""
    if "q" not in flags:
        translate(pattern, "i" in flags)


def _ascii_fold(text: str) -> str:
    return text.translate({c: c + 32 for c in range(65, 91)})


# -- arithmetic -----------------------------------------------------------------

def _binary_arith(ctx: Ctx, jsp: Item, jb: Any, found: list | None) -> bool:
    lseq: list = []
    rseq: list = []
    _unwrap_result(ctx, jsp.a, jb, True, lseq)
    _unwrap_result(ctx, jsp.b, jb, True, rseq)
    op = jsp.kind
    if len(lseq) != 1 or not _is_num(lseq[0]):
        ctx.error(singleton_sql_json_item_required(f"left operand of jsonpath operator {op} "
                                                   "is not a single numeric value"))
    if len(rseq) != 1 or not _is_num(rseq[0]):
        ctx.error(singleton_sql_json_item_required(f"right operand of jsonpath operator "
                                                   f"{op} is not a single numeric value"))
    fn = lookup(BINARY, f"numeric {op} numeric").fn
    try:
        value = fn(lseq[0], rseq[0])
    except SqlError as err:
        ctx.error(err)
    if jsp.next is None and found is None:
        return OK
    return _next(ctx, jsp, value, found)


def _unary_arith(ctx: Ctx, jsp: Item, jb: Any, found: list | None) -> bool:
    seq: list = []
    _unwrap_result(ctx, jsp.a, jb, True, seq)
    res = NOT_FOUND
    op = jsp.kind[-1]
    for val in seq:
        if _is_num(val):
            if found is None and jsp.next is None:
                return OK
        else:
            if found is None and jsp.next is None:
                continue
            ctx.error(sql_json_number_not_found("operand of unary jsonpath operator "
                                                f"{op} is not a numeric value"))
        if op == "-":
            val = lookup(UNARY, "- numeric").fn(val)
        if _next(ctx, jsp, val, found) == OK:
            if found is None:
                return OK
            res = OK
    return res
