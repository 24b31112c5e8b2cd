-- schema: tests/differential/schemas/reads.sql
-- Window functions (PostgreSQL 15's WindowAgg): row_number, rank,
-- dense_rank, percent_rank, cume_dist, ntile, lag/lead (offset and default
-- with their type resolution), first_value/last_value/nth_value and the
-- aggregates with OVER (FILTER included); PARTITION BY / ORDER BY with NULLs
-- and ties; frames in ROWS, RANGE (offsets over numbers, dates, timestamps
-- and intervals) and GROUPS modes with EXCLUDE; named windows (WINDOW w AS,
-- OVER w, OVER (w ORDER BY ...)) and their errors; windows over grouped
-- rows; the outer query's DISTINCT, ORDER BY and LIMIT over window results;
-- empty input; output names and types; and PostgreSQL's errors (42P20,
-- 42803, 42809, 42704, 0A000, 22013, 22014, 22016, 22004) with positions.

-- case: win_ranking
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, k, x, row_number() OVER (PARTITION BY k ORDER BY x), rank() OVER (ORDER BY x), dense_rank() OVER (ORDER BY x) FROM ta ORDER BY v
SELECT v, rank() OVER (ORDER BY x DESC), dense_rank() OVER (ORDER BY x DESC NULLS LAST), rank() OVER (ORDER BY x NULLS FIRST) FROM ta ORDER BY v
SELECT v, rank() OVER (), dense_rank() OVER (), row_number() OVER (ORDER BY v DESC) FROM ta ORDER BY v
SELECT v, percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x DESC), percent_rank() OVER (PARTITION BY k ORDER BY x), cume_dist() OVER (PARTITION BY k ORDER BY x) FROM ta ORDER BY v
SELECT percent_rank() OVER (), cume_dist() OVER () FROM ta WHERE v = 'a'


-- case: win_ntile
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, ntile(3) OVER (ORDER BY v), ntile(4) OVER (PARTITION BY k ORDER BY v), ntile(1) OVER (ORDER BY v), ntile(20) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, ntile(5) OVER (ORDER BY v), ntile(NULL) OVER (ORDER BY v), ntile(2::bigint) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, ntile(x) OVER (ORDER BY v) FROM ta WHERE x IS NOT NULL ORDER BY v
SELECT ntile(0) OVER () FROM ta
SELECT ntile(-1) OVER (ORDER BY v) FROM ta
SELECT ntile(0) OVER () FROM ta WHERE false
SELECT ntile('a') OVER () FROM ta
SELECT ntile(1.5) OVER () FROM ta


-- case: win_lag_lead
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, lag(x) OVER (ORDER BY v), lead(x) OVER (ORDER BY v), lag(x, 2) OVER (ORDER BY v), lead(x, 3) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, lag(x, 1, -1) OVER (ORDER BY v), lead(v, 1, 'zz') OVER (PARTITION BY k ORDER BY v), lag(x, 2, 0.5) OVER (ORDER BY v), lead(x, -1) OVER (ORDER BY v), lag(x, 0) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, lag(x, NULL) OVER (ORDER BY v), lag(x, 1, NULL) OVER (ORDER BY v), lead(x, 1, x * 100) OVER (ORDER BY v), lag(v, k) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, lag(x, 1, 'nope') OVER (ORDER BY v) FROM ta ORDER BY v
SELECT lag('a') OVER () FROM ta
SELECT lag(x, 'a') OVER () FROM ta
SELECT lag(x, 1, true) OVER () FROM ta
SELECT lag() OVER () FROM ta
SELECT lead(x, 1, 2, 3) OVER () FROM ta


