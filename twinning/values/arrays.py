"""Arrays: array_in/array_out for every element type.

The structure check is a port of PostgreSQL 15's ArrayCount() state
machine (so malformed literals get the same DETAIL), followed by
ReadArrayStr()'s element extraction (quotes, backslash escapes, unquoted
NULL, trimming of unquoted whitespace). Element text then goes through the
element type's own input function.

The runtime value is a tuple of element values (None for NULL); an empty
array is (). Arrays of more than one dimension, or with a lower bound
other than 1, are `md_arrays.MdArray`s (the elements flat, plus the shape).
"""

from __future__ import annotations

from typing import Callable

from twinning.errors import (
    SqlError, array_subscript_error, invalid_text_representation,
    program_limit_exceeded,
)
from twinning.values import md_arrays

ARRAY_SPACE = " \t\n\r\v\f"
MAXDIM = 6

(NO_LEVEL, LEVEL_STARTED, ELEM_STARTED, ELEM_COMPLETED, QUOTED_ELEM_STARTED,
 QUOTED_ELEM_COMPLETED, ELEM_DELIMITED, LEVEL_COMPLETED, LEVEL_DELIMITED) = range(9)


def _malformed(text: str, detail: str | None) -> SqlError:
    return invalid_text_representation(f'malformed array literal: "{text}"', detail=detail)


def _atoi(s: str) -> int:
    """C atoi() of a run of digits and signs."""
    sign = 1
    i = 0
    while i < len(s) and s[i] in "+-":
        if i > 0:
            return 0
        sign = -1 if s[i] == "-" else 1
        i += 1
    j = i
    while j < len(s) and s[j].isdigit():
        j += 1
    return sign * int(s[i:j]) if j > i else 0


def array_count(text: str, start: int, delim: str = ","):
    """ArrayCount(): validate the brace structure; (ndim, dims).

    Its errors quote the input from `start` on (ArrayCount only sees the
    part after any dimension decoration and leading whitespace)."""
    text = text[start:]
    start = 0
    nest_level = 0
    ndim = 1
    temp = [0] * MAXDIM
    nelems = [1] * MAXDIM
    nelems_last = [0] * MAXDIM
    in_quotes = False
    eo_array = False
    empty_array = True
    state = NO_LEVEL
    n = len(text)
    p = start
    while not eo_array:
        itemdone = False
        while not itemdone:
            if state in (ELEM_STARTED, QUOTED_ELEM_STARTED):
                empty_array = False
            ch = text[p] if p < n else "\0"
            if ch == "\0":
                raise _malformed(text, "Unexpected end of input.")
            if ch == "\\":
                if state not in (LEVEL_STARTED, ELEM_STARTED, QUOTED_ELEM_STARTED,
                                 ELEM_DELIMITED):
                    raise _malformed(text, 'Unexpected "\\" character.')
                if state != QUOTED_ELEM_STARTED:
                    state = ELEM_STARTED
                if p + 1 < n:
                    p += 1
                else:
                    raise _malformed(text, "Unexpected end of input.")
            elif ch == '"':
                if state not in (LEVEL_STARTED, QUOTED_ELEM_STARTED, ELEM_DELIMITED):
                    raise _malformed(text, "Unexpected array element.")
                in_quotes = not in_quotes
                state = QUOTED_ELEM_STARTED if in_quotes else QUOTED_ELEM_COMPLETED
            elif ch == "{" and not in_quotes:
                if state not in (NO_LEVEL, LEVEL_STARTED, LEVEL_DELIMITED):
                    raise _malformed(text, 'Unexpected "{" character.')
                state = LEVEL_STARTED
                if nest_level >= MAXDIM:
                    raise program_limit_exceeded("number of array dimensions (%d) exceeds the "
                                                 "maximum allowed (%d)" % (nest_level + 1, MAXDIM))
                temp[nest_level] = 0
                nest_level += 1
                if ndim < nest_level:
                    ndim = nest_level
            elif ch == "}" and not in_quotes:
                if state not in (ELEM_STARTED, ELEM_COMPLETED, QUOTED_ELEM_COMPLETED,
                                 LEVEL_COMPLETED) \
                        and not (nest_level == 1 and state == LEVEL_STARTED):
                    raise _malformed(text, 'Unexpected "}" character.')
                state = LEVEL_COMPLETED
                if nest_level == 0:
                    raise _malformed(text, 'Unmatched "}" character.')
                nest_level -= 1
                if nelems_last[nest_level] != 0 and \
                        nelems[nest_level] != nelems_last[nest_level]:
                    raise _malformed(text, "Multidimensional arrays must have sub-arrays "
                                           "with matching dimensions.")
                nelems_last[nest_level] = nelems[nest_level]
                nelems[nest_level] = 1
                if nest_level == 0:
                    eo_array = itemdone = True
                else:
                    temp[nest_level - 1] += 1
            elif not in_quotes and ch not in "{}":
                if ch == delim:
                    if state not in (ELEM_STARTED, ELEM_COMPLETED, QUOTED_ELEM_COMPLETED,
                                     LEVEL_COMPLETED):
                        raise _malformed(text, f'Unexpected "{delim}" character.')
                    state = LEVEL_DELIMITED if state == LEVEL_COMPLETED else ELEM_DELIMITED
                    itemdone = True
                    nelems[nest_level - 1] += 1
                elif ch not in ARRAY_SPACE:
                    if state not in (LEVEL_STARTED, ELEM_STARTED, ELEM_DELIMITED):
                        raise _malformed(text, "Unexpected array element.")
                    state = ELEM_STARTED
            if not itemdone:
                p += 1
        temp[ndim - 1] += 1
        p += 1
    while p < n:
        if text[p] not in ARRAY_SPACE:
            raise _malformed(text, "Junk after closing right brace.")
        p += 1
    if empty_array:
        return 0, []
    return ndim, temp[:ndim]


