"""Every statement a schema file can hold is refused, when it is, by its
SQL name and line (issue 15 item 8): never a parser node's name."""

from __future__ import annotations

import inspect

import pytest
from pglast import ast
from pglast.enums import ObjectType

from twinning.passes import load_schema
from twinning.passes.parse import StatementUnsupported
from twinning.passes.statement_names import _NAMES, object_words, statement_name

# statement nodes named from their fields, not from the table
_BY_FIELDS = {"DefineStmt", "AlterObjectSchemaStmt", "GrantStmt",
              "VariableSetStmt", "VacuumStmt", "TransactionStmt",
              "CreateTableAsStmt", "AlterOwnerStmt", "CommentStmt", "DropStmt"}
# not statements a script holds (PL/pgSQL's assignment, the raw wrapper,
# a set operation's inner node, RETURN inside a function body)
_NOT_SCRIPT = {"PLAssignStmt", "RawStmt", "SetOperationStmt", "ReturnStmt"}


def _statement_nodes() -> list[str]:
    return sorted(n for n, c in vars(ast).items()
                  if inspect.isclass(c) and n.endswith("Stmt"))


def test_every_statement_node_has_a_name():
    missing = [n for n in _statement_nodes()
               if n not in _NAMES and n not in _BY_FIELDS | _NOT_SCRIPT]
    assert not missing


def test_every_object_type_has_words():
    for kind in ObjectType:
        shown = object_words(kind)
        assert shown == shown.upper() or "member" in shown, kind
        assert "_" not in shown, kind


# each statement follows a CREATE TABLE on line 1: refused naming line 2
@pytest.mark.parametrize("sql,construct", [
    ("CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'", "CREATE PROCEDURE"),
    ("CREATE OPERATOR === (leftarg = int, rightarg = int, function = int4eq)",
     "CREATE OPERATOR"),
    ("CREATE CAST (int AS text) WITH INOUT", "CREATE CAST"),
    ("CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING", "CREATE RULE"),
    ("CREATE FOREIGN TABLE ft (a int) SERVER s", "CREATE FOREIGN TABLE"),
    ("CREATE COLLATION c (locale = 'C')", "CREATE COLLATION"),
    ("CREATE TEXT SEARCH CONFIGURATION x (copy = simple)",
     "CREATE TEXT SEARCH CONFIGURATION"),
    ("CREATE TYPE r AS RANGE (subtype = int)", "CREATE TYPE … AS RANGE"),
    ("CREATE OPERATOR CLASS oc FOR TYPE int USING btree AS OPERATOR 1 <",
     "CREATE OPERATOR CLASS"),
    ("CREATE SERVER s FOREIGN DATA WRAPPER w", "CREATE SERVER"),
    ("CREATE STATISTICS st ON a, b FROM t", "CREATE STATISTICS"),
    ("ALTER TABLE t REPLICA IDENTITY FULL", "ALTER TABLE … REPLICA IDENTITY"),
    ("ALTER TABLE t ENABLE TRIGGER ALL", "ALTER TABLE … ENABLE TRIGGER ALL"),
    ("ALTER TABLE t ALTER COLUMN a SET STATISTICS 100",
     "ALTER TABLE … ALTER COLUMN … SET STATISTICS"),
    ("DROP FOREIGN DATA WRAPPER w", "DROP FOREIGN DATA WRAPPER"),
    ("DROP TEXT SEARCH DICTIONARY d", "DROP TEXT SEARCH DICTIONARY"),
    ("ALTER OPERATOR === (int, int) OWNER TO postgres",
     "ALTER OPERATOR … OWNER TO"),
    ("ALTER FUNCTION f() SET SCHEMA s", "ALTER FUNCTION … SET SCHEMA"),
    ("COMMENT ON OPERATOR === (int, int) IS 'x'", "COMMENT ON OPERATOR"),
    ("SECURITY LABEL ON TABLE t IS 'x'", "SECURITY LABEL"),
    ("CREATE PUBLICATION p FOR ALL TABLES", "CREATE PUBLICATION"),
    ("REVOKE ALL ON FUNCTION f() FROM PUBLIC", "REVOKE … ON FUNCTION"),
])
def test_schema_statements_are_refused_by_name(sql, construct):
    with pytest.raises(StatementUnsupported) as refused:
        load_schema(f"CREATE TABLE t (a int, b int);\n{sql};\n")
    assert (refused.value.line, refused.value.construct) == (2, construct)


def test_a_define_statement_of_each_kind():
    for kind in ObjectType:
        node = ast.DefineStmt(kind=kind)
        assert statement_name(node) == "CREATE " + object_words(kind)
