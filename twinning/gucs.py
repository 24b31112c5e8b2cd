"""Run-time settings (GUCs) a session can SET, SHOW and RESET.

The table below lists the settings clients touch, with PostgreSQL 15's
defaults, types, units and whether a change is reported to the client in a
ParameterStatus message. Values are stored in PostgreSQL's internal form
(`statement_timeout` as milliseconds) and shown as SHOW shows them (`5s`).
Setting a value the twin cannot honour (a non-UTF8 client encoding) is
a 0A000 refusal, never a silently ignored change. A numeric TimeZone
('+05', 5.5) becomes the POSIX zone PostgreSQL makes of it ('<+05>-05').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from twinning.errors import (
    SqlError, cant_change_runtime_param, feature_not_supported,
    invalid_parameter_value, undefined_object,
)

SERVER_VERSION = "15.18"
SERVER_VERSION_NUM = "150018"
VERSION_STRING = (f"PostgreSQL {SERVER_VERSION} (twinning) on "
                  "x86_64-pc-linux-gnu, compiled by twinning, 64-bit")
INT_MAX = 2**31 - 1


def _invalid(name: str, value: str) -> SqlError:
    return invalid_parameter_value(f'invalid value for parameter "{name}": "{value}"')


def _bool(name: str, value: str) -> str:
    v = value.strip().lower()
    if v and ("on".startswith(v) and len(v) >= 2 or "true".startswith(v)
              or "yes".startswith(v) or v == "1"):
        return "on"
    if v and ("off".startswith(v) and len(v) >= 2 or "false".startswith(v)
              or "no".startswith(v) or v == "0"):
        return "off"
    raise invalid_parameter_value(f'parameter "{name}" requires a Boolean value')


_TIME_UNITS = {"us": 0.001, "ms": 1, "s": 1000, "min": 60000, "h": 3600000,
               "d": 86400000}
_MEMORY_UNITS = {"B": 1 / 1024, "kB": 1, "MB": 1024, "GB": 1024**2,
                 "TB": 1024**3}
_NUMBER_UNIT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$")


def _integer(name: str, value: str, unit: str | None, lo: int, hi: int) -> str:
    match = _NUMBER_UNIT.match(value)
    if not match:
        raise _invalid(name, value)
    number, suffix = match.groups()
    scale: float = 1
    if suffix:
        table = _TIME_UNITS if unit == "ms" else _MEMORY_UNITS if unit else {}
        if suffix not in table:
            hint = ('Valid units for this parameter are "us", "ms", "s", '
                    '"min", "h", and "d".' if unit == "ms" else None)
            raise invalid_parameter_value(f'invalid value for parameter "{name}": '
                                          f'"{value}"', hint=hint)
        scale = table[suffix]
    elif "." in number:
        raise _invalid(name, value)
    result = round(float(number) * scale)
    if not lo <= result <= hi:
        shown = f"{result}{' ' + unit if unit else ''}"
        raise invalid_parameter_value(f"{shown} is outside the valid range for "
                                      f'parameter "{name}" ({lo} .. {hi})')
    return str(result)


def show_with_unit(setting: str, unit: str | None) -> str:
    """SHOW's rendering: the largest unit that divides the value exactly."""
    if unit is None or setting in ("0", "-1"):
        return setting
    value = int(setting)
    table = _TIME_UNITS if unit == "ms" else _MEMORY_UNITS
    best = unit
    for name, factor in table.items():
        if factor >= table[unit] and value * table[unit] % factor == 0:
            best = name
    return f"{int(value * table[unit] // table[best])}{best}"


_STYLE_NAMES = {"iso": "ISO", "sql": "SQL", "postgres": "Postgres",
                "german": "German"}


