-- schema: tests/fixtures/real_schemas/pagila/source.sql
-- pagila loaded whole (its tsvector film table, the GiST index on it, the
-- GRANT/REVOKE on schema public): the film_fulltext_trigger keeps
-- film.fulltext as PostgreSQL does, beside the last_updated trigger, and
-- the views over film answer alike.

-- case: film_fulltext_trigger
INSERT INTO language (language_id, name) VALUES (1, 'English'), (2, 'Italian')
INSERT INTO film (film_id, title, description, language_id, rating, fulltext) VALUES (1, 'ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies', 1, 'PG', ''), (2, 'ACE GOLDFINGER', 'A Astounding Epistle of a Database Administrator And a Explorer who must Find a Car in Ancient China', 1, 'G', ''), (3, 'ADAPTATION HOLES', NULL, 2, 'NC-17', 'stale:1')
SELECT film_id, fulltext, rating, rental_rate FROM film ORDER BY film_id
SELECT film_id FROM film WHERE fulltext @@ to_tsquery('english', 'scientist & rockies') ORDER BY film_id
SELECT film_id FROM film WHERE fulltext @@ plainto_tsquery('english', 'database administrators') ORDER BY film_id
SELECT film_id FROM film WHERE fulltext @@ to_tsquery('english', 'hole | china') ORDER BY film_id
SELECT film_id FROM film WHERE fulltext @@ phraseto_tsquery('english', 'mad scientist') ORDER BY film_id
UPDATE film SET description = 'A Boring Documentary of a Dog' WHERE film_id = 3 RETURNING fulltext, last_update > '2021-01-01' AS touched
UPDATE film SET fulltext = 'manual:1' WHERE film_id = 1 RETURNING fulltext
UPDATE film SET rental_rate = 0.99 WHERE film_id = 2 RETURNING fulltext
UPDATE film SET title = 'ACE GOLDFINGER II' WHERE film_id = 2 RETURNING fulltext
SELECT film_id, length(fulltext), strip(fulltext) FROM film ORDER BY film_id
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'film' ORDER BY indexname
SELECT tgname, tgfoid::regproc, tgnargs FROM pg_trigger WHERE tgrelid = 'film'::regclass AND NOT tgisinternal ORDER BY tgname
SELECT nspacl FROM pg_namespace WHERE nspname = 'public'

-- case: film_views
INSERT INTO language (language_id, name) VALUES (1, 'English')
INSERT INTO category (category_id, name) VALUES (1, 'Action'), (2, 'Comedy')
INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'), (2, 'NICK', 'WAHLBERG')
INSERT INTO film (film_id, title, description, language_id, length, fulltext) VALUES (1, 'ACADEMY DINOSAUR', 'A Epic Drama', 1, 86, ''), (2, 'ACE GOLDFINGER', 'A Astounding Epistle', 1, 48, ''), (3, 'ADAPTATION HOLES', NULL, 1, 50, '')
INSERT INTO film_actor (actor_id, film_id) VALUES (2, 3)
INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1), (2, 2)
INSERT INTO film_category (film_id, category_id) VALUES (1, 1), (2, 2), (3, 1)
SELECT fid, title, category, price, length, rating, actors FROM film_list ORDER BY fid
SELECT actor_id, first_name, film_info FROM actor_info ORDER BY actor_id

-- case: film_copy_fires_the_trigger
INSERT INTO language (language_id, name) VALUES (1, 'English')
COPY film (film_id, title, description, language_id, fulltext) FROM STDIN
1	ACADEMY DINOSAUR	A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies	1	'stale':1
2	ACE GOLDFINGER	\N	1	
\.
SELECT film_id, fulltext FROM film ORDER BY film_id
COPY (SELECT film_id, fulltext FROM film ORDER BY film_id) TO STDOUT
