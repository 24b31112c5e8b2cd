"""Statement kinds and object kinds in SQL words, for refusals: a refused
statement is named as its SQL reads (`CREATE OPERATOR CLASS`, `DROP
FOREIGN DATA WRAPPER`, `ALTER … SET SCHEMA`), never by a parser node.

`statement_name` covers every pglast statement node pg_dump output or a
project's DDL can hold; `object_words` every ObjectType.
"""

from __future__ import annotations

import re
from typing import Any

from pglast import ast
from pglast.enums import ObjectType, TransactionStmtKind

# ObjectType → the words PostgreSQL's grammar uses for it
_OBJECT_WORDS = {
    "ACCESS_METHOD": "ACCESS METHOD",
    "AMOP": "OPERATOR FAMILY member",
    "AMPROC": "OPERATOR FAMILY member",
    "ATTRIBUTE": "ATTRIBUTE",
    "DEFACL": "DEFAULT PRIVILEGES",
    "DOMCONSTRAINT": "DOMAIN CONSTRAINT",
    "EVENT_TRIGGER": "EVENT TRIGGER",
    "FDW": "FOREIGN DATA WRAPPER",
    "FOREIGN_SERVER": "SERVER",
    "FOREIGN_TABLE": "FOREIGN TABLE",
    "LARGEOBJECT": "LARGE OBJECT",
    "MATVIEW": "MATERIALIZED VIEW",
    "OPCLASS": "OPERATOR CLASS",
    "OPFAMILY": "OPERATOR FAMILY",
    "PARAMETER_ACL": "PARAMETER",
    "PUBLICATION_NAMESPACE": "PUBLICATION",
    "PUBLICATION_REL": "PUBLICATION",
    "STATISTIC_EXT": "STATISTICS",
    "TABCONSTRAINT": "CONSTRAINT",
    "TSCONFIGURATION": "TEXT SEARCH CONFIGURATION",
    "TSDICTIONARY": "TEXT SEARCH DICTIONARY",
    "TSPARSER": "TEXT SEARCH PARSER",
    "TSTEMPLATE": "TEXT SEARCH TEMPLATE",
    "USER_MAPPING": "USER MAPPING",
    "LANGUAGE": "LANGUAGE",
    "DEFAULT": "DEFAULT",
}


def object_words(kind: Any) -> str:
    """An ObjectType as SQL words: OBJECT_FDW → FOREIGN DATA WRAPPER."""
    name = ObjectType(kind).name.removeprefix("OBJECT_")
    return _OBJECT_WORDS.get(name) or name.replace("_", " ")


