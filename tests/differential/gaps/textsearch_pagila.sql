-- schema: tests/fixtures/real_schemas/pagila/source.sql
-- Parity gaps of corpus/textsearch_pagila.sql: cases PostgreSQL 15 still
-- answers differently from the twin. tests/differential/test_gaps.py runs
-- each as a strict expected failure, so a case that starts to agree fails
-- until it moves back to that corpus.
--
-- film_copy_fires_the_trigger: COPY FROM into a table with triggers is
--   refused (0A000) by the session (twinning/session.py run_copy); pagila's
--   film rows loaded by COPY would need film_fulltext_trigger and
--   last_updated fired per row as PostgreSQL's CopyFrom does.

-- case: film_copy_fires_the_trigger
INSERT INTO language (language_id, name) VALUES (1, 'English')
COPY film (film_id, title, description, language_id, fulltext) FROM STDIN
1	ACADEMY DINOSAUR	A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies	1	'stale':1
2	ACE GOLDFINGER	\N	1	
\.
SELECT film_id, fulltext FROM film ORDER BY film_id
COPY (SELECT film_id, fulltext FROM film ORDER BY film_id) TO STDOUT
