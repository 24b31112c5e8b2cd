-- Text search: tsvector/tsquery input and output, @@, comparison, the
-- simple and english configurations, to_tsvector and the to_tsquery family
-- (PostgreSQL 15's answers through the harness).

-- case: tsvector_input_output
SELECT 'a:1 b:2A'::tsvector
SELECT 'a:1 a:1A b c:3,2,3'::tsvector
SELECT 'b a c a'::tsvector, ''::tsvector
SELECT 'a:99999'::tsvector, 'a:1A,2,3B,4C,5D'::tsvector
SELECT $$'it''s' \\b 'a b'$$::tsvector
SELECT 'ü é a'::tsvector
SELECT 'a:0'::tsvector
SELECT 'a:1AB'::tsvector
SELECT E'a\\'::tsvector
SELECT $$'abc$$::tsvector
SELECT 'a:x'::tsvector
SELECT 'a:1,'::tsvector
SELECT 'a:3,1,2,1A'::tsvector

-- case: tsquery_input_output
SELECT 'b:*A & !c:AB | (d <3> e)'::tsquery
SELECT '!(a & b)'::tsquery, 'a & (b | c)'::tsquery
SELECT '(a <-> b) <-> c'::tsquery, 'a <-> (b <-> c)'::tsquery
SELECT 'a<->b'::tsquery, 'a <0> b'::tsquery, 'ab:*'::tsquery
SELECT '!!a'::tsquery, 'a & b | c & !d'::tsquery
SELECT '(a|b) <-> (c & d)'::tsquery, '!a <-> b'::tsquery
SELECT $$'a b' & 'it''s'$$::tsquery
SELECT 'a<b'::tsquery
SELECT 'a & '::tsquery
SELECT 'a b'::tsquery
SELECT '(a'::tsquery
SELECT 'a)'::tsquery
SELECT ':a'::tsquery
SELECT 'a <20000> b'::tsquery
SELECT 'a:1'::tsquery

-- case: match_operator
SELECT 'a:1 b:2'::tsvector @@ 'a & b'::tsquery, 'a b'::tsvector @@ 'a & c'::tsquery
SELECT 'a:1 b:2'::tsvector @@ 'a:B'::tsquery, 'a:1B b:2'::tsvector @@ 'a:B'::tsquery
SELECT 'a b'::tsvector @@ 'a:B'::tsquery
SELECT 'a:1 b:2'::tsvector @@ 'a <-> b'::tsquery, 'a:1 b:3'::tsvector @@ 'a <-> b'::tsquery
SELECT 'a:1 b:3'::tsvector @@ 'a <2> b'::tsquery, 'a:1 b:3'::tsvector @@ 'a <-> !b'::tsquery
SELECT strip('a:1 b:2'::tsvector) @@ 'a <-> c'::tsquery, strip('a:1 b:2'::tsvector) @@ 'a <-> b'::tsquery
SELECT 'abc:1 abd:2'::tsvector @@ 'ab:*'::tsquery, 'abc'::tsvector @@ 'abd:*'::tsquery
SELECT 'a:1 b:2 c:3'::tsvector @@ '(a <-> b) <-> c'::tsquery, 'a:1 b:2 c:3'::tsvector @@ 'a <-> (c | b)'::tsquery
SELECT 'a:1 b:2 c:3'::tsvector @@ 'a <2> (b & c)'::tsquery, 'a:1 c:3'::tsvector @@ '!b'::tsquery
SELECT 'a:1 b:2'::tsquery @@ 'a'::tsvector
SELECT 'a b'::tsquery

-- case: tsvector_comparison_and_functions
SELECT 'a:1'::tsvector = 'a:1'::tsvector, 'a:1'::tsvector < 'a:2'::tsvector, 'a'::tsvector < 'b'::tsvector
SELECT 'ab'::tsvector > 'a b'::tsvector, 'a:1A'::tsvector <> 'a:1'::tsvector
SELECT 'a:1 b:2'::tsvector || 'b:1 c:2'::tsvector, 'a b'::tsvector || 'c:1'::tsvector
SELECT setweight('a:1 b:2C'::tsvector, 'A'), setweight('a:1 b:2'::tsvector, 'b', '{a}')
SELECT strip('a:1A b:2'::tsvector), length('a:1 b c'::tsvector), length(''::tsvector)
SELECT tsvector_to_array('b:1 a:2'::tsvector), array_to_tsvector('{c,a,c}')
SELECT ts_delete('a:1 b:2 c'::tsvector, 'b'), ts_delete('a:1 b:2 c'::tsvector, '{a,c}')
SELECT numnode('a & b | !c'::tsquery), 'a'::tsquery && 'b|c'::tsquery, 'a'::tsquery || 'b'::tsquery
SELECT !! 'a & b'::tsquery, 'a'::tsquery <-> 'b'::tsquery, tsquery_phrase('a', 'b', 3)

-- case: configurations
SELECT to_tsvector('simple', 'The Quick brown FOX jumped over the lazy dogs')
SELECT to_tsvector('english', 'The Quick brown FOX jumped over the lazy dogs')
SELECT to_tsvector('english', 'A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies')
SELECT to_tsvector('english', 'foo-bar naïve-café Über abc123 123 it''s "quoted" (paren) end. Next, x; y: z! w?')
SELECT to_tsvector('english', 'running runs ran runner easily fairly')
SELECT to_tsvector('simple', ''), to_tsvector('english', 'the and of')
SELECT to_tsvector('pg_catalog.simple', 'A a A'), to_tsvector('Simple'::regconfig, 'B')
SELECT to_tsvector('nosuch', 'a')
SELECT 'english'::regconfig, 'pg_catalog.simple'::regconfig, 'simple'::regconfig::oid
SELECT 'public.simple'::regconfig
SHOW default_text_search_config
SELECT get_current_ts_config(), to_tsvector('The cats')
SET default_text_search_config = 'simple'
SELECT get_current_ts_config(), to_tsvector('The cats')
SET default_text_search_config = 'nosuch'
RESET default_text_search_config

-- case: to_tsquery_family
SELECT to_tsquery('english', 'cats & rats'), to_tsquery('simple', 'The & Cats')
SELECT to_tsquery('english', 'the & cat'), to_tsquery('english', 'cat <-> the <-> dog')
SELECT to_tsquery('english', 'the')
SELECT to_tsquery('english', 'foo-bar:*B'), to_tsquery('english', '!running | (jumps <2> dogs)')
SELECT plainto_tsquery('english', 'The fat rats ate the cheese'), plainto_tsquery('simple', 'a b')
SELECT phraseto_tsquery('english', 'The fat rats ate the cheese'), phraseto_tsquery('english', 'the')
SELECT plainto_tsquery('english', '')
SELECT to_tsvector('english', 'The fat rats') @@ to_tsquery('english', 'rat & fat')
SELECT to_tsvector('english', 'The fat rats') @@ phraseto_tsquery('english', 'fat rat')
SELECT 'The fat rats' @@ to_tsquery('rat'), 'fat rats' @@ 'rat'::text
SELECT to_tsquery('english', 'a:1')

-- case: table_column
CREATE TABLE doc (id int PRIMARY KEY, body text, tsv tsvector)
INSERT INTO doc VALUES (1, 'The quick brown fox', to_tsvector('english', 'The quick brown fox')), (2, 'Lazy dogs sleep', to_tsvector('english', 'Lazy dogs sleep')), (3, NULL, NULL)
SELECT id, tsv FROM doc ORDER BY id
SELECT id FROM doc WHERE tsv @@ to_tsquery('english', 'dog | fox') ORDER BY id
SELECT id FROM doc WHERE tsv @@ 'quick'::tsquery ORDER BY id
UPDATE doc SET tsv = tsv || 'extra:9'::tsvector WHERE id = 1 RETURNING tsv
SELECT pg_typeof(tsv), tsv::text FROM doc WHERE id = 2
CREATE INDEX doc_tsv_gin ON doc USING gin (tsv)
CREATE INDEX doc_tsv_gist ON doc USING gist (tsv)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'doc' ORDER BY indexname
SELECT id FROM doc WHERE tsv @@ 'sleep'::tsquery ORDER BY id

-- case: index_methods
CREATE TABLE ix (a int, t text, v tsvector, arr int[])
CREATE INDEX ON ix USING gin (a)
CREATE INDEX ON ix USING gin (v foo_ops)
CREATE INDEX ON ix USING gin (v int4_ops)
CREATE INDEX ON ix USING gist (v array_ops)
CREATE UNIQUE INDEX ON ix USING gist (v)
CREATE INDEX ON ix USING gin (v DESC)
CREATE INDEX ON ix USING gin (v) INCLUDE (a)
CREATE INDEX ON ix USING spgist (t, a)
CREATE INDEX ON ix USING nosuch (a)
CREATE INDEX ON ix USING hash (v)
CREATE INDEX ON ix USING brin (a)
CREATE INDEX ON ix USING spgist (t)
CREATE INDEX ON ix USING gist (v tsvector_ops)
CREATE INDEX ON ix USING gin (arr)
CREATE INDEX ON ix USING btree (v)
CREATE INDEX ON ix USING gist (v) INCLUDE (a)
CREATE INDEX ix_brin_minmax ON ix USING brin (a int4_minmax_ops)
CREATE INDEX ix_brin_bloom ON ix USING brin (a int4_bloom_ops)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ix' ORDER BY indexname
SELECT c.relname, a.amname, i.indclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'ix'::regclass ORDER BY 1
INSERT INTO ix VALUES (1, 'x', 'a b', '{1,2}'), (2, 'y', 'c', '{3}')
SELECT a FROM ix WHERE v @@ 'a'::tsquery
SELECT a FROM ix WHERE a = 2 AND t = 'y'

-- case: tsvector_update_trigger
CREATE TABLE film (id int PRIMARY KEY, title text NOT NULL, description text, fulltext tsvector NOT NULL)
CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON film FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description')
INSERT INTO film (id, title, description, fulltext) VALUES (1, 'ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies', '')
INSERT INTO film VALUES (2, 'ACE GOLDFINGER', NULL, 'x:1')
SELECT id, fulltext FROM film ORDER BY id
UPDATE film SET description = 'Astounding Epistle of a Database Administrator' WHERE id = 2 RETURNING fulltext
UPDATE film SET fulltext = 'manual:1' WHERE id = 1 RETURNING fulltext
UPDATE film SET title = title WHERE id = 1 RETURNING fulltext
SELECT id FROM film WHERE fulltext @@ to_tsquery('english', 'scientists & rocky') ORDER BY id
CREATE TABLE bad (id int, t text, v tsvector, n int)
CREATE TRIGGER t1 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'english', 'n')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t1 ON bad
CREATE TRIGGER t2 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.nosuch', 't')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t2 ON bad
CREATE TRIGGER t3 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('t', 'pg_catalog.simple', 't')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t3 ON bad
CREATE TRIGGER t4 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.simple', 'nosuch')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t4 ON bad
CREATE TRIGGER t5 AFTER INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.simple', 't')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t5 ON bad
CREATE TRIGGER t6 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'simple')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t6 ON bad
CREATE TRIGGER t7 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('nosuch', 'pg_catalog.simple', 't')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
SELECT tgname, tgfoid::regproc, tgnargs FROM pg_trigger WHERE tgrelid = 'bad'::regclass
DROP TRIGGER t7 ON bad
CREATE TRIGGER t8 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.simple', 'n')
INSERT INTO bad VALUES (1, 'a', NULL, 1)
DROP TRIGGER t8 ON bad
CREATE TRIGGER t9 BEFORE INSERT OR UPDATE ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.simple', 't', 't')
INSERT INTO bad VALUES (1, 'Hello World', NULL, 1), (2, NULL, 'keep:1', 2) RETURNING v
UPDATE bad SET n = 3 RETURNING v
UPDATE bad SET t = 'x y' WHERE id = 2 RETURNING v
CREATE TRIGGER t10 BEFORE DELETE ON bad FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('v', 'pg_catalog.simple', 't')
DELETE FROM bad
CREATE TRIGGER t11 BEFORE INSERT ON bad FOR EACH ROW EXECUTE FUNCTION nosuch_trigger()

