"""The json and jsonb operators extractors use: `->`, `->>`, `#>`, `#>>`,
`@>`, `<@`, `?`, `?|`, `?&`; jsonb equality and btree order;
json[b]_build_object and to_json's conversion of one value (`json_value`).
The other json functions live in `jsonb_edit`, registered from here.

Both types are stored as text (json verbatim, jsonb in its canonical
output form, `twinning.values.json`), so field and element access cut the
value's own text: a json result keeps its original spacing and number
spelling, exactly as PostgreSQL's json operators return it, and a slice
of canonical jsonb text is itself canonical. `->>` de-escapes a string
and gives SQL NULL for JSON null. Containment and key existence decode
the value (numbers as Decimal, so 1.0 equals 1.00) and follow jsonb's
rules: objects contain objects key by key, arrays contain arrays element
by element in any order, and only a top-level array contains a bare
scalar.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from json.decoder import scanstring
from typing import Any, Callable, Sequence

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, invalid_parameter_value,
)
from twinning.ir import query as q
from twinning.passes.expr.ordering import equality_key
from twinning.passes.expr.registry import (BINARY, FLOATS, FUNCTIONS, INTS,
                                           SET_RETURNING, Impl, PY_COMPARE,
                                           TypedImpl, define, output, reg)
from twinning.passes.expr.types import element_of, is_array, result_type
from twinning.passes.expr import json_each, jsonb_edit
from twinning.passes.expr.records import record_of
from twinning.values import md_arrays
from twinning.values.json import escape_json, parse_jsonb
from twinning.values.keys import jsonb_sort_key

__all__ = ["OPERATORS", "register"]

_DECODER, _WS, _skip = json_each.DECODER, json_each.WHITESPACE, json_each.skip_space


def _end(text: str, i: int) -> int:
    """Where the JSON value starting at `i` ends."""
    return _DECODER.raw_decode(text, i)[1]


def _field(text: str, key: str) -> str | None:
    """The text of an object's member `key` (the last one when repeated,
    as json's operators find it), or None."""
    i = _skip(text, 0)
    if not text.startswith("{", i):
        return None
    found = None
    i = _skip(text, i + 1)
    while i < len(text) and text[i] != "}":
        name, i = scanstring(text, i + 1)
        i = _skip(text, _skip(text, i) + 1)  # past ':'
        end = _end(text, i)
        if name == key:
            found = text[i:end]
        i = _skip(text, end)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
    return found


def element_spans(text: str) -> list[tuple[int, int]]:
    """Where each element of a json array starts and ends."""
    i = _skip(text, 0)
    spans = []
    i = _skip(text, i + 1)
    while i < len(text) and text[i] != "]":
        end = _end(text, i)
        spans.append((i, end))
        i = _skip(text, end)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
    return spans


def _element(text: str, index: int) -> str | None:
    """The text of an array's element `index` (negative: from the end)."""
    if not text.startswith("[", _skip(text, 0)):
        return None
    spans = element_spans(text)
    if index < 0:
        index += len(spans)
    if not 0 <= index < len(spans):
        return None
    start, end = spans[index]
    return text[start:end]


def _jsonb_element(text: str, index: int) -> str | None:
    """jsonb stores a bare scalar as a one-element array, and `->` with
    an index sees it so (`'"x"'::jsonb -> -1` is "x")."""
    if text[:1] not in "[{":
        return text if index in (0, -1) else None
    return _element(text, index)


def _path(text: str, path: tuple) -> str | None:
    value: str | None = text
    for step in path:
        if value is None or step is None:
            return None
        if _skip(value, 0) < len(value) and value[_skip(value, 0)] == "[":
            try:
                value = _element(value, int(step))
            except ValueError:
                return None
        else:
            value = _field(value, step)
    return value


def _as_text(value: str | None) -> str | None:
    """`->>`: a string de-escaped, JSON null as SQL NULL, else the text."""
    if value is None:
        return None
    value = value.strip(_WS)
    if value.startswith('"'):
        return scanstring(value, 1)[0]
    if value == "null":
        return None
    return value


def _decode(text: str) -> Any:
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def _scalar_equal(a: Any, b: Any) -> bool:
    """JSON scalars: same kind (true is not 1) and same value."""
    return type(a) is type(b) and a == b


