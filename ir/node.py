"""`@node`: the IR's frozen, slotted dataclass, made cheaper to create.

`@dataclass(frozen=True, slots=True)` writes six methods per class as
source text and compiles each with exec(). The IR has some 160 classes and
every start of the twin (`twinning postgres --serve` imports them all
before it listens) paid that compilation again: most of the IR's import
time. `node` lets dataclasses collect the fields and build the slotted
class, compiles one method itself (`__init__`, the only one that must be
generated per class to stay as fast as before), and gives the others as
closures over the field names.

Instances behave as under `@dataclass(frozen=True, slots=True)`: the same
`__init__` (signature, defaults, factories, `__post_init__`, error
messages), `repr` over the repr fields, equality and hash over the compare
fields (as tuples, so an element is equal to itself even when it is a
NaN), `FrozenInstanceError` on assignment and deletion (also of a name
that is no field, where Python 3.11's own raises a TypeError from
`super()`), pickling and copying, `__match_args__`, `__doc__`,
`__dataclass_params__`, and `dataclasses.fields`/`replace`/`asdict`.
tests/test_ir_node.py compares every IR class with its stock twin.
Equality and hash cost a little more per call (~0.1 µs); they run while
statements are planned, not per row.

The compiled `__init__` code is kept between starts, as Python keeps a
module's bytecode: `__pycache__/node-inits.<tag>.marshal` maps each
generated source text to its code object, so a start whose classes are
unchanged compiles nothing. The file is written at exit when something new
was compiled (atomically; a directory that cannot be written is no error),
and a file that cannot be read is ignored.
"""

from __future__ import annotations

import atexit
import inspect
import marshal
import os
import sys
from _thread import get_ident
import dataclasses
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, TypeVar

T = TypeVar("T", bound=type)

_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__",
                      f"node-inits.{sys.implementation.cache_tag}.marshal")


def _load_codes() -> dict:
    try:
        with open(_CACHE, "rb") as f:
            # one read: marshal.load(f) reads a file object piece by
            # piece, ~7 ms for this file where loads() of its bytes is 0.5
            codes = marshal.loads(f.read())
        return codes if isinstance(codes, dict) else {}
    except (OSError, EOFError, ValueError, TypeError):
        return {}


_codes: dict = _load_codes()  # generated source text -> its code object
_compiled: list = []  # the texts compiled in this process


def _code(source: str) -> Any:
    code = _codes.get(source)
    if code is None:
        code = _codes[source] = compile(source, "<node __init__>", "exec")
        if not _compiled:
            atexit.register(_save_codes)
        _compiled.append(source)
    return code


def _save_codes() -> None:
    """Keep this run's code for the next start (the texts of classes that
    changed since simply stay unused)."""
    temporary = f"{_CACHE}.{os.getpid()}"
    try:
        os.makedirs(os.path.dirname(_CACHE), exist_ok=True)
        with open(temporary, "wb") as f:
            marshal.dump(_codes, f)
        os.replace(temporary, _CACHE)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


_OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__",
        "__delattr__", "__getstate__", "__setstate__")


@dataclass(frozen=True, slots=True)
class _Stock:
    """Carries the `__dataclass_params__` a stock frozen slotted dataclass
    has; every node class gets the same."""