-- case: websearch_to_tsquery
SELECT websearch_to_tsquery('english', 'The fat rats')
SELECT websearch_to_tsquery('english', '"supernovae stars" -crab')
SELECT websearch_to_tsquery('english', '"sad cat" or "fat rat"')
SELECT websearch_to_tsquery('english', 'signal -"segmentation fault"')
SELECT websearch_to_tsquery('english', '"" )( dummy | query <->')
SELECT websearch_to_tsquery('simple', 'a or b or'), websearch_to_tsquery('simple', 'a - b'), websearch_to_tsquery('simple', 'a -')
SELECT websearch_to_tsquery('simple', 'or'), websearch_to_tsquery('simple', 'a orange'), websearch_to_tsquery('simple', 'a OR -b')
SELECT websearch_to_tsquery('simple', '')
SELECT websearch_to_tsquery('english', 'the')
SELECT websearch_to_tsquery('simple', 'a "b c'), websearch_to_tsquery('simple', '''a b'''), websearch_to_tsquery('simple', 'a or or b')
SELECT websearch_to_tsquery('simple', '"a the b" or c'), websearch_to_tsquery('english', '"a the b" or c'), websearch_to_tsquery('english', 'cat -the')
SELECT websearch_to_tsquery('The fat rats'), to_tsvector('english', 'fat rats') @@ websearch_to_tsquery('english', 'rat -dog')

