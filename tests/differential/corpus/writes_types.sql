-- schema: tests/differential/schemas/types.sql
-- Write path, type by type: what each input function of SPEC §7 accepts and
-- refuses when a literal lands in a table column through INSERT (assignment
-- coercion, typmods, whitespace, overflow edges, special values). RETURNING
-- shows what was stored; errors carry PostgreSQL's SQLSTATE, text, LINE and
-- caret. One line is one simple Query; every case starts from empty tables.

-- case: int_good
INSERT INTO ints VALUES (1, 1, 2, 3) RETURNING *
INSERT INTO ints VALUES (2, '  42 ', ' -7', '+9 ') RETURNING *
INSERT INTO ints (id, s, i, b) VALUES (3, -32768, -2147483648, -9223372036854775808) RETURNING s, i, b
INSERT INTO ints (id, s, i, b) VALUES (4, 32767, 2147483647, 9223372036854775807) RETURNING s, i, b
INSERT INTO ints (id, s, i, b) VALUES (5, '-32768', '-2147483648', '-9223372036854775808') RETURNING s, i, b
INSERT INTO ints (id, s, i, b) VALUES (6, '007', '-0', '+0') RETURNING s, i, b
INSERT INTO ints (id) VALUES (7) RETURNING *


-- case: int2_overflow
INSERT INTO ints (id, s) VALUES (1, 32768)
INSERT INTO ints (id, s) VALUES (2, '32768')
INSERT INTO ints (id, s) VALUES (3, -32769)
INSERT INTO ints (id, s) VALUES (4, '-32769')
INSERT INTO ints (id, s) VALUES (5, 1e5)
INSERT INTO ints (id, s) VALUES (6, 32767.4) RETURNING s
INSERT INTO ints (id, s) VALUES (7, 32767.5)
INSERT INTO ints (id, s) VALUES (8, -32768.5)


-- case: int4_overflow
INSERT INTO ints (id, i) VALUES (1, 2147483648)
INSERT INTO ints (id, i) VALUES (2, '2147483648')
INSERT INTO ints (id, i) VALUES (3, '-2147483649')
INSERT INTO ints (id, i) VALUES (4, 2147483647.5)
INSERT INTO ints (id, i) VALUES (5, 2147483647.49) RETURNING i
INSERT INTO ints (id, i) VALUES (6, 9223372036854775807)
INSERT INTO ints (id, i) VALUES (7, 99999999999999999999999)


-- case: int8_overflow
INSERT INTO ints (id, b) VALUES (1, 9223372036854775808)
INSERT INTO ints (id, b) VALUES (2, '9223372036854775808')
INSERT INTO ints (id, b) VALUES (3, '-9223372036854775809')
INSERT INTO ints (id, b) VALUES (4, -9223372036854775809)
INSERT INTO ints (id, b) VALUES (5, 9.3e18)
INSERT INTO ints (id, b) VALUES (6, 9223372036854775807.4) RETURNING b


-- case: int_bad_syntax
INSERT INTO ints (id, i) VALUES (1, 'N/A')
INSERT INTO ints (id, i) VALUES (2, '')
INSERT INTO ints (id, i) VALUES (3, '   ')
INSERT INTO ints (id, i) VALUES (4, '1e3')
INSERT INTO ints (id, i) VALUES (5, '4 2')
INSERT INTO ints (id, i) VALUES (6, '1.0')
INSERT INTO ints (id, i) VALUES (7, '0x1F')
INSERT INTO ints (id, i) VALUES (8, '1_000')
INSERT INTO ints (id, s) VALUES (9, '12abc')
INSERT INTO ints (id, b) VALUES (10, '--5')
INSERT INTO ints (id, b) VALUES (11, '+-5')


-- case: int_from_other_numbers
INSERT INTO ints (id, i) VALUES (1, 2.5) RETURNING i
INSERT INTO ints (id, i) VALUES (2, -2.5) RETURNING i
INSERT INTO ints (id, i) VALUES (3, 2.5::float8) RETURNING i
INSERT INTO ints (id, i) VALUES (4, 3.5::float8) RETURNING i
INSERT INTO ints (id, i) VALUES (5, 1e3) RETURNING i
INSERT INTO ints (id, s) VALUES (6, 7::bigint) RETURNING s
INSERT INTO ints (id, b) VALUES (7, 1e18::float4) RETURNING b
INSERT INTO ints (id, i) VALUES (8, 'NaN'::float8)
INSERT INTO ints (id, i) VALUES (9, 'NaN'::numeric)
INSERT INTO ints (id, b) VALUES (10, 'Infinity'::float8)