-- case: win_first_last_nth
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w, nth_value(x, 3) OVER w FROM ta WINDOW w AS (ORDER BY x) ORDER BY v
SELECT v, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w FROM ta WINDOW w AS (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY v
SELECT v, first_value(x) OVER (PARTITION BY k), last_value(x) OVER (PARTITION BY k ORDER BY v), nth_value(v, 10) OVER (), nth_value(v, NULL) OVER () FROM ta ORDER BY v
SELECT v, first_value(v) OVER (ORDER BY v ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING), last_value(v) OVER (ORDER BY v ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM ta ORDER BY v
SELECT nth_value(x, 0) OVER () FROM ta
SELECT nth_value(x, -3) OVER (ORDER BY v) FROM ta


-- case: win_aggregates
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, sum(x) OVER (PARTITION BY k), count(*) OVER (), count(x) OVER (ORDER BY x), avg(x) OVER (ORDER BY x), min(v) OVER (PARTITION BY k), max(x) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, string_agg(v, ',') OVER (ORDER BY v), array_agg(x) OVER (PARTITION BY k ORDER BY v), bool_and(x > 10) OVER (ORDER BY v), bool_or(x > 30) OVER (PARTITION BY k), every(x < 100) OVER () FROM ta ORDER BY v
SELECT v, count(*) FILTER (WHERE x > 15) OVER (ORDER BY v), sum(x) FILTER (WHERE k = 2) OVER (), string_agg(v, '-') FILTER (WHERE x IS NULL) OVER (ORDER BY v) FROM ta ORDER BY v
SELECT v, sum(x) OVER (), sum(x::bigint) OVER (), sum(x::numeric) OVER (), avg(x::float8) OVER (), sum(x::real) OVER () FROM ta ORDER BY v


-- case: win_aggregate_types
INSERT INTO samples (id, i2, i4, i8, num, f4, f8, d, ts, tstz, iv, t) VALUES (1, 1, 10, 100, 1.5, 0.5, 0.25, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '1 day', 'a'), (2, 2, 20, 200, 2.25, 1.5, 1.5, '2024-01-03', '2024-01-01 12:00', '2024-01-02 10:00+00', '2 days', 'b'), (3, 2, 20, 300, NULL, 2.5, 3.75, '2024-01-10', '2024-01-02 10:00', NULL, '1 hour', 'c'), (4, NULL, NULL, NULL, 10, NULL, NULL, NULL, NULL, '2024-02-01 00:00+00', NULL, 'd'), (5, 5, 50, 500, 5.125, 4.5, 8, '2024-02-01', '2024-01-05 00:00', '2024-01-01 11:00+00', '1 mon', 'e')
SELECT id, sum(i2) OVER w, sum(i4) OVER w, sum(i8) OVER w, sum(num) OVER w, sum(f4) OVER w, sum(f8) OVER w, sum(iv) OVER w FROM samples WINDOW w AS (ORDER BY id) ORDER BY id
SELECT id, avg(i2) OVER w, avg(i4) OVER w, avg(i8) OVER w, avg(num) OVER w, avg(f4) OVER w, avg(f8) OVER w, avg(iv) OVER w FROM samples WINDOW w AS (ORDER BY id) ORDER BY id
SELECT id, min(d) OVER w, max(ts) OVER w, min(tstz) OVER w, max(iv) OVER w, max(t) OVER w, count(num) OVER w FROM samples WINDOW w AS (ORDER BY id ROWS 1 PRECEDING) ORDER BY id


-- case: win_frames_rows
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, sum(x) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), sum(x) OVER (ORDER BY v ROWS 2 PRECEDING), sum(x) OVER (ORDER BY v ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY v ROWS BETWEEN 2 FOLLOWING AND 4 FOLLOWING), count(*) OVER (ORDER BY v ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING), sum(x) OVER (ORDER BY v ROWS CURRENT ROW) FROM ta ORDER BY v
SELECT v, sum(x) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING), sum(x) OVER (ORDER BY v ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW), sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP), sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES), sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY v ROWS 9223372036854775807 PRECEDING), sum(x) OVER (ORDER BY v ROWS BETWEEN CURRENT ROW AND 9223372036854775807 FOLLOWING) FROM ta ORDER BY v