-- case: extension_opclasses
CREATE TABLE ex (n int, t text, v tsvector)
CREATE INDEX ON ex USING gist (n)
CREATE INDEX ON ex USING gin (n)
CREATE EXTENSION btree_gist
CREATE EXTENSION btree_gin
CREATE INDEX ex_n_gist ON ex USING gist (n)
CREATE INDEX ex_t_gist ON ex USING gist (t gist_text_ops)
CREATE INDEX ex_n_gin ON ex USING gin (n, v)
CREATE INDEX ON ex USING gist (n gist_text_ops)
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ex' ORDER BY indexname
INSERT INTO ex VALUES (1, 'a', 'x'), (2, 'b', 'y')
SELECT n FROM ex WHERE n = 2 AND v @@ 'y'::tsquery
DROP EXTENSION btree_gist
DROP EXTENSION btree_gin CASCADE
DROP EXTENSION btree_gist CASCADE
SELECT indexname FROM pg_indexes WHERE tablename = 'ex' ORDER BY indexname

-- case: ts_rank
SELECT ts_rank(to_tsvector('english', 'The quick brown fox jumps over the lazy dog'), to_tsquery('english', 'fox & dog'))
SELECT ts_rank(to_tsvector('english', 'The quick brown fox jumps over the lazy dog'), to_tsquery('english', 'fox | cat'))
SELECT ts_rank('a:1A,5 b:2B,9C c'::tsvector, 'a <-> b'::tsquery, 1), ts_rank('a:1A,5 b:2B,9C c'::tsvector, 'a & b'::tsquery, 2)
SELECT ts_rank('a:1A,5 b:2B,9C c'::tsvector, 'a:* | c'::tsquery, 8), ts_rank('a:1A,5 b:2B,9C c'::tsvector, 'a'::tsquery, 16), ts_rank('a:1A,5 b:2B,9C c'::tsvector, 'a | b'::tsquery, 32)
SELECT ts_rank('{0.1, 0.2, 0.4, 1.0}', 'a:1A b:3'::tsvector, 'a & b'::tsquery), ts_rank('{0.5, -1, 0.3, 0.9}', 'a:1A b:3'::tsvector, 'a & b'::tsquery, 3)
SELECT ts_rank(strip('a:1 b:2'::tsvector), 'a & b'::tsquery), ts_rank(''::tsvector, 'a'::tsquery), ts_rank('a:1'::tsvector, 'zz'::tsquery)
SELECT ts_rank('{0.1, 0.2}', 'a:1'::tsvector, 'a'::tsquery)
SELECT ts_rank('{0.1, 0.2, 0.4, 2}', 'a:1'::tsvector, 'a'::tsquery)
SELECT ts_rank('{0.1, 0.2, NULL, 1}', 'a:1'::tsvector, 'a'::tsquery)
SELECT title, ts_rank(v, q) AS rank FROM (VALUES ('one', to_tsvector('english', 'rats eat cheese and rats sleep')), ('two', to_tsvector('english', 'a rat'))) d(title, v), to_tsquery('english', 'rat') q ORDER BY rank DESC, title

