"""tsvector and tsquery: PostgreSQL 15's input and output functions.

A `TsVector` is a tuple of (lexeme, positions) entries sorted and merged
as tsvectorin's uniqueentry does (lexemes by their UTF-8 bytes, positions
sorted, a duplicate position keeping its highest weight, at most 256 per
lexeme, positions capped at 16383); a position is (pos, weight) with
weight 3=A, 2=B, 1=C, 0=D. A `TsQuery` is PostgreSQL's own item list in
its stored order: prefix ("polish") notation with each binary operator's
RIGHT operand first, so output, comparison and send/recv walk it as
tsquery.c does. Items are ("v", operand, weight mask, prefix) and
("o", operator, distance) with tsquery's operator codes.

The tsvector parser here is tsvector_parser.c's state machine (also used
for tsquery operands, with the operator characters as delimiters).
"""

from __future__ import annotations

import struct
from typing import Any, Callable

from twinning.errors import (
    SqlError, internal_error, invalid_parameter_value, program_limit_exceeded,
    syntax_error,
)

MAXSTRLEN = (1 << 11) - 1
MAXSTRPOS = (1 << 20) - 1
MAXENTRYPOS = 1 << 14
MAXNUMPOS = 256

OP_NOT, OP_AND, OP_OR, OP_PHRASE = 1, 2, 3, 4
PRIORITY = {OP_NOT: 4, OP_AND: 2, OP_OR: 1, OP_PHRASE: 3}
_WEIGHT_LETTER = {3: "A", 2: "B", 1: "C", 0: ""}
_SPACE = frozenset(" \t\n\r\v\f")


class TsVector(tuple):
    """((lexeme, ((pos, weight), …)), …) in tsvector order."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"TsVector({format_tsvector(self)!r})"


class TsQuery(tuple):
    """tsquery items in PostgreSQL's stored (prefix, right-first) order."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"TsQuery({format_tsquery(self)!r})"


def lexeme_key(lexeme: str) -> bytes:
    """tsCompareString's order: memcmp of the bytes, shorter first."""
    return lexeme.encode("utf-8")


def _syntax(kind: str, text: str) -> SqlError:
    return syntax_error(f'syntax error in {kind}: "{text}"')


def _isspace(ch: str) -> bool:
    return ch in _SPACE


def _isdigit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _is_operator(ch: str) -> bool:
    return ch != "" and ch in "!&|()<"


def gettoken(text: str, at: int, oprisdelim: bool, is_tsquery: bool,
             is_web: bool = False):
    """gettoken_tsvector: (word, positions, next index) or None at the end.

    positions is a list of [pos, weight] (None when the word had none).
    `is_web` (websearch_to_tsquery): quotes and backslashes are plain
    characters, a double quote ends a word, ':' does not."""
    kind = "tsquery" if is_tsquery else "tsvector"
    n = len(text)
    word: list[str] = []
    pos: list[list[int]] | None = None
    state, old = "WAITWORD", None
    i = at
    while True:
        ch = text[i] if i < n else ""
        if state == "WAITWORD":
            if ch == "":
                return None
            if ch == "'" and not is_web:
                state = "WAITENDCMPLX"
            elif ch == "\\" and not is_web:
                state, old = "WAITNEXTCHAR", "WAITENDWORD"
            elif (oprisdelim and _is_operator(ch)) or (is_web and ch == '"'):
                raise _syntax(kind, text)
            elif not _isspace(ch):
                word.append(ch)
                state = "WAITENDWORD"
        elif state == "WAITNEXTCHAR":
            if ch == "":
                raise syntax_error(
                                   f'there is no escaped character: "{text}"')
            word.append(ch)
            state = old
        elif state == "WAITENDWORD":
            if ch == "\\" and not is_web:
                state, old = "WAITNEXTCHAR", "WAITENDWORD"
            elif ch == "" or _isspace(ch) or (oprisdelim and _is_operator(ch)) \
                    or (is_web and ch == '"'):
                if not word:
                    raise _syntax(kind, text)
                return "".join(word), pos, i
            elif ch == ":" and not is_web:
                if not word:
                    raise _syntax(kind, text)
                if oprisdelim:
                    return "".join(word), pos, i
                state = "INPOSINFO"
            else:
                word.append(ch)
        elif state == "WAITENDCMPLX":
            if ch == "'":
                state = "WAITCHARCMPLX"
            elif ch == "\\":
                state, old = "WAITNEXTCHAR", "WAITENDCMPLX"
            elif ch == "":
                raise _syntax(kind, text)
            else:
                word.append(ch)
        elif state == "WAITCHARCMPLX":
            if ch == "'":
                word.append(ch)
                state = "WAITENDCMPLX"
            else:
                if not word:
                    raise _syntax(kind, text)
                if oprisdelim:
                    return "".join(word), pos, i
                state = "WAITPOSINFO"
                continue  # recheck the current character
        elif state == "WAITPOSINFO":
            if ch == ":":
                state = "INPOSINFO"
            else:
                return "".join(word), pos, i
        elif state == "INPOSINFO":
            if _isdigit(ch):
                j = i
                while j < n and _isdigit(text[j]):
                    j += 1
                value = min(int(text[i:j]), MAXENTRYPOS - 1)
                if value == 0:
                    raise syntax_error("wrong position info in "
                                       f'tsvector: "{text}"')
                if pos is None:
                    pos = []
                pos.append([value, 0])
                state = "WAITPOSDELIM"
            else:
                raise _syntax(kind, text)
        elif state == "WAITPOSDELIM":
            if ch == "" or _isspace(ch):
                return "".join(word), pos, i
            if ch == ",":
                state = "INPOSINFO"
            elif ch in "aAbBcCdD*":
                if pos[-1][1]:
                    raise _syntax(kind, text)
                pos[-1][1] = {"a": 3, "A": 3, "*": 3, "b": 2, "B": 2,
                              "c": 1, "C": 1}.get(ch, 0)
            elif not _isdigit(ch):
                raise _syntax(kind, text)
        if i >= n:
            return None
        i += 1


