"""Text search configurations `simple` and `english`: PostgreSQL's default
parser (for the texts the twin tokenizes exactly) and their dictionaries.

The default parser (wparser_def.c) is a large state machine recognising
e-mail addresses, URLs, hosts, file paths, version numbers, signed and
floating-point numbers, XML tags and entities. The twin tokenizes what
needs none of that: words of letters (ASCII → asciiword, others → word;
under the C locale every non-ASCII character is a letter), words of letters
and digits (numword), unsigned integers (uint), signed integers (int) and
decimals (float) standing alone, words joined by single hyphens
(asciihword/hword with their parts), and blanks of whitespace and plain
punctuation. A text holding anything the default parser could read
as one of the other token types is refused (0A000), never tokenized
differently.

Dictionaries: `simple` lower-cases (ASCII only under the C locale);
`english_stem` lower-cases, drops the english.stop words and stems with
Snowball's English stemmer (the snowballstemmer package at Snowball 2.2,
the version PostgreSQL 15 carries). In `english`, numbers and numwords go
to `simple`, words to `english_stem`.
"""

from __future__ import annotations

import re

from twinning.errors import (
    SqlError, internal_error, program_limit_exceeded, undefined_object,
)
from twinning.values.common import unsupported
from twinning.values.english_stop import ENGLISH_STOP
from twinning.values.tsearch import (MAXENTRYPOS, MAXSTRLEN, OP_AND, OP_OR,
                                     OP_PHRASE, TsQuery, TsVector,
                                     make_tsvector, parse_query)

# pg_ts_config: the built-in configurations (OIDs as initdb assigns them)
CONFIG_OIDS = {
    "simple": 3748, "arabic": 13152, "armenian": 13154, "basque": 13156,
    "catalan": 13158, "danish": 13160, "dutch": 13162, "english": 13164,
    "finnish": 13166, "french": 13168, "german": 13170, "greek": 13172,
    "hindi": 13174, "hungarian": 13176, "indonesian": 13178, "irish": 13180,
    "italian": 13182, "lithuanian": 13184, "nepali": 13186,
    "norwegian": 13188, "portuguese": 13190, "romanian": 13192,
    "russian": 13194, "serbian": 13196, "spanish": 13198, "swedish": 13200,
    "tamil": 13202, "turkish": 13204, "yiddish": 13206,
}
CONFIG_NAMES = {oid: name for name, oid in CONFIG_OIDS.items()}
SUPPORTED = frozenset({"simple", "english"})

_BLANKS = frozenset(" \t\n\r\v\f,;!?\"'()[]{}>|*^`")


def config_oid(text: str) -> int:
    """regconfigin: a configuration name (optionally pg_catalog.-qualified,
    case-folded as an identifier) or an OID."""
    stripped = text.strip()
    if stripped.isdigit() and stripped.isascii():
        return int(stripped)
    name = text
    if "." in text:
        schema, _, name = text.partition(".")
        if schema.lower() != "pg_catalog":
            raise undefined_object(f'text search configuration "{text}" '
                                   "does not exist")
    if name.startswith('"') and name.endswith('"') and len(name) > 1:
        name = name[1:-1]
    else:
        name = name.lower()
    if name not in CONFIG_OIDS:
        raise undefined_object(f'text search configuration "{text}" does '
                               "not exist")
    return CONFIG_OIDS[name]


def config_name(oid: int) -> str:
    return CONFIG_NAMES.get(int(oid), str(int(oid)))


def _config(oid: int) -> str:
    name = CONFIG_NAMES.get(int(oid))
    if name is None:
        raise internal_error(f"cache lookup failed for text search "
                             f"configuration {int(oid)}")
    if name not in SUPPORTED:
        raise unsupported(f"text search configuration {name!r}")
    return name


def _is_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ch > "\x7f"


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _refuse(text: str) -> SqlError:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return unsupported(f"text search parsing of {shown!r} (the default "
                       "parser's numbers, e-mail addresses, URLs, hosts, "
                       "file paths and tags)")


_WORD = re.compile(r"[A-Za-z0-9\u0080-\U0010ffff]+")
# a signed integer or a decimal (int, float): the default parser's
# TPS_InSignedInt / TPS_InUDecimal / TPS_InDecimal tokens
_NUMBER = re.compile(r"([+-]?)([0-9]+)(\.[0-9]+)?")
_SCIENTIFIC = re.compile(r"[0-9]+[eE][0-9]")


def _number(text: str, i: int) -> tuple[tuple[str, str], int] | None:
    """((type, token), end) of a signed or decimal number at `i` that
    ends at a blank, the end, or a sentence's full stop; None when the
    text there is not one (a plain run of digits is a word's business)."""
    match = _NUMBER.match(text, i)
    if match is None or not (match.group(1) or match.group(3)):
        return None
    end = match.end()
    after = text[end] if end < len(text) else ""
    if after == ".":
        nxt = text[end + 1] if end + 1 < len(text) else ""
        if nxt and nxt not in _BLANKS:
            return None
    elif after and after not in _BLANKS:
        return None
    kind = "float" if match.group(3) else "int"
    return (kind, match.group()), end