-- case: ordering_and_grouping
CREATE TABLE tv (id int, v tsvector, q tsquery)
INSERT INTO tv VALUES (1, 'b:1', 'a'), (2, 'a:1', 'a'), (3, 'a b', 'a & b'), (4, 'a:2', 'b'), (5, 'a:1A', 'a'), (6, 'aa', 'a'), (7, '', 'a'), (8, 'a:1', 'a')
SELECT id, v FROM tv ORDER BY v, id
SELECT id, v FROM tv ORDER BY v DESC, id
SELECT v, count(*) FROM tv GROUP BY v ORDER BY v
SELECT DISTINCT q::text FROM tv ORDER BY 1
SELECT count(DISTINCT q) FROM tv
SELECT max(v) FROM tv
SELECT q::text, count(*) FROM tv GROUP BY q ORDER BY q
SELECT 'a:A'::tsquery = 'a'::tsquery, 'a:*'::tsquery <> 'a'::tsquery, 'a & b'::tsquery = 'b & a'::tsquery, 'a'::tsquery < 'b'::tsquery, 'zz'::tsquery >= 'a & b'::tsquery
SELECT count(DISTINCT x) FROM (VALUES ('a:A'::tsquery), ('a'::tsquery), ('b'::tsquery)) v(x)
SELECT ts_filter('a:1A,2B b:3C c d:4'::tsvector, '{a,b}'), ts_filter('a:1A b'::tsvector, '{}'), ts_filter('a:1A b:2D'::tsvector, '{D}')
SELECT ts_filter('a:1A b'::tsvector, '{a,x}')
SELECT ts_filter('a:1A b'::tsvector, '{a,NULL}')
SELECT querytree('a & !b'::tsquery), querytree('!a'::tsquery), querytree('a | !b'::tsquery)
SELECT querytree('(a <-> !b) & (c | d)'::tsquery), querytree('!a & !b'::tsquery), querytree('a <2> (b & !c)'::tsquery)

-- case: parser_numbers
SELECT to_tsvector('simple', '3.14 -5 +7 -3.5 +2.0 0.5 00.50 (2.5, -1; a 1.5 b -2 c')
SELECT to_tsvector('english', 'The price fell -7.25. Now 12.5! Then 7. x -1 end')
SELECT to_tsquery('english', '3.5 & -2'), plainto_tsquery('simple', 'costs 9.99 now')
