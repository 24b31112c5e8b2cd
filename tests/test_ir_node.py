"""`ir.node.node` behaves as `@dataclass(frozen=True, slots=True)`.

The same class body is built both ways and every observable behaviour is
compared: construction and its errors, repr, equality and hash over the
compare fields, immutability, dataclasses.fields/replace, pickling and
copying, pattern matching. Then every node class of the IR is checked to
be a frozen, slotted dataclass.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import math
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from twinning.ir import catalog, ddl, dml, query, select, syntax
from twinning.ir.node import node

LOC = field(default=-1, compare=False, repr=False)


def _body():
    class Sample:
        name: str
        parts: tuple[str, ...] = ()
        value: object = None
        cache: dict = field(default_factory=dict, compare=False)
        location: int = LOC

        @property
        def first(self) -> str | None:
            return self.parts[0] if self.parts else None
    return Sample


def _documented():
    class Documented:
        """A docstring dataclass keeps."""

        only: int

        def __post_init__(self) -> None:
            object.__setattr__(self, "only", self.only * 2)
    return Documented


@node
class Picklable:  # module level, so pickle finds it by name
    name: str
    parts: tuple[str, ...] = ()
    location: int = LOC


Stock = dataclass(frozen=True, slots=True)(_body())
Fast = node(_body())
StockDoc = dataclass(frozen=True, slots=True)(_documented())
FastDoc = node(_documented())


def pair(*args, **kwargs):
    return Stock(*args, **kwargs), Fast(*args, **kwargs)


def test_construction_signature_and_doc():
    assert str(inspect.signature(Fast)) == str(inspect.signature(Stock))
    assert Fast.__doc__ == Stock.__doc__  # generated: no docstring
    assert FastDoc.__doc__ == StockDoc.__doc__
    assert Fast.__match_args__ == Stock.__match_args__
    assert Fast.__slots__ == Stock.__slots__
    assert FastDoc(3).only == StockDoc(3).only == 6  # __post_init__ runs
    for args, kwargs in [((), {}), (("a", (), None, {}, 1, 2), {}),
                         (("a",), {"nope": 1})]:
        with pytest.raises(TypeError) as stock:
            Stock(*args, **kwargs)
        with pytest.raises(TypeError) as fast:
            Fast(*args, **kwargs)
        assert str(fast.value) == str(stock.value)


@pytest.mark.parametrize("args", [
    ("a",), ("a", ("x", "y"), 1.5), ("a", (), None, {"k": 1}, 7),
    ("a", (), float("nan")), ("a", (), [1, {2}]), ("é\n'\"", (), b"\x00"),
])
def test_repr_eq_hash_agree(args):
    stock, fast = pair(*args)
    assert repr(fast) == repr(stock)
    assert (fast == fast) == (stock == stock)
    twin_stock, twin_fast = pair(*args)
    assert (fast == twin_fast) == (stock == twin_stock)
    if isinstance(args[-1], list):
        for obj in (stock, fast):
            with pytest.raises(TypeError):
                hash(obj)
    else:
        assert hash(fast) == hash(stock)
        assert hash(fast) == hash(twin_fast)


def test_compare_false_fields_are_ignored():
    a = Fast("a", location=1, cache={"x": 1})
    b = Fast("a", location=2)
    assert a == b and hash(a) == hash(b)
    assert "location" not in repr(a) and "cache=" in repr(a)
    assert a != Fast("b") and a != Stock("a") and a != ("a",)
    assert Fast.__eq__(a, Stock("a")) is NotImplemented


def test_nan_is_equal_to_itself_as_in_a_tuple():
    nan = float("nan")
    assert Fast("a", (), nan) == Fast("a", (), nan)
    assert Stock("a", (), nan) == Stock("a", (), nan)
    assert Fast("a", (), nan) != Fast("a", (), float("nan"))
    assert Stock("a", (), nan) != Stock("a", (), float("nan"))
    assert math.isnan(Fast("a", (), nan).value)


def test_frozen():
    stock, fast = pair("a")
    for obj in (stock, fast):
        with pytest.raises(FrozenInstanceError, match="cannot assign to "
                           "field 'name'"):
            obj.name = "b"
        with pytest.raises(FrozenInstanceError, match="cannot delete "
                           "field 'parts'"):
            del obj.parts
        assert not hasattr(obj, "__dict__")
    assert fast.first is None and Fast("a", ("x",)).first == "x"


def test_dataclass_functions():
    stock, fast = pair("a", ("x",), 2)
    assert dataclasses.is_dataclass(fast)
    assert [f.name for f in dataclasses.fields(fast)] == \
        [f.name for f in dataclasses.fields(stock)]
    changed = dataclasses.replace(fast, value=3)
    assert isinstance(changed, Fast) and changed.value == 3
    assert changed.parts == ("x",)
    assert repr(Fast.__dataclass_params__) == \
        repr(Stock.__dataclass_params__)
    assert dataclasses.asdict(fast) == dataclasses.asdict(stock)


def test_pickle_copy_and_match():
    fast = Fast("a", ("x",), 2, location=5)
    for clone in (copy.copy(fast), copy.deepcopy(fast)):
        assert clone == fast and clone.location == 5
    clone = pickle.loads(pickle.dumps(Picklable("a", ("x",), 5)))
    assert clone == Picklable("a", ("x",)) and clone.location == 5
    match fast:
        case Fast("a", parts, value):
            assert (parts, value) == (("x",), 2)
        case _:
            pytest.fail("positional pattern did not match")


def test_self_containing_repr():
    stock, fast = Stock("a", (), []), Fast("a", (), [])
    stock.value.append(stock)
    fast.value.append(fast)
    assert repr(fast) == repr(stock)
    assert "value=[...]" in repr(fast)


def test_refuses_a_class_that_defines_its_own_comparison():
    class Own:
        x: int

        def __eq__(self, other):
            return True
    with pytest.raises(TypeError, match="defines __eq__"):
        node(Own)


IR_CLASSES = [cls for module in (syntax, select, query, dml, ddl, catalog)
              for cls in vars(module).values()
              if isinstance(cls, type) and cls.__module__ == module.__name__
              and dataclasses.is_dataclass(cls)]
GENERATED = {"__init__", "__repr__", "__eq__", "__hash__", "__setattr__",
             "__delattr__", "__getstate__", "__setstate__", "__slots__",
             "__dict__", "__weakref__", "__dataclass_fields__",
             "__dataclass_params__", "__match_args__", "__doc__",
             "__lt__", "__le__", "__gt__", "__ge__"}


def stock_twin(cls):
    """The class `@dataclass(frozen=True, slots=True)` makes of the same
    fields, methods and docstring."""
    names = [f.name for f in dataclasses.fields(cls)]
    namespace = {k: v for k, v in cls.__dict__.items()
                 if k not in GENERATED and k not in names}
    namespace["__annotations__"] = {}
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = f.type
        namespace[f.name] = field(
            default=f.default, default_factory=f.default_factory,
            repr=f.repr, hash=f.hash, compare=f.compare)
    twin = type(cls.__name__, (), namespace)
    twin.__qualname__ = cls.__qualname__
    generated = cls.__doc__.startswith(cls.__name__ + "(")
    twin.__doc__ = None if generated else cls.__doc__  # stock makes its own
    return dataclass(frozen=True, slots=True,
                     order=cls.__dataclass_params__.order)(twin)


def _all_slots(cls: type) -> tuple[str, ...]:
    return tuple(name for klass in reversed(cls.__mro__)
                 for name in klass.__dict__.get("__slots__", ()))


def test_ir_classes_are_nodes_or_stock():
    assert len(IR_CLASSES) > 150
    for cls in IR_CLASSES:
        assert cls.__dataclass_params__.frozen, cls
        assert "__slots__" in cls.__dict__, cls
        assert cls.__hash__ is not None, cls


@pytest.mark.parametrize("cls", IR_CLASSES, ids=lambda c: c.__qualname__)
def test_ir_class_matches_its_stock_twin(cls):
    twin = stock_twin(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
    assert cls.__doc__ == twin.__doc__
    assert cls.__match_args__ == twin.__match_args__
    assert _all_slots(cls) == _all_slots(twin)  # a dataclass base's too
    assert repr(cls.__dataclass_params__) == repr(twin.__dataclass_params__)
    required = [f for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]
    args = [f"v{i}" for i, _ in enumerate(required)]
    try:
        expected = twin(*args)
    except Exception as exc:  # a __post_init__ that wants real values
        with pytest.raises(type(exc)) as raised:
            cls(*args)
        assert str(raised.value) == str(exc)
        return
    obj, again = cls(*args), cls(*args)
    assert repr(obj) == repr(expected)
    assert obj == again and hash(obj) == hash(again)
    assert hash(obj) == hash(expected)
    assert obj.__getstate__() == expected.__getstate__()
    assert copy.deepcopy(obj) == obj
    for name in cls.__match_args__[:1]:
        for instance in (obj, expected):
            with pytest.raises(FrozenInstanceError):
                setattr(instance, name, None)


def test_catalog_classes_with_post_init_match_their_twins():
    from twinning.passes import load_schema
    cat = load_schema("CREATE TABLE p (id int PRIMARY KEY);\n"
                      "CREATE TABLE c (id int PRIMARY KEY, "
                      "p int REFERENCES p, note text DEFAULT 'x');").catalog
    for obj in (cat, *cat.tables):
        cls = type(obj)
        twin = stock_twin(cls)
        kwargs = {f.name: getattr(obj, f.name) for f in dataclasses.fields(cls)
                  if not f.name.startswith("_")}
        ours, stock = cls(**kwargs), twin(**kwargs)
        assert repr(ours) == repr(stock) == repr(obj)
        assert ours == obj and hash(ours) == hash(stock) == hash(obj)
        assert ours.__getstate__() == stock.__getstate__()
    assert cat.table(cat.tables[0].name) is cat.tables[0]
    assert cat.tables[0].column("id").name == "id"


def test_generated_init_code_is_kept_between_starts(tmp_path):
    """A start writes the compiled `__init__` code it had to make; the next
    start over the same cache file compiles none, and a damaged file is
    ignored (the classes are built as before)."""
    import subprocess
    import sys

    cache = str(tmp_path / "node-inits.marshal")

    def start() -> int:
        # a fresh interpreter: the classes are built at import
        code = ("import importlib, sys; import twinning.ir.node as n; "
                f"n._CACHE = {cache!r}; n._codes = n._load_codes(); "
                "n._compiled.clear(); "
                "[sys.modules.pop(m) for m in list(sys.modules) "
                "if m.startswith('twinning.') and m != 'twinning.ir.node' "
                "and m != 'twinning.ir']; "
                "import twinning.wire.messages, twinning.ir.query; "
                "from twinning.wire.messages import Query; "
                "assert Query('SELECT 1').sql == 'SELECT 1'; "
                "print(len(n._compiled))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                              text=True, check=True)
        return int(done.stdout)

    assert start() > 50  # nothing cached yet: every class compiled
    assert start() == 0  # all of it read back
    (tmp_path / "node-inits.marshal").write_bytes(b"not marshal data")
    assert start() > 50
