"""Plan stage of window functions: a `Window` relation → rows (WindowAgg).

Per window used, the input rows are sorted by its PARTITION BY keys, then
its ORDER BY keys (each with its type's sort key, NULLs where the key
says; a stable sort per key, last key first), cut into partitions (equal
PARTITION BY values) and peer groups (equal ORDER BY values). Each call
then computes one value per row of a partition, as nodeWindowAgg.c and
windowfuncs.c do:

- the ranking functions read the peer groups; ntile splits the partition
  as PostgreSQL's bucket arithmetic does; lag/lead read the row `offset`
  away in the partition (or the default, over the current row);
- first_value/last_value/nth_value and aggregates read the frame: ROWS
  (positions), GROUPS (peer groups) or RANGE (peers, or the ORDER BY value
  ± the offset, with NULLs outside any offset range of a non-NULL row and
  peers of each other), minus the EXCLUDE rows; an aggregate steps its
  accumulator (`aggregates.accumulator`) over the frame's rows, FILTER
  first, computed once per distinct frame.

Frame offsets are evaluated once per execution (22004 for NULL, 22013 for
a negative ROWS/GROUPS offset; a negative RANGE offset is in_range's
22013 once two values are compared). Rows come out in the order of the
last window computed.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from twinning.deferred import deferred
from twinning.errors import (
    invalid_argument_for_nth_value_function,
    invalid_argument_for_ntile_function, invalid_preceding_or_following_size,
    null_value_not_allowed,
)
from twinning.ir import select as r
from twinning.passes.expr import runtime
from twinning.passes.expr.aggregates import accumulator
from twinning.passes.expr.ordering import equality_key, sort_key
from twinning.passes.expr.types import key
from twinning.passes.polling import chunks
from twinning.values.timestamps import date_to_ts

# time with time zone: only a RANGE frame over it shifts one
timetz = deferred("twinning.values.timetz", globals(), "timetz")

__all__ = ["window_rows"]

Rows = Callable[[Any], Iterable[tuple]]


def window_rows(node: r.Window, source: Rows,
                compile_expr: Callable[[Any], Callable]) -> Rows:
    used = sorted({c.window for c in node.calls})
    specs = {w: _Spec(node.windows[w], compile_expr) for w in used}
    calls = [(c.window, _call(c, compile_expr)) for c in node.calls]
    ncalls = len(calls)

    def window(ctx: Any) -> list[tuple]:
        rows = list(source(ctx))
        values = [[None] * ncalls for _ in rows]
        order = list(range(len(rows)))
        for w in used:
            spec = specs[w]
            offsets = spec.offsets(ctx)
            order = spec.sort(rows, ctx)
            mine = [(i, fn) for i, (cw, fn) in enumerate(calls) if cw == w]
            for block in chunks(spec.partitions(order, rows, ctx), ctx):
                for part in block:
                    frame = _Partition(spec, part, rows, ctx, offsets)
                    for i, fn in mine:
                        for position, value in zip(part, fn(frame, ctx)):
                            values[position][i] = value
        return [rows[i] + tuple(values[i]) for i in order]
    return window


# -- sorting, partitions, peers -----------------------------------------------------


def _null_last_key(descending: bool, nulls_first: bool, inner: Any):
    null_high = nulls_first == descending
    null_key = (1, None) if null_high else (-1, None)
    if inner is None:
        return lambda v: null_key if v is None else (0, v)
    return lambda v: null_key if v is None else (0, inner(v))


class _Spec:
    def __init__(self, spec: r.WindowSpec, compile_expr) -> None:
        self.spec = spec
        self.part_fns = [compile_expr(e) for e in spec.partition]
        self.part_key = [equality_key(e.type) for e in spec.partition]
        self.order_fns = [compile_expr(k.expr) for k in spec.order]
        self.order_inner = [sort_key(k.expr.type) for k in spec.order]
        # (value fn, key fn, descending) per sort pass, partition keys first
        self.sorts = [(f, _null_last_key(False, False, sort_key(e.type)),
                       False) for f, e in zip(self.part_fns, spec.partition)]
        self.sorts += [(f, _null_last_key(k.descending, k.nulls_first, inner),
                        k.descending) for f, k, inner in
                       zip(self.order_fns, spec.order, self.order_inner)]
        self.start_fn = compile_expr(spec.start_offset) \
            if spec.start_offset is not None else None
        self.end_fn = compile_expr(spec.end_offset) \
            if spec.end_offset is not None else None
        self.range = None
        if spec.mode == "range" and (self.start_fn or self.end_fn):
            self.range = _RangeOps(spec.order[0], spec.start_offset
                                   if spec.start_offset is not None
                                   else spec.end_offset)

    def offsets(self, ctx: Any) -> tuple[Any, Any]:
        out = []
        for fn, side in ((self.start_fn, "starting"), (self.end_fn, "ending")):
            if fn is None:
                out.append(None)
                continue
            value = fn((), ctx)
            if value is None:
                raise null_value_not_allowed(f"frame {side} offset must not be "
                                             "null")
            if self.spec.mode != "range" and value < 0:
                raise invalid_preceding_or_following_size(f"frame {side} offset must not be "
                                                          "negative")
            out.append(value)
        return out[0], out[1]

    def sort(self, rows: list, ctx: Any) -> list[int]:
        order = list(range(len(rows)))
        for fn, keyfn, descending in reversed(self.sorts):
            keys = [keyfn(fn(row, ctx)) for block in chunks(rows, ctx)
                    for row in block]
            order.sort(key=keys.__getitem__, reverse=descending)
        return order

    def partitions(self, order: list[int], rows: list, ctx: Any
                   ) -> list[list[int]]:
        if not self.part_fns or not order:
            return [order] if order else []
        out: list[list[int]] = []
        last = object()
        for i in order:
            k = tuple(_eq(kf, f(rows[i], ctx))
                      for f, kf in zip(self.part_fns, self.part_key))
            if k != last:
                out.append([])
                last = k
            out[-1].append(i)
        return out


def _eq(keyfn: Any, value: Any) -> Any:
    if value is None:
        return (None,)
    return (0, keyfn(value) if keyfn is not None else value)


class _Partition:
    """One partition's rows in window order, its peer groups and frames."""

    def __init__(self, spec: _Spec, part: list[int], rows: list, ctx: Any,
                 offsets: tuple[Any, Any]) -> None:
        self.spec = spec
        self.rows = [rows[i] for i in part]
        self.n = len(part)
        self.ctx = ctx
        self.start_offset, self.end_offset = offsets
        # peer groups: group number per position, (first, last) per group
        self.group: list[int] = []
        self.bounds: list[list[int]] = []
        previous = object()
        self.order_values = [[f(row, ctx) for f in spec.order_fns]
                             for block in chunks(self.rows, ctx)
                             for row in block]
        for pos, values in enumerate(self.order_values):
            if not pos & 1023:
                ctx.check()  # a big partition's peer groups
            k = tuple(_eq(inner, v) for inner, v in
                      zip(spec.order_inner, values))
            if k != previous or not self.bounds:
                self.bounds.append([pos, pos])
                previous = k
            self.bounds[-1][1] = pos
            self.group.append(len(self.bounds) - 1)

    # ---- frames
    def frame(self, pos: int) -> list[int]:
        lo, hi = self._extent(pos)
        if lo > hi:
            return []
        exclude = self.spec.spec.exclude
        if exclude == "none":
            return list(range(lo, hi + 1))
        first, last = self.bounds[self.group[pos]]
        if exclude == "current":
            drop = {pos}
        elif exclude == "group":
            drop = set(range(first, last + 1))
        else:
            drop = set(range(first, last + 1)) - {pos}
        return [p for p in range(lo, hi + 1) if p not in drop]

    def frame_key(self, pos: int) -> Any:
        """What identifies the frame's rows (frames with one key are one)."""
        lo, hi = self._extent(pos)
        if self.spec.spec.exclude == "none" or lo > hi:
            return (lo, hi)
        return None

    def _extent(self, pos: int) -> tuple[int, int]:
        spec = self.spec.spec
        return (self._bound(pos, spec.start, self.start_offset, True),
                self._bound(pos, spec.end, self.end_offset, False))

    def _bound(self, pos: int, kind: str, offset: Any, start: bool) -> int:
        n = self.n
        if kind == "unbounded_preceding":
            return 0
        if kind == "unbounded_following":
            return n - 1
        mode = self.spec.spec.mode
        first, last = self.bounds[self.group[pos]]
        if kind == "current":
            if mode == "rows":
                return pos
            return first if start else last
        sign = -1 if kind == "preceding" else 1
        if mode == "rows":
            target = pos + sign * offset
            return max(target, 0) if start else min(target, n - 1)
        if mode == "groups":
            group = self.group[pos] + sign * offset
            if group < 0:
                return 0 if start else -1
            if group >= len(self.bounds):
                return n if start else n - 1
            return self.bounds[group][0 if start else 1]
        return self._range_bound(pos, kind, offset, start)

    def _range_bound(self, pos: int, kind: str, offset: Any, start: bool
                     ) -> int:
        ops = self.spec.range
        current = self.order_values[pos][0]
        first, last = self.bounds[self.group[pos]]
        if current is None:  # NULLs are peers of each other only
            return first if start else last
        bound = ops.bound(current, offset, kind == "preceding", self.ctx)
        values = self.order_values
        # rows are in ORDER BY order: `reached` turns true once and stays,
        # `within` stays true until it turns false; binary search for them
        lo, hi = 0, self.n
        if start:
            while lo < hi:
                mid = (lo + hi) // 2
                if ops.reached(values[mid][0], bound):
                    hi = mid
                else:
                    lo = mid + 1
            return lo
        while lo < hi:
            mid = (lo + hi) // 2
            if ops.within(values[mid][0], bound):
                lo = mid + 1
            else:
                hi = mid
        return lo - 1