-- case: win_frames_groups
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(x) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING), count(*) OVER (ORDER BY x GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 FOLLOWING AND 2 FOLLOWING), sum(x) OVER (ORDER BY x GROUPS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES), first_value(v) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE GROUP) FROM ta ORDER BY v
SELECT sum(x) OVER (GROUPS 1 PRECEDING) FROM ta
SELECT sum(x) OVER (ORDER BY x GROUPS -1 PRECEDING) FROM ta


-- case: win_frames_range
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, sum(x) OVER (ORDER BY x RANGE BETWEEN 10 PRECEDING AND 5 FOLLOWING), sum(x) OVER (ORDER BY x DESC RANGE BETWEEN 10 PRECEDING AND 5 FOLLOWING), count(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) FROM ta ORDER BY v
SELECT v, string_agg(v, ',') OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND 10 FOLLOWING), sum(x) OVER (ORDER BY x RANGE BETWEEN 5 FOLLOWING AND 15 FOLLOWING), sum(x) OVER (ORDER BY x DESC NULLS LAST RANGE BETWEEN 20 PRECEDING AND 10 PRECEDING) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), sum(x) OVER (ORDER BY x RANGE CURRENT ROW), sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY x RANGE 10::bigint PRECEDING), sum(x) OVER (ORDER BY x RANGE 10::smallint PRECEDING) FROM ta ORDER BY v
SELECT sum(x) OVER (ORDER BY x RANGE -1 PRECEDING) FROM ta
SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND NULL FOLLOWING) FROM ta
SELECT sum(x) OVER (ORDER BY x RANGE 1.5 PRECEDING) FROM ta
SELECT sum(x) OVER (ORDER BY x RANGE '1' PRECEDING) FROM ta
SELECT sum(x) OVER (ORDER BY v RANGE 1 PRECEDING) FROM ta
SELECT sum(x) OVER (ORDER BY x, k RANGE 1 PRECEDING) FROM ta
SELECT sum(x) OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) FROM ta


-- case: win_frames_range_types
INSERT INTO samples (id, i2, i4, i8, num, f4, f8, d, ts, tstz, iv, t) VALUES (1, 1, 10, 100, 1.5, 0.5, 0.25, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '1 day', 'a'), (2, 2, 20, 200, 2.25, 1.5, 1.5, '2024-01-03', '2024-01-01 12:00', '2024-01-02 10:00+00', '2 days', 'b'), (3, 2, 20, 300, NULL, 2.5, 3.75, '2024-01-10', '2024-01-02 10:00', NULL, '1 hour', 'c'), (4, NULL, NULL, NULL, 10, NULL, NULL, NULL, NULL, '2024-02-01 00:00+00', NULL, 'd'), (5, 5, 50, 500, 5.125, 4.5, 8, '2024-02-01', '2024-01-05 00:00', '2024-01-01 11:00+00', '1 mon', 'e')
SELECT id, sum(i4) OVER (ORDER BY num RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING), sum(i4) OVER (ORDER BY f8 RANGE BETWEEN 2 PRECEDING AND CURRENT ROW), sum(i4) OVER (ORDER BY f4 RANGE 1.5 PRECEDING) FROM samples ORDER BY id
SELECT id, count(*) OVER (ORDER BY d RANGE BETWEEN '2 days' PRECEDING AND '1 week' FOLLOWING), count(*) OVER (ORDER BY ts RANGE BETWEEN interval '3 hours' PRECEDING AND CURRENT ROW), count(*) OVER (ORDER BY tstz DESC RANGE '1 day' PRECEDING) FROM samples ORDER BY id
SELECT id, count(*) OVER (ORDER BY iv RANGE BETWEEN '1 day' PRECEDING AND '1 day' FOLLOWING), sum(i4) OVER (ORDER BY i2 RANGE 1 PRECEDING), sum(i4) OVER (ORDER BY i8 RANGE 100 FOLLOWING) FROM samples ORDER BY id
SELECT count(*) OVER (ORDER BY d RANGE 1 PRECEDING) FROM samples
SELECT count(*) OVER (ORDER BY iv RANGE '-1 day' PRECEDING) FROM samples
SELECT count(*) OVER (ORDER BY num RANGE -1 FOLLOWING) FROM samples