def unique_positions(positions) -> tuple[tuple[int, int], ...]:
    """uniquePos: sorted by position, duplicates keep the highest weight."""
    ordered = sorted(positions, key=lambda p: p[0])
    if len(ordered) <= 1:
        return tuple((p, w) for p, w in ordered)
    out = [list(ordered[0])]
    for p, w in ordered[1:]:
        if p != out[-1][0]:
            out.append([p, w])
            if len(out) >= MAXNUMPOS - 1 + 1 or p == MAXENTRYPOS - 1:
                break
        elif w > out[-1][1]:
            out[-1][1] = w
    return tuple((p, w) for p, w in out)


def make_tsvector(entries) -> TsVector:
    """uniqueentry: (lexeme, positions or None) pairs sorted and merged."""
    merged: dict[str, list | None] = {}
    for lexeme, positions in entries:
        if lexeme in merged:
            if positions:
                have = merged[lexeme]
                merged[lexeme] = (have or []) + list(positions)
        else:
            merged[lexeme] = list(positions) if positions else None
    out = []
    for lexeme in sorted(merged, key=lexeme_key):
        positions = merged[lexeme]
        out.append((lexeme, unique_positions(positions) if positions else ()))
    return TsVector(out)


def parse_tsvector(text: str) -> TsVector:
    entries = []
    at = 0
    total = 0
    while True:
        token = gettoken(text, at, False, False)
        if token is None:
            break
        word, pos, at = token
        size = len(word.encode("utf-8"))
        if size >= MAXSTRLEN:
            raise program_limit_exceeded(f"word is too long ({size} bytes, max "
                                         f"{MAXSTRLEN} bytes)")
        total += size
        if total > MAXSTRPOS:
            raise program_limit_exceeded(f"string is too long for tsvector ({total}"
                                         f" bytes, max {MAXSTRPOS} bytes)")
        entries.append((word, [tuple(p) for p in pos] if pos else None))
    return make_tsvector(entries)


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'"


def format_tsvector(value: TsVector) -> str:
    parts = []
    for lexeme, positions in value:
        item = _quote(lexeme)
        if positions:
            item += ":" + ",".join(f"{p}{_WEIGHT_LETTER[w]}"
                                   for p, w in positions)
        parts.append(item)
    return " ".join(parts)


# -- tsquery ------------------------------------------------------------------


def _modifiers(text: str, i: int) -> tuple[int, int, bool]:
    """get_modifiers: ':AB*' after an operand → (next index, weight, prefix)."""
    weight, prefix = 0, False
    if i >= len(text) or text[i] != ":":
        return i, weight, prefix
    i += 1
    bits = {"a": 8, "A": 8, "b": 4, "B": 4, "c": 2, "C": 2, "d": 1, "D": 1}
    while i < len(text):
        ch = text[i]
        if ch == "*":
            prefix = True
        elif ch in bits and ch:
            weight |= bits[ch]
        else:
            break
        i += 1
    return i, weight, prefix