-- case: int_type_mismatch
INSERT INTO ints (id, i) VALUES (1, true)
INSERT INTO ints (id, i) VALUES (2, 'abc'::text)
INSERT INTO ints (id, i) VALUES (3, '5'::varchar)
INSERT INTO ints (id, i) VALUES (4, date '2024-01-01')
INSERT INTO ints (id, i) VALUES (5, '{1}'::int[])


-- case: numeric_good
INSERT INTO nums VALUES (1, 1.5, 123.456, 12.5, 0.00005) RETURNING *
INSERT INTO nums VALUES (2, '  -0.001  ', '-999.994', '-12.5', '123456.78905') RETURNING *
INSERT INTO nums (id, n) VALUES (3, 1e-20) RETURNING n
INSERT INTO nums (id, n) VALUES (4, '1e3') RETURNING n
INSERT INTO nums (id, n) VALUES (5, '.5') RETURNING n
INSERT INTO nums (id, n) VALUES (6, '5.') RETURNING n
INSERT INTO nums (id, n) VALUES (7, 12345678901234567890.123456789012345678901) RETURNING n
INSERT INTO nums (id, n52) VALUES (8, 0) RETURNING n52
INSERT INTO nums (id, n52) VALUES (9, '1.999') RETURNING n52
INSERT INTO nums (id, n30) VALUES (10, 999.4) RETURNING n30


-- case: numeric_overflow
INSERT INTO nums (id, n52) VALUES (1, 1000)
INSERT INTO nums (id, n52) VALUES (2, 999.995)
INSERT INTO nums (id, n52) VALUES (3, 999.994) RETURNING n52
INSERT INTO nums (id, n52) VALUES (4, '-1000')
INSERT INTO nums (id, n30) VALUES (5, 999.5)
INSERT INTO nums (id, n10) VALUES (6, 1000000)
INSERT INTO nums (id, n10) VALUES (7, 999999.99995)
INSERT INTO nums (id, n10) VALUES (8, 999999.99994) RETURNING n10


-- case: numeric_special
INSERT INTO nums (id, n, n52) VALUES (1, 'NaN', 'nan') RETURNING n, n52
INSERT INTO nums (id, n) VALUES (2, 'Infinity') RETURNING n
INSERT INTO nums (id, n) VALUES (3, '-inf') RETURNING n
INSERT INTO nums (id, n52) VALUES (4, 'Infinity')
INSERT INTO nums (id, n30) VALUES (5, '-Infinity')
INSERT INTO nums (id, n) VALUES (6, ' NaN ') RETURNING n
INSERT INTO nums (id, n) VALUES (7, 'Infinity'::float8) RETURNING n
INSERT INTO nums (id, n) VALUES (8, 'NaN'::float8) RETURNING n


-- case: numeric_bad_syntax
INSERT INTO nums (id, n) VALUES (1, 'abc')
INSERT INTO nums (id, n) VALUES (2, '1,5')
INSERT INTO nums (id, n) VALUES (3, '1e')
INSERT INTO nums (id, n) VALUES (4, '')
INSERT INTO nums (id, n) VALUES (5, '1.2.3')
INSERT INTO nums (id, n52) VALUES (6, '$1.00')
INSERT INTO nums (id, n) VALUES (7, '1e1000000')
INSERT INTO nums (id, n) VALUES (8, '- 1')


-- case: numeric_from_other_types
INSERT INTO nums (id, n52) VALUES (1, 1.005::float8) RETURNING n52
INSERT INTO nums (id, n52) VALUES (2, 12::smallint) RETURNING n52
INSERT INTO nums (id, n) VALUES (3, 0.1::float4) RETURNING n
INSERT INTO nums (id, n) VALUES (4, 'x'::text)
INSERT INTO nums (id, n) VALUES (5, false)


-- case: real_good
INSERT INTO floats (id, r) VALUES (1, 0.1) RETURNING r
INSERT INTO floats (id, r) VALUES (2, '3.4028235e38') RETURNING r
INSERT INTO floats (id, r) VALUES (3, '  1.5  ') RETURNING r
INSERT INTO floats (id, r) VALUES (4, '-0') RETURNING r
INSERT INTO floats (id, r) VALUES (5, '1.17549435e-38') RETURNING r
INSERT INTO floats (id, r) VALUES (6, 123456789) RETURNING r
INSERT INTO floats (id, r) VALUES (7, '1e-45') RETURNING r
INSERT INTO floats (id, r) VALUES (8, 16777217) RETURNING r


