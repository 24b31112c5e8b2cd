-- Parity gaps of corpus/writable_ctes.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- trigger_order_across_with_queries: the order in which the row triggers
--   of two parts of one statement interleave (their NOTICEs) when one
--   part reads the other's rows. PostgreSQL pipelines the parts (the main
--   INSERT's BEFORE ROW trigger runs after each row the WITH query hands
--   it, and the AFTER ROW events queue in that order); the twin runs the
--   WITH query to completion first. Parts that do not read each other
--   fire as PostgreSQL's (corpus: after_triggers_wait_for_the_statement).
--   The rows written are the same.

-- case: trigger_order_across_with_queries
CREATE TABLE a (id int PRIMARY KEY)
CREATE TABLE b (id int PRIMARY KEY)
CREATE FUNCTION say() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% % % %', TG_WHEN, TG_LEVEL, TG_OP, TG_TABLE_NAME; RETURN NULL; END $$
CREATE FUNCTION say_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '% % % % %', TG_WHEN, TG_LEVEL, TG_OP, TG_TABLE_NAME, NEW.id; RETURN NEW; END $$
CREATE TRIGGER a_bs BEFORE INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION say()
CREATE TRIGGER a_as AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION say()
CREATE TRIGGER a_br BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION say_row()
CREATE TRIGGER a_ar AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION say_row()
CREATE TRIGGER b_bs BEFORE INSERT ON b FOR EACH STATEMENT EXECUTE FUNCTION say()
CREATE TRIGGER b_as AFTER INSERT ON b FOR EACH STATEMENT EXECUTE FUNCTION say()
CREATE TRIGGER b_br BEFORE INSERT ON b FOR EACH ROW EXECUTE FUNCTION say_row()
CREATE TRIGGER b_ar AFTER INSERT ON b FOR EACH ROW EXECUTE FUNCTION say_row()
WITH i AS (INSERT INTO a VALUES (1), (2) RETURNING id) INSERT INTO b SELECT id FROM i
SELECT (SELECT count(*) FROM a) AS a_rows, (SELECT count(*) FROM b) AS b_rows
