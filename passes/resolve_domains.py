"""Domains in the DDL builder: CREATE DOMAIN, ALTER DOMAIN, DROP DOMAIN,
with typecmds.c's order of checks and messages.

A domain is a `UserType` of kind 'd' whose `SqlType` is its base type
carrying a `DomainType` (`ir/types.py`): the typer and the value I/O see
the base type, writes and casts check the constraints (`TDomain`). CHECK
expressions are typed here over VALUE (column 0 of a one-value row, of the
base type) and kept typed; a DEFAULT is kept as written and typed where a
row takes it. Constraint OIDs come from the same counter as the types'.
Because the DomainType travels by value, a change rebuilds every domain
over it and every column of them (`resolve_types.refresh_domains`).

What needs the stored rows (ADD CONSTRAINT, SET NOT NULL, VALIDATE) is
recorded in `b.validations` as (table, column, slot, typed check or None
for NOT NULL); the session tests the rows before the new catalog takes
effect (`session_ddl`).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, Callable

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, INVALID_OBJECT_DEFINITION, SYNTAX_ERROR, SqlError,
    duplicate_object, syntax_error, type_already_exists, type_does_not_exist,
    undefined_object, wrong_object_type,
)
from twinning.ir import catalog as c
from twinning.ir import ddl as d
from twinning.ir import query as q
from twinning.ir import syntax as s
from twinning.ir.types import DomainCheck, DomainType, SqlType
from twinning.passes import composite_types, defaults, resolve_types
from twinning.passes.expr.analyze import (TypingContext, coerce_to_boolean,
                                          pos, refusals, resolve_expr)
from twinning.passes.expr.scope import ColumnBinding, missing_column, \
    missing_table
from twinning.passes.lower_ddl import column_type
from twinning.passes.parse_expr import Unsupported
from twinning.passes.resolve_types import (FIRST_NORMAL_OID, display_name,
                                           existing, refresh_domains)


class _ValueScope:
    """A domain CHECK's scope: VALUE and nothing else."""

    def __init__(self, base: SqlType) -> None:
        self.binding = ColumnBinding(0, q.ResultType.of(base), "VALUE")

    def lookup(self, parts: tuple[str, ...], location: int) -> ColumnBinding:
        if parts == ("value",):
            return self.binding
        if len(parts) > 1:
            raise missing_table(parts[-2], location)
        raise missing_column(parts, location)


def type_domain_check(base: SqlType, expr: s.Expr) -> q.TExpr:
    """A domain CHECK typed over VALUE (boolean), as domainAddConstraint."""
    ctx = TypingContext(kind="CHECK", allow_params=False,
                        **refusals("check constraint", "check constraints"))
    typed = resolve_expr(expr, _ValueScope(base), ctx)
    return coerce_to_boolean(typed, "CHECK", ctx)


def _constraint_names(b: Any, schema: str) -> set[str]:
    """The constraint names taken in a schema (ConstraintNameExists)."""
    names = {con.name for t in b.tables.values() if t.name.schema == schema
             for con in t.constraints}
    names.update(check.name for t in b.types.values()
                 if t.kind == "d" and t.name.schema == schema
                 for check in t.sql_type.domain.checks)
    return names


def _add_check(b: Any, domain: DomainType, name: str | None,
               expr: s.Expr, validated: bool = True) -> DomainType:
    if name is not None:
        if any(check.name == name for check in domain.checks):
            raise duplicate_object(f'constraint "{name}" for domain '
                                   f'"{domain.typname}" already exists')
    else:  # ChooseConstraintName(domain, NULL, "check")
        taken = _constraint_names(b, domain.schema) | {
            check.name for check in domain.checks}
        name, n = f"{domain.typname}_check", 0
        while name in taken:
            n += 1
            name = f"{domain.typname}_check{n}"
    typed = type_domain_check(domain.base, expr)
    oid = FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 1
    return replace(domain, checks=domain.checks + (
        DomainCheck(name, typed, oid, validated),))


def _check_default(name: str, base: SqlType, expr: s.Expr) -> s.Expr | None:
    """cookDefault() against the base type; a NULL default is none."""
    defaults.check_default(name, base, expr, lambda text: None)
    return None if defaults.is_null_constant(expr) else expr


