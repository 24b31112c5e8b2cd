"""Session settings that change how values are read and written.

`FormatSettings` carries the four GUCs that influence input/output
functions (DateStyle, IntervalStyle, TimeZone, extra_float_digits) with
PostgreSQL 15's defaults for a UTC server. It is frozen and hashable so
parsed forms (date order, zone object) are cached per distinct settings.

Values are the canonical spellings `SHOW` prints: DateStyle 'ISO, MDY',
IntervalStyle 'postgres', TimeZone an IANA name ('Europe/Paris', 'UTC') or
PostgreSQL's POSIX form for fixed offsets ('<+05:30>-05:30', 'EST5').
Turning user input of SET into these (SET TIME ZONE 5.5, INTERVAL '…')
is the session layer's job.
"""

from __future__ import annotations

from functools import lru_cache

from twinning.ir.node import node
from twinning.errors import invalid_parameter_value


@node
class FormatSettings:
    datestyle: str = "ISO, MDY"
    intervalstyle: str = "postgres"
    timezone: str = "UTC"
    extra_float_digits: int = 1
    bytea_output: str = "hex"


DEFAULT_SETTINGS = FormatSettings()

DATE_STYLES = ("ISO", "SQL", "POSTGRES", "GERMAN")
DATE_ORDERS = ("MDY", "DMY", "YMD")
INTERVAL_STYLES = ("postgres", "postgres_verbose", "sql_standard", "iso_8601")


@lru_cache(maxsize=64)
def parse_datestyle(datestyle: str) -> tuple[str, str]:
    """(output style, field order) from a DateStyle value such as 'ISO, MDY'.

    Mirrors check_datestyle(): words may come in any order; 'German' implies
    DMY unless an order is given; 'Euro'/'European' mean DMY and
    'US'/'NonEuro'/'NonEuropean' mean MDY.
    """
    style: str | None = None
    order: str | None = None
    for raw in datestyle.split(","):
        word = raw.strip().upper()
        if word in DATE_STYLES:
            style = word
        elif word in DATE_ORDERS:
            order = word
        elif word in ("EURO", "EUROPEAN"):
            order = "DMY"
        elif word in ("US", "NONEURO", "NONEUROPEAN"):
            order = "MDY"
        elif word == "DEFAULT":
            style, order = "ISO", "MDY"
        else:
            raise invalid_parameter_value(f'invalid value for parameter "DateStyle": "{datestyle}"',
                                          detail=f'Unrecognized key word: "{raw.strip()}".')
    if style is None:
        style = "ISO"
    if order is None:
        order = "DMY" if style == "GERMAN" else "MDY"
    return style, order


def interval_style(settings: FormatSettings) -> str:
    style = settings.intervalstyle.lower()
    if style not in INTERVAL_STYLES:
        raise invalid_parameter_value(f'invalid value for parameter "IntervalStyle": "{settings.intervalstyle}"')
    return style
