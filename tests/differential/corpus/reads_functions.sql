-- schema: tests/differential/schemas/reads.sql
-- Functions over table columns (NULLs, char padding, unicode): lower,
-- upper, initcap, length/char_length/octet_length, trim/btrim/ltrim/rtrim,
-- substring/substr, position/strpos, replace, left/right, lpad/rpad,
-- repeat, reverse, split_part, starts_with, concat/concat_ws/||, format,
-- coalesce, nullif, greatest, least, abs, round, floor, ceil, trunc, mod,
-- power, sqrt, sign, div, date_trunc, extract/date_part, age with two
-- arguments, make_date, to_char, and now()/current_date used only in ways
-- whose answer does not depend on the clock; encode/decode (hex, base64
-- with its 76-character lines, escape) and their errors; sha224/256/384/512,
-- to_hex, gcd/lcm of integers, bit_length, quote_nullable, OVERLAY,
-- convert_to/convert_from in UTF8 (with pg_verify_mbstr's errors),
-- num_nulls/num_nonnulls.

-- case: fn_length
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, length(name), char_length(city), octet_length(email), length(tier) FROM customers
SELECT length('Ünïcödé'), octet_length('Ünïcödé'), length(''), length(NULL)
SELECT length('ab  '::char(5)), octet_length('ab  '::char(5)), length('ab  '::varchar)


-- case: fn_trim
SELECT trim('  x  '), btrim('  x  '), ltrim('  x  '), rtrim('  x  ')
SELECT trim(both 'x' from 'xxaxx'), trim(leading 'x' from 'xxaxx'), trim(trailing 'x' from 'xxaxx')
SELECT btrim('xyaxy', 'xy'), ltrim('xyaxy', 'yx'), rtrim('xyaxy', 'y')
SELECT trim(NULL), btrim('abc', NULL), trim('' from 'abc')
SELECT '[' || trim(E'\t x \n') || ']'


-- case: fn_trim_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, trim(both 'a' from lower(name)), rtrim(email, '.comrg') FROM customers


-- case: fn_position
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, position('e' in name), strpos(email, '@') FROM customers
SELECT position('' in 'abc'), position('z' in 'abc'), strpos('abcabc', 'ca'), position(NULL in 'a')


-- case: fn_replace_and_friends
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, replace(email, 'example', 'ex') FROM customers
SELECT replace('aaa', 'a', 'bb'), replace('abc', '', 'x'), replace('abc', 'b', NULL)
SELECT left('hello', 2), right('hello', 2), left('hello', -2), right('hello', -2), left('hi', 10)
SELECT lpad('7', 3, '0'), rpad('ab', 5, 'xy'), lpad('hello', 2), rpad('', 3), lpad('x', 4, '')
SELECT repeat('ab', 3), repeat('x', 0), repeat('x', -1), reverse('abc'), reverse('')


-- case: fn_split_part_starts_with
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, split_part(email, '@', 1), split_part(email, '@', 2), split_part(email, '@', 3) FROM customers
SELECT split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -3), split_part('abc', '', 1)
SELECT split_part('a,b', ',', 0)
SELECT starts_with('hello', 'he'), starts_with('hello', ''), starts_with(NULL, 'a')


-- case: fn_concat
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, concat(name, '-', city, '-', tier), concat_ws('/', name, city, tier) FROM customers
SELECT concat(NULL), concat(1, true, 2.50, NULL, date '2024-01-02')
SELECT concat()
SELECT concat_ws(',', 'a', NULL, 'b'), concat_ws(NULL, 'a', 'b'), concat_ws('', 1, 2)
SELECT id, name || city, name || ' ' || coalesce(city, '?'), 'n=' || id, id || ''::text || credit FROM customers
SELECT id || credit FROM customers


-- case: fn_concat_operator_types
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT tier || tier, tier || 'x', 'x' || tier FROM customers WHERE id = 1
SELECT email || 1, 1 || email FROM customers WHERE id = 1
SELECT signup || '' FROM customers WHERE id = 1
SELECT active || '!' FROM customers WHERE id = 1
SELECT 1 || 2