def _phrase_operator(text: str, i: int) -> tuple[int, int]:
    """parse_phrase_operator at '<': (next index, distance) or distance -1."""
    j = i + 1
    n = len(text)
    if j < n and text[j] == "-":
        j += 1
        distance = 1
    elif j < n and _isdigit(text[j]):
        k = j
        while k < n and _isdigit(text[k]):
            k += 1
        distance = int(text[j:k])
        if distance > MAXENTRYPOS:
            raise invalid_parameter_value("distance in phrase operator must be an "
                                          "integer value between zero and "
                                          f"{MAXENTRYPOS} inclusive")
        j = k
    else:
        return i, -1
    if j < n and text[j] == ">":
        return j + 1, distance
    return i, -1


def _tokens(text: str):
    """gettoken_query_standard's tokens: ('val', word, weight, prefix),
    ('opr', op, distance), ('open',), ('close',), ('end',)."""
    state = "WAITFIRSTOPERAND"
    count = 0
    i, n = 0, len(text)
    while True:
        ch = text[i] if i < n else ""
        if state in ("WAITFIRSTOPERAND", "WAITOPERAND"):
            if ch == "!" or ch == "(":  # NOT, or a group: an operand still to come
                i += 1
                state = "WAITOPERAND"
                if ch == "(":
                    count += 1
                yield ("opr", OP_NOT, 0) if ch == "!" else ("open",)
                continue
            if ch == ":":
                raise _syntax("tsquery", text)
            if ch != "" and not _isspace(ch):
                token = gettoken(text, i, True, True)
                if token is None:  # pragma: no cover - a non-space remains
                    break
                word, _, i = token
                i, weight, prefix = _modifiers(text, i)
                state = "WAITOPERATOR"
                yield ("val", word, weight, prefix)
                continue
            if ch == "":
                if state == "WAITFIRSTOPERAND":
                    yield ("end",)
                    return
                raise syntax_error(f'no operand in tsquery: "{text}"')
        else:
            if ch == "&" or ch == "|":
                i += 1
                state = "WAITOPERAND"
                yield ("opr", OP_AND if ch == "&" else OP_OR, 0)
                continue
            if ch == "<":
                i, distance = _phrase_operator(text, i)
                if distance < 0:
                    raise _syntax("tsquery", text)
                state = "WAITOPERAND"
                yield ("opr", OP_PHRASE, distance)
                continue
            if ch == ")":
                i += 1
                count -= 1
                if count < 0:
                    raise _syntax("tsquery", text)
                yield ("close",)
                continue
            if ch == "":
                if count:
                    raise _syntax("tsquery", text)
                yield ("end",)
                return
            if not _isspace(ch):
                raise _syntax("tsquery", text)
        i += 1


def _or_operator(text: str, i: int) -> bool:
    """parse_or_operator: OR (any case) not part of a word, an operand
    somewhere after it."""
    if text[i:i + 2].lower() != "or":
        return False
    j = i + 2
    if j >= len(text):
        return False
    ch = text[j]
    if ch in "-_" or (ch.isascii() and ch.isalnum()) or ch > "\x7f":
        return False
    while True:
        j += 1
        if j >= len(text):
            return False
        if not _isspace(text[j]):
            return True


def web_tokens(text: str):
    """gettoken_query_websearch: quoted phrases, -word for NOT, OR, and an
    implicit AND between operands; stray operator characters skipped."""
    state = "WAITFIRSTOPERAND"
    i, n = 0, len(text)
    while True:
        ch = text[i] if i < n else ""
        if state in ("WAITFIRSTOPERAND", "WAITOPERAND"):
            if ch == "-" or _is_operator(ch):  # NOT; other operators skipped
                i += 1
                state = "WAITOPERAND"
                if ch == "-":
                    yield ("opr", OP_NOT, 0)
                continue
            if ch == '"':
                start = i + 1
                end = text.find('"', start)
                end = n if end < 0 else end
                i = end + 1 if end < n else n
                state = "WAITOPERATOR"
                yield ("val", text[start:end], 0, False)
                continue
            if ch == "":
                if state == "WAITFIRSTOPERAND":
                    yield ("end",)
                    return
                yield ("stop",)
                yield ("end",)
                return
            if not _isspace(ch):
                token = gettoken(text, i, True, True, True)
                word, _, i = token
                state = "WAITOPERATOR"
                yield ("val", word, 0, False)
                continue
        else:
            if ch and _or_operator(text, i):
                i += 2
                state = "WAITOPERAND"
                yield ("opr", OP_OR, 0)
                continue
            if ch == "":
                yield ("end",)
                return
            if not _isspace(ch):  # a quote or an operand: the implicit AND
                state = "WAITOPERAND"
                yield ("opr", OP_AND, 0)
                continue
        i += 1


