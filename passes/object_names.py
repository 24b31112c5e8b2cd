"""PostgreSQL's rules for the names it makes up (indexes, constraints,
sequences): makeObjectName, ChooseIndexNameAddition and pg_mbcliplen,
with NAMEDATALEN's 63-byte limit."""

from __future__ import annotations

NAMEDATALEN = 64


def make_object_name(name1: str, name2: str | None, label: str | None) -> str:
    """makeObjectName(): truncate the longer part until it fits."""
    overhead = 0
    chars1 = len(name1.encode())
    chars2 = 0
    if name2:
        chars2 = len(name2.encode())
        overhead += 1
    if label:
        overhead += len(label.encode()) + 1
    avail = NAMEDATALEN - 1 - overhead
    while chars1 + chars2 > avail:
        if chars1 > chars2:
            chars1 -= 1
        else:
            chars2 -= 1
    out = clip(name1, chars1)
    if name2:
        out += "_" + clip(name2, chars2)
    if label:
        out += "_" + label
    return out


def clip(text: str, nbytes: int) -> str:
    """Cut at a byte length without splitting a character (pg_mbcliplen)."""
    raw = text.encode()[:nbytes]
    return raw.decode("utf-8", errors="ignore")


def column_list_name(columns: tuple[str, ...] | list[str]) -> str:
    """ChooseIndexNameAddition(): column names joined by `_`, bounded."""
    out = ""
    for col in columns:
        if out:
            out += "_"
        out += col
        if len(out.encode()) >= NAMEDATALEN:
            break
    return out
