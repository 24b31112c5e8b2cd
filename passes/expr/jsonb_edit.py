"""The json/jsonb functions beyond the operators (jsonfuncs.c, json.c,
jsonb.c): builders (to_json[b], json[b]_build_array, json[b]_object,
array_to_json), the editing functions (jsonb_set, jsonb_set_lax,
jsonb_insert, the `-`, `#-` and `||` operators, strip_nulls, jsonb_pretty),
the inspectors (typeof, array_length, extract_path) and the set-returning
functions with one column (array_elements[_text], object_keys).

jsonb values are decoded with numbers kept as their canonical spelling
(`_Num`), edited as Python lists and dicts, and re-encoded through
`parse_jsonb`, so the result is canonical jsonb text. json values are cut
or walked from their verbatim text. setPath's walk (setPathObject,
setPathArray) is followed step by step: its index parsing, the clamping of
indexes beyond either end and its errors.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterator, Sequence

from twinning.errors import (
    array_subscript_error, invalid_parameter_value,
    invalid_text_representation, null_value_not_allowed,
)
from twinning.ir import query as q
from twinning.passes.expr.registry import (BINARY, FUNCTIONS, SET_RETURNING,
                                           SET_RETURNING_COLUMN,
                                           Impl, TypedImpl, define, reg)
from twinning.values import md_arrays
from twinning.values.json import escape_json, parse_jsonb, scalar_text

__all__ = ["register"]


class _Num(str):
    """A JSON number, kept as its text."""


def decode(text: str, pairs: bool = False) -> Any:
    """json/jsonb text → Python (dicts, or lists of pairs when `pairs`)."""
    return json.loads(text, parse_int=_Num, parse_float=_Num,
                      object_pairs_hook=(list if pairs else dict),
                      parse_constant=_reject)


def _reject(name: str) -> Any:
    raise ValueError(name)


def dump(value: Any, compact: bool = False) -> str:
    if isinstance(value, _Num):
        return str(value)
    if not isinstance(value, (list, dict)):
        return scalar_text(value)
    colon, comma = (":", ",") if compact else (": ", ", ")
    if isinstance(value, _Pairs):
        return "{" + comma.join(f"{escape_json(k)}{colon}{dump(v, compact)}"
                                for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + comma.join(dump(v, compact) for v in value) + "]"
    return "{" + comma.join(f"{escape_json(k)}{colon}{dump(v, compact)}"
                            for k, v in value.items()) + "}"


class _Pairs(list):
    """A json object with its members in order, duplicates kept."""


def _encode(value: Any) -> str:
    return parse_jsonb(dump(value))


def _text_kind(text: str) -> str:
    first = text.lstrip(" \t\n\r")[:1]
    return {"{": "object", "[": "array", '"': "string", "t": "boolean",
            "f": "boolean", "n": "null"}.get(first, "number")


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


# -- setPath ------------------------------------------------------------------

CREATE, DELETE, REPLACE, INSERT_BEFORE, INSERT_AFTER = 1, 2, 4, 8, 16
CREATE_OR_INSERT = CREATE | INSERT_BEFORE | INSERT_AFTER
_INT_MIN = -2**31
_STRTOINT = re.compile(r"[ \t\n\v\f\r]*[+-]?[0-9]+")


def _null_element(path: tuple, level: int) -> None:
    if path[level] is None:
        raise null_value_not_allowed(f"path element at position {level + 1} is null")


def _set_path(value: Any, path: tuple, level: int, new: Any, op: int) -> Any:
    _null_element(path, level)
    if isinstance(value, dict):
        return _set_object(value, path, level, new, op)
    if isinstance(value, list):
        return _set_array(value, path, level, new, op)
    return value


def _set_object(obj: dict, path: tuple, level: int, new: Any, op: int) -> dict:
    key = path[level]
    last = level == len(path) - 1
    out = dict(obj)
    if key in obj:
        if last:
            if op & (INSERT_BEFORE | INSERT_AFTER):
                raise invalid_parameter_value("cannot replace existing key",
                                              hint="Try using the function jsonb_set to "
                                              "replace key value.")
            if op & DELETE:
                del out[key]
            else:
                out[key] = new
        else:
            out[key] = _set_path(obj[key], path, level + 1, new, op)
    elif last and op & CREATE_OR_INSERT:
        out[key] = new
    return out


def _index(path: tuple, level: int) -> int:
    text = path[level]
    if not _STRTOINT.fullmatch(text) or not \
            -2**31 <= int(text) < 2**31:
        raise invalid_text_representation(f"path element at position {level + 1} is "
                                          f'not an integer: "{text}"')
    return int(text)


def _set_array(arr: list, path: tuple, level: int, new: Any, op: int) -> list:
    n = len(arr)
    idx = _index(path, level)
    if idx < 0:
        idx = _INT_MIN if -idx > n else n + idx
    if idx > 0 and idx > n:
        idx = n
    last = level == len(path) - 1
    out: list = []
    done = False
    if (idx == _INT_MIN or n == 0) and last and op & CREATE_OR_INSERT:
        out.append(new)
        done = True
    for i, element in enumerate(arr):
        if i == idx:
            done = True
            if last:
                if op & (INSERT_BEFORE | CREATE):
                    out.append(new)
                if op & (INSERT_AFTER | INSERT_BEFORE):
                    out.append(element)
                if op & (INSERT_AFTER | REPLACE):
                    out.append(new)
            else:
                out.append(_set_path(element, path, level + 1, new, op))
        else:
            out.append(element)
        if op & CREATE_OR_INSERT and not done and last and i == n - 1:
            out.append(new)
    return out


def _root(text: str, message: str) -> Any:
    value = decode(text)
    if _scalar(value):
        raise invalid_parameter_value(message)
    return value


def jsonb_set(target: str, path: tuple, new: str, create: bool) -> str:
    value = _root(target, "cannot set path in scalar")
    if not value and not create:
        return target
    if not path:
        return target
    return _encode(_set_path(value, path, 0, decode(new),
                             CREATE if create else REPLACE))


def jsonb_insert(target: str, path: tuple, new: str, after: bool) -> str:
    value = _root(target, "cannot set path in scalar")
    if not path:
        return target
    return _encode(_set_path(value, path, 0, decode(new),
                             INSERT_AFTER if after else INSERT_BEFORE))


def delete_path(target: str, path: tuple) -> str:
    value = _root(target, "cannot delete path in scalar")
    if not value or not path:
        return target
    return _encode(_set_path(value, path, 0, None, DELETE))


_TREATMENTS = ('null_value_treatment must be "delete_key", "return_target", '
               '"use_json_null", or "raise_exception"')


def jsonb_set_lax(target, path, new, create, treatment):
    if target is None or path is None or create is None:
        return None
    if treatment is None:
        raise invalid_parameter_value(_TREATMENTS)
    if new is not None:
        return jsonb_set(target, path, new, create)
    if treatment == "raise_exception":
        raise null_value_not_allowed("JSON value must not be null",
                                     detail='Exception was raised because '
                                     'null_value_treatment is "raise_exception".',
                                     hint="To avoid, either change the null_value_treatment "
                                     "argument or ensure that an SQL NULL is not passed.")
    if treatment == "use_json_null":
        return jsonb_set(target, path, "null", create)
    if treatment == "delete_key":
        return delete_path(target, path)
    if treatment == "return_target":
        return target
    raise invalid_parameter_value(_TREATMENTS)


# -- deletion and concatenation -----------------------------------------------


def _delete_keys(target: str, keys: Sequence) -> str:
    value = _root(target, "cannot delete from scalar")
    if not value:
        return target
    drop = {k for k in keys if k is not None}
    if isinstance(value, dict):
        return _encode({k: v for k, v in value.items() if k not in drop})
    return _encode([v for v in value if not (
        isinstance(v, str) and not isinstance(v, _Num) and v in drop)])


def delete_index(target: str, idx: int) -> str:
    value = _root(target, "cannot delete from scalar")
    if isinstance(value, dict):
        raise invalid_parameter_value("cannot delete from object using integer index")
    n = len(value)
    if not n:
        return target
    if idx < 0:
        if -idx > n:
            return target
        idx += n
    if idx >= n:
        return target
    return _encode(value[:idx] + value[idx + 1:])


def concat(a: str, b: str) -> str:
    va, vb = decode(a), decode(b)
    if isinstance(va, dict) == isinstance(vb, dict):
        if not _scalar(vb) and _count(va) == 0:
            return b
        if not _scalar(va) and _count(vb) == 0:
            return a
    if isinstance(va, dict) and isinstance(vb, dict):
        return _encode({**va, **vb})
    return _encode((va if isinstance(va, list) else [va]) +
                   (vb if isinstance(vb, list) else [vb]))


def _count(value: Any) -> int:
    return len(value) if not _scalar(value) else 1


# -- strip_nulls, pretty -------------------------------------------------------


def _strip(value: Any) -> Any:
    if isinstance(value, _Pairs):
        return _Pairs((k, _strip(v)) for k, v in value if v is not None)
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def json_strip_nulls(text: str) -> str:
    value = json.loads(text, parse_int=_Num, parse_float=_Num,
                       object_pairs_hook=_Pairs, parse_constant=_reject)
    return dump(_strip(value), compact=True)


def jsonb_pretty(text: str) -> str:
    value = decode(text)
    if _scalar(value):
        return dump(value)
    out: list[str] = []
    _pretty(value, 0, out)
    return "".join(out)


def _pretty(value: Any, level: int, out: list) -> None:
    pad = "\n" + "    " * level
    inner = "\n" + "    " * (level + 1)
    if isinstance(value, dict):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            out.append(("," if i else "") + inner + escape_json(k) + ": ")
            _pretty_value(v, level + 1, out)
        out.append(pad + "}")
    else:
        out.append("[")
        for i, v in enumerate(value):
            out.append(("," if i else "") + inner)
            _pretty_value(v, level + 1, out)
        out.append(pad + "]")


def _pretty_value(value: Any, level: int, out: list) -> None:
    if _scalar(value):
        out.append(dump(value))
    else:
        _pretty(value, level, out)


# -- inspection ------------------------------------------------------------------


def _array_length(kind: Callable[[str], str]) -> Callable[[str], int]:
    def length(text: str) -> int:
        found = kind(text)
        if found == "object":
            raise invalid_parameter_value("cannot get array length of a non-array")
        if found != "array":
            raise invalid_parameter_value("cannot get array length of a scalar")
        return len(decode(text))
    return length


def _elements(name: str, binary: bool, as_text: bool):
    def factory(types):
        def elements(text: str) -> Iterator:
            found = _text_kind(text)
            if found == "object":
                raise invalid_parameter_value("cannot extract elements from an object"
                                              if binary else f"cannot call {name} on a "
                                              "non-array")
            if found != "array":
                raise invalid_parameter_value("cannot extract elements from a scalar"
                                              if binary else f"cannot call {name} on a "
                                              "scalar")
            for piece in _element_texts(text):
                if as_text:
                    yield _as_text(piece)
                else:
                    yield piece
        return elements
    return factory


def _element_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in _HOOKS["spans"](text)]


def _as_text(piece: str) -> str | None:
    if piece.startswith('"'):
        return json.loads(piece)
    return None if piece == "null" else piece


def _object_keys(name: str, binary: bool):
    def factory(types):
        def keys(text: str) -> Iterator:
            found = _text_kind(text)
            if found == "array":
                raise invalid_parameter_value(f"cannot call {name} on an array")
            if found != "object":
                raise invalid_parameter_value(f"cannot call {name} on a scalar")
            for key, _ in decode(text, pairs=True):
                yield key
        return keys
    return factory


# -- builders --------------------------------------------------------------------


def json_object_1(arr: tuple) -> str:
    """Pairs from a flat array, or the rows of a two-column 2-D one."""
    dims = md_arrays.shape(arr)[0]
    if len(dims) == 2 and dims[1] != 2:
        raise array_subscript_error("array must have two columns")
    if len(dims) > 2:
        raise array_subscript_error("wrong number of array subscripts")
    if len(arr) % 2:
        raise array_subscript_error("array must have even number of elements")
    return _object_text(arr[0::2], arr[1::2])


def json_object_2(keys: tuple, values: tuple) -> str:
    if len(keys) != len(values):
        raise array_subscript_error("mismatched array dimensions")
    return _object_text(keys, values)


def _object_text(keys: Sequence, values: Sequence) -> str:
    parts = []
    for k, v in zip(keys, values):
        if k is None:
            raise null_value_not_allowed("null value not allowed for object key")
        parts.append(f"{escape_json(k)} : "
                     f"{'null' if v is None else escape_json(v)}")
    return "{" + ", ".join(parts) + "}"


def jsonb_object_1(arr: tuple) -> str:
    return parse_jsonb(json_object_1(arr))


def jsonb_object_2(keys: tuple, values: tuple) -> str:
    return parse_jsonb(json_object_2(keys, values))


def to_json_factory(binary: bool):
    def factory(arg_types: Sequence[q.ResultType]):
        value = _HOOKS["json_value"](arg_types[0])

        def make(settings):
            fn = value(settings)
            if binary:
                return lambda v: parse_jsonb(fn(v))
            return fn
        return make
    return factory


def array_to_json_factory(arg_types: Sequence[q.ResultType]):
    """array_to_json(a[, pretty]): to_json's array, or with `pretty` its
    top-level elements joined by ",\\n " (array_dim_to_json)."""
    element = _HOOKS["json_value"](q.ResultType.of(arg_types[0].sql_type.element))

    def make(settings):
        fn = element(settings)

        def convert(arr, pretty=False):
            sep = ",\n " if pretty else ","
            if md_arrays.ndim(arr) > 1:  # line feeds between rows only
                def item(e):
                    return "null" if e is None else fn(e)
                return "[" + sep.join(
                    md_arrays.join_nested(row, item, "[", "]", ",")
                    for row in md_arrays.outer_rows(arr)) + "]"
            return "[" + sep.join("null" if e is None else fn(e)
                                  for e in arr) + "]"
        return convert
    return make


def build_array_factory(binary: bool):
    def factory(arg_types: Sequence[q.ResultType]):
        values = [_HOOKS["json_value"](t) for t in arg_types]

        def make(settings):
            fns = [v(settings) for v in values]

            def build(*args):
                text = "[" + ", ".join("null" if a is None else f(a)
                                       for f, a in zip(fns, args)) + "]"
                return parse_jsonb(text) if binary else text
            return build
        return make
    return factory


# json_ops hands these down (it imports this module, not the reverse)
_HOOKS: dict[str, Callable] = {}


def register(json_value: Callable, spans: Callable,
             operators: dict[str, Callable]) -> None:
    _HOOKS.update(json_value=json_value, spans=spans)
    FUNCTIONS["to_json(anyelement)"] = TypedImpl(to_json_factory(False))
    FUNCTIONS["to_jsonb(anyelement)"] = TypedImpl(to_json_factory(True))
    FUNCTIONS["array_to_json(anyarray)"] = TypedImpl(array_to_json_factory)
    FUNCTIONS["array_to_json(anyarray,bool)"] = TypedImpl(array_to_json_factory)
    FUNCTIONS["json_build_array()"] = Impl(lambda: "[]")
    FUNCTIONS["jsonb_build_array()"] = Impl(lambda: "[]")
    FUNCTIONS["json_build_array(any)"] = TypedImpl(build_array_factory(False),
                                                   strict=False)
    FUNCTIONS["jsonb_build_array(any)"] = TypedImpl(build_array_factory(True),
                                                    strict=False)
    define("json_object(text[])", json_object_1)
    define("json_object(text[],text[])", json_object_2)
    define("jsonb_object(text[])", jsonb_object_1)
    define("jsonb_object(text[],text[])", jsonb_object_2)
    define("jsonb_set(jsonb,text[],jsonb,bool)", jsonb_set)
    define("jsonb_set_lax(jsonb,text[],jsonb,bool,text)", jsonb_set_lax,
           strict=False)
    define("jsonb_insert(jsonb,text[],jsonb,bool)", jsonb_insert)
    define("jsonb_strip_nulls(jsonb)", lambda t: _encode(_strip(decode(t))))
    define("json_strip_nulls(json)", json_strip_nulls)
    define("jsonb_pretty(jsonb)", jsonb_pretty)
    for t in ("jsonb", "json"):
        define(f"{t}_typeof({t})", _text_kind)
    for t, kind in (("jsonb", _jsonb_kind), ("json", _text_kind)):
        define(f"{t}_array_length({t})", _array_length(kind))
    for t in ("json", "jsonb"):
        define(f"{t}_extract_path({t},text[])", operators[f"{t} #> text[]"])
        define(f"{t}_extract_path_text({t},text[])",
               operators[f"{t} #>> text[]"])
        for suffix in ("", "_text"):
            name = f"{t}_array_elements{suffix}"
            SET_RETURNING[f"{name}({t})"] = _elements(name, t == "jsonb",
                                                      bool(suffix))
            SET_RETURNING_COLUMN[f"{name}({t})"] = "value"
        SET_RETURNING[f"{t}_object_keys({t})"] = _object_keys(
            f"{t}_object_keys", t == "jsonb")
    reg(BINARY, "jsonb - text", lambda t, k: _delete_keys(t, (k,)))
    reg(BINARY, "jsonb - text[]", _delete_keys)
    reg(BINARY, "jsonb - int4", delete_index)
    reg(BINARY, "jsonb #- text[]", delete_path)
    reg(BINARY, "jsonb || jsonb", concat)


def _jsonb_kind(text: str) -> str:
    """A jsonb scalar is a raw-scalar array to jsonb_array_length."""
    return _text_kind(text)