def _clean_stack(out: list, stack: list, op: int) -> None:
    priority = PRIORITY[op]
    while stack:
        top = stack[-1][0]
        if (op != OP_NOT and priority > PRIORITY[top]) or \
                (op == OP_NOT and priority >= PRIORITY[top]):
            break
        top_op, distance = stack.pop()
        out.append(("o", top_op, distance))


def _makepol(tokens, out: list, text: str, operand) -> None:
    """makepol: postfix items appended to `out` (PostgreSQL's polstr in
    push order); `operand(out, word, weight, prefix)` pushes an operand
    (tsqueryin pushes it as is; to_tsquery pushes its lexemes)."""
    stack: list[tuple[int, int]] = []
    for token in tokens:
        kind = token[0]
        if kind == "val":
            operand(out, token[1], token[2], token[3])
        elif kind == "opr":
            _clean_stack(out, stack, token[1])
            if len(stack) == 32:
                raise internal_error("tsquery stack too small")
            stack.append((token[1], token[2]))
        elif kind == "open":
            _makepol(tokens, out, text, operand)
        elif kind == "close":
            _clean_stack(out, stack, OP_OR)
            return
        elif kind == "stop":  # websearch: an operator left without operand
            out.append(("s",))
        else:  # end
            break
    _clean_stack(out, stack, OP_OR)


def push_as_is(out: list, word: str, weight: int, prefix: bool) -> None:
    size = len(word.encode("utf-8"))
    if size >= MAXSTRLEN:
        raise program_limit_exceeded(f'word is too long in tsquery: "{word}"')
    out.append(("v", word, weight, prefix))


def parse_query(text: str, operand=push_as_is, notice=None,
                web: bool = False) -> TsQuery:
    """parse_tsquery: tokens → postfix → PostgreSQL's prefix item order,
    stop-word placeholders ("s",) removed as cleanup_tsquery_stopwords
    does."""
    postfix: list = []
    tokens = web_tokens(text) if web else _tokens(text)
    _makepol(iter(tokens), postfix, text, operand)
    return finished_query(postfix, text, notice, _drop_stops)


def finished_query(postfix: list, text: str, notice: Any,
                   clean: Callable[[Any], Any]) -> TsQuery:
    """The query of a parse's postfix items: empty, with the NOTICE, when
    it has no lexeme or only stop words (`clean` drops the stop-word
    placeholders from the tree, None when nothing is left)."""
    if not postfix:
        if notice is not None:
            notice("text-search query doesn't contain lexemes: "
                   f'"{text}"')
        return TsQuery(())
    tree = _tree(postfix)
    if any(item[0] == "s" for item in postfix):
        tree = clean(tree)
        if tree is None:
            if notice is not None:
                notice("text-search query contains only stop words or "
                       "doesn't contain lexemes, ignored")
            return TsQuery(())
    return TsQuery(_prefix(tree))


def parse_tsquery(text: str) -> TsQuery:
    return parse_query(text)


# The tree form used while building: ("v", …) leaves, ("s",) stop words,
# ("o", op, distance, left, right) with right None for NOT.


def _tree(postfix: list):
    stack: list = []
    for item in postfix:
        if item[0] in ("v", "s"):
            stack.append(item)
        elif item[1] == OP_NOT:
            stack.append(("o", OP_NOT, 0, stack.pop(), None))
        else:
            right = stack.pop()
            left = stack.pop()
            stack.append(("o", item[1], item[2], left, right))
    return stack[-1]


def _drop_stops(node):
    """clean_stopword_intree: operands that are stop words vanish with
    their operator; a phrase operator around one widens its distance."""
    result, _, _ = _clean(node)
    return result


