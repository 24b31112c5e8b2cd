"""A transaction's DDL moved onto the newest committed catalog.

DDL no longer holds the database alone: while a transaction's DDL is
uncommitted, others commit rows and DDL of their own on objects its locks
do not cover (`relation_locks.py`). Its catalog and tables are then
merged onto the newest version — at each READ COMMITTED statement's start
and at commit — the way row changes are (by row id, onto the newest):

- the catalog: its DDL statements run again, in order, on the newest
  committed catalog (`Overlay.ddl_steps`: each a function of a catalog).
  That is also exactly what the DDL log replays (the newest version's
  text, then this transaction's), so a snapshot taken after the commit
  rebuilds the same catalog. Objects its locks cover are its own: their
  definitions come out the same, or the merge is refused (0A000, never a
  lost object);
- the tables: the ones its DDL made or changed (their version differs
  from the version the DDL was last merged onto, `Overlay.ddl_base`) keep
  its versions; every other one is the newest committed version. Two
  transactions that each built an index on one table (SHARE locks share)
  both changed it: its rows are the same (SHARE keeps writers out), so
  the indexes are built again over them for the merged catalog.
"""

from __future__ import annotations

import itertools
from typing import Any, Callable, Mapping

from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError
from twinning.ir.catalog import QName
from twinning.store import constraints as cons

# catalog generations, unique in the process (not per store): forked
# databases share their plan caches, keyed by generation, so a number
# must name one catalog whichever database's DDL made it
GENERATIONS = itertools.count(1)
from twinning.store.versions import Overlay, TableVersion, Version, appended_ddl
from twinning.values.settings import DEFAULT_SETTINGS

__all__ = ["committed", "merged", "owns"]


def owns(overlay: Overlay, name: QName) -> bool:
    """Did the transaction's DDL make or change `name`'s table version?"""
    tables = overlay.ddl_tables
    if tables is None:
        return False
    mine = tables.get(name)
    return mine is not None and mine is not overlay.ddl_base.tables.get(name)


def merged(overlay: Overlay, latest: Version,
           schema_for: Callable[[Any], Any]) -> tuple[Any, Mapping[QName, TableVersion]]:
    """(store schema, tables) of the transaction's DDL on top of `latest`."""
    base = overlay.ddl_base
    own = overlay.ddl_tables
    assert base is not None and own is not None
    if latest.schema is base.schema:
        schema = overlay.schema
    else:
        catalog = latest.schema.catalog
        try:
            for step in overlay.ddl_steps:
                catalog = step(catalog)
        except SqlError as exc:
            raise _refused(exc.message) from None
        schema = schema_for(catalog)
    tables: dict[QName, TableVersion] = {}
    for name, info in schema.tables.items():
        mine = own.get(name)
        was = base.tables.get(name)
        if mine is None or mine is was:  # not its DDL's: the newest
            now = latest.tables.get(name)
            if now is None:
                raise _refused(f'table "{name.name}" changed under it')
            tables[name] = now
            continue
        if _shape(overlay.schema.tables[name]) != _shape(info):
            raise _refused(f'table "{name.name}" came out differently')
        now = latest.tables.get(name)
        if was is not None and now is not None and now is not was:
            tables[name] = _reindexed(overlay, name, info, mine)
        else:
            tables[name] = mine
    return schema, tables


def committed(overlay: Overlay, version: Version, number: int,
              schema_for: Callable[[Any], Any]) -> Version:
    """The newest version `version` with a transaction's DDL and rows
    applied: its catalog merged onto `version`'s, the tables it owns as
    it has them (with its rows), the others' rows by row id."""
    schema, merged_tables = merged(overlay, version, schema_for)
    tables = dict(merged_tables)
    for name, table in overlay.tables.items():
        if table.changed:
            tables[name] = table.commit() if owns(overlay, name) \
                else table.commit(version.tables.get(name))
    return Version(number, tables, schema, next(GENERATIONS),
                   appended_ddl(version.ddl, overlay.ddl_text))


def _reindexed(overlay: Overlay, name: QName, info: Any,
               mine: TableVersion) -> TableVersion:
    """Both this transaction and a committed one changed the table (each
    built an index): its rows, every index of the merged catalog."""
    written = overlay.tables.get(name)
    if written is not None and written.changed:
        raise _refused(f'table "{name.name}" was written and indexed concurrently')
    overlay.tables.pop(name, None)
    pairs = list(mine.rows.items())
    indexes = []
    for defn in info.indexes:
        built, duplicate = defn.build(pairs)
        if duplicate is not None:
            raise cons.duplicate_on_build(info, defn, mine.rows.get(duplicate[1]),
                                          DEFAULT_SETTINGS)
        indexes.append(built)
    return TableVersion(mine.rows, tuple(indexes))


def _shape(info: Any) -> tuple:
    return (tuple(c.attnum for c in info.table.columns),
            tuple(d.name for d in info.indexes))


def _refused(what: str) -> SqlError:
    return SqlError(FEATURE_NOT_SUPPORTED, "concurrent DDL on the same objects is not "
                                  "supported by twinning", detail=what)
