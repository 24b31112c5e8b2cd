"""varstr_levenshtein_less_equal (utils/adt/levenshtein.c), as
fuzzystrmatch's levenshtein_less_equal calls it: the exact distance when
it is at most `max_d`; above it, whatever the banded computation gives
(often max_d + 1), exactly as PostgreSQL computes it.
"""

from __future__ import annotations

from twinning.errors import invalid_parameter_value

MAX_LEVENSHTEIN_STRLEN = 255


def trivial_distance(source: str, target: str, ins_c: int, del_c: int) -> int | None:
    """varstr_levenshtein's opening, shared by both forms: the distance
    when a string is empty, else None after the length check."""
    m, n = len(source), len(target)
    if not m:
        return n * ins_c
    if not n:
        return m * del_c
    if m > MAX_LEVENSHTEIN_STRLEN or n > MAX_LEVENSHTEIN_STRLEN:
        raise invalid_parameter_value("levenshtein argument exceeds maximum length "
                                      f"of {MAX_LEVENSHTEIN_STRLEN} characters")
    return None


def less_equal(source: str, target: str, ins_c: int, del_c: int, sub_c: int,
               max_d: int) -> int:
    trivial = trivial_distance(source, target, ins_c, del_c)
    if trivial is not None:
        return trivial
    m, n = len(source), len(target)
    start, stop = 0, m + 1
    if max_d >= 0:
        net = n - m
        min_theo = -net * del_c if net < 0 else net * ins_c
        if min_theo > max_d:
            return max_d + 1
        if ins_c + del_c < sub_c:
            sub_c = ins_c + del_c
        max_theo = min_theo + sub_c * min(m, n)
        if max_d >= max_theo:
            max_d = -1
        elif ins_c + del_c > 0:
            best = -net if net < 0 else 0
            stop = best + (max_d - min_theo) // (ins_c + del_c) + 1
            if stop > m:
                stop = m + 1
    m += 1
    n += 1
    prev = [0] * m
    curr = [0] * m
    for i in range(start, stop):
        prev[i] = i * del_c
    offset = 0  # how far `source` has been advanced (start column slides)
    for j in range(1, n):
        y = target[j - 1]
        if stop < m:
            prev[stop] = max_d + 1
            stop += 1
        if start == 0:
            curr[0] = j * ins_c
            i = 1
        else:
            i = start
        x = offset
        while i < stop:
            ins = prev[i] + ins_c
            dele = curr[i - 1] + del_c
            sub = prev[i - 1] + (0 if source[x] == y else sub_c)
            curr[i] = min(ins, dele, sub)
            x += 1
            i += 1
        prev, curr = curr, prev
        if max_d >= 0:
            zp = j - (n - m)
            while stop > 0:
                ii = stop - 1
                net = ii - zp
                if prev[ii] + (net * ins_c if net > 0 else -net * del_c) <= max_d:
                    break
                stop -= 1
            while start < stop:
                net = start - zp
                if prev[start] + (net * ins_c if net > 0 else -net * del_c) <= max_d:
                    break
                prev[start] = max_d + 1
                curr[start] = max_d + 1
                if start != 0:
                    offset += 1
                start += 1
            if start >= stop:
                return max_d + 1
    return prev[m - 1]
