"""Committed state: what a snapshot holds and what a report describes.

A `CommittedState` is an immutable value — the catalog, the DDL it came
from, the rows of every table and every sequence's position. The store
produces one at each commit; snapshots serialize it; verify and the report
read it. Nothing in here knows about sessions or transactions.
"""

from __future__ import annotations

from dataclasses import field
from types import MappingProxyType
from typing import Mapping

from twinning.ir.node import node
from twinning.ir.catalog import Catalog, QName

Row = tuple


@node
class SequenceState:
    """pg_sequences' view of a sequence: last value and whether it was used."""

    last_value: int
    is_called: bool = False


@node
class CommittedState:
    catalog: Catalog
    ddl: str
    rows: Mapping[QName, tuple[Row, ...]] = field(default_factory=dict)
    sequences: Mapping[QName, SequenceState] = field(default_factory=dict)

    @classmethod
    def empty(cls, catalog: Catalog, ddl: str) -> CommittedState:
        """The state right after loading a schema: no rows, fresh sequences."""
        return cls(
            catalog, ddl,
            MappingProxyType({t.name: () for t in catalog.tables}),
            MappingProxyType({s.name: SequenceState(s.start, False)
                              for s in catalog.sequences}))

    def row_counts(self) -> dict[str, int]:
        return {str(t.name): len(self.rows.get(t.name, ()))
                for t in self.catalog.tables}
