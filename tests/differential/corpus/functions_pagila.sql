-- schema: tests/differential/schemas/pagila_functions.sql
-- pagila's own functions, group_concat aggregate and last_updated triggers,
-- loaded from a schema file, behaving as on PostgreSQL 15.

-- case: pagila_last_updated
INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'), (2, 'NICK', 'WAHLBERG')
SELECT actor_id, last_update FROM actor ORDER BY actor_id
BEGIN
UPDATE actor SET last_name = 'CHASE' WHERE actor_id = 1
SELECT actor_id, last_update = now() AS touched, last_update > '2020-02-15 09:34:33+00' AS later FROM actor ORDER BY actor_id
COMMIT
SELECT actor_id, last_name, last_update > '2021-01-01' AS touched FROM actor ORDER BY actor_id
UPDATE actor SET last_update = '1999-01-01' WHERE actor_id = 2 RETURNING actor_id, last_update = now() AS reset_by_trigger
INSERT INTO film (film_id, title) VALUES (1, 'ACADEMY DINOSAUR')
UPDATE film SET rental_rate = 0.99 WHERE film_id = 1 RETURNING rental_rate, last_update > '2021-01-01' AS touched
SELECT tgname, tgrelid::regclass, tgfoid::regproc, tgtype FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgrelid::regclass::text

-- case: pagila_functions
INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'), (2, 'NICK', 'WAHLBERG'), (3, 'ED', 'CHASE')
INSERT INTO film (film_id, title) VALUES (1, 'ACADEMY DINOSAUR'), (2, 'ACE GOLDFINGER')
INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1), (2, 1), (3, 1), (3, 2)
INSERT INTO inventory VALUES (1, 1, 1), (2, 1, 1), (3, 1, 2), (4, 2, 1)
INSERT INTO rental VALUES (1, '2022-05-24 22:53:30+00', 1, 130, '2022-05-26 22:04:30+00'), (2, '2022-05-24 22:54:33+00', 2, 459, NULL), (3, '2022-05-25 00:00:00+00', 4, 130, NULL)
INSERT INTO payment VALUES (1, 130, 1, 2.99, '2022-05-25 11:30:37+00')
SELECT inventory_id, inventory_in_stock(inventory_id), inventory_held_by_customer(inventory_id) FROM inventory ORDER BY inventory_id
SELECT * FROM film_in_stock(1, 1)
SELECT count(*) FROM film_in_stock(2, 1)
SELECT last_day('2022-02-10 10:00:00+00'), last_day('2022-12-31 10:00:00+00'), last_day(NULL)
CREATE VIEW actor_names AS SELECT f.film_id, group_concat(a.first_name ORDER BY a.first_name) AS actors FROM film f JOIN film_actor fa ON fa.film_id = f.film_id JOIN actor a ON a.actor_id = fa.actor_id GROUP BY f.film_id
SELECT * FROM actor_names ORDER BY film_id
SELECT group_concat(first_name) FROM actor WHERE actor_id < 3
SELECT get_customer_balance(130, '2022-06-01 00:00:00+00')
