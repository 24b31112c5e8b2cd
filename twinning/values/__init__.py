"""PostgreSQL 15's input/output functions for every type twinning supports.

The contract, per SqlType `t`:
- `parse_text(t, text, settings)` is the type's input function called the
  way PostgreSQL calls it for literals and Bind parameters: with typmod -1
  (interval excepted: its typmod steers field interpretation). Apply the
  column's typmod afterwards with `apply_typmod`; `coerce_text` does both,
  which is what COPY and an INSERT of a literal do.
- `apply_typmod(t, value, explicit=)` is the length/precision coercion
  (varchar(n), char(n), numeric(p,s), time(p), timestamp(p), interval).
- `format_text(t, value, settings)` is the output function
  (`wire_text.text_encoder` gives the result hot path C-level encoders
  for the common types, held to it by property tests).
- `encode_binary` / `decode_binary` are typsend / typreceive.
- `to_plain` / `from_plain` map values to and from snapshot plain trees;
  `same_value` compares two values by that form.
- `keys.key_function` gives the equality key PostgreSQL's `=` implies.

Failures raise `twinning.errors.SqlError` with PostgreSQL's SQLSTATE and
message. What PostgreSQL accepts but the twin cannot represent
(a TimeZone it has no rules for, …) raises 0A000 instead of approximating. now, today,
tomorrow and yesterday read the transaction's start time
(`dtparse.set_transaction_clock`).

Per-row work stays cheap: `parser_for`, `formatter_for`, `typmod_for`,
`encoder_for`, `decoder_for`, `to_plain_for` and `from_plain_for` return a
callable bound once per column (and settings), so a bulk load pays one
dict lookup per column, not per value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.ir.types import RecordType, SqlType
from twinning.values import arrays, binary, boolean, bytea, floats, integers, numeric, text
from twinning.values import json as json_
from twinning.values import datetime as dt
from twinning.values import enums, records, system
from twinning.values import bits, md_arrays, money, uuid_
from twinning.deferred import deferred
from twinning.values.datetime import Interval
from twinning.values.plain import (from_plain, from_plain_for, same_value,
                                   to_plain, to_plain_for)
from twinning.values.settings import DEFAULT_SETTINGS, FormatSettings

# types a schema load and a first query rarely meet: loaded on first use
jsonpath = deferred("twinning.values.jsonpath", globals(), "jsonpath")
timetz = deferred("twinning.values.timetz", globals(), "timetz")
tsearch = deferred("twinning.values.tsearch", globals(), "tsearch")
tsparse = deferred("twinning.values.tsparse", globals(), "tsparse")
xml = deferred("twinning.values.xml", globals(), "xml")

__all__ = [
    "DEFAULT_SETTINGS", "FormatSettings", "Interval", "apply_typmod", "coerce_text",
    "decode_binary", "decoder_for", "encode_binary", "encoder_for", "format_text",
    "formatter_for", "from_plain", "from_plain_for", "parse_text", "parser_for",
    "same_value", "to_plain", "to_plain_for",
    "typmod_for",
]

encode_binary = binary.encode_binary
decode_binary = binary.decode_binary
encoder_for = binary.encoder_for
decoder_for = binary.decoder_for


def _anonymous_record_in(text: str) -> object:
    """record_in() of type record itself: raised where a value is read."""
    raise SqlError(FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not "
                                 "implemented")


def _scalar_parser(t: SqlType, settings: FormatSettings) -> Callable[[str], object]:
    if isinstance(t.user, RecordType):
        if t.user.anonymous:
            return _anonymous_record_in
        return records.record_in([(lambda p, m: (lambda s: m(p(s))))(
            parser_for(f, settings), typmod_for(f)) for _, f in t.user.fields])
    if t.user is not None:
        return enums.parser(t.user)
    name = t.name
    if name in integers.INT_TYPES:
        return integers.make_int_parser(name)
    simple = {
        "bool": boolean.parse_bool,
        "float4": floats.parse_float4,
        "float8": floats.parse_float8,
        "numeric": numeric.parse_numeric,
        "text": text.parse_text,
        "varchar": text.parse_text,
        "bpchar": text.parse_text,
        "bytea": bytea.parse_bytea,
        "uuid": uuid_.parse_uuid,
        "json": json_.parse_json,
        "jsonb": json_.parse_jsonb,
        "regconfig": _regconfig_in,
        "bit": bits.parse_bits,
        "varbit": bits.parse_bits,
        "money": money.parse_money,
    }.get(name) or _deferred_io(name, 0)
    if simple is not None:
        return simple
    if name == "timetz":  # its module is deferred
        return lambda s: timetz.parse_timetz(s, settings)
    dated = {  # the inputs that read DateStyle and TimeZone
        "date": dt.parse_date, "time": dt.parse_time,
        "timestamp": dt.parse_timestamp,
        "timestamptz": dt.parse_timestamptz,
    }.get(name)
    if dated is not None:
        return lambda s: dated(s, settings)
    if name == "interval":
        typmod = t.typmod
        return lambda s: dt.parse_interval(s, settings, typmod)
    found = _SYSTEM_PARSERS.get(name)
    if found is not None:
        return found
    if name in _REG_NAMES:
        return lambda s: _reg_input(name, s)
    raise KeyError(name)


def _regconfig_in(text: str) -> system.RegOid:
    """regconfigin over the built-in configurations (the twin has no
    CREATE TEXT SEARCH CONFIGURATION)."""
    oid = tsparse.config_oid(text)
    return system.RegOid(oid, tsparse.config_name(oid))


def _reg_input(type_name: str, text: str):
    """A reg* input without the catalog: an OID written as a number, or
    the name kept as a `RegName` for the expression layer to resolve
    against the session's catalog (`twinning.system_catalog`)."""
    value = system.parse_reg_numeric(text, type_name)
    if value is None:
        return system.RegName(text, type_name)
    return value


