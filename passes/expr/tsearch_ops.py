"""Text search operators and functions: `@@` (TS_execute with phrase
search), tsvector comparison, `||`, setweight/strip/length/numnode,
to_tsvector and the to_tsquery family over `values/tsparse`.

A one-argument form reads default_text_search_config (so it is stable,
not immutable, as in PostgreSQL).
"""

from __future__ import annotations

from twinning.errors import (
    internal_error, invalid_parameter_value, null_value_not_allowed,
)
from twinning.deferred import deferred
from twinning.passes.expr import tsrank
from twinning.values.system import RegOid
from twinning.passes.expr.registry import BINARY, COMPARE, define, reg
from twinning.values.tsearch import (OP_AND, OP_NOT, OP_OR, OP_PHRASE,
                                     TsQuery, TsVector, format_tsquery,
                                     make_tsvector,
                                     query_tree, tree_query, tsquery_cmp,
                                     tsvector_cmp)

# the parser and stemmer (and their patterns) load on first use
tsparse = deferred("twinning.values.tsparse", globals(), "tsparse")

_WEIGHTS = {"a": 3, "A": 3, "b": 2, "B": 2, "c": 1, "C": 1, "d": 0, "D": 0}


# -- @@ ---------------------------------------------------------------------


def _lookup(vector: TsVector, word: str, prefix: bool) -> list:
    """The entries matching an operand: its lexeme, or every lexeme it
    begins (prefix search)."""
    if not prefix:
        return [e for e in vector if e[0] == word]
    return [e for e in vector if e[0].startswith(word)]


def _positions(vector: TsVector, node) -> tuple[set, bool] | None:
    """An operand's positions (weight-filtered) and whether it matched
    only without positions (a stripped lexeme: TS_MAYBE)."""
    _, word, weight, prefix = node
    found = _lookup(vector, word, prefix)
    out: set[int] = set()
    maybe = False
    for _, positions in found:
        if not positions:
            maybe = True
            continue
        for p, w in positions:
            if not weight or weight & (1 << w):
                out.add(p)
    return out, maybe


def _match(vector: TsVector, node) -> bool | None:
    """TS_execute_recurse: True, False, or None for TS_MAYBE."""
    if node[0] == "v":
        positions, maybe = _positions(vector, node)
        # a lexeme without positions (stripped) matches whatever the weight
        return bool(positions) or maybe
    op = node[1]
    if op == OP_NOT:
        inner = _match(vector, node[3])
        return None if inner is None else not inner
    if op == OP_AND or op == OP_OR:
        # either side at the deciding value (False for AND, True for OR)
        # decides; else a MAYBE side makes the result MAYBE
        decides = op == OP_OR
        left = _match(vector, node[3])
        if left is decides:
            return decides
        right = _match(vector, node[4])
        if right is decides:
            return decides
        return None if left is None or right is None else not decides
    result = _phrase(vector, node)
    if result is None:  # TS_MAYBE without TS_EXEC_PHRASE_NO_POS: no
        return False
    positions, negate, _ = result
    return bool(positions) or negate


def _is_no(result) -> bool:
    return result is not None and not result[0] and not result[1]


def _phrase(vector: TsVector, node):
    """TS_phrase_execute: (positions, negated, width), None for TS_MAYBE
    (a lexeme without positions); TS_NO is no positions, not negated."""
    if node[0] == "v":
        positions, maybe = _positions(vector, node)
        if maybe:
            return None
        return positions, False, 0
    op = node[1]
    if op == OP_NOT:
        inner = _phrase(vector, node[3])
        if inner is None:
            return None
        positions, negate, width = inner
        if not positions and negate:  # "everywhere" becomes "nowhere"
            return set(), False, width
        return positions, not negate, width
    if op in (OP_AND, OP_PHRASE):
        left = _phrase(vector, node[3])
        if _is_no(left):
            return set(), False, 0
        right = _phrase(vector, node[4])
        if _is_no(right):
            return set(), False, 0
        if left is None or right is None:
            return None
    else:
        left, right = _phrase(vector, node[3]), _phrase(vector, node[4])
        if _is_no(left) and _is_no(right):
            return set(), False, 0
        if left is None or right is None:
            return None
        if _is_no(left):
            left = (set(), False, 0)
        if _is_no(right):
            right = (set(), False, 0)
    lpos, lneg, lwidth = left
    rpos, rneg, rwidth = right
    if op == OP_PHRASE:
        distance = node[2]
        loffset, roffset = distance + rwidth, 0
        width = distance + lwidth + rwidth
    else:
        width = max(lwidth, rwidth)
        loffset, roffset = width - lwidth, width - rwidth
    lset = {p + loffset for p in lpos}
    rset = {p + roffset for p in rpos}
    if op != OP_OR:
        if lneg and rneg:
            return lset | rset, True, width
        if lneg:
            return rset - lset, False, width
        if rneg:
            return lset - rset, False, width
        return lset & rset, False, width
    if lneg and rneg:
        return lset & rset, True, width
    if lneg:
        return lset - rset, True, width
    if rneg:
        return rset - lset, True, width
    return lset | rset, False, width