-- case: win_frame_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT sum(x) OVER (ROWS x PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS 'x' PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS 1.5 PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS -1 PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND -2 FOLLOWING) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND NULL FOLLOWING) FROM ta
SELECT sum(x) OVER (ROWS NULL PRECEDING) FROM ta WHERE false
SELECT sum(x) OVER (ROWS count(*) PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM ta
SELECT sum(x) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM ta
SELECT sum(x) OVER (ROWS UNBOUNDED FOLLOWING) FROM ta


-- case: win_named_windows
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT v, row_number() OVER w, sum(x) OVER w, first_value(v) OVER w FROM ta WINDOW w AS (PARTITION BY k ORDER BY v) ORDER BY v
SELECT v, sum(x) OVER (w ORDER BY v), sum(x) OVER (w), count(*) OVER (w ROWS 1 PRECEDING) FROM ta WINDOW w AS (PARTITION BY k) ORDER BY v
SELECT v, sum(x) OVER (w2 ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM ta WINDOW w1 AS (PARTITION BY k), w2 AS (w1 ORDER BY v) ORDER BY v
SELECT v, rank() OVER w FROM ta WINDOW w AS (ORDER BY x), unused AS (PARTITION BY v) ORDER BY v
SELECT v FROM ta WINDOW w AS (ORDER BY x) ORDER BY v


-- case: win_named_window_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT row_number() OVER w FROM ta
SELECT row_number() OVER (w) FROM ta
SELECT row_number() OVER (w ORDER BY x) FROM ta WINDOW w2 AS ()
SELECT row_number() OVER (w PARTITION BY x) FROM ta WINDOW w AS (PARTITION BY k)
SELECT row_number() OVER (w ORDER BY x) FROM ta WINDOW w AS (ORDER BY k)
SELECT row_number() OVER (w) FROM ta WINDOW w AS (ORDER BY k ROWS UNBOUNDED PRECEDING)
SELECT row_number() OVER (w ROWS UNBOUNDED PRECEDING) FROM ta WINDOW w AS (ORDER BY k ROWS UNBOUNDED PRECEDING)
SELECT 1 FROM ta WINDOW w AS (ORDER BY k), w AS (ORDER BY x)
SELECT 1 FROM ta WINDOW w2 AS (w1), w1 AS ()
SELECT 1 FROM ta WINDOW w AS (PARTITION BY nosuch)
SELECT 1 FROM ta WINDOW w AS (ORDER BY k), w2 AS (w ORDER BY x)


-- case: win_over_aggregates
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT k, count(*), sum(count(*)) OVER (), rank() OVER (ORDER BY count(*) DESC, k), sum(sum(x)) OVER (ORDER BY k) FROM ta GROUP BY k ORDER BY k
SELECT k, avg(max(x)) OVER (), lag(k) OVER (ORDER BY k NULLS FIRST) FROM ta GROUP BY k ORDER BY k NULLS FIRST
SELECT sum(count(*)) OVER (), count(*) FROM ta
SELECT k, row_number() OVER (ORDER BY sum(x) DESC NULLS LAST) FROM ta GROUP BY k HAVING count(*) > 1 ORDER BY k
SELECT k, row_number() OVER (PARTITION BY x) FROM ta GROUP BY k
SELECT k, sum(x) OVER () FROM ta GROUP BY k
SELECT count(*) OVER () FROM ta GROUP BY k


-- case: win_outer_clauses
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT DISTINCT k, count(*) OVER (PARTITION BY k) FROM ta
SELECT v, row_number() OVER (ORDER BY v DESC) FROM ta ORDER BY row_number() OVER (ORDER BY v DESC) LIMIT 3
SELECT v, row_number() OVER (ORDER BY v) AS rn FROM ta ORDER BY rn DESC LIMIT 2 OFFSET 1
SELECT k, rank() OVER (ORDER BY k) FROM ta ORDER BY 2, 1 LIMIT 4
SELECT DISTINCT ON (k) k, v, row_number() OVER (PARTITION BY k ORDER BY v DESC) FROM ta ORDER BY k, v
SELECT * FROM (SELECT v, row_number() OVER (PARTITION BY k ORDER BY x DESC) AS rn FROM ta) s WHERE rn = 1
SELECT v, x, sum(x) OVER (ORDER BY v) FROM ta WHERE x > 10 ORDER BY v
SELECT v, (SELECT count(*) FROM ta b WHERE b.k = a.k) AS n, row_number() OVER (ORDER BY v) FROM ta a ORDER BY v
SELECT v, row_number() OVER (ORDER BY v) + 100, (rank() OVER (ORDER BY x))::text FROM ta ORDER BY v
WITH r AS (SELECT k, v, rank() OVER (PARTITION BY k ORDER BY v) AS rk FROM ta) SELECT k, v FROM r WHERE rk <= 1 ORDER BY v


-- case: win_unordered_results
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT k, sum(x) OVER (PARTITION BY k) FROM ta
SELECT row_number() OVER (), count(*) OVER () FROM ta
SELECT v, row_number() OVER (ORDER BY v) FROM ta


-- case: win_empty_input
SELECT row_number() OVER (), sum(x) OVER (), lag(x) OVER (ORDER BY k) FROM ta
SELECT count(*) OVER (), ntile(3) OVER () FROM ta WHERE false
SELECT sum(count(*)) OVER () FROM ta
SELECT k, sum(count(*)) OVER () FROM ta GROUP BY k


-- case: win_customers
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, city, count(*) OVER (PARTITION BY city) FROM customers ORDER BY id
SELECT id, sum(credit) OVER (ORDER BY id), avg(credit) OVER (PARTITION BY tier), max(signup) OVER (PARTITION BY active ORDER BY id) FROM customers ORDER BY id
SELECT id, rank() OVER (ORDER BY tier), dense_rank() OVER (ORDER BY tier), lag(name) OVER (ORDER BY signup NULLS FIRST, id) FROM customers ORDER BY id
SELECT id, first_value(name) OVER w, last_value(email) OVER w FROM customers WINDOW w AS (PARTITION BY city ORDER BY id) ORDER BY id
SELECT city, count(*), row_number() OVER (ORDER BY city) FROM customers GROUP BY city ORDER BY city
SELECT id, sum(credit) OVER (ORDER BY credit RANGE BETWEEN 300 PRECEDING AND 300 FOLLOWING), count(*) OVER (ORDER BY signup RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW) FROM customers ORDER BY id


-- case: win_placement_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT x FROM ta WHERE row_number() OVER () > 1
SELECT k FROM ta GROUP BY row_number() OVER ()
SELECT k FROM ta GROUP BY k HAVING rank() OVER () > 1
SELECT sum(row_number() OVER ()) FROM ta
SELECT sum(x) OVER (ORDER BY row_number() OVER ()) FROM ta
SELECT sum(x) OVER (PARTITION BY rank() OVER ()) FROM ta
SELECT sum(row_number() OVER ()) OVER () FROM ta
SELECT count(*) FILTER (WHERE row_number() OVER () > 1) FROM ta
SELECT sum(x) FILTER (WHERE rank() OVER () > 1) OVER () FROM ta
SELECT 1 FROM ta WINDOW w AS (PARTITION BY row_number() OVER ())
SELECT * FROM ta JOIN tb ON row_number() OVER () = 1
SELECT x FROM ta LIMIT row_number() OVER ()
VALUES (row_number() OVER ())
SELECT * FROM generate_series(1, row_number() OVER ())


-- case: win_call_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT row_number() FROM ta
SELECT ntile(2) FROM ta
SELECT lag(x) FROM ta
SELECT abs(x) OVER () FROM ta
SELECT nosuch(x) OVER () FROM ta
SELECT count(DISTINCT x) OVER () FROM ta
SELECT sum(x ORDER BY v) OVER () FROM ta
SELECT row_number() FILTER (WHERE true) OVER () FROM ta
SELECT row_number(x) OVER () FROM ta
SELECT sum(v) OVER () FROM ta
SELECT first_value(x, 2) OVER () FROM ta


-- case: win_output_names
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT row_number() OVER (ORDER BY v) AS n, rank() OVER (), sum(x) OVER () AS total, pg_catalog.row_number() OVER (ORDER BY v) FROM ta ORDER BY n
SELECT count(*) OVER () + 1, lag(v) OVER (ORDER BY v)::varchar(1) FROM ta ORDER BY 2 NULLS FIRST


-- case: win_basic_row_number
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, row_number() OVER () FROM customers WHERE id = 1
SELECT id, row_number() OVER (ORDER BY id DESC) FROM customers ORDER BY id


-- case: win_basic_partition_aggregate
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, city, count(*) OVER (PARTITION BY city) FROM customers ORDER BY id
SELECT id, sum(credit) OVER (ORDER BY id) FROM customers ORDER BY id


-- case: win_basic_rank_lag
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, rank() OVER (ORDER BY tier), dense_rank() OVER (ORDER BY tier) FROM customers ORDER BY id
SELECT id, lag(id) OVER (ORDER BY id), lead(id, 2) OVER (ORDER BY id) FROM customers ORDER BY id


-- case: win_basic_named
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, first_value(name) OVER w FROM customers WINDOW w AS (PARTITION BY city ORDER BY id) ORDER BY id


-- case: win_no_from
SELECT row_number() OVER (), sum(1) OVER (), lag(5) OVER ()
SELECT rank() OVER (ORDER BY 1), 1 AS one
SELECT x, row_number() OVER (ORDER BY x DESC) FROM (VALUES (3), (1), (2)) v(x) ORDER BY x


-- case: win_subqueries
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
INSERT INTO tb VALUES (1, 1, 'p'), (2, 2, 'q'), (2, 3, 'r'), (NULL, 4, 's')
SELECT v, (SELECT max(rn) FROM (SELECT row_number() OVER (PARTITION BY a.k) AS rn FROM tb b) s) FROM ta a ORDER BY v
SELECT v, (SELECT sum(b.x) OVER (PARTITION BY a.k) FROM tb b ORDER BY b.x LIMIT 1) FROM ta a ORDER BY v
SELECT v, lag((SELECT max(x) FROM tb)) OVER (ORDER BY v), sum(x) OVER (ORDER BY (SELECT 1)) FROM ta ORDER BY v
SELECT v FROM ta a WHERE x = (SELECT max(x) OVER () FROM tb b WHERE b.k = a.k LIMIT 1) ORDER BY v
SELECT k, v FROM ta WHERE (k, v) IN (SELECT k, first_value(v) OVER (PARTITION BY k ORDER BY v DESC) FROM ta) ORDER BY v


-- case: win_set_operations_and_cte
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
INSERT INTO tb VALUES (1, 1, 'p'), (2, 2, 'q'), (2, 3, 'r'), (NULL, 4, 's')
SELECT k, row_number() OVER (ORDER BY v) FROM ta UNION ALL SELECT k, rank() OVER (ORDER BY w) FROM tb ORDER BY 2, 1
WITH w AS (SELECT k, x, sum(x) OVER (PARTITION BY k) AS s FROM ta) SELECT a.k, a.s, b.s FROM w a JOIN w b ON a.k = b.k AND a.x < b.x ORDER BY 1, 2, 3
SELECT a.v, b.w, row_number() OVER (PARTITION BY a.k ORDER BY b.w, a.v) FROM ta a JOIN tb b USING (k) ORDER BY a.v, b.w
SELECT a.v, b.w, count(*) OVER (PARTITION BY b.k) FROM ta a LEFT JOIN tb b ON a.k = b.k ORDER BY a.v, b.w


-- case: win_writes_read_windows
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
INSERT INTO tb SELECT k, row_number() OVER (ORDER BY v), v FROM ta
SELECT * FROM tb ORDER BY x
UPDATE tb SET x = s.rn FROM (SELECT w, rank() OVER (ORDER BY w DESC) AS rn FROM tb) s WHERE s.w = tb.w
SELECT w, x FROM tb ORDER BY w
DELETE FROM tb WHERE w IN (SELECT w FROM (SELECT w, ntile(2) OVER (ORDER BY w) AS t FROM tb) s WHERE t = 1)
SELECT w, x FROM tb ORDER BY w


-- case: win_prepared
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
PREPARE p(int) AS SELECT v, sum(x) OVER (ORDER BY v ROWS $1 PRECEDING), ntile($1) OVER (ORDER BY v), lag(v, $1, 'none') OVER (ORDER BY v) FROM ta ORDER BY v
EXECUTE p(1)
EXECUTE p(3)
EXECUTE p(-1)
PREPARE q(int) AS SELECT v, sum(x) OVER (ORDER BY x RANGE BETWEEN $1 PRECEDING AND $1 FOLLOWING) FROM ta ORDER BY v
EXECUTE q(10)
EXECUTE q(NULL)


-- case: win_distinct_and_order_interplay
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT DISTINCT k, rank() OVER (ORDER BY k) FROM ta ORDER BY 2
SELECT DISTINCT ON (rank() OVER (ORDER BY k)) k, v FROM ta ORDER BY rank() OVER (ORDER BY k), v
SELECT DISTINCT sum(x) OVER (PARTITION BY k) FROM ta ORDER BY 1
SELECT v FROM ta ORDER BY count(*) OVER (PARTITION BY k) DESC, v
SELECT k, sum(x) OVER w AS s FROM ta WINDOW w AS (PARTITION BY k) ORDER BY s NULLS FIRST, k LIMIT 3


-- case: win_float_and_numeric_frames
INSERT INTO samples (id, f8, num, n52) VALUES (1, 0.1, 1.1, 1.10), (2, 0.2, 2.25, 2.25), (3, 0.3, 3, 3.00), (4, 0.7, 0.001, 0.01), (5, 1e300, 5.5, 5.50), (6, 1e300, -1, -1.00)
SELECT id, sum(f8) OVER (ORDER BY id ROWS 1 PRECEDING), avg(f8) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), sum(f8) OVER (ORDER BY id) FROM samples WHERE id < 5 ORDER BY id
SELECT id, avg(num) OVER (ORDER BY id ROWS 1 PRECEDING), sum(num) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), avg(n52) OVER (ORDER BY id ROWS 2 PRECEDING) FROM samples ORDER BY id
SELECT id, sum(f8) OVER (ORDER BY id ROWS 1 PRECEDING), avg(f8) OVER (ORDER BY id) FROM samples ORDER BY id
SELECT id, sum(f8) OVER (ORDER BY f8 RANGE BETWEEN 0.15 PRECEDING AND 0.15 FOLLOWING) FROM samples WHERE id < 5 ORDER BY id