def _refuse_input(type_name: str):
    def parse(text: str):
        raise SqlError(FEATURE_NOT_SUPPORTED, f"input of type {type_name} is not supported "
                                     "by twinning")
    return parse


# the types whose input/output live in deferred modules: type → (module's
# name here, input function, output function), read only when asked for
_DEFERRED_IO = {
    "xml": ("xml", "parse_xml", "format_xml"),
    "tsvector": ("tsearch", "parse_tsvector", "format_tsvector"),
    "tsquery": ("tsearch", "parse_tsquery", "format_tsquery"),
    "jsonpath": ("jsonpath", "parse_jsonpath", "format_jsonpath"),
    "regconfig": ("tsparse", None, "config_name"),
    "timetz": ("timetz", None, "format_timetz"),
}


def _deferred_io(name: str, output: int) -> Callable | None:
    """The input (0) or output (1) function of a deferred module's type,
    loading the module now; None for a type without one there."""
    module, *functions = _DEFERRED_IO.get(name, (None, None, None))
    if functions[output] is None:
        return None
    return getattr(globals()[module], functions[output])
_REG_NAMES = frozenset({"regproc", "regclass", "regtype", "regnamespace",
                        "regrole"})
_SYSTEM_PARSERS: dict[str, Callable[[str], object]] = {
    "oid": system.parse_oid,
    "xid": system.parse_xid,
    "cid": system.parse_xid,
    "tid": system.parse_tid,
    "name": system.parse_name,
    "char": system.parse_char,
    "int2vector": system.parse_int2vector,
    "oidvector": system.parse_oidvector,
    "pg_node_tree": _refuse_input("pg_node_tree"),
    "aclitem": _refuse_input("aclitem"),
    "anyarray": _refuse_input("anyarray"),
}
_SYSTEM_FORMATTERS: dict[str, Callable[[object], str]] = {
    "oid": system.format_oid, "xid": system.format_oid,
    "cid": system.format_oid,
    "regproc": system.format_reg, "regclass": system.format_reg,
    "regtype": system.format_reg, "regnamespace": system.format_reg,
    "regrole": system.format_reg,
    "tid": system.format_tid,
    "name": str, "pg_node_tree": str, "aclitem": str, "anyarray": str,
    "char": system.format_char,
    "int2vector": system.format_vector, "oidvector": system.format_vector,
}


@lru_cache(maxsize=1024)
def parser_for(t: SqlType, settings: FormatSettings = DEFAULT_SETTINGS) -> Callable[[str], object]:
    """The input function for `t` under `settings`, as a one-argument callable."""
    return _element_wise(t, _scalar_parser(t.element, settings), arrays.parse_array)