def _contains(a: Any, b: Any, top: bool = True) -> bool:
    if isinstance(a, dict):
        return isinstance(b, dict) and all(
            k in a and _contains(a[k], v, False) for k, v in b.items())
    if isinstance(a, list):
        if isinstance(b, list):
            return all(any(_contains(x, y, False) for x in a) for y in b)
        return top and not isinstance(b, dict) and any(
            not isinstance(x, (dict, list)) and _scalar_equal(x, b)
            for x in a)
    return not isinstance(b, (dict, list)) and _scalar_equal(a, b)


def _has_key(value: Any, key: str) -> bool:
    if isinstance(value, dict):
        return key in value
    if isinstance(value, list):
        return any(isinstance(x, str) and x == key for x in value)
    return isinstance(value, str) and value == key


def _keys(want: Callable[..., bool]) -> Callable[[str, tuple], bool]:
    def test(text: str, keys: tuple) -> bool:
        value = _decode(text)
        return want(_has_key(value, k) for k in keys if k is not None)
    return test


OPERATORS: dict[str, Callable] = {}
for _t, _index in (("json", _element), ("jsonb", _jsonb_element)):
    OPERATORS[f"{_t} -> text"] = _field
    OPERATORS[f"{_t} -> int4"] = _index
    OPERATORS[f"{_t} ->> text"] = lambda v, k: _as_text(_field(v, k))
    OPERATORS[f"{_t} ->> int4"] = (lambda index: lambda v, i: _as_text(
        index(v, i)))(_index)
    OPERATORS[f"{_t} #> text[]"] = _path
    OPERATORS[f"{_t} #>> text[]"] = lambda v, p: _as_text(_path(v, p))
OPERATORS["jsonb @> jsonb"] = lambda a, b: _contains(_decode(a), _decode(b))
OPERATORS["jsonb <@ jsonb"] = lambda a, b: _contains(_decode(b), _decode(a))
OPERATORS["jsonb ? text"] = lambda v, k: _has_key(_decode(v), k)
OPERATORS["jsonb ?| text[]"] = _keys(any)
OPERATORS["jsonb ?& text[]"] = _keys(all)


# -- json_build_object ----------------------------------------------------------------


def json_value(rtype: q.ResultType):
    """to_json() of one value (datum_to_json): numbers bare, booleans,
    strings escaped, json verbatim, arrays as array_to_json prints them,
    dates and timestamps in ISO 8601 (XSD) form; other types through their
    output text."""
    name = rtype.name
    record = record_of(rtype)
    if record is not None:
        return composite_json(record)
    if name in INTS:
        return lambda settings: str
    if name == "numeric":  # NaN and Infinity are no JSON numbers: quoted
        return lambda settings: (lambda v: str(v) if v.is_finite()
                                 else escape_json(str(v)))
    if name in FLOATS:
        def make_float(settings):
            fmt = output(name)(settings)
            return lambda v: fmt(v) if math.isfinite(v) else escape_json(fmt(v))
        return make_float
    if name == "bool":
        return lambda settings: (lambda v: "true" if v else "false")
    if name in ("json", "jsonb"):
        return lambda settings: str
    if is_array(name):
        inner = json_value(element_of(rtype))

        def make_array(settings):
            fn = inner(settings)
            def array(v):
                if type(v) is md_arrays.MdArray:  # nested, bounds dropped
                    return md_arrays.join_nested(
                        v, lambda e: "null" if e is None else fn(e),
                        "[", "]", ",")
                return "[" + ",".join(
                    "null" if e is None else fn(e) for e in v) + "]"
            return array
        return make_array
    out = output(name)
    if name in ("timestamp", "timestamptz"):
        # EncodeDateTime(USE_XSD_DATES): 'T' between date and time, a zone
        # always with minutes; the twin's DateStyle is always ISO
        def make_stamp(settings):
            fmt = out(settings)

            def stamp(v):
                text = fmt(v)
                if text[:1].isdigit():
                    text = _XSD_ZONE.sub(r"\1:00\2", text.replace(" ", "T", 1))
                return escape_json(text)
            return stamp
        return make_stamp
    return lambda settings: (lambda v, fmt=out(settings): escape_json(fmt(v)))