-- case: fn_coalesce_nullif
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, coalesce(city, email, name), coalesce(credit, 0), nullif(city, 'London'), nullif(credit, 0) FROM customers
SELECT coalesce(NULL, NULL), coalesce(NULL, 1, 2), coalesce(1, 1 / 0)
SELECT nullif(1, 1), nullif(1, 2), nullif(NULL, 1), nullif('a', NULL)
SELECT coalesce(id, 'x') FROM customers
SELECT coalesce(credit, id, 0.5) FROM customers WHERE id IN (3, 4)


-- case: fn_greatest_least
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, greatest(credit, 0), least(credit, 100), greatest(city, email), least(id, 3) FROM customers
SELECT greatest(1, NULL, 3), least(NULL, NULL::int), greatest(1, 2.5, 2), least('b', 'a', 'c')
SELECT greatest(1, 'x')
SELECT greatest(signup, date '2023-06-01') FROM customers


-- case: fn_abs_sign
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, abs(credit), sign(credit), abs(-id), abs(id::float8 * -1.5) FROM customers
SELECT abs(-2147483648)
SELECT abs(-9223372036854775807 - 1)
SELECT abs(-32768::smallint)


-- case: fn_round
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, round(credit), round(credit, 1), round(credit, -2), round(credit / 3, 4) FROM customers
SELECT round(2.5), round(-2.5), round(3.5), round(0.5::float8), round(1.5::float8), round(2.5::float8), round(-0.5::float8)
SELECT round(1234.5678, -2), round(1234.5678, 2), round(5, -1), round(15, -1), round(-15, -1)
SELECT round(12.5::real), round(id) FROM customers WHERE id = 1
SELECT round(1.5::float8, 1)


-- case: fn_floor_ceil_trunc
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, floor(credit), ceil(credit), ceiling(credit), trunc(credit), trunc(credit, 1) FROM customers
SELECT floor(-1.5), ceil(-1.5), trunc(-1.5), floor(1.5::float8), ceil(-0.5::float8), trunc(-1.7::float8)
SELECT trunc(1234.5678, -2), trunc(1234.5678, 2), floor(5), ceil(5)
SELECT ceil(-0.5::float8)::text, floor(-0.0::float8)::text


-- case: fn_mod_div
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, mod(id, 4), id % 4, mod(-id, 4), div(id, 4) FROM customers
SELECT mod(10.5, 3), mod(-10.5, 3), 10.5 % 3, div(10.5, 3), div(-7, 2), mod(-7, 2)
SELECT mod(5, 0)
SELECT 5.0 % 0
SELECT -7 / 2, -7 % 2, 7 / -2


-- case: fn_numeric_on_columns
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku, price * stock, round(price * 1.2, 2), price / nullif(stock, 0), weight * 2, rating / 2 FROM products
SELECT sku, price::float8 * weight FROM products WHERE weight IS NOT NULL


-- case: fn_date_trunc
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id, date_trunc('month', placed_at), date_trunc('day', placed_at), date_trunc('hour', placed_at) FROM orders
SELECT date_trunc('year', signup), date_trunc('week', signup), date_trunc('quarter', signup) FROM customers
SELECT date_trunc('minute', timestamp '2024-03-10 12:34:56.789'), date_trunc('second', timestamp '2024-03-10 12:34:56.789'), date_trunc('millisecond', timestamp '2024-03-10 12:34:56.789123')
SELECT date_trunc('decade', timestamp '2024-03-10'), date_trunc('century', timestamp '2024-03-10'), date_trunc('millennium', timestamp '2024-03-10')
SELECT date_trunc('fortnight', timestamp '2024-03-10')
SELECT date_trunc('day', interval '2 days 3 hours'), date_trunc('hour', interval '1 day 02:34:56')


-- case: fn_extract
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id, extract(year from placed_at), extract(month from placed_at), extract(day from placed_at), extract(hour from placed_at) FROM orders
SELECT extract(dow from signup), extract(isodow from signup), extract(doy from signup), extract(week from signup), extract(quarter from signup) FROM customers WHERE signup IS NOT NULL
SELECT extract(epoch from timestamp '2024-01-01 00:00:00'), extract(epoch from timestamptz '2024-01-01 00:00:00+00'), extract(epoch from interval '1 day 1 second')
SELECT extract(second from timestamp '2024-01-01 00:00:12.5'), extract(milliseconds from time '00:00:12.5'), extract(microseconds from interval '1.000001 seconds')
SELECT extract(century from date '2000-12-31'), extract(millennium from date '2001-01-01'), extract(decade from date '1999-01-01'), extract(isoyear from date '2021-01-01')
SELECT extract(timezone from timestamptz '2024-01-01 00:00:00+00'), extract(julian from date '2024-01-01')