def _datestyle(name: str, value: str, current: str = "ISO, MDY") -> str:
    """check_datestyle(): a style and/or a field order, each kept from the
    `current` value when not given (German implies DMY unless an order is
    given); DEFAULT stands for the boot value's missing parts."""
    style, order = (part.strip() for part in current.split(","))
    have_style = have_order = False
    conflict = False
    for token in (t.strip().lower() for t in value.split(",")):
        if token in _STYLE_NAMES:
            conflict |= have_style and style != _STYLE_NAMES[token]
            style, have_style = _STYLE_NAMES[token], True
            if token == "german" and not have_order:
                order = "DMY"
        elif token in ("ymd", "dmy", "mdy", "us") or token.startswith(("euro", "noneuro")):
            new = "YMD" if token == "ymd" else "DMY" if token == "dmy" or \
                token.startswith("euro") else "MDY"
            conflict |= have_order and order != new
            order, have_order = new, True
        elif token == "default":
            if not have_style:
                style = "ISO"
            if not have_order:
                order = "MDY"
        else:
            raise invalid_parameter_value(f'invalid value for parameter "DateStyle": '
                                          f'"{value}"', detail=f'Unrecognized key word: "{token}".')
    if conflict:
        raise invalid_parameter_value(f'invalid value for parameter "DateStyle": '
                                      f'"{value}"', detail='Conflicting "datestyle" specifications.')
    return f"{style}, {order}"