def tokens(text: str) -> list[tuple[str, str]]:
    """(token type, token) for every token the dictionaries see."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _BLANKS:
            i += 1
            continue
        if ch in "+-" or _is_digit(ch):
            number = _number(text, i)
            if number is not None:
                out.append(number[0])
                i = number[1]
                continue
        if ch == "-":
            nxt = text[i + 1] if i + 1 < n else ""
            if _is_digit(nxt) or nxt == ".":
                raise _refuse(text)
            i += 1
            continue
        if ch == ".":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt == "" or nxt in _BLANKS:  # a full stop: a blank
                i += 1
                continue
            raise _refuse(text)
        if ch == ":":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt == "" or nxt in " \t\n\r\v\f":
                i += 1
                continue
            raise _refuse(text)
        if not (_is_letter(ch) or _is_digit(ch)):
            raise _refuse(text)
        match = _WORD.match(text, i)
        if _SCIENTIFIC.match(match.group()):
            raise _refuse(text)  # 1e5…: the parser's sfloat
        parts = [match.group()]
        end = match.end()
        while end + 1 < n and text[end] == "-" and (
                _is_letter(text[end + 1]) or _is_digit(text[end + 1])):
            nxt = _WORD.match(text, end + 1)
            parts.append(nxt.group())
            end = nxt.end()
        after = text[end] if end < n else ""
        if after == "." and end + 1 < n and text[end + 1] not in _BLANKS:
            raise _refuse(text)
        if after in ("@", "/", "_", "+", "&", "<", "~", "%", "#", "=",
                     "\\", "$"):
            raise _refuse(text)
        if len(parts) == 1:
            word = parts[0]
            if word.isdigit():
                out.append(("uint", word))
            elif any(_is_digit(c) for c in word):
                out.append(("numword", word))
            elif word.isascii():
                out.append(("asciiword", word))
            else:
                out.append(("word", word))
        else:
            if any(any(_is_digit(c) for c in p) for p in parts):
                raise _refuse(text)
            whole = "-".join(parts)
            ascii_all = whole.isascii()
            out.append(("asciihword" if ascii_all else "hword", whole))
            for p in parts:
                out.append(("hword_asciipart" if p.isascii() else
                            "hword_part", p))
        i = end
    return out


def _lower(word: str) -> str:
    """lowerstr under the C locale: ASCII letters only."""
    return word.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                             "abcdefghijklmnopqrstuvwxyz")
_STEMMER = None


def _stem(word: str) -> str:
    global _STEMMER
    if _STEMMER is None:
        import snowballstemmer
        _STEMMER = snowballstemmer.stemmer("english")
    return _STEMMER.stemWord(word)


def _lexize(config: str, kind: str, word: str) -> list[str]:
    lowered = _lower(word)
    if config == "simple" or kind in ("uint", "numword", "int", "float"):
        return [lowered] if lowered else []
    if not lowered or lowered in ENGLISH_STOP:
        return []
    if len(lowered.encode("utf-8")) > 1000:
        return [lowered]
    return [_stem(lowered)]


def parsetext(config_oid_: int, text: str, start: int = 0,
              notices: list | None = None) -> tuple[list, int]:
    """parsetext: ([(lexeme, position)], last position) continuing from
    position `start`."""
    config = _config(config_oid_)
    words: list[tuple[str, int]] = []
    pos = start
    for kind, token in tokens(text):
        if len(token.encode("utf-8")) >= MAXSTRLEN:
            if notices is not None:
                notices.append("word is too long to be indexed")
            continue
        lexemes = _lexize(config, kind, token)
        pos += 1
        for lexeme in lexemes:
            words.append((lexeme, min(pos, MAXENTRYPOS - 1)))
    return words, pos


def words_vector(words: list) -> TsVector:
    return make_tsvector((lexeme, [(p, 0)]) for lexeme, p in words)


def to_tsvector(config_oid_: int, text: str) -> TsVector:
    words, _ = parsetext(config_oid_, text)
    return words_vector(words)


def _morph(config_oid_: int, operator: int):
    """pushval_morph: an operand's lexemes, stop words as placeholders
    joined by `operator` (phrase for to_tsquery, AND for plainto)."""
    def push(out: list, word: str, weight: int, prefix: bool) -> None:
        words, _ = parsetext(config_oid_, word)
        if not words:
            out.append(("s",))
            return
        pos, cntpos, count = 0, 0, 0
        while count < len(words):
            here = words[count][1]
            if pos > 0 and pos + 1 < here:
                while pos + 1 < here:
                    out.append(("s",))
                    if cntpos:
                        out.append(("o", operator, 1))
                    cntpos += 1
                    pos += 1
            pos = here
            cntvar = 0
            while count < len(words) and words[count][1] == pos:
                lexeme = words[count][0]
                if len(lexeme.encode("utf-8")) >= MAXSTRLEN:
                    raise program_limit_exceeded("word is too long in tsquery")
                out.append(("v", lexeme, weight, prefix))
                count += 1
                if cntvar:
                    out.append(("o", OP_OR, 0))
                cntvar += 1
            if cntpos:
                out.append(("o", operator, 1))
            cntpos += 1
    return push


def to_tsquery(config_oid_: int, text: str, notice=None) -> TsQuery:
    return parse_query(text, _morph(config_oid_, OP_PHRASE), notice)


def _plain(config_oid_: int, text: str, operator: int, notice) -> TsQuery:
    from twinning.values.tsearch import _clean, finished_query
    postfix: list = []
    if text:
        _morph(config_oid_, operator)(postfix, text, 0, False)
    return finished_query(postfix, text, notice, lambda tree: _clean(tree)[0])


def websearch_to_tsquery(config_oid_: int, text: str, notice=None
                         ) -> TsQuery:
    return parse_query(text, _morph(config_oid_, OP_PHRASE), notice, web=True)


def plainto_tsquery(config_oid_: int, text: str, notice=None) -> TsQuery:
    return _plain(config_oid_, text, OP_AND, notice)


def phraseto_tsquery(config_oid_: int, text: str, notice=None) -> TsQuery:
    return _plain(config_oid_, text, OP_PHRASE, notice)