def ts_match(vector: TsVector, query: TsQuery) -> bool:
    if not query:  # an empty query matches nothing
        return False
    return _match(vector, query_tree(query)) is not False


# -- tsvector comparison ------------------------------------------------------


_CMP = {"=": lambda c: c == 0, "<>": lambda c: c != 0, "<": lambda c: c < 0,
        ">": lambda c: c > 0, "<=": lambda c: c <= 0, ">=": lambda c: c >= 0}


# -- tsvector functions -------------------------------------------------------


def _concat(a: TsVector, b: TsVector) -> TsVector:
    """tsvector_concat: the right operand's positions shifted past the
    left's highest position."""
    maxpos = 0
    for _, positions in a:
        for p, _ in positions:
            maxpos = max(maxpos, p)
    entries = [(lexeme, list(positions) or None) for lexeme, positions in a]
    for lexeme, positions in b:
        shifted = [(min(p + maxpos, 16383), w) for p, w in positions]
        entries.append((lexeme, shifted or None))
    return make_tsvector(entries)


def _setweight(vector: TsVector, weight: str) -> TsVector:
    w = _WEIGHTS.get(weight)
    if w is None:
        raise internal_error(f"unrecognized weight: {ord(weight[:1] or chr(0))}")
    return TsVector((lexeme, tuple((p, w) for p, _ in positions))
                    for lexeme, positions in vector)


def _setweight_filter(vector: TsVector, weight: str, lexemes) -> TsVector:
    w = _WEIGHTS.get(weight)
    if w is None:
        raise internal_error(f"unrecognized weight: {ord(weight[:1] or chr(0))}")
    if any(x is None for x in lexemes):
        raise null_value_not_allowed("lexeme array may not contain nulls")
    chosen = set(lexemes)
    return TsVector((lexeme, tuple((p, w) for p, _ in positions)
                     if lexeme in chosen else positions)
                    for lexeme, positions in vector)


def _filter(vector: TsVector, weights) -> TsVector:
    """tsvector_filter: the positions of the listed weights; a lexeme left
    without any (or stripped) goes."""
    wanted = set()
    for w in weights:
        if w is None:
            raise null_value_not_allowed("weight array may not contain nulls")
        if w not in _WEIGHTS:
            raise invalid_parameter_value(f'unrecognized weight: "{w}"')
        wanted.add(_WEIGHTS[w])
    out = []
    for lexeme, positions in vector:
        kept = tuple(p for p in positions if p[1] in wanted)
        if kept:
            out.append((lexeme, kept))
    return TsVector(out)


def _strip(vector: TsVector) -> TsVector:
    return TsVector((lexeme, ()) for lexeme, _ in vector)


def _to_array(vector: TsVector) -> tuple:
    return tuple(lexeme for lexeme, _ in vector)


def _from_array(lexemes) -> TsVector:
    if any(x is None for x in lexemes):
        raise null_value_not_allowed("lexeme array may not contain nulls")
    if any(x == "" for x in lexemes):
        raise invalid_parameter_value("lexeme array may not contain empty strings")
    return make_tsvector((x, None) for x in lexemes)


def _delete(vector: TsVector, lexemes) -> TsVector:
    gone = {x for x in lexemes if x is not None}
    return TsVector(e for e in vector if e[0] not in gone)


# -- tsquery functions --------------------------------------------------------


def _numnode(query: TsQuery) -> int:
    return len(query)


def _clean_not(node):
    """clean_NOT_intree: NOT subtrees removed (an OR losing a side goes
    whole; an AND or phrase keeps the side left)."""
    if node[0] == "v":
        return node
    _, op, distance, left, right = node
    if op == OP_NOT:
        return None
    if op == OP_OR:
        left = _clean_not(left)
        if left is None:
            return None
        right = _clean_not(right)
        if right is None:
            return None
        return ("o", op, distance, left, right)
    left, right = _clean_not(left), _clean_not(right)
    if left is None:
        return right
    if right is None:
        return left
    return ("o", op, distance, left, right)


def _querytree(query: TsQuery) -> str:
    """tsquerytree: the query without its NOT parts ('T' when nothing is
    left), as the index would search it."""
    if not query:
        return ""
    cleaned = _clean_not(query_tree(query))
    return "T" if cleaned is None else format_tsquery(tree_query(cleaned))