-- case: real_out_of_range
INSERT INTO floats (id, r) VALUES (1, '3.5e38')
INSERT INTO floats (id, r) VALUES (2, '-3.5e38')
INSERT INTO floats (id, r) VALUES (3, '1e-46')
INSERT INTO floats (id, r) VALUES (4, 3.5e38)
INSERT INTO floats (id, r) VALUES (5, 1e300::float8)
INSERT INTO floats (id, r) VALUES (6, 'abc')
INSERT INTO floats (id, r) VALUES (7, '1.5x')


-- case: double_good
INSERT INTO floats (id, d) VALUES (1, 0.1) RETURNING d
INSERT INTO floats (id, d) VALUES (2, '1.7976931348623157e308') RETURNING d
INSERT INTO floats (id, d) VALUES (3, '4.9e-324') RETURNING d
INSERT INTO floats (id, d) VALUES (4, 1/3::float8) RETURNING d
INSERT INTO floats (id, d) VALUES (5, '  -1.5e-3 ') RETURNING d
INSERT INTO floats (id, d) VALUES (6, 1e15) RETURNING d
INSERT INTO floats (id, d) VALUES (7, 1e16) RETURNING d
INSERT INTO floats (id, d) VALUES (8, 123456789.123456789) RETURNING d


-- case: double_out_of_range
INSERT INTO floats (id, d) VALUES (1, '1e309')
INSERT INTO floats (id, d) VALUES (2, '-1e309')
INSERT INTO floats (id, d) VALUES (3, '1e-400')
INSERT INTO floats (id, d) VALUES (4, 1e309)
INSERT INTO floats (id, d) VALUES (5, '')
INSERT INTO floats (id, d) VALUES (6, 'one')


-- case: float_special
INSERT INTO floats VALUES (1, 'NaN', 'nan') RETURNING *
INSERT INTO floats VALUES (2, 'Infinity', '-Infinity') RETURNING *
INSERT INTO floats VALUES (3, 'inf', '+inf') RETURNING *
INSERT INTO floats VALUES (4, '  infinity  ', ' -INF ') RETURNING *
INSERT INTO floats VALUES (5, 'NaN'::numeric, 'Infinity'::numeric) RETURNING *
INSERT INTO floats VALUES (6, 'infinit', 0)


-- case: float_extra_digits
SET extra_float_digits = 0
INSERT INTO floats VALUES (1, 0.1, 0.1) RETURNING *
INSERT INTO floats VALUES (2, 1/3::float4, 1/3::float8) RETURNING *
SET extra_float_digits = 3
INSERT INTO floats VALUES (3, 0.1, 0.1) RETURNING r::text, d::text
SET extra_float_digits = -15
INSERT INTO floats VALUES (4, 1.23456, 1.23456789) RETURNING r::text, d::text


-- case: varchar_lengths
INSERT INTO strs (id, v) VALUES (1, 'abcde') RETURNING v
INSERT INTO strs (id, v) VALUES (2, 'abcdef')
INSERT INTO strs (id, v) VALUES (3, 'abcde   ') RETURNING v, length(v)
INSERT INTO strs (id, v) VALUES (4, 'abcdef  ')
INSERT INTO strs (id, v) VALUES (5, 'ab   ') RETURNING v, length(v)
INSERT INTO strs (id, v) VALUES (6, '') RETURNING v, v IS NULL
INSERT INTO strs (id, v) VALUES (7, 'ééééé') RETURNING v, octet_length(v)
INSERT INTO strs (id, v) VALUES (8, 'éééééé')
INSERT INTO strs (id, v) VALUES (9, 'abcdef'::varchar(5)) RETURNING v
INSERT INTO strs (id, v) VALUES (10, 'abcdefgh'::text)
INSERT INTO strs (id, v) VALUES (11, 123456)
INSERT INTO strs (id, v) VALUES (12, 12345) RETURNING v


-- case: char_lengths
INSERT INTO strs (id, c) VALUES (1, 'ab') RETURNING c, length(c), octet_length(c)
INSERT INTO strs (id, c) VALUES (2, 'abcd')
INSERT INTO strs (id, c) VALUES (3, 'abc   ') RETURNING c
INSERT INTO strs (id, c) VALUES (4, '') RETURNING c, c = ''
INSERT INTO strs (id, c1) VALUES (5, 'x') RETURNING c1
INSERT INTO strs (id, c1) VALUES (6, 'xy')
INSERT INTO strs (id, c1) VALUES (7, 'x ') RETURNING c1
INSERT INTO strs (id, c) VALUES (8, 'ab'::char(2)) RETURNING c, c || '|'
INSERT INTO strs (id, c) VALUES (9, 'abcdef'::char(6))
INSERT INTO strs (id, c) VALUES (10, 'abcdef'::char(3)) RETURNING c