_NAMES = {
    "AlterCollationStmt": "ALTER COLLATION",
    "AlterDatabaseRefreshCollStmt": "ALTER DATABASE … REFRESH COLLATION VERSION",
    "AlterDatabaseSetStmt": "ALTER DATABASE … SET",
    "AlterDatabaseStmt": "ALTER DATABASE",
    "AlterDefaultPrivilegesStmt": "ALTER DEFAULT PRIVILEGES",
    "AlterDomainStmt": "ALTER DOMAIN",
    "AlterEnumStmt": "ALTER TYPE",
    "AlterEventTrigStmt": "ALTER EVENT TRIGGER",
    "AlterExtensionContentsStmt": "ALTER EXTENSION … ADD/DROP",
    "AlterExtensionStmt": "ALTER EXTENSION",
    "AlterFdwStmt": "ALTER FOREIGN DATA WRAPPER",
    "AlterForeignServerStmt": "ALTER SERVER",
    "AlterFunctionStmt": "ALTER FUNCTION",
    "AlterObjectDependsStmt": "ALTER … DEPENDS ON EXTENSION",
    "AlterOpFamilyStmt": "ALTER OPERATOR FAMILY",
    "AlterOperatorStmt": "ALTER OPERATOR",
    "AlterOwnerStmt": "ALTER … OWNER TO",
    "AlterPolicyStmt": "ALTER POLICY",
    "AlterPublicationStmt": "ALTER PUBLICATION",
    "AlterRoleSetStmt": "ALTER ROLE … SET",
    "AlterRoleStmt": "ALTER ROLE",
    "AlterSeqStmt": "ALTER SEQUENCE",
    "AlterStatsStmt": "ALTER STATISTICS",
    "AlterSubscriptionStmt": "ALTER SUBSCRIPTION",
    "AlterSystemStmt": "ALTER SYSTEM",
    "AlterTableMoveAllStmt": "ALTER … ALL IN TABLESPACE",
    "AlterTableSpaceOptionsStmt": "ALTER TABLESPACE",
    "AlterTSConfigurationStmt": "ALTER TEXT SEARCH CONFIGURATION",
    "AlterTSDictionaryStmt": "ALTER TEXT SEARCH DICTIONARY",
    "AlterTypeStmt": "ALTER TYPE",
    "AlterUserMappingStmt": "ALTER USER MAPPING",
    "CallStmt": "CALL",
    "CheckPointStmt": "CHECKPOINT",
    "ClosePortalStmt": "CLOSE",
    "ClusterStmt": "CLUSTER",
    "CompositeTypeStmt": "CREATE TYPE … AS (composite)",
    "ConstraintsSetStmt": "SET CONSTRAINTS",
    "CopyStmt": "COPY",
    "CreateAmStmt": "CREATE ACCESS METHOD",
    "CreateCastStmt": "CREATE CAST",
    "CreateConversionStmt": "CREATE CONVERSION",
    "CreateDomainStmt": "CREATE DOMAIN",
    "CreateEnumStmt": "CREATE TYPE … AS ENUM",
    "CreateEventTrigStmt": "CREATE EVENT TRIGGER",
    "CreateExtensionStmt": "CREATE EXTENSION",
    "CreateFdwStmt": "CREATE FOREIGN DATA WRAPPER",
    "CreateForeignServerStmt": "CREATE SERVER",
    "CreateForeignTableStmt": "CREATE FOREIGN TABLE",
    "CreateFunctionStmt": "CREATE FUNCTION",
    "CreateOpClassStmt": "CREATE OPERATOR CLASS",
    "CreateOpFamilyStmt": "CREATE OPERATOR FAMILY",
    "CreatePLangStmt": "CREATE LANGUAGE",
    "CreatePolicyStmt": "CREATE POLICY",
    "CreatePublicationStmt": "CREATE PUBLICATION",
    "CreateRangeStmt": "CREATE TYPE … AS RANGE",
    "CreateRoleStmt": "CREATE ROLE",
    "CreateSchemaStmt": "CREATE SCHEMA",
    "CreateSeqStmt": "CREATE SEQUENCE",
    "CreateStatsStmt": "CREATE STATISTICS",
    "CreateStmt": "CREATE TABLE",
    "CreateSubscriptionStmt": "CREATE SUBSCRIPTION",
    "CreateTableSpaceStmt": "CREATE TABLESPACE",
    "CreateTransformStmt": "CREATE TRANSFORM",
    "CreateTrigStmt": "CREATE TRIGGER",
    "CreateUserMappingStmt": "CREATE USER MAPPING",
    "CreatedbStmt": "CREATE DATABASE",
    "DeallocateStmt": "DEALLOCATE",
    "DeclareCursorStmt": "DECLARE CURSOR",
    "DeleteStmt": "DELETE",
    "DiscardStmt": "DISCARD",
    "DoStmt": "DO",
    "DropOwnedStmt": "DROP OWNED",
    "DropRoleStmt": "DROP ROLE",
    "DropSubscriptionStmt": "DROP SUBSCRIPTION",
    "DropTableSpaceStmt": "DROP TABLESPACE",
    "DropUserMappingStmt": "DROP USER MAPPING",
    "DropdbStmt": "DROP DATABASE",
    "ExecuteStmt": "EXECUTE",
    "ExplainStmt": "EXPLAIN",
    "FetchStmt": "FETCH",
    "GrantRoleStmt": "GRANT/REVOKE role",
    "ImportForeignSchemaStmt": "IMPORT FOREIGN SCHEMA",
    "IndexStmt": "CREATE INDEX",
    "InsertStmt": "INSERT",
    "ListenStmt": "LISTEN",
    "LoadStmt": "LOAD",
    "LockStmt": "LOCK",
    "MergeStmt": "MERGE",
    "NotifyStmt": "NOTIFY",
    "PrepareStmt": "PREPARE",
    "ReassignOwnedStmt": "REASSIGN OWNED",
    "RefreshMatViewStmt": "REFRESH MATERIALIZED VIEW",
    "ReindexStmt": "REINDEX",
    "RenameStmt": "RENAME",
    "ReplicaIdentityStmt": "ALTER TABLE … REPLICA IDENTITY",
    "RuleStmt": "CREATE RULE",
    "SecLabelStmt": "SECURITY LABEL",
    "SelectStmt": "SELECT",
    "TruncateStmt": "TRUNCATE",
    "UnlistenStmt": "UNLISTEN",
    "UpdateStmt": "UPDATE",
    "VariableShowStmt": "SHOW",
    "ViewStmt": "CREATE VIEW",
    "AlterTableStmt": "ALTER TABLE",
    "CommentStmt": "COMMENT",
    "DropStmt": "DROP",
}


def statement_name(node: Any) -> str:
    """A statement kind in SQL words, for refusals (`CREATE VIEW`)."""
    if isinstance(node, ast.DefineStmt):  # CREATE AGGREGATE/OPERATOR/…
        return "CREATE " + object_words(node.kind)
    if isinstance(node, ast.DropStmt):
        return "DROP " + object_words(node.removeType)
    if isinstance(node, ast.CommentStmt):
        return "COMMENT ON " + object_words(node.objtype)
    if isinstance(node, ast.AlterObjectSchemaStmt):
        return f"ALTER {object_words(node.objectType)} … SET SCHEMA"
    if isinstance(node, ast.AlterOwnerStmt):
        return f"ALTER {object_words(node.objectType)} … OWNER TO"
    if isinstance(node, ast.GrantStmt):
        return "GRANT" if node.is_grant else "REVOKE"
    if isinstance(node, ast.VariableSetStmt):
        return "SET"
    if isinstance(node, ast.VacuumStmt):
        return "VACUUM" if node.is_vacuumcmd else "ANALYZE"
    if isinstance(node, ast.TransactionStmt):
        return "transaction control" if node.kind is None else \
            TransactionStmtKind(node.kind).name.removeprefix("TRANS_STMT_") \
            .replace("_", " ")
    if isinstance(node, ast.CreateTableAsStmt):
        return ("CREATE MATERIALIZED VIEW" if node.objtype == ObjectType.OBJECT_MATVIEW
                else "SELECT INTO" if node.is_select_into else "CREATE TABLE AS")
    name = type(node).__name__
    return _NAMES.get(name) or words(name.removesuffix("Stmt"))


def words(camel: str) -> str:
    """`ReindexStmt` → REINDEX, `AddColumn` → ADD COLUMN."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel).upper()
