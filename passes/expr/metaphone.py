"""fuzzystrmatch's metaphone(text, int): Lawrence Philips' Metaphone as
PostgreSQL's contrib carries it (Michael G Schwern's Text-Metaphone, with
its non-traditional CH/SCHW rules), over the text's bytes as the C locale
sees them: ASCII letters only, everything else a break.
"""

from __future__ import annotations

from twinning.errors import (
    invalid_parameter_value, zero_length_character_string,
)

MAX_METAPHONE_STRLEN = 255
# per letter A…Z: 1 vowel, 2 passed through, 4 makes H a diphthong,
# 8 makes C and G soft, 16 keeps GH from becoming F
_CODES = (1, 16, 4, 16, 9, 2, 4, 16, 9, 2, 0, 2, 2, 2, 1, 4, 0, 2, 4, 4, 1,
          0, 0, 0, 8, 0)


def _code(c: str) -> int:
    return _CODES[ord(c) - 65] if "A" <= c <= "Z" else 0


def _alpha(c: str) -> bool:
    return "A" <= c <= "Z"


def metaphone(text: str, length: int) -> str:
    raw = text.encode()
    if not raw:
        return ""
    if len(raw) > MAX_METAPHONE_STRLEN:
        raise invalid_parameter_value("argument exceeds the maximum length of "
                                      f"{MAX_METAPHONE_STRLEN} bytes")
    if length > MAX_METAPHONE_STRLEN:
        raise invalid_parameter_value("output exceeds the maximum length of "
                                      f"{MAX_METAPHONE_STRLEN} bytes")
    if length <= 0:
        raise zero_length_character_string("output cannot be empty string")
    if 0 in raw:
        raw = raw[:raw.index(0)]
    # one character per byte, upper-cased as pg_ascii_toupper does
    word = "".join(chr(b - 32) if 97 <= b <= 122 else chr(b) if b < 128
                   else "\x80" for b in raw)
    return _phonize(word, length)


def _phonize(word: str, limit: int) -> str:
    n = len(word)

    def at(i: int) -> str:
        return word[i] if 0 <= i < n else "\0"

    out: list[str] = []
    w = 0
    while w < n and not _alpha(word[w]):
        w += 1
    if w == n:
        return ""
    first, nxt = at(w), at(w + 1)
    if first == "A":
        out.append("E" if nxt == "E" else "A")
        w += 2 if nxt == "E" else 1
    elif first in "GKP":
        if nxt == "N":
            out.append("N")
            w += 2
    elif first == "W":
        if nxt in ("H", "R"):
            out.append(nxt)
            w += 2
        elif _code(nxt) & 1:
            out.append("W")
            w += 2
    elif first == "X":
        out.append("S")
        w += 1
    elif first in "EIOU":
        out.append(first)
        w += 1
    while w < n and at(w) != "\0" and len(out) < limit:
        cur = at(w)
        skip = 0
        if not _alpha(cur) or (cur == at(w - 1) and cur != "C"):
            w += 1
            continue
        prev, nxt = at(w - 1), at(w + 1)
        after = at(w + 2) if nxt != "\0" else "\0"
        if cur == "B":
            if prev != "M":
                out.append("B")
        elif cur == "C":
            if _code(nxt) & 8:
                if after == "A" and nxt == "I":
                    out.append("X")
                elif prev != "S":
                    out.append("S")
            elif nxt == "H":
                out.append("K" if after == "R" or prev == "S" else "X")
                skip += 1
            else:
                out.append("K")
        elif cur == "D":
            if nxt == "G" and _code(after) & 8:
                out.append("J")
                skip += 1
            else:
                out.append("T")
        elif cur == "G":
            if nxt == "H":
                if not (_code(at(w - 3)) & 16 or at(w - 4) == "H"):
                    out.append("F")
                    skip += 1
            elif nxt == "N":
                if not (not _alpha(after) or
                        (after == "E" and _ahead(word, w, 3) == "D")):
                    out.append("K")
            elif _code(nxt) & 8 and prev != "G":
                out.append("J")
            else:
                out.append("K")
        elif cur == "H":
            if _code(nxt) & 1 and not _code(prev) & 4:
                out.append("H")
        elif cur == "K":
            if prev != "C":
                out.append("K")
        elif cur == "P":
            out.append("F" if nxt == "H" else "P")
        elif cur == "Q":
            out.append("K")
        elif cur in ("S", "T"):  # C's cases 'S' and 'T', alike but for SH/TH and SCHW
            if nxt == "I" and after in ("O", "A"):
                out.append("X")
            elif nxt == "H":
                out.append("X" if cur == "S" else "0")
                skip += 1
            elif cur == "S" and nxt == "C" and _ahead(word, w, 2) == "H" and \
                    _ahead(word, w, 3) == "W":
                out.append("X")
                skip += 2
            else:
                out.append(cur)
        elif cur == "V":
            out.append("F")
        elif cur in ("W", "Y"):  # C's cases 'W' and 'Y': kept before a vowel
            if _code(nxt) & 1:
                out.append(cur)
        elif cur == "X":
            out.append("K")
            if len(out) < limit:
                out.append("S")
        elif cur == "Z":
            out.append("S")
        elif cur in "FJLMNR":
            out.append(cur)
        w += 1 + skip
    return "".join(out)


def _ahead(word: str, w: int, how_far: int) -> str:
    """Lookahead(): the letter `how_far` on, or the end."""
    i = w + how_far
    return word[i] if i < len(word) else "\0"