def _clean(node):
    """clean_stopword_intree: (node or None, ladd, radd), ladd/radd the
    distances a vanished phrase operand leaves to its neighbours."""
    if node[0] == "v":
        return node, 0, 0
    if node[0] == "s":
        return None, 0, 0
    _, op, distance, left, right = node
    if op == OP_NOT:
        child, ladd, radd = _clean(left)
        if child is None:
            return None, ladd, radd
        return ("o", OP_NOT, 0, child, None), ladd, radd
    lnode, lladd, lradd = _clean(left)
    rnode, rladd, rradd = _clean(right)
    phrase = op == OP_PHRASE
    ndistance = distance if phrase else 0
    if lnode is None and rnode is None:
        add = lladd + ndistance + rladd if phrase else max(lladd, rladd)
        return None, add, add
    if lnode is None:
        if phrase:
            return rnode, lladd + ndistance + rladd, rradd
        return rnode, rladd, rradd
    if rnode is None:
        if phrase:
            return lnode, lladd, lradd + ndistance + rradd
        return lnode, lladd, lradd
    if phrase:
        return ("o", op, distance + lradd + rladd, lnode, rnode), lladd, rradd
    return ("o", op, distance, lnode, rnode), 0, 0


def _prefix(node) -> list:
    if node[0] == "v":
        return [node]
    _, op, distance, left, right = node
    if op == OP_NOT:
        return [("o", op, 0)] + _prefix(left)
    return [("o", op, distance)] + _prefix(right) + _prefix(left)


def query_tree(items: TsQuery):
    """The stored items as ("v", …) / ("o", op, distance, left, right)."""
    def walk(i: int):
        item = items[i]
        if item[0] == "v":
            return item, i + 1
        if item[1] == OP_NOT:
            child, j = walk(i + 1)
            return ("o", OP_NOT, 0, child, None), j
        right, j = walk(i + 1)
        left, k = walk(j)
        return ("o", item[1], item[2], left, right), k
    return walk(0)[0]


def tree_query(node) -> TsQuery:
    return TsQuery(_prefix(node))


def _infix(node, parent: int, right_phrase: bool) -> str:
    if node[0] == "v":
        _, word, weight, prefix = node
        out = _quote(word)
        if weight or prefix:
            out += ":" + ("*" if prefix else "") + "".join(
                letter for bit, letter in ((8, "A"), (4, "B"), (2, "C"),
                                           (1, "D")) if weight & bit)
        return out
    _, op, distance, left, right = node
    priority = PRIORITY[op]
    if op == OP_NOT:
        inner = "!" + _infix(left, priority, False)
        return f"( {inner} )" if priority < parent else inner
    right_text = _infix(right, priority, op == OP_PHRASE)
    left_text = _infix(left, priority, False)
    if op == OP_OR:
        sign = "|"
    elif op == OP_AND:
        sign = "&"
    else:
        sign = "<->" if distance == 1 else f"<{distance}>"
    text = f"{left_text} {sign} {right_text}"
    if priority < parent or (op == OP_PHRASE and right_phrase):
        return f"( {text} )"
    return text


def format_tsquery(value: TsQuery) -> str:
    if not value:
        return ""
    return _infix(query_tree(value), -1, False)


# -- comparison ---------------------------------------------------------------


def _varsize(vector: TsVector) -> int:
    """The stored size tsvector_cmp compares first."""
    size = 8 + 4 * len(vector)
    for lexeme, positions in vector:
        size += len(lexeme.encode("utf-8"))
        if positions:
            size += size % 2  # SHORTALIGN
            size += 2 + 2 * len(positions)
    return size


def tsvector_cmp(a: TsVector, b: TsVector) -> int:
    """silly_cmp_tsvector."""
    sa, sb = _varsize(a), _varsize(b)
    if sa != sb:
        return -1 if sa < sb else 1
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    for (la, pa), (lb, pb) in zip(a, b):
        if bool(pa) != bool(pb):
            return -1 if pa else 1
        ka, kb = lexeme_key(la), lexeme_key(lb)
        if ka != kb:
            return -1 if ka < kb else 1
        if len(pa) != len(pb):
            return -1 if len(pa) > len(pb) else 1
        for (xa, wa), (xb, wb) in zip(pa, pb):
            if xa != xb:
                return -1 if xa > xb else 1
            if wa != wb:
                return -1 if wa > wb else 1
    return 0


def _crc_table() -> list[int]:
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC = _crc_table()