def _notices(ctx):
    return ctx.notices.append


def _default_config(ctx) -> int:
    return tsparse.config_oid(ctx.current_setting("default_text_search_config",
                                                  False))


def _query_and(a: TsQuery, b: TsQuery) -> TsQuery:
    return _combine(a, b, OP_AND, 0)


def _query_or(a: TsQuery, b: TsQuery) -> TsQuery:
    return _combine(a, b, OP_OR, 0)


def _combine(a: TsQuery, b: TsQuery, op: int, distance: int) -> TsQuery:
    if not a:
        return b
    if not b:
        return a
    return tree_query(("o", op, distance, query_tree(a), query_tree(b)))


def _query_not(a: TsQuery) -> TsQuery:
    if not a:
        return a
    return tree_query(("o", OP_NOT, 0, query_tree(a), None))


def _query_phrase(a: TsQuery, b: TsQuery, distance: int = 1) -> TsQuery:
    if distance < 0 or distance > 16384:
        raise invalid_parameter_value("distance in phrase operator must be an "
                                      "integer value between zero and 16384 inclusive")
    return _combine(a, b, OP_PHRASE, distance)


def register() -> None:
    reg(BINARY, "tsvector @@ tsquery", ts_match)
    reg(BINARY, "tsquery @@ tsvector", lambda q, v: ts_match(v, q))
    define("ts_match_vq(tsvector,tsquery)", ts_match)
    for op in COMPARE:
        test = _CMP[op]
        reg(BINARY, f"tsvector {op} tsvector",
            lambda a, b, test=test: test(tsvector_cmp(a, b)))
    reg(BINARY, "tsvector || tsvector", _concat)
    for op in COMPARE:
        test = _CMP[op]
        reg(BINARY, f"tsquery {op} tsquery",
            lambda a, b, test=test: test(tsquery_cmp(a, b)))
    reg(BINARY, "tsquery && tsquery", _query_and)
    reg(BINARY, "tsquery || tsquery", _query_or)
    reg(BINARY, "tsquery <-> tsquery", _query_phrase)
    define("tsquery_phrase(tsquery,tsquery)", _query_phrase)
    define("tsquery_phrase(tsquery,tsquery,int4)", _query_phrase)
    from twinning.passes.expr.registry import UNARY
    reg(UNARY, "!! tsquery", _query_not)
    define("length(tsvector)", len)
    define("strip(tsvector)", _strip)
    define("ts_filter(tsvector,char[])", _filter)
    define("setweight(tsvector,char)", _setweight)
    define("setweight(tsvector,char,text[])", _setweight_filter)
    define("tsvector_to_array(tsvector)", _to_array)
    define("array_to_tsvector(text[])", _from_array)
    define("ts_delete(tsvector,text)", lambda v, x: _delete(v, (x,)))
    define("ts_delete(tsvector,text[])", _delete)
    define("numnode(tsquery)", _numnode)
    define("querytree(tsquery)", _querytree)
    define("to_tsvector(regconfig,text)",
           lambda cfg, text: tsparse.to_tsvector(cfg, text))
    define("to_tsvector(text)",
           lambda ctx, text: tsparse.to_tsvector(_default_config(ctx), text),
           context=True)
    for name in ("to_tsquery", "plainto_tsquery", "phraseto_tsquery",
                 "websearch_to_tsquery"):
        define(f"{name}(regconfig,text)",
               lambda ctx, cfg, text, name=name: getattr(tsparse, name)(
                   cfg, text, _notices(ctx)), context=True)
        define(f"{name}(text)",
               lambda ctx, text, name=name: getattr(tsparse, name)(
                   _default_config(ctx), text, _notices(ctx)), context=True)
    define("get_current_ts_config()", _current_config, context=True)
    define("ts_rank(tsvector,tsquery)", tsrank.ts_rank)
    define("ts_rank(tsvector,tsquery,int4)", tsrank.ts_rank)
    define("ts_rank(float4[],tsvector,tsquery)", tsrank.ts_rank_weighted)
    define("ts_rank(float4[],tsvector,tsquery,int4)", tsrank.ts_rank_weighted)
    # ts_match_tq / ts_match_tt: the text parsed with the default config
    reg(BINARY, "text @@ tsquery", lambda ctx, t, q: ts_match(
        tsparse.to_tsvector(_default_config(ctx), t), q), context=True)
    reg(BINARY, "text @@ text", lambda ctx, t, u: ts_match(
        tsparse.to_tsvector(_default_config(ctx), t),
        tsparse.plainto_tsquery(_default_config(ctx), u)), context=True)


def _current_config(ctx) -> RegOid:
    oid = _default_config(ctx)
    return RegOid(oid, tsparse.config_name(oid))