class _RangeOps:
    """in_range: the bound `value ± offset` and where rows stand from it,
    in the ORDER BY key's direction (NULLs at the end the key puts them)."""

    def __init__(self, sort: r.SortKey, offset: Any) -> None:
        column = key(sort.expr.type)
        kind = key(offset.type)
        self.descending = sort.descending
        self.nulls_first = sort.nulls_first
        self.convert: Callable[[Any], Any] = _same
        self.compare_key = sort_key(sort.expr.type) or _same
        if kind == "interval":
            self.plus = _arithmetic(f"{column} + interval")
            self.minus = _arithmetic(f"{column} - interval")
            if column == "date":  # date ± interval is a timestamp: rows are
                # compared as timestamps, as in_range_date_interval does
                self.convert = date_to_ts
                self.compare_key = _same
            self.negative = _interval_negative
            if column in ("time", "timetz"):  # in_range_time[tz]_interval:
                # the offset's time part only, and no wrap at midnight
                shift = _shift_timetz if column == "timetz" else _shift_time
                self.plus = lambda ctx: shift
                self.minus = lambda ctx: lambda v, o: shift(v, o, -1)
                self.negative = lambda o: o.micros < 0
        else:
            self.plus = lambda ctx: _add
            self.minus = lambda ctx: _sub
            self.negative = _negative_or_nan
            if column in ("float4", "float8", "numeric"):
                self.compare_key = sort_key(sort.expr.type) or _same

    def bound(self, value: Any, offset: Any, preceding: bool, ctx: Any) -> Any:
        if self.negative(offset):
            raise invalid_preceding_or_following_size("invalid preceding or following size in "
                                                      "window function")
        subtract = preceding != self.descending
        result = (self.minus if subtract else self.plus)(ctx)(value, offset)
        return self.compare_key(result)

    def _cmp(self, value: Any, bound: Any) -> int:
        v = self.compare_key(self.convert(value))
        c = (v > bound) - (v < bound)
        return -c if self.descending else c

    def reached(self, value: Any, bound: Any) -> bool:
        """A frame start: the row is at or after the bound."""
        if value is None:
            return not self.nulls_first
        return self._cmp(value, bound) >= 0

    def within(self, value: Any, bound: Any) -> bool:
        """A frame end: the row is at or before the bound."""
        if value is None:
            return self.nulls_first
        return self._cmp(value, bound) <= 0