-- case: fn_extract_errors
SELECT extract(fortnight from timestamp '2024-01-01')
SELECT extract(hour from date '2024-01-01')
SELECT extract(year from time '10:00')


-- case: fn_date_part
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT date_part('year', signup), date_part('month', signup), date_part('day', signup) FROM customers WHERE id = 1
SELECT date_part('epoch', placed_at), date_part('minute', placed_at) FROM orders WHERE id = 12
SELECT date_part('day', interval '40 days'), date_part('month', interval '14 months'), date_part('year', interval '14 months')
SELECT date_part('dow', timestamp '2024-03-10 00:00')


-- case: fn_age
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT age(timestamp '2024-03-01', timestamp '2023-01-15'), age(timestamp '2024-01-01', timestamp '2024-03-01 12:00')
SELECT age(date '2024-02-29', date '2023-02-28'), age(timestamptz '2024-03-10 00:00+00', timestamptz '2024-01-31 00:00+00')
SELECT o.id, age(o.placed_at, c.signup::timestamptz) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id IN (10, 12)
SELECT age(timestamp '2024-01-31', timestamp '2024-02-29'), age(timestamp '2020-02-29', timestamp '2024-02-28')


-- case: fn_now_deterministic
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT now() = now(), now() = CURRENT_TIMESTAMP, now() > '2020-01-01', current_date > '2020-01-01'
SELECT count(*) FROM orders WHERE placed_at < now()
SELECT now() - now(), current_date - current_date, pg_typeof(now()), pg_typeof(current_date), pg_typeof(localtimestamp)
SELECT count(*) FROM customers WHERE signup < current_date + 1
SELECT transaction_timestamp() = statement_timestamp() OR true, now()::date = current_date


-- case: fn_now_in_transaction
BEGIN
SELECT now() = transaction_timestamp()
SELECT now() = (SELECT now())
COMMIT


-- case: fn_date_arithmetic_on_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id, signup + 30, signup - date '2023-01-01', signup + interval '1 month' FROM customers
SELECT id, ship_date - placed_at::date, placed_at + interval '1 day', placed_at - interval '1 hour' FROM orders
SELECT date '2024-01-31' + interval '1 month', date '2024-03-31' - interval '1 month', timestamp '2024-02-29' + interval '1 year'
SELECT id, ship_date - 1, ship_date + NULL::int FROM orders WHERE ship_date IS NOT NULL


-- case: fn_function_errors
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT lower(id) FROM customers
SELECT length(id) FROM customers
SELECT nosuchfn(name) FROM customers
SELECT substring(name, 'x', 1) FROM customers
SELECT upper() FROM customers
SELECT round(credit, 'x') FROM customers


-- case: fn_nested_on_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, upper(substring(coalesce(city, 'none') from 1 for 3)) || '-' || lpad(id::text, 3, '0') FROM customers
SELECT id, length(trim(both ' ' from concat(name, '  '))) FROM customers
SELECT id, round(abs(coalesce(credit, 0)) / greatest(id, 1), 2) FROM customers


-- case: fn_string_compare_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE lower(name) = 'fay'
SELECT id FROM customers WHERE upper(left(name, 1)) = 'A'
SELECT id FROM customers WHERE length(coalesce(email, '')) > 15
SELECT id FROM customers WHERE position('@' in email) > 0 AND email LIKE '%.com'


-- case: fn_date_functions_time_zone
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SET TimeZone = 'America/New_York'
SELECT id, date_trunc('day', placed_at)::text, extract(hour from placed_at), placed_at::date FROM orders
SELECT date_trunc('month', timestamptz '2024-03-31 23:00:00+00')::text
RESET TimeZone


