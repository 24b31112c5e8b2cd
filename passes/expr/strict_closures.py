"""The closures of strict operators and functions, from one template.

A strict call is NULL when an operand is NULL, so its compiled closure
reads its operands, returns None when one is None, and calls the
implementation. `compile` specializes that shape by where the operands
come from (a column's slot, a constant, a parameter, another closure) so
that the per-row work is one read per operand, one test and one call:
each shape used to be written out by hand. `strict_closure` writes it once, as
source text compiled into a factory, and the factory's closure is the
same code a hand-written one would be (its values are cells, read as
fast as the hand-written closures' were).
"""

from __future__ import annotations

from decimal import InvalidOperation
from typing import Any, Callable

_factories: dict[tuple, Callable[..., Callable]] = {}


def strict_closure(name: str, reads: tuple[str, ...], call: str,
                   guarded: str | None = None, **cells: Any
                   ) -> Callable[[tuple, Any], Any]:
    """The closure `name(row, ctx)`: each of `reads` (`a = row[slot]`,
    `args = [f(row, ctx) for f in fns]`) in turn, None when a read value
    is None (for `args`, any of them), else `call`'s value. `guarded`: a
    faster call tried first, `call` answering when it raises
    InvalidOperation (a Decimal comparison's NaN: PostgreSQL's own
    ordering). `cells`: the values the texts name."""
    key = (name, reads, call, guarded, tuple(cells))
    factory = _factories.get(key)
    if factory is None:
        factory = _factories[key] = _factory(*key)
    return factory(**cells)


def _factory(name: str, reads: tuple[str, ...], call: str, guarded: str | None,
             cells: tuple[str, ...]) -> Callable[..., Callable]:
    names = [read.split(" = ", 1)[0] for read in reads]
    null = "None in args" if names == ["args"] else \
        " or ".join(f"{n} is None" for n in names)
    body = [f"        {read}" for read in reads]
    body += [f"        if {null}:", "            return None"]
    if guarded is None:
        body.append(f"        return {call}")
    else:
        body += ["        try:", f"            return {guarded}",
                 "        except InvalidOperation:", f"            return {call}"]
    source = "\n".join([f"def make({', '.join(cells)}):",
                        f"    def {name}(row, ctx):", *body,
                        f"    return {name}"])
    namespace: dict[str, Any] = {"InvalidOperation": InvalidOperation}
    exec(compile(source, f"<strict closure {name}>", "exec"), namespace)
    return namespace["make"]
