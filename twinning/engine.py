"""What all sessions of one twin share: the `Engine` and its store.

The engine holds the committed state the twin was started with, the store
sessions open transactions on, the optional password, the statement caches
(parsed query strings by SQL text; plans by statement and parameter types,
so a repeated statement is never re-parsed or re-planned) and the
BackendKeyData registry that matches a CancelRequest, which arrives on a
separate connection, to the session it cancels.

Its `activity` (`system_catalog.activity.Activity`) is what
pg_stat_activity lists: the sessions registered, with the query string
each last sent (the engine sees every one: `find_template`, `parse`).

The store is the MVCC-lite `twinning.store.MvccStore`, built over the
starting state with the catalog's CHECKs and column defaults compiled once;
an engine started without a state serves an empty catalog.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from twinning import system_catalog
from twinning.system_catalog import activity
from twinning.ir import query as q
from twinning.ir.dump import dump
from twinning.advisory import AdvisoryLocks
from twinning.notify import Channels
from twinning.passes.normalize import Normalized
from twinning.passes.parse_database import quick_database_command
from twinning.passes import load_schema, parse_query, plan_statement
from twinning.passes import extensions
from twinning.passes.resolve_types import types_of
from twinning.passes.user_functions import functions_of
from twinning.passes.expression_indexes import key_types, key_values
from twinning.state import CommittedState
from twinning.statement_cache import StatementCache
from twinning.store import MvccStore
from twinning.store.schema import StoreSchema
from twinning.trace import QueryTrace

if TYPE_CHECKING:
    from twinning.session import Session

_CACHE_SIZE = 1024
_DEFAULT_PATH = ("public",)  # templates are learned and used under it only


def store_schema(catalog: Any) -> StoreSchema:
    """The store's view of a catalog, with its CHECKs and defaults compiled."""
    with types_of(catalog, _DEFAULT_PATH), extensions.stored(), functions_of(
            catalog, _DEFAULT_PATH):  # user types and functions in them
        checks, defaults = _per_table(catalog)
        return StoreSchema.build(catalog, checks, defaults,
                                 index_predicates(catalog))


# store_schema's compiled CHECKs and defaults by table name: (the table,
# what typing them reads beside it, checks, defaults). A DDL statement
# makes a new catalog; only the tables it changed are compiled again (a
# schema file run through a session makes hundreds of statements, and
# compiling every table's each time was quadratic).
_COMPILED: dict = {}
_COMPILED_MAX = 4096


def _per_table(catalog: Any) -> tuple[dict, dict]:
    context = (catalog.types, catalog.functions, catalog.extensions)
    checks, defaults = {}, {}
    for table in catalog.tables:
        kept = _COMPILED.get(table.name)
        if kept is None or not (kept[0] is table or kept[0] == table) or \
                kept[1] != context:
            one = _OneTable(catalog, table)
            kept = (table, context, compiled_checks(one)[table.name],
                    set_default_values(one)[table.name])
            if len(_COMPILED) >= _COMPILED_MAX:
                _COMPILED.clear()
            _COMPILED[table.name] = kept
        checks[table.name], defaults[table.name] = kept[2], kept[3]
    return checks, defaults


class _OneTable:
    """`compiled_checks`/`set_default_values` over one table of a catalog."""

    def __init__(self, catalog: Any, table: Any) -> None:
        self.tables = (table,)


def compiled_checks(catalog: Any) -> dict:
    """Every CHECK as the per-row callable the store runs."""
    from twinning.passes.expr import check_constraint_function
    return {t.name: {k.name: check_constraint_function(t, k)
                     for k in t.checks} for t in catalog.tables}


def index_predicates(catalog: Any) -> dict:
    """Every partial index's WHERE as the per-row callable the store runs;
    an expression index's keys under ("keys", name): (fn(row) → key
    values, each key's text as 23505's DETAIL shows it, their types)."""
    from twinning.passes.expr import index_predicate_function
    out: dict = {}
    for index in catalog.indexes:
        if index.predicate is not None:
            out.setdefault(index.table, {})[index.name.name] = \
                index_predicate_function(catalog.table(index.table),
                                         index.predicate)
        if index.expressions and index.method in ("btree", "hash"):
            table = catalog.table(index.table)
            out.setdefault(index.table, {})[("keys", index.name.name)] = (
                key_values(table, index), _key_texts(catalog, index),
                tuple(key_types(table, index)))
    return out


def _key_texts(catalog: Any, index: Any) -> tuple[str, ...]:
    """pg_get_indexdef(index, n, true) of each key column, as
    BuildIndexValueDescription names them."""
    from twinning.system_catalog import deparse
    from twinning.system_catalog.oids import oid_map
    m = oid_map(catalog)
    return tuple(deparse.index_def(m, index, i + 1, None, True)
                 for i in range(len(index.columns)))