def read_items(text: str, start: int, delim: str = ","):
    """ReadArrayStr() for one dimension: [(item_text, is_null), ...]."""
    items: list[tuple[str, bool]] = []
    p = start + 1  # past the opening brace
    while True:
        p = _read_one(text, p, delim, items)
        if text[p] == "}":
            return items
        p += 1  # past the delimiter
        if p >= len(text):  # cannot happen after array_count() accepted the text
            raise _malformed(text, None)


def parse_array(text: str, parse_element: Callable[[str], object]) -> tuple:
    n = len(text)
    p = 0
    ndim = 0
    lbounds: list[int] = []
    dims: list[int] = []
    while True:
        while p < n and text[p] in ARRAY_SPACE:
            p += 1
        if p >= n or text[p] != "[":
            break
        p += 1
        if ndim >= MAXDIM:
            raise program_limit_exceeded("number of array dimensions (%d) exceeds the maximum "
                                         "allowed (%d)" % (ndim + 1, MAXDIM))
        q = p
        while q < n and (text[q].isdigit() and text[q].isascii() or text[q] in "+-"):
            q += 1
        if q == p:
            raise _malformed(text, '"[" must introduce explicitly-specified array dimensions.')
        if q < n and text[q] == ":":
            lb = _atoi(text[p:q])
            p = q + 1
            q = p
            while q < n and (text[q].isdigit() and text[q].isascii() or text[q] in "+-"):
                q += 1
            if q == p:
                raise _malformed(text, "Missing array dimension value.")
        else:
            lb = 1
        if q >= n or text[q] != "]":
            raise _malformed(text, 'Missing "]" after array dimensions.')
        ub = _atoi(text[p:q])
        p = q + 1
        if ub < lb:
            raise array_subscript_error("upper bound cannot be less than lower bound")
        lbounds.append(lb)
        dims.append(ub - lb + 1)
        ndim += 1
    if ndim == 0:
        if p >= n or text[p] != "{":
            raise _malformed(text, 'Array value must start with "{" or dimension information.')
        ndim, dims = array_count(text, p)
        lbounds = [1] * ndim
    else:
        if not text.startswith("=", p):
            raise _malformed(text, 'Missing "=" after array dimensions.')
        p += 1
        while p < n and text[p] in ARRAY_SPACE:
            p += 1
        if p >= n or text[p] != "{":
            raise _malformed(text, 'Array contents must start with "{".')
        ndim_braces, dims_braces = array_count(text, p)
        if ndim_braces != ndim or dims_braces != dims:
            raise _malformed(text, "Specified array dimensions do not match array contents.")
    if ndim == 0 or 0 in dims:
        return ()
    md_arrays.check_size(dims)
    items = read_items(text, p) if ndim == 1 else read_nested_items(text, p)
    return md_arrays.make([None if is_null else parse_element(item)
                           for item, is_null in items], dims, lbounds)


def read_nested_items(text: str, start: int, delim: str = ","):
    """ReadArrayStr() over nested braces: every element, row-major."""
    items: list[tuple[str, bool]] = []
    depth = 0
    p = start
    while True:
        ch = text[p]
        if ch == "{":
            depth += 1
            p += 1
        elif ch == "}":
            depth -= 1
            p += 1
            if depth == 0:
                return items
        elif ch == delim or ch in ARRAY_SPACE:
            p += 1
        else:  # an element: read it as the innermost level's reader does
            p = _read_one(text, p, delim, items)


def _read_one(text: str, p: int, delim: str, items: list) -> int:
    """One element from `p`; the position of its terminator (not consumed)."""
    buf: list[str] = []
    end = 0
    leading = True
    quoted = False
    in_quotes = False
    while True:
        ch = text[p]
        if ch == "\\":
            buf.append(text[p + 1])
            p += 2
            leading = False
            end = len(buf)
            quoted = True
        elif ch == '"':
            in_quotes = not in_quotes
            if in_quotes:
                leading = False
            else:
                end = len(buf)
            quoted = True
            p += 1
        elif in_quotes:
            buf.append(ch)
            p += 1
        elif ch == delim or ch == "}":
            break
        elif ch in ARRAY_SPACE:
            if not leading:
                buf.append(ch)
            p += 1
        else:
            buf.append(ch)
            p += 1
            leading = False
            end = len(buf)
    item = "".join(buf[:end])
    items.append((item, not quoted and item.upper() == "NULL"))
    return p


_QUOTE_TRIGGERS = frozenset('"\\{},' + ARRAY_SPACE)


def quote_element(text: str) -> str:
    if text == "" or text.upper() == "NULL" or not _QUOTE_TRIGGERS.isdisjoint(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def format_array(value: tuple, format_element: Callable[[object], str]) -> str:
    if type(value) is md_arrays.MdArray:
        return md_arrays.format_nested(
            value, lambda v: "NULL" if v is None else quote_element(format_element(v)))
    return "{" + ",".join("NULL" if v is None else quote_element(format_element(v))
                          for v in value) + "}"