def _same(value: Any) -> Any:
    return value


def _shift_time(value: int, offset: Any, sign: int = 1) -> int:
    return value + sign * offset.micros


def _shift_timetz(value: Any, offset: Any, sign: int = 1) -> Any:
    return timetz.make(value.time + sign * offset.micros, value.zone)


def _add(a: Any, b: Any) -> Any:
    return a + b


def _sub(a: Any, b: Any) -> Any:
    return a - b


def _arithmetic(signature: str) -> Callable[[Any], Callable]:
    """fn(ctx) → the operator's function (some read the session settings)."""
    impl = runtime.binary(signature)
    if impl.settings:
        return lambda ctx: impl.fn(ctx.settings)
    return lambda ctx: impl.fn


def _negative_or_nan(value: Any) -> bool:
    return value != value or (not _is_nan(value) and value < 0)


def _is_nan(value: Any) -> bool:
    is_nan = getattr(value, "is_nan", None)
    return bool(is_nan and is_nan())


def _interval_negative(value: Any) -> bool:
    return (value.months * 30 + value.days) * 86_400_000_000 + \
        value.micros < 0


# -- the functions ----------------------------------------------------------------------


def _call(call: r.WindowCall, compile_expr) -> Callable[[_Partition, Any],
                                                        list]:
    args = [compile_expr(a) for a in call.args]
    if call.aggregate:
        return _aggregate(call, args, compile_expr)
    return _FUNCTIONS[call.function](args)