-- case: text_values
INSERT INTO strs (id, t) VALUES (1, 'it''s') RETURNING t
INSERT INTO strs (id, t) VALUES (2, E'tab\there\nnewline') RETURNING t
INSERT INTO strs (id, t) VALUES (3, 'back\slash') RETURNING t
INSERT INTO strs (id, t) VALUES (4, U&'\00e9t\00e9') RETURNING t
INSERT INTO strs (id, t) VALUES (5, $$dollar 'quoted'$$) RETURNING t
INSERT INTO strs (id, t) VALUES (6, 42) RETURNING t
INSERT INTO strs (id, t) VALUES (7, 1.50) RETURNING t
INSERT INTO strs (id, t) VALUES (8, true) RETURNING t
INSERT INTO strs (id, t) VALUES (9, date '2024-02-29') RETURNING t
INSERT INTO strs (id, vu) VALUES (10, repeat('x', 3000)) RETURNING length(vu)
INSERT INTO strs (id, t) VALUES (11, E'\x41\102') RETURNING t
INSERT INTO strs (id, t) VALUES (12, E'bad \xZZ') RETURNING t


-- case: bool_inputs
INSERT INTO bools VALUES (1, 't'), (2, 'true'), (3, 'yes'), (4, 'on'), (5, '1') RETURNING *
INSERT INTO bools VALUES (6, 'f'), (7, 'false'), (8, 'no'), (9, 'off'), (10, '0') RETURNING *
INSERT INTO bools VALUES (11, '  TRUE  '), (12, 'tr'), (13, 'y'), (14, 'of'), (15, 'N') RETURNING *
INSERT INTO bools VALUES (16, true), (17, NULL), (18, 1 < 2) RETURNING *


-- case: bool_bad
INSERT INTO bools VALUES (1, 'maybe')
INSERT INTO bools VALUES (2, 'o')
INSERT INTO bools VALUES (3, '')
INSERT INTO bools VALUES (4, '2')
INSERT INTO bools VALUES (5, 'truee')
INSERT INTO bools VALUES (6, 1)
INSERT INTO bools VALUES (7, 't'::text)
INSERT INTO bools VALUES (8, 'yes'::varchar)


-- case: date_good
INSERT INTO times (id, d) VALUES (1, '2024-02-29') RETURNING d
INSERT INTO times (id, d) VALUES (2, '  2024-01-05  ') RETURNING d
INSERT INTO times (id, d) VALUES (3, 'January 8, 1999') RETURNING d
INSERT INTO times (id, d) VALUES (4, '1999-Jan-08') RETURNING d
INSERT INTO times (id, d) VALUES (5, '1/8/1999') RETURNING d
INSERT INTO times (id, d) VALUES (6, '20240105') RETURNING d
INSERT INTO times (id, d) VALUES (7, '2024-1-5') RETURNING d
INSERT INTO times (id, d) VALUES (8, '4713-01-01 BC') RETURNING d::text
INSERT INTO times (id, d) VALUES (9, '5874897-12-31') RETURNING d::text
INSERT INTO times (id, d) VALUES (10, 'epoch') RETURNING d
INSERT INTO times (id, d) VALUES (11, 'infinity') RETURNING d
INSERT INTO times (id, d) VALUES (12, '-infinity') RETURNING d
INSERT INTO times (id, d) VALUES (13, '2000-02-29') RETURNING d
INSERT INTO times (id, d) VALUES (14, '2024-03-01 10:30') RETURNING d


-- case: date_bad
INSERT INTO times (id, d) VALUES (1, '2023-02-29')
INSERT INTO times (id, d) VALUES (2, '2024-02-30')
INSERT INTO times (id, d) VALUES (3, '2024-13-01')
INSERT INTO times (id, d) VALUES (4, '2024-00-10')
INSERT INTO times (id, d) VALUES (5, '1900-02-29')
INSERT INTO times (id, d) VALUES (6, 'not a date')
INSERT INTO times (id, d) VALUES (7, '')
INSERT INTO times (id, d) VALUES (8, '5874898-01-01')
INSERT INTO times (id, d) VALUES (9, '4714-11-23 BC')
INSERT INTO times (id, d) VALUES (10, '2024-04-31')
INSERT INTO times (id, d) VALUES (11, '13/01/2024')
INSERT INTO times (id, d) VALUES (12, 20240105)


