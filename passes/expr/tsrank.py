"""ts_rank (tsrank.c's calc_rank): the rank of a tsvector for a tsquery,
in float4 arithmetic as PostgreSQL computes it (each float operation
rounded to single precision; the double-precision steps kept double until
stored). An AND or phrase query ranks word proximity (calc_rank_and), any
other query word frequency (calc_rank_or); the normalization bits divide
by the document's length or unique words."""

from __future__ import annotations

import math
import struct

from twinning.errors import (
    array_subscript_error, invalid_parameter_value, null_value_not_allowed,
)
from twinning.values.common import unsupported
from twinning.values.tsearch import (MAXENTRYPOS, OP_AND, OP_PHRASE, TsQuery,
                                     TsVector, lexeme_key)

_F = struct.Struct("f")


def f32(x: float) -> float:
    """A double rounded to float4, as C's assignment to float does."""
    try:
        return _F.unpack(_F.pack(x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


WEIGHTS = (f32(0.1), f32(0.2), f32(0.4), 1.0)
_POSNULL = ((MAXENTRYPOS - 1, 0),)  # a stripped lexeme's stand-in position


def _word_distance(w: int) -> float:
    if w > 100:
        return f32(1e-30)
    return f32(1.0 / (1.005 + 0.05 * math.exp(f32(float(w)) / 1.5 - 2)))


def _items(query: TsQuery) -> list[tuple]:
    """SortAndUniqItems: the operands by their text, each text once (the
    first in the query's stored order: PostgreSQL's qsort keeps it for
    fewer than 7 operands; from 7 on, which of two spellings of one word
    survives is its quicksort's choice, refused when it matters)."""
    seen: dict[bytes, tuple] = {}
    operands = [item for item in query if item[0] == "v"]
    for item in operands:
        first = seen.setdefault(lexeme_key(item[1]), item)
        if first[3] != item[3] and len(operands) >= 7:
            raise unsupported("ts_rank of a query of 7 or more operands "
                              "holding one word both as a prefix and not")
    return [seen[k] for k in sorted(seen)]


def _entries(vector: TsVector, item: tuple) -> list[tuple]:
    """find_wordentry: the entry of the operand, or every entry it is a
    prefix of."""
    word = item[1]
    if item[3]:
        return [e for e in vector if e[0].startswith(word)]
    return [e for e in vector if e[0] == word]


def _rank_and(w, vector: TsVector, query: TsQuery) -> float:
    items = _items(query)
    if len(items) < 2:
        return _rank_or(w, vector, query)
    res = -1.0
    pos: list = [None] * len(items)
    for i, item in enumerate(items):
        for _, positions in _entries(vector, item):
            pos[i] = positions or _POSNULL
            stripped_i = not positions
            for k in range(i):
                if pos[k] is None:
                    continue
                stripped_k = pos[k] is _POSNULL
                for p_l, w_l in pos[i]:
                    for p_p, w_p in pos[k]:
                        dist = abs(p_l - p_p)
                        if dist or stripped_i or stripped_k:
                            if not dist:
                                dist = MAXENTRYPOS
                            curw = f32(math.sqrt(f32(f32(w[w_l] * w[w_p])
                                                     * _word_distance(dist))))
                            res = curw if res < 0 else f32(
                                1.0 - (1.0 - res) * (1.0 - curw))
    return res


def _rank_or(w, vector: TsVector, query: TsQuery) -> float:
    items = _items(query)
    res = 0.0
    for item in items:
        for _, positions in _entries(vector, item):
            positions = positions or _POSNULL
            resj, wjm, jm = 0.0, -1.0, 0
            for j, (_, weight) in enumerate(positions):
                resj = f32(resj + f32(w[weight] / ((j + 1) * (j + 1))))
                if w[weight] > wjm:
                    wjm, jm = w[weight], j
            inner = f32(f32(wjm + resj) - f32(wjm / ((jm + 1) * (jm + 1))))
            res = f32(res + inner / 1.64493406685)
    if items:
        res = f32(res / len(items))
    return res


def _length(vector: TsVector) -> int:
    return sum(len(p) or 1 for _, p in vector)


def calc_rank(w, vector: TsVector, query: TsQuery, method: int) -> float:
    if not vector or not query:
        return 0.0
    top = query[0]
    if top[0] == "o" and top[1] in (OP_AND, OP_PHRASE):
        res = _rank_and(w, vector, query)
    else:
        res = _rank_or(w, vector, query)
    if res < 0:
        res = f32(1e-20)
    if method & 0x01:
        res = f32(res / (math.log(_length(vector) + 1) / math.log(2.0)))
    if method & 0x02:
        length = _length(vector)
        if length > 0:
            res = f32(res / float(length))
    if method & 0x08:
        res = f32(res / float(len(vector)))
    if method & 0x10:
        res = f32(res / (math.log(len(vector) + 1) / math.log(2.0)))
    if method & 0x20:
        res = f32(res / f32(res + 1))
    return res


def weights(array) -> tuple:
    """getWeights: a float4[] of at least four weights, no NULLs, none
    above 1 (a negative one keeps the default)."""
    if len(array) < 4:
        raise array_subscript_error("array of weight is too short")
    if any(x is None for x in array):
        raise null_value_not_allowed("array of weight must not contain nulls")
    out = []
    for i in range(4):
        value = array[i] if array[i] >= 0 else WEIGHTS[i]
        if value > 1.0:
            raise invalid_parameter_value("weight out of range")
        out.append(value)
    return tuple(out)


def ts_rank(vector: TsVector, query: TsQuery, method: int = 0) -> float:
    return calc_rank(WEIGHTS, vector, query, method)


def ts_rank_weighted(array, vector: TsVector, query: TsQuery,
                     method: int = 0) -> float:
    return calc_rank(weights(array), vector, query, method)
