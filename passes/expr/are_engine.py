"""PostgreSQL's choice of regular-expression match, computed exactly for
the patterns where Python's backtracking choice differs (regex_ops sends
them here): non-greedy quantifiers, alternation, lookaround constraints,
context-sensitive ends.

The rules are PostgreSQL's (documentation 9.7.3.5): the match starting
earliest wins; among those, the longest when the RE is greedy, the
shortest when it is not, a branch taking the greediness of its first
quantified atom that has one and an alternation always being greedy.
`ends(node, pos)` computes every position a node can reach from `pos`
(memoized per text), which decides that span without any backtracking
order. Capture groups are then read off the chosen span only when every
parse of the span gives each group the same text: when two parses differ
(where PostgreSQL's subexpression priority would decide), the call is
refused with 0A000 rather than guessed, and so is a group under a
quantifier that repeats (citerdissect's choice of iterations).
"""

from __future__ import annotations

import re

from twinning.errors import feature_not_supported, invalid_regular_expression

BUDGET = 3_000_000  # end-set steps per text before the match is refused
UNSET = None


class Node:
    __slots__ = ()


class Char(Node):
    __slots__ = ("test",)

    def __init__(self, test: re.Pattern) -> None:
        self.test = test


class Seq(Node):
    __slots__ = ("items",)

    def __init__(self, items: list) -> None:
        self.items = items


class Alt(Node):
    __slots__ = ("branches",)

    def __init__(self, branches: list) -> None:
        self.branches = branches


class Repeat(Node):
    __slots__ = ("node", "low", "high", "greedy")

    def __init__(self, node, low: int, high: int | None, greedy: bool | None):
        self.node, self.low, self.high, self.greedy = node, low, high, greedy


class Group(Node):
    __slots__ = ("node", "index")

    def __init__(self, node, index: int | None) -> None:
        self.node, self.index = node, index


class Assert(Node):
    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind


class Look(Node):
    __slots__ = ("node", "ahead", "negate")

    def __init__(self, node, ahead: bool, negate: bool) -> None:
        self.node, self.ahead, self.negate = node, ahead, negate


# -- parsing --------------------------------------------------------------------------

class _Parser:
    def __init__(self, pattern: str, char_test, syntax) -> None:
        self.p = pattern
        self.i = 0
        self.char_test = char_test  # (python class text) -> compiled test
        self.bracket, self.escapes = syntax  # regex_ops' translations
        self.groups = 0

    def parse(self) -> Node:
        node = self.alternation(capturing=True)
        if self.i < len(self.p):
            raise invalid_regular_expression("invalid regular expression: parentheses "
                                             "() not balanced")
        return node

    def alternation(self, capturing: bool) -> Node:
        branches = [self.branch(capturing)]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.branch(capturing))
        return branches[0] if len(branches) == 1 else Alt(branches)

    def branch(self, capturing: bool) -> Node:
        items: list[Node] = []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            atom = self.atom(capturing)
            items.append(self.quantified(atom))
        return items[0] if len(items) == 1 else Seq(items)

    def quantified(self, atom: Node) -> Node:
        p = self.p
        if self.i >= len(p) or p[self.i] not in "*+?{":
            return atom
        c = p[self.i]
        if c == "{":
            close = p.find("}", self.i)
            body = p[self.i + 1:close]
            low_text, _, high_text = body.partition(",")
            low = int(low_text)
            high = low if "," not in body else (int(high_text) if high_text
                                                  else None)
            self.i = close + 1
            fixed = "," not in body  # {m}: the atom's greediness
        else:
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            self.i += 1
            fixed = False
        greedy: bool | None = None if fixed else True
        if self.i < len(p) and p[self.i] == "?":
            self.i += 1
            greedy = None if fixed else False
        if fixed and greedy is None:
            greedy = _greediness(atom)
        return Repeat(atom, low, high, greedy)

    def atom(self, capturing: bool) -> Node:
        p = self.p
        c = p[self.i]
        if c == "(":
            if p.startswith("(?", self.i):
                kind = p[self.i:self.i + 4]
                for prefix, ahead, negate in (("(?=", True, False),
                                              ("(?!", True, True),
                                              ("(?<=", False, False),
                                              ("(?<!", False, True)):
                    if kind.startswith(prefix):
                        self.i += len(prefix)
                        inner = self.alternation(capturing=False)
                        self._close()
                        return Look(inner, ahead, negate)
                self.i += 3  # (?:
                inner = self.alternation(capturing)
                self._close()
                return Group(inner, None)
            self.i += 1
            index = None
            if capturing:
                self.groups += 1
                index = self.groups
            inner = self.alternation(capturing)
            self._close()
            return Group(inner, index)
        if c == "[":
            text, self.i = self.bracket(p, self.i)
            return Char(self.char_test(text))
        if c == "\\":
            nxt = p[self.i + 1]
            self.i += 2
            if nxt in "mMyYAZ":
                return Assert(nxt)
            if nxt in self.escapes:
                return Char(self.char_test(self.escapes[nxt]))
            if nxt.isalnum():
                raise feature_not_supported(f"regular expression escape \\{nxt}")
            return Char(self.char_test(re.escape(nxt)))
        self.i += 1
        if c == "^":
            return Assert("^")
        if c == "$":
            return Assert("$")
        if c == ".":
            return Char(self.char_test("."))
        return Char(self.char_test(re.escape(c)))

    def _close(self) -> None:
        if self.i >= len(self.p) or self.p[self.i] != ")":
            raise invalid_regular_expression("invalid regular expression: parentheses "
                                             "() not balanced")
        self.i += 1