-- case: timestamp_good
INSERT INTO times (id, ts) VALUES (1, '2024-02-29 23:59:59.999999') RETURNING ts
INSERT INTO times (id, ts) VALUES (2, '2024-02-29 24:00:00') RETURNING ts
INSERT INTO times (id, ts) VALUES (3, '2024-02-29T10:00:00') RETURNING ts
INSERT INTO times (id, ts) VALUES (4, '2024-01-01 10:00:00+05') RETURNING ts
INSERT INTO times (id, ts) VALUES (5, '2024-01-01 10:00:00.1234567') RETURNING ts
INSERT INTO times (id, ts) VALUES (6, '2024-01-01 10:00:00.9999995') RETURNING ts
INSERT INTO times (id, ts) VALUES (7, 'infinity') RETURNING ts
INSERT INTO times (id, ts) VALUES (8, 'epoch') RETURNING ts
INSERT INTO times (id, ts) VALUES (9, '2024-06-01') RETURNING ts
INSERT INTO times (id, ts) VALUES (10, date '2024-06-01') RETURNING ts
INSERT INTO times (id, ts) VALUES (11, '  2024-06-01   1:02:03 pm ') RETURNING ts
INSERT INTO times (id, ts) VALUES (12, '0001-01-01 00:00:00 BC') RETURNING ts::text


-- case: timestamp_bad
INSERT INTO times (id, ts) VALUES (1, '2024-02-29 24:00:01')
INSERT INTO times (id, ts) VALUES (2, '2024-02-29 25:00')
INSERT INTO times (id, ts) VALUES (3, '2023-02-29 10:00')
INSERT INTO times (id, ts) VALUES (4, '2024-01-01 10:60')
INSERT INTO times (id, ts) VALUES (5, 'yesterday-ish')
INSERT INTO times (id, ts) VALUES (6, '294277-01-01')
INSERT INTO times (id, ts) VALUES (7, '2024-01-01 10:00 nowhere')
INSERT INTO times (id, ts) VALUES (8, 1704067200)


-- case: timestamptz_good
INSERT INTO times (id, tstz) VALUES (1, '2024-01-01 10:00+05') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (2, '2024-01-01 10:00') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (3, '2024-01-01 10:00:00-03:30') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (4, '2024-07-01 12:00 Europe/Berlin') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (5, '2024-01-01 12:00 America/New_York') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (6, '2024-01-01 12:00 UTC') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (7, 'infinity') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (8, timestamp '2024-03-10 02:30') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (9, '2024-01-01 10:00:00.5+00') RETURNING tstz


-- case: timestamptz_session_zone
SET TimeZone = 'America/New_York'
INSERT INTO times (id, tstz) VALUES (1, '2024-01-01 10:00') RETURNING tstz
INSERT INTO times (id, tstz) VALUES (2, '2024-07-01 10:00') RETURNING tstz
INSERT INTO times (id, ts) VALUES (3, '2024-07-01 10:00+02'::timestamptz) RETURNING ts
SET TimeZone = '+05:30'
INSERT INTO times (id, tstz) VALUES (4, '2024-01-01 10:00') RETURNING tstz
SET TimeZone = 'UTC'
INSERT INTO times (id, tstz) VALUES (5, '2024-01-01 10:00') RETURNING tstz


-- case: timestamptz_bad
INSERT INTO times (id, tstz) VALUES (1, '2024-01-01 10:00 Mars/Olympus')
INSERT INTO times (id, tstz) VALUES (2, '2024-01-01 10:00+25')
INSERT INTO times (id, tstz) VALUES (3, '2024-02-30 10:00+00')
INSERT INTO times (id, tstz) VALUES (4, 'soon')


-- case: time_values
INSERT INTO times (id, tm) VALUES (1, '10:30') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (2, '24:00:00') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (3, '10:00 PM') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (4, 'allballs') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (5, '23:59:59.9999999') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (6, '2024-01-01 08:15:00') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (7, '08:15:00+02') RETURNING tm::text
INSERT INTO times (id, tm) VALUES (8, '24:00:01')
INSERT INTO times (id, tm) VALUES (9, '10:61')
INSERT INTO times (id, tm) VALUES (10, '25:00')
INSERT INTO times (id, tm) VALUES (11, 'noon')
INSERT INTO times (id, tm) VALUES (12, '23:59:60') RETURNING tm::text


-- case: interval_values
INSERT INTO times (id, iv) VALUES (1, '1 day 2 hours') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (2, '1-2') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (3, 'P1Y2M3DT4H5M6S') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (4, '@ 1 hour ago') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (5, '90 minutes') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (6, '1.5 days') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (7, '-1 day +2 hours') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (8, '10:00') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (9, '1 week 0.5 seconds') RETURNING iv::text
INSERT INTO times (id, iv) VALUES (10, '  3 mons  ') RETURNING iv::text