_NOT_FOR_DOMAINS = {
    "unique": "unique constraints not possible for domains",
    "primary key": "primary key constraints not possible for domains",
    "exclusion": "exclusion constraints not possible for domains",
    "foreign key": "foreign key constraints not possible for domains",
    "deferrability": "specifying constraint deferrability not supported "
                     "for domains",
    "no inherit": "check constraints for domains cannot be marked NO INHERIT"}


_NOT_FOR_STATES = {"deferrability": FEATURE_NOT_SUPPORTED, "no inherit": INVALID_OBJECT_DEFINITION}


def _base_type(b: Any, spec: s.TypeSpec) -> SqlType:
    written, serial = column_type(spec)
    if serial:
        raise type_does_not_exist(spec.names[-1],
                                  position=resolve_types.position(spec.location))
    base = resolve_types.column_type(b, written)
    if base.is_array:
        raise Unsupported("CREATE DOMAIN over an array type", spec.location)
    return base


def _no_position(apply: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """DefineDomain and AlterDomain* parse their expressions without the
    statement's text: their errors carry no position."""
    @functools.wraps(apply)
    def run(b: Any, defn: Any) -> None:
        try:
            apply(b, defn)
        except SqlError as exc:
            exc.position = None
            raise
    return run


@_no_position
def apply_domain(b: Any, defn: d.DomainDef) -> None:
    name = b.qualify(defn.name, defn.location)
    if resolve_types.type_name_taken(b, name):
        raise type_already_exists(name.name)
    base = _base_type(b, defn.base)
    if defn.collation is not None and defn.collation[-1] != "default":
        raise Unsupported(f'CREATE DOMAIN … COLLATE "{defn.collation[-1]}"',
                          defn.location)
    default = base.domain.default if base.domain is not None else None
    not_null = seen_null = seen_default = False
    for kind, _, expr, where in defn.constraints:
        if kind == "default":
            if seen_default:
                raise syntax_error("multiple default expressions",
                                   position=pos(where))
            seen_default = True
            default = _check_default(name.name, base.without_domain, expr)
        elif kind in ("not_null", "null"):
            if seen_null and not_null != (kind == "not_null"):
                raise syntax_error("conflicting NULL/NOT NULL "
                                   "constraints", position=pos(where))
            not_null, seen_null = kind == "not_null", True
        elif kind in _NOT_FOR_DOMAINS:
            raise SqlError(_NOT_FOR_STATES.get(kind, SYNTAX_ERROR),
                           _NOT_FOR_DOMAINS[kind])
    oid = FIRST_NORMAL_OID + b.type_oids
    b.type_oids += 2
    domain = DomainType(name.schema, name.name, oid, oid + 1, base, not_null,
                        (), default, display_name(name.schema, name.name))
    for kind, conname, expr, _ in defn.constraints:
        if kind == "check":
            domain = _add_check(b, domain, conname, expr)
    b.types[name] = c.UserType(name, "d", _sql_type(domain), oid, oid + 1,
                               b.type_oids)


def _sql_type(domain: DomainType) -> SqlType:
    base = domain.base
    return SqlType(base.name, base.typmod, False, base.user, domain)


def _domain(b: Any, names: tuple[str, ...], location: int = -1) -> c.UserType:
    found = existing(b, names, location)
    if found.kind != "d":
        raise wrong_object_type(f"{found.sql_type.display()} is not a domain")
    return found


def _columns_of(b: Any, oid: int) -> list[tuple[Any, c.Column, int]]:
    """(table, column, slot) of each scalar column of the domain or of a
    domain over it (get_rels_with_domain: arrays are not looked at)."""
    out = []
    for table in sorted(b.tables.values(), key=lambda t: t.created):
        for slot, col in enumerate(table.columns):
            domain = col.type.domain
            if domain is not None and not col.type.is_array and \
                    any(level.oid == oid for level in domain.levels()):
                out.append((table, col, slot))
    return out


def _validate(b: Any, domain: DomainType, check: q.TExpr | None) -> None:
    """The rows of the domain's columns are to be tested; a column of an
    array of it cannot be (get_rels_with_domain)."""
    for table in sorted(b.tables.values(), key=lambda t: t.created):
        for col in table.columns:
            if col.type.is_array and col.type.domain is not None and any(
                    level.oid == domain.oid for level in col.type.domain.levels()):
                raise SqlError(FEATURE_NOT_SUPPORTED, f'cannot alter type "{domain.typname}"'
                                             f' because column "{table.name.name}.{col.name}"'
                                             " uses it")
    for table, col, slot in _columns_of(b, domain.oid):
        b.validations.append((table.name, col.name, slot, check))


@_no_position
def apply_alter_domain(b: Any, defn: d.AlterDomainDef) -> None:
    utype = _domain(b, defn.name, defn.location)
    domain = utype.sql_type.domain
    assert domain is not None
    action = defn.action
    if action == "set_default":
        domain = replace(domain, default=None if defn.expr is None else
                         _check_default(domain.typname,
                                        domain.base.without_domain, defn.expr))
    elif action in ("set_not_null", "drop_not_null"):
        if action == "set_not_null" and not domain.not_null:
            _validate(b, domain, None)
        domain = replace(domain, not_null=action == "set_not_null")
    elif action == "add_check":
        domain = _add_check(b, domain, defn.constraint, defn.expr,
                            not defn.not_valid)
        if not defn.not_valid:
            _validate(b, domain, domain.checks[-1].expr)
    elif action in ("drop_constraint", "validate"):
        found = next((k for k in domain.checks if k.name == defn.constraint),
                     None)
        if found is None:
            b.skip_missing(undefined_object(f'constraint "{defn.constraint}" of '
                                            f'domain "{domain.typname}" does not '
                                            "exist"),
                           action == "drop_constraint" and defn.missing_ok)
            return
        if action == "validate":
            if not found.validated:
                _validate(b, domain, found.expr)
            checks = tuple(replace(k, validated=True) if k is found else k
                           for k in domain.checks)
        else:
            checks = tuple(k for k in domain.checks if k is not found)
        domain = replace(domain, checks=checks)
    else:  # ADD CONSTRAINT of another kind
        kind = action.removeprefix("add_").replace("_", " ")
        if kind in _NOT_FOR_DOMAINS:
            raise syntax_error(_NOT_FOR_DOMAINS[kind])
        raise Unsupported(f"ALTER DOMAIN … ADD {kind.upper()}", defn.location)
    b.types[utype.name] = replace(utype, sql_type=_sql_type(domain))
    refresh_domains(b)


def apply_rename(b: Any, defn: d.RenameTypeDef) -> None:
    """ALTER TYPE|DOMAIN … RENAME: an enum's or a domain's."""
    kind = "d" if defn.domain else existing(b, defn.name, defn.location).kind
    if kind == "d":
        rename_domain(b, defn)
    elif kind == "c":  # a composite: its relation first (RenameRelationInternal)
        composite_types.rename_composite(
            b, existing(b, defn.name, defn.location), defn.new_name)
    else:
        resolve_types.apply_rename_type(b, defn)


def rename_domain(b: Any, defn: d.RenameTypeDef) -> None:
    """ALTER DOMAIN … RENAME TO / RENAME CONSTRAINT."""
    utype = _domain(b, defn.name, defn.location)
    domain = utype.sql_type.domain
    assert domain is not None
    if defn.constraint is not None:
        if not any(k.name == defn.constraint for k in domain.checks):
            raise undefined_object(f'constraint "{defn.constraint}" for '
                                   f'domain {domain.display} does not exist')
        if any(k.name == defn.new_name for k in domain.checks):
            raise duplicate_object(f'constraint "{defn.new_name}" for '
                                   f'domain {domain.display} already exists')
        domain = replace(domain, checks=tuple(
            replace(k, name=defn.new_name) if k.name == defn.constraint
            else k for k in domain.checks))
        b.types[utype.name] = replace(utype, sql_type=_sql_type(domain))
    else:
        new_name = c.QName(utype.name.schema, defn.new_name)
        if resolve_types.type_name_taken(b, new_name):
            raise type_already_exists(defn.new_name)
        domain = replace(domain, typname=defn.new_name, display=display_name(
            new_name.schema, new_name.name))
        del b.types[utype.name]
        b.types[new_name] = replace(utype, name=new_name,
                                    sql_type=_sql_type(domain))
    refresh_domains(b)