-- case: fn_interval_arithmetic_on_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id, placed_at - (ship_date::timestamptz), (ship_date - placed_at::date) * interval '1 day' FROM orders WHERE ship_date IS NOT NULL
SELECT id, age(ship_date::timestamp, placed_at::timestamp) FROM orders WHERE ship_date IS NOT NULL
SELECT max(ship_date - placed_at::date), min(placed_at) - max(placed_at) FROM orders


-- case: fn_set_returning_in_select_list
SELECT generate_series(1, 3)
SELECT unnest(ARRAY[1, 2, NULL])
-- case: fn_case_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, lower(name), upper(name), initcap(name) FROM customers
SELECT lower(city), upper(city) FROM customers WHERE city IS NULL
SELECT upper('straße'), lower('ÀÉÎ'), initcap('hello wORLD-foo bar_baz')



-- case: fn_scalar_function_in_from
SELECT * FROM upper('abc')
SELECT x FROM lower('ABC') AS x
SELECT f.* FROM length('hello') AS f, generate_series(1, 2) AS g ORDER BY g
SELECT * FROM pg_sleep(0)
SELECT c FROM abs(-3) AS t(c)
SELECT * FROM upper('a') WITH ORDINALITY


-- case: regexp_replace
SELECT regexp_replace('foobarbaz', 'b..', 'X'), regexp_replace('foobarbaz', 'b..', 'X', 'g')
SELECT regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1'), regexp_replace('abc', 'b', '[\&]'), regexp_replace('abc', 'B', 'x', 'i'), regexp_replace('abc', 'B', 'x', 'ic')
SELECT regexp_replace('a.b.c', '\.', '\\', 'g'), regexp_replace('abc', 'x', 'y'), regexp_replace(NULL, 'a', 'b'), regexp_replace('phone: 555-1234', '[^0-9]', '', 'g')
SELECT regexp_replace('aaa', 'a', 'b', 'z')
SELECT regexp_replace('abc', '(b', 'x')
SELECT regexp_replace('a1b22c333', '\d+', '<\&>', 'g'), regexp_replace('x', '(a)|x', '[\1]')


-- case: fn_to_char
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT to_char(signup, 'YYYY-MM-DD'), to_char(signup, 'DD Mon YYYY'), to_char(signup, 'Day') FROM customers WHERE id = 1
SELECT to_char(placed_at, 'YYYY-MM-DD HH24:MI:SS TZ') FROM orders WHERE id = 12
SELECT to_char(credit, 'FM999990.00'), to_char(credit, '9,999.99') FROM customers WHERE credit IS NOT NULL
SELECT to_char(1234.5, '99999.99'), to_char(-0.5, 'S0.9'), to_char(42, '000')


-- case: fn_format
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT format('%s lives in %s', name, city) FROM customers
SELECT format('%I.%L', 'My Table', E'it''s'), format('%L', NULL), format('%s|%-5s|%5s', 'a', 'b', 'c')
SELECT format('%2$s %1$s', 'world', 'hello'), format('100%%')
SELECT format('%s %s', 'only one')


-- case: fn_substring
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, substring(name from 2), substring(name from 1 for 2), substr(name, 2, 1) FROM customers
SELECT substring('hello' from 0 for 3), substring('hello' from -1 for 3), substr('hello', 10)
SELECT substring('hello', 2), substr('hello', 2, 0), substring('hello' for 2)
SELECT substr('hello', 1, -1)
SELECT substring('hello' from 'l+'), substring('abc123' from '[0-9]+')


-- case: encode_decode
SELECT encode('\x00ff10'::bytea, 'hex'), encode('hello'::bytea, 'HEX'), encode(''::bytea, 'hex')
SELECT encode('hello'::bytea, 'base64'), encode('hell'::bytea, 'base64'), encode('he'::bytea, 'base64'), encode(''::bytea, 'base64')
SELECT encode(repeat('abc', 19)::bytea, 'base64'), encode(repeat('abc', 40)::bytea, 'base64'), encode(repeat('x', 56)::bytea, 'base64')
SELECT encode('a\\b\x00\x01\xfe'::bytea, 'escape'), encode('é'::bytea, 'escape')
SELECT decode('00ff10', 'hex'), decode(' 00 FF ', 'hex'), decode('aGVsbG8=', 'base64'), decode(E'aGVs\nbG8=', 'base64'), decode('aGVsbA==', 'base64'), decode('a\\b\000\376', 'escape')
SELECT decode('0g', 'hex')
SELECT decode('abc', 'hex')
SELECT decode('aGVsbG8', 'base64')
SELECT decode('aG=sbG8=', 'base64')
SELECT decode('aGV*bG8=', 'base64')
SELECT decode('a\\q', 'escape')
SELECT encode('x'::bytea, 'rot13')
SELECT decode('x', 'base32')
SELECT encode(NULL, 'hex'), decode(NULL, 'hex'), encode('x'::bytea, NULL)
SELECT encode(decode(encode(b::bytea, 'base64'), 'base64'), 'hex') FROM (VALUES ('\x0102'), ('\xdeadbeef'), ('\x')) v(b)


