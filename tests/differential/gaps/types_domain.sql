-- Parity gaps of corpus/types_domain.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- domain_over_enum_unknown_operand: PostgreSQL finds no operator for a
--   domain over an enum compared with an untyped literal (42883 `operator
--   does not exist: good_mood < unknown`: the literal takes the domain's
--   type, which anyenum does not accept); the twin resolves the enum's
--   operator through the base type and answers.

-- case: domain_over_enum_unknown_operand
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
CREATE DOMAIN good_mood AS mood CHECK (VALUE > 'sad')
CREATE TABLE m (x good_mood)
INSERT INTO m VALUES ('ok'), ('happy')
SELECT x FROM m WHERE x < 'happy'