-- case: win_srf_and_misc_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT sum(generate_series(1, 2)) OVER () FROM ta
SELECT generate_series(1, 2), row_number() OVER () FROM ta WHERE v = 'a'
SELECT row_number() OVER (ORDER BY nosuch) FROM ta
SELECT row_number() OVER (PARTITION BY '{}'::json) FROM ta
SELECT count(*) OVER () FROM ta GROUP BY k HAVING row_number() OVER () > 0
SELECT sum(x) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) FROM ta ORDER BY 1
SELECT x, rank() OVER (ORDER BY x), count(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP) FROM ta ORDER BY x, 3


-- case: win_views
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
CREATE VIEW vw AS SELECT v, k, row_number() OVER (PARTITION BY k ORDER BY v) AS rn, sum(x) OVER w AS s FROM ta WINDOW w AS (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW)
SELECT * FROM vw ORDER BY v
SELECT k, max(rn) FROM vw GROUP BY k ORDER BY k


-- case: win_group_by_primary_key
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', '')
SELECT c.id, c.name, count(o.id), rank() OVER (ORDER BY count(o.id) DESC, c.name), lag(c.name) OVER (ORDER BY c.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id ORDER BY c.id
SELECT status, count(*), sum(count(*)) OVER (), round(100.0 * count(*) / sum(count(*)) OVER (), 2) FROM orders GROUP BY status ORDER BY status
SELECT id, placed_at, count(*) OVER (ORDER BY placed_at RANGE BETWEEN '1 month' PRECEDING AND CURRENT ROW), first_value(id) OVER (ORDER BY ship_date NULLS FIRST RANGE BETWEEN '3 days' PRECEDING AND '3 days' FOLLOWING) FROM orders ORDER BY id


-- case: win_in_writes_errors
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
UPDATE ta SET x = row_number() OVER ()
UPDATE ta SET x = 1 WHERE row_number() OVER () > 1
DELETE FROM ta WHERE rank() OVER () = 1
INSERT INTO ta VALUES (row_number() OVER (), 1, 'z')
INSERT INTO ta (k) SELECT row_number() OVER () FROM tb
UPDATE ta SET x = 1 RETURNING row_number() OVER ()
CREATE TABLE tw (a int DEFAULT row_number() OVER ())
CREATE TABLE tw (a int CHECK (row_number() OVER () > 0))


-- case: win_more_edges
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c'), (2, 30, 'd'), (NULL, 40, 'e'), (2, NULL, 'f'), (NULL, NULL, 'g'), (3, 5, 'h')
SELECT lag(x, 2::bigint) OVER () FROM ta
SELECT v, sum(x) OVER (ORDER BY x::float8 RANGE BETWEEN 'infinity' PRECEDING AND CURRENT ROW) FROM ta ORDER BY v
SELECT v, sum(x) OVER (ORDER BY x::float8 RANGE BETWEEN 'NaN' PRECEDING AND CURRENT ROW) FROM ta ORDER BY v
SELECT v, count(*) OVER (ORDER BY x::numeric RANGE BETWEEN 'NaN' PRECEDING AND CURRENT ROW) FROM ta ORDER BY v
SELECT first_value(*) OVER () FROM ta
SELECT count(*) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), count(ta.*) OVER () FROM ta ORDER BY v
SELECT v, sum(x) OVER (PARTITION BY k ORDER BY x RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING EXCLUDE TIES) FROM ta ORDER BY v
SELECT v, last_value(v) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND CURRENT ROW EXCLUDE CURRENT ROW) FROM ta ORDER BY v
SELECT v, nth_value(v, 2) OVER (ORDER BY k NULLS FIRST, x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP) FROM ta ORDER BY v
SELECT x, count(*) OVER (ORDER BY x DESC NULLS FIRST RANGE BETWEEN 10 FOLLOWING AND 20 FOLLOWING), count(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 10 FOLLOWING AND UNBOUNDED FOLLOWING) FROM ta ORDER BY x, 2, 3
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 10 PRECEDING), count(*) OVER (ORDER BY x DESC RANGE BETWEEN 5 PRECEDING AND 5 PRECEDING) FROM ta ORDER BY x, 2, 3


-- case: win_view_columns
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c')
CREATE VIEW vw AS SELECT k, x, v, row_number() OVER (ORDER BY v) AS rn FROM ta
CREATE VIEW vw2 AS SELECT k, x, v FROM ta WINDOW w AS (ORDER BY v)
SELECT table_name, column_name, is_updatable FROM information_schema.columns WHERE table_name IN ('vw', 'vw2') ORDER BY 1, 2
SELECT * FROM vw ORDER BY v
SELECT * FROM vw2 ORDER BY v

-- case: win_order_by_jsonb
INSERT INTO ta VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 30, 'c')
SELECT row_number() OVER (ORDER BY '{}'::jsonb) FROM ta
SELECT v, rank() OVER (ORDER BY to_jsonb(x)) FROM ta ORDER BY v