-- case: interval_bad
INSERT INTO times (id, iv) VALUES (1, 'abc')
INSERT INTO times (id, iv) VALUES (2, '1 fortnight')
INSERT INTO times (id, iv) VALUES (3, '2147483648 days')
INSERT INTO times (id, iv) VALUES (4, '300000000 years')
INSERT INTO times (id, iv) VALUES (5, '')
INSERT INTO times (id, iv) VALUES (6, 5)


-- case: uuid_values
INSERT INTO uuids VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11') RETURNING u
INSERT INTO uuids VALUES (2, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11') RETURNING u
INSERT INTO uuids VALUES (3, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}') RETURNING u
INSERT INTO uuids VALUES (4, 'a0eebc999c0b4ef8bb6d6bb9bd380a11') RETURNING u
INSERT INTO uuids VALUES (5, 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11') RETURNING u
INSERT INTO uuids VALUES (6, '00000000-0000-0000-0000-000000000000') RETURNING u
INSERT INTO uuids VALUES (7, gen_random_uuid()) RETURNING u IS NOT NULL, length(u::text)


-- case: uuid_bad
INSERT INTO uuids VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1')
INSERT INTO uuids VALUES (2, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111')
INSERT INTO uuids VALUES (3, 'xyz')
INSERT INTO uuids VALUES (4, ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO uuids VALUES (5, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 ')
INSERT INTO uuids VALUES (6, 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO uuids VALUES (7, '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO uuids VALUES (8, 'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11')
INSERT INTO uuids VALUES (9, '')
INSERT INTO uuids VALUES (10, 42)


-- case: json_values
INSERT INTO docs VALUES (1, '{"b": [1, 2], "a": 1}', '{"b": [1, 2], "a": 1}') RETURNING j::text, jb::text
INSERT INTO docs VALUES (2, '{"a":1,"a":2}', '{"a":1,"a":2}') RETURNING j::text, jb::text
INSERT INTO docs VALUES (3, '  [1, "x", null, true, 1.50, -0, 1e2]  ', '  [1, "x", null, true, 1.50, -0, 1e2]  ') RETURNING j::text, jb::text
INSERT INTO docs VALUES (4, 'null', 'null') RETURNING j IS NULL, jb IS NULL, jb::text
INSERT INTO docs VALUES (5, '"a\nb\u00e9"', '"a\nb\u00e9"') RETURNING j::text, jb::text
INSERT INTO docs VALUES (6, '{"long key": 1, "k": 2, "kk": 3}', '{"long key": 1, "k": 2, "kk": 3}') RETURNING jb::text
INSERT INTO docs VALUES (7, '{}', '[]') RETURNING j::text, jb::text
INSERT INTO docs VALUES (8, '12345678901234567890.1234567890', '12345678901234567890.1234567890') RETURNING j::text, jb::text
INSERT INTO docs VALUES (9, '"\u0000"', NULL) RETURNING j::text


-- case: json_bad
INSERT INTO docs (id, j) VALUES (1, '{"a":1')
INSERT INTO docs (id, jb) VALUES (2, '{"a":1')
INSERT INTO docs (id, j) VALUES (3, '{a:1}')
INSERT INTO docs (id, jb) VALUES (4, '[1, 2,]')
INSERT INTO docs (id, jb) VALUES (5, 'NaN')
INSERT INTO docs (id, jb) VALUES (6, '"\u0000"')
INSERT INTO docs (id, j) VALUES (7, '')
INSERT INTO docs (id, jb) VALUES (8, '{"a": tru}')
INSERT INTO docs (id, jb) VALUES (9, E'{"a":\n 1,\n "b": x}')
INSERT INTO docs (id, jb) VALUES (10, '"\uZZZZ"')
INSERT INTO docs (id, jb) VALUES (11, '"\ud83d"')
INSERT INTO docs (id, jb) VALUES (12, '{"a":1}'::json) RETURNING jb::text
INSERT INTO docs (id, j) VALUES (13, '[1]'::jsonb) RETURNING j::text
INSERT INTO docs (id, jb) VALUES (14, '{"a":1}'::text)


-- case: bytea_bad
INSERT INTO blobs VALUES (1, '\xZZ')
INSERT INTO blobs VALUES (2, '\x012')
INSERT INTO blobs VALUES (3, 'a\')
INSERT INTO blobs VALUES (4, 'a\9b')
INSERT INTO blobs VALUES (5, '\x01 2')
INSERT INTO blobs VALUES (6, 'abc'::text)
INSERT INTO blobs VALUES (7, 12)


-- case: array_bad
INSERT INTO arrs (id, ia) VALUES (1, '{1,2')
INSERT INTO arrs (id, ia) VALUES (2, '{1,a}')
INSERT INTO arrs (id, ia) VALUES (3, '1,2')
INSERT INTO arrs (id, ia) VALUES (4, '{1,2}}')
INSERT INTO arrs (id, ia) VALUES (5, '{2147483648}')
INSERT INTO arrs (id, na) VALUES (6, '{1.25, 999.95}')
INSERT INTO arrs (id, va) VALUES (7, '{abcd}')
INSERT INTO arrs (id, da) VALUES (8, '{2024-02-29, 2023-02-29}')
INSERT INTO arrs (id, ba) VALUES (9, '{t, maybe}')
INSERT INTO arrs (id, ia) VALUES (10, ARRAY['1', '2'])
INSERT INTO arrs (id, ia) VALUES (11, 5)
INSERT INTO arrs (id, ia) VALUES (12, ARRAY['a'])
INSERT INTO arrs (id, ia) VALUES (13, '{"1"')


-- case: nulls_everywhere
INSERT INTO ints VALUES (1, NULL, NULL, NULL) RETURNING *
INSERT INTO nums VALUES (1, NULL, NULL, NULL, NULL) RETURNING *
INSERT INTO strs VALUES (1, NULL, NULL, NULL, NULL, NULL) RETURNING *
INSERT INTO times VALUES (1, NULL, NULL, NULL, NULL, NULL) RETURNING *
INSERT INTO docs VALUES (1, NULL, NULL) RETURNING *
INSERT INTO arrs VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL) RETURNING *
INSERT INTO bag VALUES (NULL, NULL, NULL) RETURNING *
INSERT INTO bag DEFAULT VALUES RETURNING *


-- case: bag_duplicates_allowed
INSERT INTO bag VALUES (1, 'a', 1.5), (1, 'a', 1.5), (1, 'a', 1.5) RETURNING *
INSERT INTO bag (c) VALUES (1234.567) RETURNING c
INSERT INTO bag (c) VALUES (10000)
INSERT INTO bag (b, a) VALUES ('x', 2) RETURNING a, b, c


-- case: date_today_is_not_printed
INSERT INTO times (id, d) VALUES (1, 'today') RETURNING d = current_date
INSERT INTO times (id, d) VALUES (2, 'tomorrow') RETURNING d - current_date
INSERT INTO times (id, d) VALUES (3, current_date) RETURNING d = 'today'::date


-- case: date_special_words
INSERT INTO times (id, d) VALUES (4, 'yesterday') RETURNING d - current_date, d < 'now'::date
INSERT INTO times (id, d) VALUES (5, ' NOW ') RETURNING d = current_date
INSERT INTO times (id, d) VALUES (6, 'epoch'), (7, 'infinity'), (8, '-infinity'), (9, ' Epoch ') RETURNING d
INSERT INTO times (id, d) VALUES (10, 'today 10:00') RETURNING d = current_date
INSERT INTO times (id, d) VALUES (11, 'today tomorrow')
INSERT INTO times (id, d) VALUES (12, 'now 2024-01-01')
INSERT INTO times (id, d) VALUES (13, 'allballs')
INSERT INTO times (id, d) VALUES (14, 'tomorrow BC')


-- case: timestamp_special_words
INSERT INTO times (id, ts, tstz) VALUES (1, 'now', 'now') RETURNING tstz = now(), ts = now()::timestamp, ts = localtimestamp
INSERT INTO times (id, ts, tstz) VALUES (2, 'today', 'today') RETURNING ts = current_date::timestamp, tstz = current_date::timestamptz
INSERT INTO times (id, ts, tstz) VALUES (3, 'tomorrow', 'yesterday') RETURNING ts - current_date::timestamp, tstz - current_date::timestamptz
INSERT INTO times (id, ts, tstz) VALUES (4, 'today 12:30', 'tomorrow 00:00:01+02') RETURNING ts - current_date::timestamp, tstz - current_date::timestamptz
INSERT INTO times (id, ts, tstz) VALUES (5, 'epoch', 'epoch'), (6, 'infinity', '-infinity'), (7, '-infinity', 'infinity') RETURNING ts, tstz
INSERT INTO times (id, ts, tstz) VALUES (8, 'now 10:00', 'now')
INSERT INTO times (id, tm) VALUES (9, 'now') RETURNING tm = localtime, tm = now()::time
INSERT INTO times (id, tm) VALUES (10, 'allballs'), (11, 'ALLBALLS') RETURNING tm
INSERT INTO times (id, tm) VALUES (12, 'today')
SET TimeZone = 'Pacific/Kiritimati'
INSERT INTO times (id, d, ts, tstz) VALUES (13, 'today', 'now', 'today') RETURNING d = current_date, ts = localtimestamp, tstz = current_date::timestamptz
SET TimeZone = 'America/Los_Angeles'
INSERT INTO times (id, d, ts, tstz) VALUES (14, 'today', 'now', 'now') RETURNING d = current_date, ts = localtimestamp, tstz = now()
SELECT 'now'::timestamptz = now(), 'today'::date = current_date, 'tomorrow'::date - 'yesterday'::date


-- case: now_is_the_transaction_start
BEGIN
INSERT INTO times (id, tstz) VALUES (1, 'now') RETURNING tstz = now()
INSERT INTO times (id, tstz) VALUES (2, 'now') RETURNING tstz = now(), tstz = transaction_timestamp()
UPDATE times SET ts = 'now' WHERE tstz = 'now' RETURNING id, ts = localtimestamp
COMMIT
UPDATE times SET d = 'today' WHERE tstz < 'now' RETURNING id, d = current_date


-- case: bytea_values
INSERT INTO blobs VALUES (1, '\x0102ff') RETURNING b
INSERT INTO blobs VALUES (2, '\xDEADbeef') RETURNING b, length(b)
INSERT INTO blobs VALUES (3, 'abc') RETURNING b
INSERT INTO blobs VALUES (4, 'a\000b') RETURNING b, length(b)
INSERT INTO blobs VALUES (5, 'a\\b') RETURNING b
INSERT INTO blobs VALUES (6, '\x') RETURNING b, length(b)
INSERT INTO blobs VALUES (7, '\x 01 02 ') RETURNING b
INSERT INTO blobs VALUES (8, 'é') RETURNING b
INSERT INTO blobs VALUES (9, '\x0102ff') RETURNING b::text
SET bytea_output = 'escape'
INSERT INTO blobs VALUES (10, '\x00410aff5c') RETURNING b::text

-- case: int_hex_literal_is_syntax
INSERT INTO ints (id, i) VALUES (1, 0x1F)
INSERT INTO ints (id, i) VALUES (1, 1_000)
SELECT 1 AS x, 5y
SELECT 1e5x, 2
SELECT 1.5abc
SELECT $1x
SELECT 'a1b', "i" FROM ints WHERE id = 1 /* 5y */ -- 7z
SELECT 1; SELECT 2x
SELECT 1 +; SELECT 2x
SELECT 12ü
SELECT 1::int4x

-- case: text_invalid_escapes
INSERT INTO strs (id, t) VALUES (1, E'\u00')
INSERT INTO strs (id, t) VALUES (2, E'\000')
INSERT INTO strs (id, t) VALUES (3, U&'\d800')
INSERT INTO strs (id, t) VALUES (4, 'unterminated)
SELECT U&'\zz'
SELECT E'\ud83dx'
SELECT E'\U00110000'
SELECT E'\x00'
SELECT 1, E'\u12'


-- case: array_good
INSERT INTO arrs (id, ia) VALUES (1, '{1,2,3}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (2, '{}') RETURNING ia, cardinality(ia)
INSERT INTO arrs (id, ia) VALUES (3, ' { 1 , NULL , 3 } ') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (4, ARRAY[4, 5]) RETURNING ia
INSERT INTO arrs (id, ta) VALUES (5, '{"a b","c,d","e\"f",NULL,"NULL",""}') RETURNING ta
INSERT INTO arrs (id, ta) VALUES (6, ARRAY['x', NULL, 'y z']) RETURNING ta
INSERT INTO arrs (id, na) VALUES (7, '{1.25, 2.35, -0.05}') RETURNING na
INSERT INTO arrs (id, va) VALUES (8, '{ab, "abc  "}') RETURNING va
INSERT INTO arrs (id, ba) VALUES (9, '{t,f,yes,NULL}') RETURNING ba
INSERT INTO arrs (id, da) VALUES (10, '{2024-02-29,infinity}') RETURNING da::text
INSERT INTO arrs (id, ia) VALUES (11, '[0:1]={7,8}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (12, ARRAY[]::integer[]) RETURNING ia
INSERT INTO arrs (id, ia) VALUES (13, ARRAY[1.6, 2.4]) RETURNING ia


-- case: array_multidim
INSERT INTO arrs (id, ia) VALUES (1, '{{1,2},{3,4}}') RETURNING ia
INSERT INTO arrs (id, ia) VALUES (2, '{{1,2},{3}}')
INSERT INTO arrs (id, ia) VALUES (3, ARRAY[[1],[2]]) RETURNING ia