def legacy_crc32(data: bytes) -> int:
    """pg_crc.h's LEGACY_CRC32 (the normal table driven by reflected code),
    as the signed int32 tsquery keeps as an operand's valcrc."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _CRC[((crc >> 24) ^ byte) & 0xFF] ^ ((crc << 8) & 0xFFFFFFFF)
    crc ^= 0xFFFFFFFF
    return crc - (1 << 32) if crc >= 1 << 31 else crc


def _query_varsize(query: TsQuery) -> int:
    return 8 + 12 * len(query) + sum(len(i[1].encode("utf-8")) + 1
                                     for i in query if i[0] == "v")


def _node_cmp(a, b) -> int:
    """QTNodeCompare over query_tree nodes (children: right, then left)."""
    ta, tb = (1 if a[0] == "v" else 2), (1 if b[0] == "v" else 2)
    if ta != tb:
        return -1 if ta > tb else 1
    if a[0] == "o":
        if a[1] != b[1]:
            return -1 if a[1] > b[1] else 1
        ca = [a[3]] if a[1] == OP_NOT else [a[4], a[3]]
        cb = [b[3]] if b[1] == OP_NOT else [b[4], b[3]]
        if len(ca) != len(cb):
            return -1 if len(ca) > len(cb) else 1
        for x, y in zip(ca, cb):
            res = _node_cmp(x, y)
            if res:
                return res
        if a[1] == OP_PHRASE and a[2] != b[2]:
            return -1 if a[2] > b[2] else 1
        return 0
    wa, wb = a[1].encode("utf-8"), b[1].encode("utf-8")
    crca, crcb = legacy_crc32(wa), legacy_crc32(wb)
    if crca != crcb:
        return -1 if crca > crcb else 1
    return (wa > wb) - (wa < wb)


def tsquery_cmp(a: TsQuery, b: TsQuery) -> int:
    """CompareTSQ: item count, stored size, then the trees (operands by
    CRC and text: weights and prefix marks are not compared)."""
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    sa, sb = _query_varsize(a), _query_varsize(b)
    if sa != sb:
        return -1 if sa < sb else 1
    if not a:
        return 0
    return _node_cmp(query_tree(a), query_tree(b))


def tsquery_key(query: TsQuery) -> tuple:
    """What makes two tsqueries equal to CompareTSQ: the items without
    their weights and prefix marks."""
    return tuple(("v", i[1]) if i[0] == "v" else i for i in query)


# -- binary send/recv ---------------------------------------------------------

_I = struct.Struct(">i")
_H = struct.Struct(">H")


def send_tsvector(value: TsVector) -> bytes:
    """tsvectorsend: count, then each lexeme NUL-terminated with its
    position count and positions (weight in the top two bits)."""
    out = [_I.pack(len(value))]
    for lexeme, positions in value:
        out.append(lexeme.encode("utf-8") + b"\0")
        out.append(_H.pack(len(positions)))
        for p, w in positions:
            out.append(_H.pack((w << 14) | p))
    return b"".join(out)


def _cstring(data: bytes, at: int) -> tuple[str, int]:
    """pq_getmsgstring: the NUL-terminated text at `at`, and what follows."""
    end = data.index(b"\0", at)
    return data[at:end].decode("utf-8"), end + 1


def recv_tsvector(data: bytes) -> TsVector:
    """tsvectorrecv: send_tsvector's form read back."""
    (count,) = _I.unpack_from(data, 0)
    at = 4
    entries = []
    for _ in range(count):
        lexeme, at = _cstring(data, at)
        (npos,) = _H.unpack_from(data, at)
        at += 2
        positions = []
        for _ in range(npos):
            (raw,) = _H.unpack_from(data, at)
            at += 2
            positions.append((raw & 0x3FFF, raw >> 14))
        entries.append((lexeme, positions or None))
    return make_tsvector(entries)


def send_tsquery(value: TsQuery) -> bytes:
    out = [_I.pack(len(value))]
    for item in value:
        if item[0] == "v":
            out.append(bytes((1, item[2], 1 if item[3] else 0)))
            out.append(item[1].encode("utf-8") + b"\0")
        else:
            out.append(bytes((2, item[1])))
            if item[1] == OP_PHRASE:
                out.append(_H.pack(item[2]))
    return b"".join(out)


def recv_tsquery(data: bytes) -> TsQuery:
    (count,) = _I.unpack_from(data, 0)
    at = 4
    items = []
    for _ in range(count):
        kind = data[at]
        at += 1
        if kind == 1:
            weight, prefix = data[at], data[at + 1]
            lexeme, at = _cstring(data, at + 2)
            items.append(("v", lexeme, weight, bool(prefix)))
        else:
            op = data[at]
            at += 1
            distance = 0
            if op == OP_PHRASE:
                (distance,) = _H.unpack_from(data, at)
                at += 2
            items.append(("o", op, distance))
    return TsQuery(items)