def _greediness(node: Node) -> bool | None:
    """The documented greediness attribute: True (longest), False
    (shortest) or None (none)."""
    if isinstance(node, Repeat):
        return node.greedy
    if isinstance(node, Group):
        return _greediness(node.node)
    if isinstance(node, Alt):
        return True
    if isinstance(node, Seq):
        for item in node.items:
            found = _greediness(item)
            if found is not None:
                return found
    return None


class Program:
    """A parsed pattern: its tree, group count and whole-RE greediness.
    `syntax`: regex_ops' bracket-expression and escape translations
    (`_bracket`, `_ESCAPES`), which give each character test."""

    def __init__(self, pattern: str, fold: bool, syntax: tuple) -> None:
        flags = re.DOTALL | re.ASCII | (re.IGNORECASE if fold else 0)
        tests: dict[str, re.Pattern] = {}

        def char_test(text: str) -> re.Pattern:
            if text not in tests:
                tests[text] = re.compile(text, flags)
            return tests[text]
        parser = _Parser(pattern, char_test, syntax)
        self.root = parser.parse()
        self.groups = parser.groups
        self.greedy = _greediness(self.root) is not False




# -- matching -------------------------------------------------------------------------

_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


class Run:
    """One text: memoized end sets."""

    def __init__(self, prog: Program, text: str) -> None:
        self.prog = prog
        self.text = text
        self.memo: dict[tuple[int, int], frozenset] = {}
        self.budget = BUDGET

    def ends(self, node: Node, pos: int) -> frozenset:
        key = (id(node), pos)
        found = self.memo.get(key)
        if found is None:
            found = self._ends(node, pos)
            self.memo[key] = found
            self.budget -= 1 + len(found)
            if self.budget < 0:  # sets of ends quadratic in a long text
                raise feature_not_supported(
                    "a regular expression whose exact match on this long a "
                    "text costs too much to compute")
        return found

    def _ends(self, node: Node, pos: int) -> frozenset:
        text = self.text
        if isinstance(node, Char):
            if pos < len(text) and node.test.fullmatch(text[pos]):
                return frozenset((pos + 1,))
            return frozenset()
        if isinstance(node, Seq):
            current = {pos}
            for item in node.items:
                current = set().union(*(self.ends(item, p) for p in current)) \
                    if current else set()
            return frozenset(current)
        if isinstance(node, Alt):
            return frozenset().union(*(self.ends(b, pos) for b in node.branches))
        if isinstance(node, Group):
            return self.ends(node.node, pos)
        if isinstance(node, Repeat):
            return self._repeat(node, pos)
        if isinstance(node, Assert):
            return frozenset((pos,)) if self._assert(node.kind, pos) else frozenset()
        if isinstance(node, Look):
            if node.ahead:
                hit = bool(self.ends(node.node, pos))
            else:
                hit = any(pos in self.ends(node.node, s) for s in range(pos + 1))
            return frozenset((pos,)) if hit != node.negate else frozenset()
        raise AssertionError(node)

    def _repeat(self, node: Repeat, pos: int) -> frozenset:
        result: set[int] = set()
        current = {pos}
        seen: set[int] = set()
        count = 0
        while True:
            if count >= node.low:
                result |= current
                fresh = current - seen
                seen |= current
                if not fresh:
                    break
                current = fresh
            if node.high is not None and count >= node.high:
                break
            current = set().union(*(self.ends(node.node, p) for p in current)) \
                if current else set()
            count += 1
            if not current:
                break
        return frozenset(result)

    def _assert(self, kind: str, pos: int) -> bool:
        text = self.text
        before = pos > 0 and text[pos - 1] in _WORD
        after = pos < len(text) and text[pos] in _WORD
        if kind in ("^", "A"):
            return pos == 0
        if kind in ("$", "Z"):
            return pos == len(text)
        if kind == "m":
            return not before and after
        if kind == "M":
            return before and not after
        if kind == "y":
            return before != after
        return before == after  # Y

    # -- the match and its groups ----------------------------------------------------

    def search(self, start: int) -> tuple[int, int] | None:
        for so in range(start, len(self.text) + 1):
            found = self.ends(self.prog.root, so)
            if found:
                return so, (max(found) if self.prog.greedy else min(found))
        return None

    def groups(self, so: int, eo: int, fn: str) -> list[tuple[int, int] | None]:
        spans = []
        for index in range(1, self.prog.groups + 1):
            found = self._spans(self.prog.root, so, eo, index)
            if len(found) != 1:
                raise feature_not_supported(
                    f"capture groups that PostgreSQL's subexpression rules "
                    f"would place (several parses of the match) in {fn}")
            spans.append(next(iter(found)))
        return spans

    def _spans(self, node: Node, p: int, q: int, index: int) -> set:
        """Every span (or UNSET) group `index` takes in a parse of `node`
        over exactly [p, q]."""
        if q not in self.ends(node, p):
            return set()
        if not _contains(node, index):
            return {UNSET}
        if isinstance(node, Group):
            if node.index == index:
                return {(p, q)}
            return self._spans(node.node, p, q, index)
        if isinstance(node, Alt):
            out: set = set()
            for branch in node.branches:
                out |= self._spans(branch, p, q, index)
            return out
        if isinstance(node, Repeat) and node.high == 1:  # (x)? and (x){0,1}
            out = {UNSET} if p == q and node.low == 0 else set()
            return out | self._spans(node.node, p, q, index)
        if isinstance(node, Repeat):  # PostgreSQL's iteration rules: refused
            raise feature_not_supported(
                "a capture group inside a repeated subexpression in this "
                "regular expression function")
        assert isinstance(node, Seq)
        k = next(j for j, item in enumerate(node.items) if _contains(item, index))
        before, item, after = node.items[:k], node.items[k], node.items[k + 1:]
        starts = {p}
        for other in before:
            starts = set().union(*(self.ends(other, s) for s in starts)) \
                if starts else set()
        out = set()
        for a in starts:
            for b in self.ends(item, a):
                if self._reaches(after, b, q):
                    out |= self._spans(item, a, b, index)
        return out

    def _reaches(self, items: list, p: int, q: int) -> bool:
        current = {p}
        for item in items:
            current = set().union(*(self.ends(item, s) for s in current)) \
                if current else set()
        return q in current