def set_default_values(catalog: Any) -> dict:
    """Column defaults as callables of the statement context, for FK
    ON DELETE/UPDATE SET DEFAULT (sequence defaults draw a value)."""
    from twinning.ir.dml import SequenceDefault
    from twinning.passes.expr import TypingContext, compile_expr
    from twinning.passes.resolve_dml import column_default

    out: dict = {}
    for table in catalog.tables:
        per_column: dict = {}
        for column in table.columns:
            default = column_default(column, TypingContext(kind="DEFAULT"))
            if default is None:
                per_column[column.name] = lambda context: None
            elif isinstance(default, SequenceDefault):
                per_column[column.name] = _sequence_draw(default.sequence)
            else:
                fn = compile_expr(default)
                per_column[column.name] = lambda context, fn=fn: fn((), context)
        out[table.name] = per_column
    return out


def _sequence_draw(name: Any):
    def draw(context: Any) -> int:
        return context.sequences.nextval(name)
    return draw


def _plan_key(stmt: q.ParsedStatement, param_types: tuple) -> tuple:
    """A statement's text determines its tree when it starts the query
    string; a later statement's positions also depend on the text before
    it, and a statement inside another (offset -1: CREATE TABLE AS's
    query) shares its text, so there the tree itself is the key."""
    if stmt.offset == 0:
        return (stmt.source, param_types)
    return (stmt.node, stmt.source, param_types)


