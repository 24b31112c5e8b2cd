"""`--clock TIMESTAMP` and `--seed N`: deterministic time and randomness.

Without them nothing here is installed and the twin reads the real clock
and the system's randomness, as before: `install` is the only way in, so
the statement path costs nothing extra when they are off.

With `--clock`, every reading of the clock is the previous reading plus
`STEP` (1 ms), starting at TIMESTAMP: a transaction's start (now(),
current_timestamp, transaction_timestamp(), localtimestamp, current_date
and the 'now'/'today' inputs), each statement's start
(statement_timestamp()) and each clock_timestamp() call take one step
each, so their order is preserved and the same statement stream reads the
same times. With `--seed`, random(), gen_random_uuid(),
uuid_generate_v4() and setseed() draw from a `random.Random` seeded with N.

Each database has its own clock and generator: `postgres` (and the empty
templates) start at TIMESTAMP and N, a database made by CREATE DATABASE
goes on from its template's position at that moment (so its draws do not
repeat the template's rows' UUIDs). What one database reads does not
depend on how its statements interleave with another's (the tournament's
candidates run in parallel). A connection thread serves one
session from start to end: `bind` (at authentication) points the thread
at its database's state; a thread bound to none (start-up) reads a
twin-wide one.

The hooks: the session's transaction start (`twinning.session.dt`), the
statement and clock_timestamp readings (`twinning.execute._now_micros`),
the CHECK constraints' now() (`passes/expr/check.dt`) are given this
module's clock (the 'now' input reads the transaction's start); the
functions above are registered again over the generators.
"""

from __future__ import annotations

import datetime as _dt
import random
import threading
import types
import weakref
from typing import Any

from twinning.deferred import deferred
from twinning.errors import invalid_parameter_value

uuid = deferred("uuid", globals(), "uuid")

STEP_MICROS = 1000  # 1 ms per reading
_EPOCH = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)

_settings: dict[str, Any] = {}  # "clock": start micros since 2000, "seed": int
_states: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_local = threading.local()
_lock = threading.Lock()


class _State:
    """One database's clock position and random generator."""

    __slots__ = ("next", "rng", "lock")

    def __init__(self) -> None:
        self.next = _settings.get("clock", 0)
        self.rng = random.Random(_settings.get("seed", 0))
        self.lock = threading.Lock()

    def tick(self) -> int:
        with self.lock:
            value = self.next
            self.next += STEP_MICROS
        return value


_DEFAULT = _State()


def active() -> bool:
    return bool(_settings)


def recorded() -> dict[str, Any]:
    """What the report records: {"clock": text or None, "seed": N or None}."""
    return {"clock": _settings.get("clock_text"), "seed": _settings.get("seed")}


def _of(engine: Any) -> _State:
    with _lock:
        state = _states.get(engine)
        if state is None:
            state = _states[engine] = _State()
    return state


def bind(engine: Any) -> None:
    """The calling connection thread now reads `engine`'s database state."""
    if _settings:
        _local.state = _of(engine)


def forked(source: Any, engine: Any) -> None:
    """CREATE DATABASE: the new database's clock and generator go on from
    its template's (its rows' times and UUIDs came from there: starting
    afresh would draw them again)."""
    if not _settings:
        return
    origin, state = _of(source), _State()
    with origin.lock:
        state.next = origin.next
        state.rng.setstate(origin.rng.getstate())
    with _lock:
        _states[engine] = state


def _state() -> _State:
    return getattr(_local, "state", None) or _DEFAULT


def _micros() -> int:
    return _state().tick()


def _now(tz: Any = None) -> _dt.datetime:
    moment = _EPOCH + _dt.timedelta(microseconds=_micros())
    return moment.astimezone(tz) if tz is not None else \
        moment.replace(tzinfo=None)


class _ClockedDatetime(_dt.datetime):
    """datetime whose now() is the twin's clock (only `now` is used from
    the modules given it; instances made are plain datetimes)."""

    @classmethod
    def now(cls, tz: Any = None) -> _dt.datetime:  # type: ignore[override]
        return _now(tz)


def _clocked_datetime_module() -> types.ModuleType:
    shim = types.ModuleType("datetime")
    shim.__dict__.update(_dt.__dict__)
    shim.datetime = _ClockedDatetime  # type: ignore[attr-defined]
    return shim


def parse_clock(text: str) -> int:
    """--clock's TIMESTAMP (ISO 8601; no zone means UTC) as microseconds
    since 2000-01-01 UTC; ValueError when it is not one."""
    moment = _dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1)
                                        if "T" not in text else text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    delta = moment - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def install(clock: str | None, seed: int | None) -> None:
    """Turn the given halves on, process-wide, before anything is planned."""
    global _DEFAULT
    if clock is None and seed is None:
        return
    if clock is not None:
        _settings["clock"] = parse_clock(clock)
        _settings["clock_text"] = clock
    if seed is not None:
        _settings["seed"] = seed
    _DEFAULT = _State()
    if clock is not None:
        _install_clock()
    if seed is not None:
        _install_random()


def _install_clock() -> None:
    from twinning import execute, session
    from twinning.passes.expr import check
    shim = _clocked_datetime_module()
    session.dt = shim
    check.dt = shim
    execute._now_micros = _micros


def _random() -> float:
    return _state().rng.random()


def _uuid4() -> uuid.UUID:
    return uuid.UUID(int=_state().rng.getrandbits(128), version=4)


def _setseed(seed: float) -> str:
    if not -1.0 <= seed <= 1.0:
        raise invalid_parameter_value("setseed parameter %g is out of allowed "
                                      "range [-1,1]" % seed)
    _state().rng.seed(seed)
    return ""


def _install_random() -> None:
    from twinning.passes.expr import analyze
    from twinning.passes.expr.candidates import Candidate
    from twinning.passes.expr.registry import define
    # setseed is in pg_proc but not among the signatures the twin types
    analyze.FUNCTIONS.setdefault("setseed", [
        Candidate("setseed", ("float8",), "void")])
    define("random()", _random, volatile=True)
    define("gen_random_uuid()", _uuid4, volatile=True)
    define("uuid_generate_v4()", _uuid4, volatile=True)
    define("setseed(float8)", _setseed, volatile=True)
