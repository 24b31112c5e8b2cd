"""Enum values (enum_in/enum_out): a value is its label, a str; the
type's `EnumType` row (carried by the SqlType) holds the labels in sort
order. Send/recv are the label's text, as enum_send/enum_recv."""

from __future__ import annotations

from typing import Callable

from twinning.errors import invalid_text_representation
from twinning.ir.types import EnumType


def parser(row: EnumType) -> Callable[[str], str]:
    """enum_in: a label of the type, else 22P02 naming the type."""
    labels = frozenset(row.labels)
    shown = row.display

    def parse(text: str) -> str:
        if text in labels:
            return text
        raise invalid_text_representation(f'invalid input value for enum {shown}: '
                                          f'"{text}"')
    return parse


def sort_key(row: EnumType) -> Callable[[str], int]:
    """A label's place in the type's order (enum_cmp)."""
    return row.rank().__getitem__


def send(value: str) -> bytes:
    return value.encode()


def recv(row: EnumType) -> Callable:
    parse = parser(row)

    def decode(data: bytes, param: int | None = None) -> str:
        return parse(bytes(data).decode())
    return decode