def composite_json(record: Any, separator: str = ","):
    """composite_to_json(): the fields as an object, in order."""
    keys = [escape_json(name) + ":" for name, _ in record.fields]
    fields = [json_value(q.ResultType.of(t)) for _, t in record.fields]

    def make(settings):
        fns = [f(settings) for f in fields]
        return lambda v: "{" + separator.join(
            key + ("null" if e is None else fn(e))
            for key, fn, e in zip(keys, fns, v)) + "}"
    return make


def _row_to_json(arg_types: Sequence[q.ResultType]):
    """row_to_json(record[, pretty]): pretty puts each field on a line."""
    plain = composite_json(record_of(arg_types[0]))
    pretty = composite_json(record_of(arg_types[0]), ",\n ")

    def make(settings):
        one, other = plain(settings), pretty(settings)
        return lambda v, lines=False: (other if lines else one)(v)
    return make


_XSD_ZONE = re.compile(r"([+-]\d\d)((?: BC)?)$")


def _json_build_object_factory(binary: bool):
    def factory(arg_types: Sequence[q.ResultType]):
        if len(arg_types) % 2:
            raise invalid_parameter_value("argument list must have even number of "
                                          "elements", hint="The arguments of "
                                          f"{'jsonb' if binary else 'json'}_build_object() "
                                          "must consist of alternating keys and values.")
        keys = [output(t.name, as_cast=True) for t in arg_types[0::2]]
        values = [json_value(t) for t in arg_types[1::2]]

        def make(settings):
            key_fns = [k(settings) for k in keys]
            value_fns = [v(settings) for v in values]

            def build(*args):
                parts = []
                for i, (kf, vf) in enumerate(zip(key_fns, value_fns)):
                    key, value = args[2 * i], args[2 * i + 1]
                    if key is None:
                        raise invalid_parameter_value(f"argument {2 * i + 1} cannot "
                                                      "be null", hint="Object keys should be "
                                                      "text.")
                    shown = "null" if value is None else vf(value)
                    parts.append(f"{escape_json(kf(key))} : {shown}")
                text = "{" + ", ".join(parts) + "}"
                return parse_jsonb(text) if binary else text
            return build
        return make
    return factory


def undetermined(name: str) -> Callable:
    """json_to_record & co. called where no column definition list types
    them (in FROM with one: passes/column_definitions.populator)."""
    def call(*args: Any) -> Any:
        raise SqlError(FEATURE_NOT_SUPPORTED, "could not determine row type for result of "
                                     f"{name}", hint="Provide a non-null record argument, or "
                                     "call the function in the FROM clause using a column "
                                     "definition list.")
    return call


def register() -> None:
    for name in ("json_to_record", "jsonb_to_record"):  # in FROM with a
        kind = name.split("_")[0]  # column definition list only
        define(f"{name}({kind})", undetermined(name), strict=False)
        SET_RETURNING[f"{name}set({kind})"] = (
            lambda types, name=name: undetermined(f"{name}set"))
    # jsonb equality is structural (numbers by value, keys unordered): the
    # store's hash key already decodes a value that way
    jsonb_key = equality_key(result_type("jsonb"))
    reg(BINARY, "jsonb = jsonb", lambda a, b: jsonb_key(a) == jsonb_key(b))
    reg(BINARY, "jsonb <> jsonb", lambda a, b: jsonb_key(a) != jsonb_key(b))
    for op in ("<", ">", "<=", ">="):  # jsonb's btree order
        reg(BINARY, f"jsonb {op} jsonb", (lambda cmp: lambda a, b: cmp(
            jsonb_sort_key(a), jsonb_sort_key(b)))(PY_COMPARE[op]))
    for sig, fn in OPERATORS.items():
        reg(BINARY, sig, fn)
    FUNCTIONS["json_build_object()"] = Impl(lambda: "{}")
    FUNCTIONS["json_build_object(any)"] = TypedImpl(
        _json_build_object_factory(False), strict=False)
    FUNCTIONS["jsonb_build_object()"] = Impl(lambda: "{}")
    FUNCTIONS["jsonb_build_object(any)"] = TypedImpl(
        _json_build_object_factory(True), strict=False)
    FUNCTIONS["row_to_json(record)"] = TypedImpl(_row_to_json)
    FUNCTIONS["row_to_json(record,bool)"] = TypedImpl(_row_to_json)
    jsonb_edit.register(json_value, element_spans, OPERATORS)
    json_each.register()