class _Factory:
    """The default shown for a `default_factory` field (`<factory>`)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def node(cls: T) -> T:
    """`@dataclass(frozen=True, slots=True)` for a class that defines none
    of the generated methods and has no dataclass base."""
    for name in _OWN:
        if name in cls.__dict__:
            raise TypeError(f"{cls.__name__} defines {name}: use @dataclass")
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__} has a dataclass base: use @dataclass")
    documented = bool(cls.__doc__)
    if not documented:
        cls.__doc__ = "-"  # spares dataclass a signature of object.__init__
    cls = _slotted(cls)
    all_fields = fields(cls)
    if any(f.kw_only or not f.init or f.name == "self" for f in all_fields):
        raise TypeError(f"{cls.__name__}: kw_only, init=False and a field "
                        "named self are not modelled: use @dataclass")
    cls.__init__ = _init(cls, all_fields)
    names = tuple(f.name for f in all_fields)
    shown = tuple(f.name for f in all_fields if f.repr)
    key = _getter(tuple(f.name for f in all_fields if f.compare))
    hashed = _getter(tuple(f.name for f in all_fields
                           if (f.compare if f.hash is None else f.hash)))
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        guard = id(self), get_ident()
        if guard in running:  # a node that contains itself
            return "..."
        running.add(guard)
        try:
            return (self.__class__.__qualname__ + "(" + ", ".join(
                f"{name}={getattr(self, name)!r}" for name in shown) + ")")
        finally:
            running.discard(guard)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    for method in (__repr__, __eq__, __hash__, __setattr__, __delattr__,
                   __getstate__, __setstate__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    cls.__dataclass_params__ = _Stock.__dataclass_params__
    if not documented:
        cls.__doc__ = _signature_doc(cls, all_fields)
    return cls


def _slotted(cls: type) -> type:
    """What `dataclass(init=False, repr=False, eq=False, slots=True)` does
    to a class without dataclass bases: its fields (`ClassVar`s as the
    pseudo-fields dataclasses keeps), the class defaults a `field()` stood
    for, `__match_args__`, and the slotted copy of the class. Done here
    because dataclasses tests every string annotation against ClassVar,
    InitVar and KW_ONLY with regexes and module lookups, which was most of
    the IR's import time; these classes only ever write `ClassVar[…]`."""
    found: dict[str, Field] = {}
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        text = annotation if isinstance(annotation, str) else repr(annotation)
        if "InitVar" in text or "KW_ONLY" in text:
            raise TypeError(f"{cls.__name__}.{name}: InitVar and KW_ONLY are "
                            "not modelled: use @dataclass")
        default = cls.__dict__.get(name, MISSING)
        made = default if isinstance(default, Field) else field(default=default)
        made.name, made.type = name, annotation
        if made.kw_only is MISSING:  # type: ignore[comparison-overlap]
            made.kw_only = False
        made._field_type = (dataclasses._FIELD_CLASSVAR  # type: ignore[attr-defined]
                            if text.startswith(("ClassVar", "typing.ClassVar"))
                            else dataclasses._FIELD)  # type: ignore[attr-defined]
        if made._field_type is dataclasses._FIELD_CLASSVAR and \
                made.default_factory is not MISSING:  # type: ignore[attr-defined]
            raise TypeError(f"field {name} cannot have a default factory")
        if made.default is not MISSING and made.default.__class__.__hash__ is None:
            raise ValueError(f"mutable default {type(made.default)} for field "
                             f"{name} is not allowed: use default_factory")
        if isinstance(default, Field):
            if made.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, made.default)
        found[name] = made
    cls.__dataclass_fields__ = found  # type: ignore[attr-defined]
    names = tuple(f.name for f in found.values()
                  if f._field_type is dataclasses._FIELD)  # type: ignore[attr-defined]
    cls.__match_args__ = names  # type: ignore[attr-defined]
    inherited = {slot for base in cls.__mro__[1:-1]
                 for slot in ((base.__dict__.get("__slots__", ()),)
                              if isinstance(base.__dict__.get("__slots__", ()), str)
                              else base.__dict__.get("__slots__", ()))}
    namespace = dict(cls.__dict__)
    namespace["__slots__"] = tuple(n for n in names if n not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = cls.__qualname__
    slotted = type(cls)(cls.__name__, cls.__bases__, namespace)
    slotted.__qualname__ = qualname
    return slotted


def _signature_doc(cls: type, all_fields: tuple) -> str:
    """The `__doc__` dataclasses gives a class without a docstring: its
    name and constructor signature, as inspect prints it. Spelt out here
    when every annotation is a string (inspect shows its repr), which is
    what `from __future__ import annotations` makes them."""
    if not all(isinstance(f.type, str) for f in all_fields):
        return cls.__name__ + str(inspect.signature(cls)).replace(
            " -> None", "")
    params = []
    for f in all_fields:
        text = f"{f.name}: {f.type!r}"
        if f.default_factory is not MISSING:
            text += " = <factory>"
        elif f.default is not MISSING:
            text += f" = {f.default!r}"
        params.append(text)
    return f"{cls.__name__}({', '.join(params)})"


def _init(cls: type, all_fields: tuple) -> Callable[..., None]:
    """The `__init__` dataclasses writes for a frozen class: one
    `object.__setattr__` per field, factories called for omitted
    arguments, then `__post_init__`."""
    env: dict[str, Any] = {"__node_set__": object.__setattr__,
                           "__node_factory__": _FACTORY}
    params, body, seen_default = [], [], False
    for f in all_fields:
        value = f.name
        if f.default_factory is not MISSING:
            env[f"__node_make_{f.name}__"] = f.default_factory
            params.append(f"{f.name}=__node_factory__")
            value = (f"__node_make_{f.name}__() if {f.name} is "
                     f"__node_factory__ else {f.name}")
        elif f.default is not MISSING:
            env[f"__node_default_{f.name}__"] = f.default
            params.append(f"{f.name}=__node_default_{f.name}__")
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows "
                            "default argument")
        else:
            params.append(f.name)
        seen_default = seen_default or "=" in params[-1]
        body.append(f"  __node_set__(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    source = (f"def __create__({', '.join(env)}):\n"
              f" def __init__(self, {', '.join(params)}):\n"
              + "\n".join(body or ["  pass"]) + "\n return __init__\n")
    module = sys.modules.get(cls.__module__)
    namespace: dict[str, Any] = {}
    exec(_code(source), vars(module) if module else {}, namespace)
    init = namespace["__create__"](**env)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {f.name: f.type for f in all_fields}
    init.__annotations__["return"] = None
    return init


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The named attributes as a tuple, whatever their number."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()