class Engine:
    """Process-wide: committed state, store, password, the statement caches
    and the BackendKeyData registry CancelRequests are matched against."""

    def __init__(self, state: CommittedState | None = None, *,
                 password: str | None = None,
                 trace: QueryTrace | None = None,
                 max_memory: int | None = None) -> None:
        system_catalog.install()  # what the passes read pg_catalog through
        if state is None:
            state = CommittedState.empty(load_schema("").catalog, "")
        self.state = state
        self.password = password
        self.max_memory = max_memory  # bytes a statement may materialize
        self.store = MvccStore(state, schema_for=store_schema)
        self.advisory = AdvisoryLocks(self.store.waits.default_timeout_ms)
        self._lock = threading.Lock()
        self._sessions: dict[int, tuple[int, Session, int]] = {}
        self.activity = activity.Activity()  # pg_stat_activity
        self.channels = Channels()  # LISTEN / NOTIFY
        self._parsed: OrderedDict[str, q.ParsedQuery] = OrderedDict()
        self._plans: OrderedDict[tuple, q.Plan] = OrderedDict()
        self.templates = StatementCache()
        self.trace = trace
        self.refused: dict[str, int] = {}  # write errors by SQLSTATE
        self._stages: dict[tuple, dict[str, Any]] = {}  # only when tracing
        # the twin's databases (`twinning.databases.Databases`), made when
        # first asked for; shared by every database's engine
        self.databases: Any = None

    def fork(self, state: CommittedState | None = None) -> Engine:
        """Another database of this twin. Without `state`, a fork of this
        one's newest committed state (the store's versions are shared, so
        its cost does not grow with the rows) that also shares the parse
        and plan caches: plans are keyed by catalog generation, unique in
        the process. With `state`, a database of its own (template0/1),
        with its own plan caches. Either way the sessions registry, the
        activity and the password are the twin's, and the store, advisory
        locks, LISTEN channels and refusal counters the database's."""
        twin = object.__new__(self.__class__)  # as copy.copy, 30× cheaper
        twin.__dict__.update(self.__dict__)
        if state is None:
            twin.store = self.store.fork()
        else:
            twin.state = state
            twin.store = MvccStore(state, schema_for=store_schema)
            twin._plans = OrderedDict()
            twin._stages = {}
            twin.templates = StatementCache()
        twin.advisory = AdvisoryLocks(twin.store.waits.default_timeout_ms)
        twin.channels = Channels()
        twin.refused = {}
        return twin

    def sessions_of(self, engine: Engine, but: Session | None = None) -> list:
        """The registered sessions connected to `engine`'s database."""
        with self._lock:
            return [s for _, s, _ in self._sessions.values()
                    if s.engine is engine and s is not but]

    @property
    def catalog(self) -> Any:
        """The newest committed catalog."""
        return self.store.catalog

    def count_refusal(self, sqlstate: str) -> None:
        """A write the twin refused (for the report's `constraints`)."""
        with self._lock:
            self.refused[sqlstate] = self.refused.get(sqlstate, 0) + 1

    def committed_state(self) -> CommittedState:
        """The newest committed state (what reports and snapshots show)."""
        return self.store.committed_state()

    # caches: by SQL text, and by (statement text, parameter types)
    def parse(self, sql: str) -> q.ParsedQuery:
        self.activity.statement(sql)
        with self._lock:
            hit = self._parsed.get(sql)
            if hit is not None:
                self._parsed.move_to_end(sql)
                return hit
        parsed = parse_query(sql)
        with self._lock:
            self._parsed[sql] = parsed
            if len(self._parsed) > _CACHE_SIZE:
                self._parsed.popitem(last=False)
        return parsed

    def quick_parse(self, sql: str) -> q.ParsedQuery | None:
        """CREATE / DROP DATABASE in their plainest spelling, read by a
        regex and kept out of every cache: each fork names a new database,
        so no entry would ever hit, and a fork loop would evict the ones
        that do (`plan` keeps their plans out too)."""
        parsed = quick_database_command(sql)
        if parsed is not None:
            self.activity.statement(sql)
        return parsed

    def find_template(self, sql: str):
        """(normalized statement, its template or None); (None, None) when
        `sql` is not normalizable or while tracing. A template belongs to
        the catalog generation it was learned on (`Template.generation`),
        under the default search path."""
        self.activity.statement(sql)
        if self.trace is not None:
            return None, None
        return self.templates.find(sql)

    def plan(self, stmt: q.ParsedStatement,
             param_types: tuple[q.ResultType | None, ...] = (),
             learn: Normalized | None = None, catalog: Any = None,
             generation: int | None = 0,
             search_path: tuple[str, ...] = ("public",)) -> q.Plan:
        """The exact plan of `stmt` against `catalog` (default: the newest
        committed one), cached by the catalog's generation, the text and
        the parameter types; with `learn`, its template is remembered
        under that key. A catalog of uncommitted DDL (generation None)
        shares nothing: its plans are neither cached nor learned."""
        if catalog is None:
            latest = self.store.latest
            catalog, generation = latest.schema.catalog, latest.generation
        if stmt.node.__class__ is q.DatabaseCommand and self.trace is None:
            # names no relation, type or function; see `quick_parse`
            return plan_statement(stmt, catalog, param_types,
                                  search_path=search_path)
        key = (generation, search_path) + _plan_key(stmt, param_types)
        with self._lock:
            hit = self._plans.get(key) if generation is not None else None
            if hit is not None:
                self._plans.move_to_end(key)
                return hit
        stages: dict[str, Any] = {"parse": dump(stmt.node)} if self.trace \
            else {}  # the stage dumps are only kept while tracing
        resolved: list = []

        def keep(name: str, value: Any) -> None:
            if name == "resolve":
                resolved.append(value)
            if self.trace is not None:
                stages[name] = dump(value)

        try:
            with types_of(catalog, search_path), \
                    functions_of(catalog, search_path):  # user types, functions
                planned = plan_statement(stmt, catalog, param_types, keep,
                                         search_path)
        finally:
            if self.trace is not None:
                with self._lock:
                    self._stages[_plan_key(stmt, param_types)] = stages
        if generation is None:
            return planned
        if learn is not None and search_path == _DEFAULT_PATH:
            self._templates_for(generation).learn(learn, stmt, resolved[0],
                                                  planned)
        with self._lock:
            self._plans[key] = planned
            if len(self._plans) > _CACHE_SIZE:
                evicted, _ = self._plans.popitem(last=False)
                self._stages.pop(evicted, None)
        return planned

    def _templates_for(self, generation: int) -> StatementCache:
        """The template cache of a catalog generation: a newer one replaces
        the cache (its keys name tables of an older catalog); an older one
        learns into a throwaway cache."""
        with self._lock:
            if generation > self.templates.generation:
                self.templates = StatementCache(generation=generation)
            if generation == self.templates.generation:
                return self.templates
        return StatementCache(generation=generation)

    def stages(self, stmt: q.ParsedStatement,
               param_types: tuple[q.ResultType | None, ...] = ()) -> dict[str, Any]:
        """The IR dumps recorded when `stmt` was planned (tracing only)."""
        with self._lock:
            return self._stages.get(_plan_key(stmt, param_types),
                                    {"parse": dump(stmt.node)})

    # BackendKeyData
    def register(self, session: Session) -> tuple[int, int, int]:
        """A new session's process id, cancel key and backend slot: the
        lowest free from 3, as a default PostgreSQL numbers its client
        backends (the N of the session's pg_temp_N). Process ids are
        unique in the process (pg_stat_activity finds a twin by them)."""
        with self._lock:
            pid = activity.next_pid()
            key = secrets.randbits(32)
            taken = {slot for _, _, slot in self._sessions.values()}
            slot = next(n for n in range(3, len(taken) + 4) if n not in taken)
            self._sessions[pid] = (key, session, slot)
            self.activity.join(pid, session)
        return pid, key, slot

    def unregister(self, pid: int) -> None:
        with self._lock:
            self._sessions.pop(pid, None)
            self.activity.leave(pid)

    def cancel(self, pid: int, key: int) -> None:
        with self._lock:
            entry = self._sessions.get(pid)
        if entry is not None and entry[0] == key:
            entry[1].interrupt.cancel()

    def session_of(self, pid: int) -> Session | None:
        with self._lock:
            entry = self._sessions.get(pid)
        return entry[1] if entry is not None else None

    def sessions(self) -> int:
        with self._lock:
            return len(self._sessions)