def _aggregate(call: r.WindowCall, args: list, compile_expr):
    init, step, final = accumulator(call.function,
                                    [a.type for a in call.args])
    filt = compile_expr(call.filter) if call.filter is not None else None

    def compute(part: _Partition, ctx: Any) -> list:
        inputs = []
        for row in (row for block in chunks(part.rows, ctx) for row in block):
            if filt is not None and filt(row, ctx) is not True:
                inputs.append(None)
            else:
                inputs.append(tuple([f(row, ctx) for f in args]))
        spec = part.spec.spec
        if spec.start == "unbounded_preceding" and spec.exclude == "none":
            return _running(part, inputs)
        out = []
        cache: dict = {}
        stepped = 0  # frame rows since the last cancel point
        for pos in range(part.n):
            if stepped >= 1024:  # frames may be long: poll by the work done
                ctx.check()
                stepped = 0
            stepped += 1
            k = part.frame_key(pos)
            if k is not None and k in cache:
                out.append(cache[k])
                continue
            state = init()
            frame = part.frame(pos)
            stepped += len(frame)
            for p in frame:
                item = inputs[p]
                if item is not None:
                    state = step(state, item)
            value = final(state)
            if k is not None:
                cache[k] = value
            out.append(value)
        return out
    def _running(part: _Partition, inputs: list) -> list:
        """Frames that all start at the partition's first row: one state
        stepped forward as the frame end moves (PostgreSQL aggregates
        these incrementally too, so floating-point sums agree)."""
        out = []
        state = init()
        done = -1  # the last position stepped into `state`
        last_end, last_value = None, None
        for pos in range(part.n):
            end = part._extent(pos)[1]
            if end == last_end:
                out.append(last_value)
                continue
            if end < done:  # cannot happen for monotone ends; be exact
                state, done = init(), -1
            while done < end:
                done += 1
                item = inputs[done]
                if item is not None:
                    state = step(state, item)
            value = final(state) if end >= 0 else final(init())
            last_end, last_value = end, value
            out.append(value)
        return out
    return compute


