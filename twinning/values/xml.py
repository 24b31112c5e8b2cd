"""xml: input checked to be well-formed XML content, kept as written.

PostgreSQL's xml_in (XMLOPTION CONTENT, the default) parses the text with
libxml2 and keeps the text itself; xml_out drops a leading XML
declaration that only says version 1.0 (and writes one back with the
version and standalone when it says more). Well-formedness is checked here
with expat over the content wrapped in one element: the same texts are
refused (2200N "invalid XML content"), without libxml2's DETAIL line.
There is no comparison operator, as in PostgreSQL.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from twinning.errors import invalid_xml_content

_DECL = re.compile(r"""<\?xml(?P<body>(?:\s+[A-Za-z]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\?>""")
_ATTR = re.compile(r"""([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _declaration(text: str) -> tuple[int, dict[str, str]] | None:
    """(its length, its attributes) of a leading <?xml …?>."""
    match = _DECL.match(text)
    if match is None:
        return None
    attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
             for m in _ATTR.finditer(match.group("body"))}
    return match.end(), attrs


def parse_xml(text: str) -> str:
    found = _declaration(text)
    body = text[found[0]:] if found is not None else text
    parser = expat.ParserCreate()
    try:
        parser.Parse(f"<x>{body}</x>", True)
    except expat.ExpatError:
        raise invalid_xml_content("invalid XML content") from None
    return text


def format_xml(value: str) -> str:
    """xml_out_internal: the declaration dropped unless it says more than
    version 1.0."""
    found = _declaration(value)
    if found is None:
        return value
    length, attrs = found
    version, standalone = attrs.get("version"), attrs.get("standalone")
    if (version is None or version == "1.0") and standalone is None:
        return value[length:]
    decl = f'<?xml version="{version or "1.0"}"'
    if standalone in ("yes", "no"):
        decl += f' standalone="{standalone}"'
    return decl + "?>" + value[length:]
