"""The contrib extensions: which ones PostgreSQL 15 ships, which ones the
twin provides, and the functions an installed one adds for the typer.

An extension's functions exist only while it is installed, in the schema
CREATE EXTENSION put it in: `visible(catalog, path)` (set around typing
by `resolve_types.types_of`/`builder_types`, beside the user types) makes
`candidates()` answer for the call names that reach them — unqualified
through the search path, or qualified with the extension's schema. Before
CREATE EXTENSION a call is PostgreSQL's 42883.

`FUNCTIONS` rows are pg_proc's after CREATE EXTENSION on PostgreSQL 15
(name, argument types, result type, returns a set); a row without an
implementation in `extension_ops` is typed, then refused 0A000 by name as
any built-in the twin does not run.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

# pg_available_extensions of Debian's postgresql-15 (contrib): name →
# default_version. A name outside it is PostgreSQL's "is not available".
AVAILABLE = {  # grouped by default_version
    **dict.fromkeys(("autoinc", "bloom", "dict_int", "dict_xsyn", "file_fdw",
                     "insert_username", "moddatetime", "old_snapshot",
                     "pg_surgery", "pg_walinspect", "plpgsql", "refint",
                     "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time"), "1.0"),
    **dict.fromkeys(("earthdistance", "fuzzystrmatch", "intagg", "lo",
                     "postgres_fdw", "unaccent", "uuid-ossp", "xml2"), "1.1"),
    **dict.fromkeys(("dblink", "isn", "ltree", "pg_freespacemap", "pg_prewarm",
                     "pg_visibility", "pgrowlocks", "sslinfo"), "1.2"),
    **dict.fromkeys(("amcheck", "btree_gin", "pg_buffercache", "pgcrypto"), "1.3"),
    "seg": "1.4",
    **dict.fromkeys(("cube", "intarray", "pgstattuple"), "1.5"),
    **dict.fromkeys(("citext", "pg_trgm"), "1.6"),
    "btree_gist": "1.7",
    "hstore": "1.8",
    "pg_stat_statements": "1.10",
    "pageinspect": "1.11",
    "adminpack": "2.1",
}

# the comment of each provided extension's control file, which CREATE
# EXTENSION gives it (pg_description, psql's \\dx)
COMMENTS = {
    "uuid-ossp": "generate universally unique identifiers (UUIDs)",
    "pgcrypto": "cryptographic functions",
    "tablefunc": "functions that manipulate whole tables, including crosstab",
    "fuzzystrmatch": "determine similarities and distance between strings",
    "btree_gin": "support for indexing common datatypes in GIN",
    "btree_gist": "support for indexing common datatypes in GiST"}

_T, _B, _I, _U = "text", "bytea", "int4", "uuid"

# the extensions the twin provides, with their functions (pg_proc rows:
# name, argument types, result, returns a set). btree_gin and btree_gist
# only add operator classes, which indexes name (no functions a query calls).
FUNCTIONS: dict[str, tuple[tuple[str, tuple[str, ...], str, bool], ...]] = {
    "uuid-ossp": (  # in its script's order (DROP's dependency reports)
        ("uuid_nil", (), _U, False), ("uuid_ns_dns", (), _U, False),
        ("uuid_ns_url", (), _U, False), ("uuid_ns_oid", (), _U, False),
        ("uuid_ns_x500", (), _U, False),
        ("uuid_generate_v1", (), _U, False),
        ("uuid_generate_v1mc", (), _U, False),
        ("uuid_generate_v3", (_U, _T), _U, False),
        ("uuid_generate_v4", (), _U, False),
        ("uuid_generate_v5", (_U, _T), _U, False)),
    "pgcrypto": (
        ("armor", (_B,), _T, False), ("armor", (_B, "_text", "_text"), _T, False),
        ("crypt", (_T, _T), _T, False), ("dearmor", (_T,), _B, False),
        ("decrypt", (_B, _B, _T), _B, False),
        ("decrypt_iv", (_B, _B, _B, _T), _B, False),
        ("digest", (_B, _T), _B, False), ("digest", (_T, _T), _B, False),
        ("encrypt", (_B, _B, _T), _B, False),
        ("encrypt_iv", (_B, _B, _B, _T), _B, False),
        ("gen_random_bytes", (_I,), _B, False),
        ("gen_random_uuid", (), _U, False),
        ("gen_salt", (_T,), _T, False), ("gen_salt", (_T, _I), _T, False),
        ("hmac", (_B, _B, _T), _B, False), ("hmac", (_T, _T, _T), _B, False),
        ("pgp_armor_headers", (_T,), "record", True),
        ("pgp_key_id", (_B,), _T, False),
        ("pgp_pub_decrypt", (_B, _B), _T, False),
        ("pgp_pub_decrypt", (_B, _B, _T), _T, False),
        ("pgp_pub_decrypt", (_B, _B, _T, _T), _T, False),
        ("pgp_pub_decrypt_bytea", (_B, _B), _B, False),
        ("pgp_pub_decrypt_bytea", (_B, _B, _T), _B, False),
        ("pgp_pub_decrypt_bytea", (_B, _B, _T, _T), _B, False),
        ("pgp_pub_encrypt", (_T, _B), _B, False),
        ("pgp_pub_encrypt", (_T, _B, _T), _B, False),
        ("pgp_pub_encrypt_bytea", (_B, _B), _B, False),
        ("pgp_pub_encrypt_bytea", (_B, _B, _T), _B, False),
        ("pgp_sym_decrypt", (_B, _T), _T, False),
        ("pgp_sym_decrypt", (_B, _T, _T), _T, False),
        ("pgp_sym_decrypt_bytea", (_B, _T), _B, False),
        ("pgp_sym_decrypt_bytea", (_B, _T, _T), _B, False),
        ("pgp_sym_encrypt", (_T, _T), _B, False),
        ("pgp_sym_encrypt", (_T, _T, _T), _B, False),
        ("pgp_sym_encrypt_bytea", (_B, _T), _B, False),
        ("pgp_sym_encrypt_bytea", (_B, _T, _T), _B, False)),
    "tablefunc": (
        ("connectby", (_T, _T, _T, _T, _I), "record", True),
        ("connectby", (_T, _T, _T, _T, _I, _T), "record", True),
        ("connectby", (_T, _T, _T, _T, _T, _I), "record", True),
        ("connectby", (_T, _T, _T, _T, _T, _I, _T), "record", True),
        ("crosstab", (_T,), "record", True),
        ("crosstab", (_T, _I), "record", True),
        ("crosstab", (_T, _T), "record", True),
        ("crosstab2", (_T,), "tablefunc_crosstab_2", True),
        ("crosstab3", (_T,), "tablefunc_crosstab_3", True),
        ("crosstab4", (_T,), "tablefunc_crosstab_4", True),
        ("normal_rand", (_I, "float8", "float8"), "float8", True)),
    "fuzzystrmatch": (
        ("difference", (_T, _T), _I, False),
        ("dmetaphone", (_T,), _T, False), ("dmetaphone_alt", (_T,), _T, False),
        ("levenshtein", (_T, _T), _I, False),
        ("levenshtein", (_T, _T, _I, _I, _I), _I, False),
        ("levenshtein_less_equal", (_T, _T, _I), _I, False),
        ("levenshtein_less_equal", (_T, _T, _I, _I, _I, _I), _I, False),
        ("metaphone", (_T, _I), _T, False), ("soundex", (_T,), _T, False),
        ("text_soundex", (_T,), _T, False)),
    "btree_gin": (),
    "btree_gist": (),
}

PROVIDED = frozenset(FUNCTIONS)

# the twin's own functions (`expr/twinning_ops.py`), reached only
# qualified by their schema, `twinning`: pg_proc-like rows as above
TWINNING_SCHEMA = "twinning"
TWINNING_FUNCTIONS = (("reset", (), "void", False),
                      ("snapshot_hash", (), "text", False))

# pg_available_extension_versions.relocatable of the default versions
NOT_RELOCATABLE = frozenset({"adminpack", "plpgsql", "xml2"})

# name → [(extension, row)], for the lookups
_BY_NAME: dict[str, list[tuple[str, tuple]]] = {}
for _ext, _rows in FUNCTIONS.items():
    for _row in _rows:
        _BY_NAME.setdefault(_row[0], []).append((_ext, _row))

# (installed extension name → schema, search path) where a statement is typed
_VISIBLE: ContextVar[tuple[dict[str, str], tuple[str, ...]] | None] = \
    ContextVar("extensions", default=None)


@contextmanager
def visible(installed: dict[str, str], path: Any) -> Iterator[None]:
    """Make the extensions `installed` (name → schema) the ones the typer
    sees meanwhile, unqualified names looked up along `path`."""
    token = _VISIBLE.set((installed, tuple(path)) if installed else None)
    try:
        yield
    finally:
        _VISIBLE.reset(token)


@contextmanager
def stored() -> Iterator[None]:
    """Every extension's functions visible from anywhere: for typing again
    a stored default, CHECK or view, which could only be stored while its
    functions existed (DROP EXTENSION removes what calls them)."""
    token = _VISIBLE.set(({name: "*" for name in FUNCTIONS}, ("*",)))
    try:
        yield
    finally:
        _VISIBLE.reset(token)


def candidates(call: tuple[str, ...]) -> list[tuple]:
    """The pg_proc rows (name, argument types, result, set) a call of the
    written name reaches among the installed extensions' functions."""
    if len(call) == 2 and call[0] == TWINNING_SCHEMA:
        return [row for row in TWINNING_FUNCTIONS if row[0] == call[1]]
    seen = _VISIBLE.get()
    if seen is None or call[-1] not in _BY_NAME or len(call) > 2:
        return []
    installed, path = seen
    out = []
    for extension, row in _BY_NAME[call[-1]]:
        schema = installed.get(extension)
        if schema == "*" or schema is not None and (
                call[0] == schema if len(call) == 2 else schema in path):
            out.append(row)
    return out


def merged(call: tuple[str, ...], builtins: list | None,
           candidate: Any) -> list | None:
    """The typer's candidates for a call: the built-ins (pg_catalog comes
    first in every search path), then the installed extensions' functions
    it reaches, made with `candidate(name, args, result)`."""
    rows = candidates(call)
    if not rows:
        return builtins
    return [*(builtins or ()), *(candidate(name, tuple(_key(a) for a in args),
                                           result) for name, args, result, _ in rows)]


def _key(typname: str) -> str:
    """types.key_of_pg: `_text` → `text[]`."""
    return typname[1:] + "[]" if typname.startswith("_") else typname
