"""uuid: string_to_uuid() and uuid_out.

32 hex digits, optionally wrapped in braces, with an optional hyphen after
any group of four digits (so both the standard 8-4-4-4-12 form and e.g.
'a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11' are accepted). No whitespace.
"""

from __future__ import annotations

import re

from twinning.deferred import deferred
from twinning.values.common import invalid_syntax

uuid = deferred("uuid", globals(), "uuid")  # its import takes `platform`

_UUID = re.compile(r"(\{)?((?:[0-9a-fA-F]{4}-?){7}[0-9a-fA-F]{4})(\})?\Z")


def parse_uuid(text: str) -> uuid.UUID:
    m = _UUID.match(text)
    if m is None or bool(m.group(1)) != bool(m.group(3)):
        raise invalid_syntax("uuid", text)
    return uuid.UUID(hex=m.group(2).replace("-", ""))


def format_uuid(value: uuid.UUID) -> str:
    return str(value)