def _contains(node: Node, index: int) -> bool:
    if isinstance(node, Group):
        return node.index == index or _contains(node.node, index)
    if isinstance(node, (Repeat, Look)):
        return _contains(node.node, index)
    if isinstance(node, Seq):
        return any(_contains(i, index) for i in node.items)
    if isinstance(node, Alt):
        return any(_contains(b, index) for b in node.branches)
    return False


class _Pattern:
    __slots__ = ("groups",)

    def __init__(self, groups: int) -> None:
        self.groups = groups


class Found:
    """The slice of re.Match the regex functions read (`m.re.groups`,
    `groups()`, `group(i)`, `span(i)`, `start(i)`, `end(i)`)."""

    def __init__(self, text: str, so: int, eo: int,
                 spans: list[tuple[int, int] | None]) -> None:
        self.text = text
        self.so, self.eo = so, eo
        self.spans = spans
        self.re = _Pattern(len(spans))

    def groups(self) -> tuple:
        return tuple(self.group(i) for i in range(1, len(self.spans) + 1))

    def group(self, i: int = 0) -> str | None:
        span = self.span(i)
        return None if span[0] < 0 else self.text[span[0]:span[1]]

    def span(self, i: int = 0) -> tuple[int, int]:
        if i == 0:
            return self.so, self.eo
        found = self.spans[i - 1]
        return (-1, -1) if found is None else found

    def start(self, i: int = 0) -> int:
        return self.span(i)[0]

    def end(self, i: int = 0) -> int:
        return self.span(i)[1]


class EngineRegex:
    """A pattern Python's re cannot compile (a lookbehind of varying
    length), standing in for the compiled pattern: `search` finds the
    match PostgreSQL takes (its groups are not read here), `groups` the
    capture count."""

    def __init__(self, prog: Program) -> None:
        self.prog = prog
        self.groups = prog.groups
        self._run: Run | None = None

    def search(self, text: str, pos: int = 0) -> Found | None:
        run = self._run
        if run is None or run.text is not text:
            run = self._run = Run(self.prog, text)
        found = run.search(pos)
        if found is None:
            return None
        return Found(text, found[0], found[1], [None] * self.prog.groups)
