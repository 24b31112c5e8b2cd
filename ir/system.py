"""The system catalog as the statement passes see it.

The passes type `FROM pg_class`, run reg* casts and call catalog functions,
but `twinning.system_catalog` sits above them: it types stored expressions
with the passes to print them (pg_get_expr). So the passes ask through
`SystemCatalog`, which that package installs (`passes.expr.system`), and
never import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from twinning.ir.catalog import Catalog, QName
from twinning.ir.types import SqlType


@dataclass(frozen=True)
class SystemRelation:
    """One system relation: name, columns, and how to build its rows."""

    name: QName
    columns: tuple[tuple[str, SqlType], ...]
    rows: Callable[..., tuple[tuple, ...]]  # rows(catalog[, session])
    oid: int = 0
    relkind: str = "r"  # 'r' catalog table, 'v' view

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


class SystemCatalog(Protocol):
    """The lookups the passes need from the system catalog."""

    def relation(self, names: tuple[str, ...]) -> SystemRelation | None:
        """A relation named as written: (`pg_class`,), (`pg_catalog`,
        `pg_class`), (`information_schema`, `columns`)."""

    def reg_input(self, type_name: str, catalog: Catalog, text: str,
                  session: Any) -> Any:
        """regclass_in & co.: a name → its OID (as a RegOid)."""

    def reg_name(self, type_name: str, catalog: Catalog, oid: int,
                 session: Any) -> Any:
        """An OID cast to a reg* type: the RegOid that prints its name."""

    def relation_name(self, catalog: Catalog, oid: int) -> QName | None:
        """The relation (of any kind) with pg_class OID `oid`."""

    def row_type(self, catalog: Catalog, table: QName) -> tuple[int, int]:
        """A table's or view's row type: its pg_type OID and its array
        type's ((0, 0): none)."""

    def key_texts(self, catalog: Catalog, table: Any, key: Any,
                  session: Any) -> list[str]:
        """A partition key's parts as a 23514's DETAIL names them
        (pg_get_partkeydef_columns: columns, deparsed expressions)."""