def _timezone(name: str, value: str) -> str:
    """pg_tzset(): IANA names (any case, shown canonically), and POSIX
    specifications without daylight rules ('+05:30', 'EST5'), shown as
    written. A bare number is hours east of UTC (`_offset_zone`)."""
    from twinning.values.timezones import lookup_zone
    if value.lower() in ("utc", "gmt", "z", "zulu", "uct"):
        return value
    if re.fullmatch(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", value):
        return _offset_zone(name, value)
    zone = lookup_zone(value)
    if zone is None:
        raise _invalid(name, value)
    from twinning.values.timezones import IanaZone
    return zone.name if isinstance(zone, IanaZone) else value


def _offset_zone(name: str, value: str) -> str:
    """check_timezone's number of hours (SQL's sign: east positive) as
    pg_tzset_offset names it, the POSIX zone '<+05>-05' that SHOW and
    ParameterStatus then report."""
    from twinning.values.timezones import lookup_zone
    gmtoffset = int(-float(value) * 3600)
    rest = abs(gmtoffset)
    text = f"{rest // 3600:02d}"
    rest %= 3600
    if rest:
        text += f":{rest // 60:02d}"
        rest %= 60
        if rest:
            text += f":{rest:02d}"
    zone = f"<-{text}>+{text}" if gmtoffset > 0 else f"<+{text}>-{text}"
    if lookup_zone(zone) is None:
        error = _invalid("TimeZone", value)
        error.detail = "UTC timezone offset is out of range."
        raise error
    return zone


def _client_encoding(name: str, value: str) -> str:
    # clean_encoding_name(): only letters and digits count ('utf-8' = UTF8)
    if "".join(c for c in value if c.isalnum()).lower() in ("utf8", "unicode"):
        return "UTF8"
    raise feature_not_supported(f'client_encoding "{value}" (only UTF8)')


def _isolation(name: str, value: str) -> str:
    v = " ".join(value.lower().split())
    if v in ("read committed", "read uncommitted", "repeatable read",
             "serializable"):
        return v
    error = _invalid(name, value)
    error.hint = ("Available values: serializable, repeatable read, "
                  "read committed, read uncommitted.")
    raise error


def _enum(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def parse(name: str, value: str) -> str:
        if value.lower() in choices:
            return value.lower()
        raise invalid_parameter_value(f'invalid value for parameter "{name}": '
                                      f'"{value}"', hint="Available values: "
                                      + ", ".join(choices) + ".")
    return parse


_intervalstyle = _enum(("postgres", "postgres_verbose", "sql_standard",
                        "iso_8601"))


def _text(name: str, value: str) -> str:
    return value


def _only(*allowed: str) -> Callable[[str, str], str]:
    def parse(name: str, value: str) -> str:
        if value.lower() in allowed:
            return value.lower()
        raise feature_not_supported(f'{name} = "{value}"')
    return parse


def _refuse_session_authorization(name: str, value: str) -> str:
    raise feature_not_supported("SET SESSION AUTHORIZATION")


@dataclass(frozen=True)
class Guc:
    name: str  # pg_settings.name spelling
    default: str
    vartype: str = "string"
    unit: str | None = None
    context: str = "user"
    report: bool = False  # sent as ParameterStatus when it changes
    parse: Callable[..., str] = field(default=_text, repr=False)
    relative: bool = False  # parse(name, value, current): DateStyle's parts

    def normalize(self, value: str, spelled: str | None = None,
                  current: str | None = None) -> str:
        """The stored form of `value`; errors name the parameter as the
        statement `spelled` it (SET IntervalStyle: "intervalstyle"). A
        relative setting completes `value` from the `current` one."""
        name = spelled or self.name
        if self.context == "internal":
            raise cant_change_runtime_param(f'parameter "{name}" cannot be changed')
        if self.relative:
            return self.parse(name, value, current or self.default)
        return self.parse(name, value)

    def show(self, setting: str) -> str:
        return show_with_unit(setting, self.unit)


def _int_guc(name: str, default: str, lo: int = 0, hi: int = INT_MAX,
             unit: str | None = "ms") -> Guc:
    return Guc(name, default, "integer", unit,
               parse=lambda n, v: _integer(n, v, unit, lo, hi))


def _text_search_config(name: str, value: str) -> str:
    """check_default_text_search_config: a configuration that exists,
    stored schema-qualified."""
    from twinning.values.tsparse import config_name, config_oid
    try:
        oid = config_oid(value)
    except SqlError:
        raise _invalid(name, value) from None
    return f"pg_catalog.{config_name(oid)}"


def _bool_guc(name: str, default: str, **kw) -> Guc:
    return Guc(name, default, "bool", parse=_bool, **kw)


GUCS: dict[str, Guc] = {g.name.lower(): g for g in (
    Guc("application_name", "", report=True),
    Guc("client_encoding", "UTF8", report=True, parse=_client_encoding),
    Guc("DateStyle", "ISO, MDY", report=True, parse=_datestyle, relative=True),
    Guc("IntervalStyle", "postgres", "enum", report=True, parse=_intervalstyle),
    Guc("TimeZone", "UTC", report=True, parse=_timezone),
    _int_guc("extra_float_digits", "1", -15, 3, unit=None),
    Guc("search_path", '"$user", public'),
    _bool_guc("jit", "on"),  # accepted; the twin compiles nothing
    Guc("default_table_access_method", "heap",
        parse=_only("heap")),
    _int_guc("statement_timeout", "0"),
    _int_guc("lock_timeout", "0"),
    _int_guc("idle_in_transaction_session_timeout", "0"),
    _int_guc("idle_session_timeout", "0"),
    Guc("standard_conforming_strings", "on", "bool", report=True,
        parse=_only("on", "true", "1", "yes")),
    Guc("default_transaction_isolation", "read committed", "enum",
        parse=_isolation),
    Guc("transaction_isolation", "read committed", "enum", parse=_isolation),
    _bool_guc("default_transaction_read_only", "off", report=True),
    _bool_guc("transaction_read_only", "off"),
    _bool_guc("default_transaction_deferrable", "off"),
    _bool_guc("transaction_deferrable", "off"),
    Guc("server_version", SERVER_VERSION, context="internal", report=True),
    Guc("server_version_num", SERVER_VERSION_NUM, "integer", context="internal"),
    Guc("server_encoding", "UTF8", context="internal", report=True),
    Guc("integer_datetimes", "on", "bool", context="internal", report=True),
    Guc("is_superuser", "on", "bool", context="internal", report=True),
    Guc("in_hot_standby", "off", "bool", context="internal", report=True),
    Guc("max_identifier_length", "63", "integer", context="internal"),
    Guc("block_size", "8192", "integer", context="internal"),
    Guc("bytea_output", "hex", "enum", parse=_enum(("escape", "hex"))),
    Guc("client_min_messages", "notice", "enum", parse=_enum((
        "debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice",
        "warning", "error"))),
    Guc("lc_messages", "C", context="superuser"),
    Guc("lc_monetary", "C"), Guc("lc_numeric", "C"), Guc("lc_time", "C"),
    Guc("timezone_abbreviations", "Default"),
    _bool_guc("row_security", "on"),
    _bool_guc("check_function_bodies", "on"),  # CREATE FUNCTION's body check
    _bool_guc("escape_string_warning", "on"),
    _bool_guc("array_nulls", "on"),
    _bool_guc("jit", "on"),
    Guc("synchronous_commit", "on", "enum", parse=_enum((
        "local", "remote_write", "remote_apply", "on", "off"))),
    Guc("default_text_search_config", "pg_catalog.english",
        parse=_text_search_config),
    Guc("xmloption", "content", "enum", parse=_enum(("content", "document"))),
    # what a client asks before hashing a password itself (PQencryptPasswordConn)
    Guc("password_encryption", "scram-sha-256", "enum",
        parse=_enum(("md5", "scram-sha-256"))),
    _int_guc("work_mem", "4096", 64, INT_MAX, unit="kB"),
    Guc("backslash_quote", "safe_encoding", "enum", parse=_enum((
        "safe_encoding", "on", "off"))),
    Guc("session_authorization", "", context="superuser", report=True,
        parse=_refuse_session_authorization),
)}

# Every setting's default: a new session's settings are a copy.
DEFAULTS: dict[str, str] = {g.name: g.default for g in GUCS.values()}
# The settings a server reports (ParameterStatus), in the order it sends
# them at startup.
REPORTED: tuple[Guc, ...] = tuple(sorted((g for g in GUCS.values() if g.report),
                                         key=lambda g: g.name.lower()))

# Settings SHOW ALL leaves out (GUC_NO_SHOW_ALL in PostgreSQL).
NO_SHOW_ALL = frozenset({"is_superuser", "session_authorization"})

# pg_settings.short_desc of PostgreSQL 15, for SHOW ALL's third column.
DESCRIPTIONS: dict[str, str] = {
    'application_name': 'Sets the application name to be reported in statistics and logs.',
    'array_nulls': 'Enable input of NULL elements in arrays.',
    'backslash_quote': 'Sets whether "\\\'" is allowed in string literals.',
    'block_size': 'Shows the size of a disk block.',
    'bytea_output': 'Sets the output format for bytea.',
    'client_encoding': "Sets the client's character set encoding.",
    'client_min_messages': 'Sets the message levels that are sent to the client.',
    'datestyle': 'Sets the display format for date and time values.',
    'default_text_search_config': 'Sets default text search configuration.',
    'default_transaction_deferrable': 'Sets the default deferrable status of new transactions.',
    'default_transaction_isolation': 'Sets the transaction isolation level of each new transaction.',
    'default_transaction_read_only': 'Sets the default read-only status of new transactions.',
    'escape_string_warning': 'Warn about backslash escapes in ordinary string literals.',
    'extra_float_digits': 'Sets the number of digits displayed for floating-point values.',
    'idle_in_transaction_session_timeout': 'Sets the maximum allowed idle time between queries, when in a transaction.',
    'idle_session_timeout': 'Sets the maximum allowed idle time between queries, when not in a transaction.',
    'in_hot_standby': 'Shows whether hot standby is currently active.',
    'integer_datetimes': 'Shows whether datetimes are integer based.',
    'intervalstyle': 'Sets the display format for interval values.',
    'jit': 'Allow JIT compilation.',
    'lc_messages': 'Sets the language in which messages are displayed.',
    'lc_monetary': 'Sets the locale for formatting monetary amounts.',
    'lc_numeric': 'Sets the locale for formatting numbers.',
    'lc_time': 'Sets the locale for formatting date and time values.',
    'lock_timeout': 'Sets the maximum allowed duration of any wait for a lock.',
    'max_identifier_length': 'Shows the maximum identifier length.',
    'row_security': 'Enable row security.',
    'check_function_bodies': 'Check routine bodies during CREATE FUNCTION '
    'and CREATE PROCEDURE.',
    'search_path': 'Sets the schema search order for names that are not schema-qualified.',
    'server_encoding': 'Shows the server (database) character set encoding.',
    'server_version': 'Shows the server version.',
    'server_version_num': 'Shows the server version as an integer.',
    'standard_conforming_strings': "Causes '...' strings to treat backslashes literally.",
    'statement_timeout': 'Sets the maximum allowed duration of any statement.',
    'synchronous_commit': "Sets the current transaction's synchronization level.",
    'timezone': 'Sets the time zone for displaying and interpreting time stamps.',
    'timezone_abbreviations': 'Selects a file of time zone abbreviations.',
    'transaction_deferrable': 'Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.',
    'transaction_isolation': "Sets the current transaction's isolation level.",
    'transaction_read_only': "Sets the current transaction's read-only status.",
    'work_mem': 'Sets the maximum memory to be used for query workspaces.',
    'xmloption': 'Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments.',
}



def lookup(name: str) -> Guc | None:
    """A setting by (case-insensitive) name; `transaction isolation level`
    and friends are the aliases SHOW accepts."""
    key = name.lower()
    key = {"transaction isolation level": "transaction_isolation",
           "time zone": "timezone", "session authorization":
           "session_authorization"}.get(key, key)
    return GUCS.get(key)


def unrecognized(name: str) -> SqlError:
    return undefined_object(f'unrecognized configuration parameter "{name}"')