-- case: hashes_hex_gcd_overlay
SELECT encode(sha224('abc'), 'hex'), encode(sha256('abc'::bytea), 'hex'), encode(sha384(''), 'hex'), encode(sha512('\x00ff'::bytea), 'hex')
SELECT to_hex(255), to_hex(-1), to_hex(0), to_hex(2147483647), to_hex(-2147483648), to_hex(9223372036854775807), to_hex(-9223372036854775808::int8), to_hex(-1::int8)
SELECT gcd(12, 18), gcd(-12, 18), gcd(0, 0), gcd(0, -5), gcd(12::int8, -18::int8), lcm(4, 6), lcm(-4, 6), lcm(0, 5), lcm(4::int8, 6)
SELECT gcd(-2147483648, 0)
SELECT gcd(-2147483648, -2147483648)
SELECT gcd(-2147483648, 2)
SELECT lcm(2147483647, 2)
SELECT lcm(-2147483648, 1)
SELECT gcd((-9223372036854775807 - 1)::int8, 0::int8)
SELECT lcm(9223372036854775807::int8, 2::int8)
SELECT bit_length('abc'), bit_length('é'), bit_length('\x0102'::bytea), bit_length(''::text)
SELECT quote_nullable(NULL::text), quote_nullable('it''s'), quote_nullable('a\b'), quote_nullable('')
SELECT overlay('abcdef' placing 'XY' from 2 for 3), overlay('abcdef' placing 'XY' from 2), overlay('abc' placing 'Z' from 5), overlay('abcdef' placing 'X' from 2 for -1), overlay('abcdef' placing '' from 1 for 0)
SELECT overlay('\x010203'::bytea placing '\xff'::bytea from 2), overlay('\x010203'::bytea placing '\xff'::bytea from 2 for 2)
SELECT overlay('abc' placing 'X' from 0)
SELECT overlay('abc' placing 'X' from 2147483647 for 1)
SELECT overlay('abc' placing 'X' from -1 for 1)


-- case: convert_to_from_utf8
SELECT convert_to('héllo', 'UTF8'), convert_to('x', 'utf-8'), convert_to('x', 'Unicode'), convert_from('\x68c3a96c6c6f'::bytea, 'UTF8'), convert_from(''::bytea, 'utf8')
SELECT convert_from('\xc328'::bytea, 'UTF8')
SELECT convert_from('\x61ff62'::bytea, 'UTF8')
SELECT convert_from('\x6100'::bytea, 'UTF8')
SELECT convert_from('\x61e282'::bytea, 'UTF8')
SELECT convert_from('\xeda080'::bytea, 'UTF8')
SELECT convert_from('\xf0908080f4908080'::bytea, 'UTF8')
SELECT convert_to('x', 'no_such_encoding')
SELECT convert_from('x'::bytea, 'bogus')
SELECT convert_from(NULL, 'UTF8'), convert_to(NULL, 'UTF8')


-- case: misc_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT md5(name) FROM customers WHERE id = 1
SELECT md5(''), ascii('A'), chr(65), chr(8364), to_hex(255), to_hex(-1)
SELECT quote_ident('a b'), quote_literal('it''s'), quote_nullable(NULL)


-- case: num_nulls
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id, num_nulls(email, city, tier), num_nonnulls(email, city, tier, id) FROM customers ORDER BY id
SELECT num_nulls(1, NULL, 'a', NULL::date), num_nonnulls(1, NULL, 'a'), num_nulls(NULL), num_nonnulls(NULL)
SELECT num_nulls()
