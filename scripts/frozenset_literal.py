"""The one way the generators write a set of names into a module."""

from __future__ import annotations


def frozenset_literal(name: str, items, comment: str | None = None) -> list[str]:
    """The lines of `NAME = frozenset((…))`, wrapped at 79 columns, after
    a `# COMMENT` line when one is given; a blank line ends them."""
    out = [f"# {comment}"] if comment is not None else []
    out.append(f"{name} = frozenset((")
    line = "   "
    for item in items:
        text = f" {item!r},"
        if len(line) + len(text) > 79:
            out.append(line)
            line = "   "
        line += text
    return out + [line, "))", ""]