def _element_wise(t: SqlType, element: Callable, over_array: Callable) -> Callable:
    """`element` itself for a scalar type; for an array type,
    `over_array(value, element)`."""
    if not t.is_array:
        return element
    return lambda v: over_array(v, element)


def _scalar_formatter(t: SqlType, settings: FormatSettings) -> Callable[[object], str]:
    if isinstance(t.user, RecordType):
        return records.record_out([formatter_for(f, settings)
                                   for _, f in t.user.fields])
    if t.user is not None:
        return str
    name = t.name
    if name in ("int2", "int4", "int8"):
        return str
    if name == "float8":
        efd = settings.extra_float_digits
        return lambda v: floats.format_float8(v, efd)
    if name == "float4":
        efd = settings.extra_float_digits
        return lambda v: floats.format_float4(v, efd)
    if name == "bytea" and settings.bytea_output == "escape":
        return bytea.format_bytea_escape
    simple = {
        "bool": boolean.format_bool,
        "numeric": numeric.format_numeric,
        "text": str, "varchar": str, "bpchar": str,
        "bytea": bytea.format_bytea,
        "uuid": uuid_.format_uuid,
        "json": json_.format_json, "jsonb": json_.format_json,
        "bit": str, "varbit": str,
        "money": money.format_money,
    }.get(name) or _deferred_io(name, 1)
    if simple is not None:
        return simple
    system_format = _SYSTEM_FORMATTERS.get(name)
    if system_format is not None:
        return system_format
    fmt = {"date": dt.format_date, "time": dt.format_time,
           "timestamp": dt.format_timestamp, "timestamptz": dt.format_timestamptz,
           "interval": dt.format_interval}[name]
    return lambda v: fmt(v, settings)


@lru_cache(maxsize=1024)
def formatter_for(t: SqlType, settings: FormatSettings = DEFAULT_SETTINGS) -> Callable[[object], str]:
    """The output function for `t` under `settings`."""
    return _element_wise(t, _scalar_formatter(t.element, settings), arrays.format_array)


def _identity(value):
    return value


def _scalar_typmod(t: SqlType, explicit: bool) -> Callable[[object], object]:
    typmod = t.typmod
    if typmod < 0 and t.name != "interval":
        return _identity
    name = t.name
    if name == "varchar":
        return lambda v: text.apply_varchar_typmod(v, typmod, explicit)
    if name == "bit":
        return bits.bit_typmod(typmod, explicit)
    if name == "varbit":
        return bits.varbit_typmod(typmod, explicit)
    if name == "bpchar":
        return lambda v: text.apply_bpchar_typmod(v, typmod, explicit)
    apply = {
        "numeric": numeric.apply_numeric_typmod,
        "timestamp": dt.apply_timestamp_typmod,
        "timestamptz": dt.apply_timestamp_typmod,
        "time": dt.apply_time_typmod,
        "timetz": timetz.apply_typmod,
        "interval": dt.apply_interval_typmod,
    }.get(name)
    if apply is not None:
        return lambda v: apply(v, typmod)
    return _identity


@lru_cache(maxsize=1024)
def typmod_for(t: SqlType, explicit: bool = False) -> Callable[[object], object]:
    """The length/precision coercion to `t`'s typmod, as a callable."""
    element = _scalar_typmod(t.element, explicit)
    if element is _identity:
        return element
    return _element_wise(t, element, md_arrays.map_elements)


def parse_text(t: SqlType, text_value: str, settings: FormatSettings = DEFAULT_SETTINGS):
    return parser_for(t, settings)(text_value)


def format_text(t: SqlType, value, settings: FormatSettings = DEFAULT_SETTINGS) -> str:
    return formatter_for(t, settings)(value)


def apply_typmod(t: SqlType, value, *, explicit: bool = False):
    return typmod_for(t, explicit)(value)


def coerce_text(t: SqlType, text_value: str, settings: FormatSettings = DEFAULT_SETTINGS):
    """Input for a typed column (COPY, INSERT of a literal): parse, then
    apply the column typmod with assignment semantics."""
    return typmod_for(t, False)(parser_for(t, settings)(text_value))