def _row_number(args):
    return lambda part, ctx: list(range(1, part.n + 1))


def _rank(args):
    return lambda part, ctx: [part.bounds[g][0] + 1 for g in part.group]


def _dense_rank(args):
    return lambda part, ctx: [g + 1 for g in part.group]


def _percent_rank(args):
    def compute(part: _Partition, ctx: Any) -> list:
        if part.n <= 1:
            return [0.0] * part.n
        return [float(part.bounds[g][0]) / (part.n - 1) for g in part.group]
    return compute


def _cume_dist(args):
    return lambda part, ctx: [float(part.bounds[g][1] + 1) / part.n
                              for g in part.group]


def _ntile_start(rows: int, buckets: int) -> list:
    """window_ntile's state once the partition's first row gave the
    bucket count: [bucket, rows in it, its size, buckets left with the
    extra row]."""
    if buckets <= 0:
        raise invalid_argument_for_ntile_function("argument of ntile must be "
                                                  "greater than zero")
    boundary = rows // buckets
    remainder = 0
    if boundary <= 0:
        boundary = 1
    else:
        remainder = rows % buckets
        if remainder:
            boundary += 1
    return [1, 0, boundary, remainder]


def _ntile(args):
    (arg,) = args

    def compute(part: _Partition, ctx: Any) -> list:
        out = []
        state = None
        for row in part.rows:
            if state is None:
                buckets = arg(row, ctx)
                if buckets is None:
                    out.append(None)
                    continue
                state = _ntile_start(part.n, buckets)
            state[1] += 1
            if state[2] < state[1]:
                if state[3] and state[0] == state[3]:
                    state[3] = 0
                    state[2] -= 1
                state[0] += 1
                state[1] = 1
            out.append(state[0])
        return out
    return compute


def _padded(args: Any, width: int) -> tuple:
    """A window function's compiled arguments, None for each omitted
    optional one (lag's offset and default, nth_value's n)."""
    return tuple(args) + (None,) * (width - len(args))


def _shift(direction: int):
    def make(args):
        value, offset, default = _padded(args, 3)

        def compute(part: _Partition, ctx: Any) -> list:
            out = []
            for pos, row in enumerate(part.rows):
                n = offset(row, ctx) if offset is not None else 1
                if n is None:
                    out.append(None)
                    continue
                target = pos + direction * n
                if 0 <= target < part.n:
                    out.append(value(part.rows[target], ctx))
                else:
                    out.append(default(row, ctx) if default is not None
                               else None)
            return out
        return compute
    return make


def _frame_value(pick: str):
    def make(args):
        value, nth = _padded(args, 2)

        def compute(part: _Partition, ctx: Any) -> list:
            out = []
            for pos, row in enumerate(part.rows):
                index = 0 if pick == "first" else -1
                if nth is not None:
                    n = nth(row, ctx)
                    if n is None:
                        out.append(None)
                        continue
                    if n <= 0:
                        raise invalid_argument_for_nth_value_function("argument of nth_value must "
                                                                      "be greater than zero")
                    index = n - 1
                if part.spec.spec.exclude == "none":
                    lo, hi = part._extent(pos)
                    target = (lo + index) if index >= 0 else hi
                    found = target if lo <= target <= hi else None
                else:
                    frame = part.frame(pos)
                    found = frame[index] if frame and index < len(frame) \
                        else None
                out.append(None if found is None
                           else value(part.rows[found], ctx))
            return out
        return compute
    return make


_FUNCTIONS = {
    "row_number": _row_number, "rank": _rank, "dense_rank": _dense_rank,
    "percent_rank": _percent_rank, "cume_dist": _cume_dist, "ntile": _ntile,
    "lag": _shift(-1), "lead": _shift(1), "first_value": _frame_value("first"),
    "last_value": _frame_value("last"), "nth_value": _frame_value("nth"),
}
