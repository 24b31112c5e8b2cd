-- time with time zone (timetz): input (explicit offsets, abbreviations,
-- named zones, the session zone on the transaction's date when none is
-- given), output under every DateStyle, typmod rounding, ordering and
-- equality as timetz_cmp (UTC-adjusted time first, then zone), casts,
-- arithmetic, AT TIME ZONE, extract/date_part, CURRENT_TIME, catalog
-- display, COPY, indexes and hash partitions.

-- case: input_output
SET TIME ZONE 'UTC'
SELECT '12:34:56+05'::timetz::text, '12:34:56.789-03:30'::timetz::text, '00:00:00+00'::timetz::text
SELECT '1:2:3 PST'::timetz::text, '04:05:06 EST'::timetz::text, '04:05:06 z'::timetz::text, 'allballs'::timetz::text
SELECT '12:00:00+05:30:15'::timetz::text, '24:00:00+01'::timetz::text, '23:59:59.999999-15:59'::timetz::text
SELECT '2024-07-01 12:00 America/New_York'::timetz::text, '2024-01-01 12:00 America/New_York'::timetz::text
SELECT '12:00 Asia/Kolkata'::timetz::text, '12:00 UTC+3'::timetz::text, '12:00 +0530'::timetz::text
SELECT '040506+07'::timetz::text, 'T040506+07'::timetz::text, '4:05 pm +02'::timetz::text
SELECT time with time zone '10:00+02', pg_typeof(time with time zone '10:00+02'), pg_typeof('10:00'::time with time zone)
SELECT '10:00:00'::timetz::text, '10:00 Europe/Paris'::timetz::text IS NULL

-- case: session_zone_default
SET TIME ZONE 'Asia/Tokyo'
SELECT '10:00'::timetz::text, '2024-07-01 10:00'::timetz::text
SET TIME ZONE 'America/New_York'
SELECT '2024-07-01 10:00'::timetz::text, '2024-01-01 10:00'::timetz::text
SET TIME ZONE 'UTC-05:30'
SELECT '10:00'::timetz::text, '10:00:00.5'::timetz::text

-- case: input_errors
SET TIME ZONE 'UTC'
SELECT 'nonsense'::timetz
SELECT '25:00:00+01'::timetz
SELECT '12:61:00+01'::timetz
SELECT '12:00:00+16'::timetz
SELECT '12:00:00+15:60'::timetz
SELECT '12:00 America/New_York'::timetz
SELECT '12:00 Mars/Olympus'::timetz
SELECT '12:00 +01 dst'::timetz
SELECT 'now'::timetz IS NOT NULL
SELECT 'today'::timetz
SELECT 'epoch'::timetz
SELECT 'infinity'::timetz
SELECT '2024-02-30 12:00+01'::timetz
SELECT '2024-07-01 12:00'::timetz::text, 'J2451545 12:00+01'::timetz::text
SELECT '12:00 +01 +02'::timetz
SELECT '12:00 am +01'::timetz::text, '12:00 pm EST'::timetz::text, '13:00 pm +01'::timetz
SELECT time with time zone '1:2:3+1x'
SELECT 1 FROM (VALUES (1)) v WHERE '12:00'::timetz = 'bad time'

-- case: datestyles
SET TIME ZONE 'UTC'
SET DateStyle = 'ISO, MDY'
SELECT '13:14:15.5+02'::timetz::text, '01:02:03-08:30'::timetz::text
SET DateStyle = 'SQL, DMY'
SELECT '13:14:15.5+02'::timetz::text, '01:02:03-08:30'::timetz::text
SET DateStyle = 'Postgres, YMD'
SELECT '13:14:15.5+02'::timetz::text, '01:02:03-08:30:45'::timetz::text
SET DateStyle = 'German'
SELECT '13:14:15.5+02'::timetz::text, '01:02:03+00'::timetz::text

-- case: typmods
SET TIME ZONE 'UTC'
SELECT '12:34:56.789123+02'::timetz(0)::text, '12:34:56.789123+02'::timetz(2)::text, '12:34:56.789123+02'::timetz(6)::text
SELECT '23:59:59.9+02'::timetz(0)::text, '12:34:56.5+02'::time(0) with time zone::text
CREATE TABLE p (a timetz(1), b time(3) with time zone, c time with time zone)
INSERT INTO p VALUES ('01:02:03.456+04', '01:02:03.45678-01', '01:02:03.456789+00')
SELECT a::text, b::text, c::text FROM p
SELECT format_type(atttypid, atttypmod), atttypid, atttypmod FROM pg_attribute WHERE attrelid = 'p'::regclass AND attnum > 0 ORDER BY attnum
SELECT column_name, data_type, datetime_precision, udt_name FROM information_schema.columns WHERE table_name = 'p' ORDER BY ordinal_position

-- case: ordering_equality
SET TIME ZONE 'UTC'
CREATE TABLE t (id int PRIMARY KEY, v timetz)
INSERT INTO t VALUES (1, '12:00+00'), (2, '13:00+01'), (3, '11:00-01'), (4, '12:00:00.000001+00'), (5, '00:30+02'), (6, '23:30-02'), (7, NULL), (8, '12:00+00')
SELECT id, v::text FROM t ORDER BY v, id
SELECT id, v::text FROM t ORDER BY v DESC NULLS LAST, id
SELECT '12:00+00'::timetz = '13:00+01'::timetz, '12:00+00'::timetz < '13:00+01'::timetz, '13:00+01'::timetz > '12:00+00'::timetz
SELECT '12:00+00'::timetz <> '13:00+01'::timetz, '12:00+00'::timetz <= '12:00+00'::timetz, '11:00-01'::timetz >= '13:00+01'::timetz
SELECT DISTINCT v::text FROM t ORDER BY 1
SELECT v::text, count(*) FROM t GROUP BY v ORDER BY v
SELECT min(v)::text, max(v)::text, count(v) FROM t
SELECT a.id, b.id FROM t a JOIN t b ON a.v = b.v WHERE a.id < b.id ORDER BY 1, 2
SELECT id FROM t WHERE v > '11:30+00' ORDER BY id
SELECT id FROM t WHERE v IN ('12:00+00', '11:00-01') ORDER BY id
SELECT v::text FROM t UNION SELECT '12:00+00' ORDER BY 1

-- case: casts
SET TIME ZONE 'UTC'
SELECT '12:34:56+05'::timetz::time, '2024-07-01 12:34:56+00'::timestamptz::timetz::text
SELECT 'infinity'::timestamptz::timetz IS NULL, '-infinity'::timestamptz::timetz IS NULL
SET TIME ZONE 'America/New_York'
SELECT '2024-07-01 12:34:56+00'::timestamptz::timetz::text, '2024-01-01 12:34:56+00'::timestamptz::timetz::text
SET TIME ZONE 'Asia/Kolkata'
SELECT '08:00'::time::timetz::text, CAST(time '23:59:59.999999' AS time with time zone)::text
SELECT '12:00+01'::timetz::text::timetz::text, CAST('12:00+01'::timetz AS varchar), '12:00+01'::timetz::time(0)
SELECT '12:00+01'::timetz::timestamp
SELECT '12:00+01'::timetz::date
SELECT 12::timetz

-- case: arithmetic
SET TIME ZONE 'UTC'
SELECT ('23:00+02'::timetz + interval '2 hours')::text, ('01:00-03'::timetz - interval '2 hours')::text
SELECT (interval '90 minutes' + '10:00+05:30'::timetz)::text, ('10:00+01'::timetz + interval '1 day 3 months 1 hour')::text
SELECT ('10:00+01'::timetz + interval '-49 hours')::text, ('00:00+00'::timetz - interval '0.000001 second')::text
SELECT date '2024-07-01' + '10:00+02'::timetz, '10:00-04'::timetz + date '2024-01-31'
SELECT pg_typeof(date '2024-07-01' + '10:00+02'::timetz), pg_typeof('10:00+01'::timetz + interval '1 hour')
SELECT 'infinity'::date + '10:00+02'::timetz, '-infinity'::date + '10:00+02'::timetz
SELECT '294276-12-31'::date + '23:00+00'::timetz
SELECT '294276-12-31'::date + '23:00-02'::timetz
SELECT '10:00+01'::timetz - '09:00+01'::timetz
SELECT '10:00+01'::timetz + '09:00+01'::timetz

-- case: at_time_zone
SET TIME ZONE 'UTC'
SELECT ('12:00+00'::timetz AT TIME ZONE 'Asia/Kolkata')::text, ('12:00+00'::timetz AT TIME ZONE 'EST')::text, ('12:00+00'::timetz AT TIME ZONE 'utc')::text
SELECT timezone('+05', '23:00-03'::timetz)::text, timezone('UTC+5', '01:00+00'::timetz)::text
SELECT ('12:00+00'::timetz AT TIME ZONE INTERVAL '-05:30')::text, timezone(interval '14 hours', '20:00+00'::timetz)::text
SELECT ('12:00+00'::timetz AT TIME ZONE INTERVAL '00:00:30.9')::text
SELECT '12:00+00'::timetz AT TIME ZONE INTERVAL '1 day'
SELECT '12:00+00'::timetz AT TIME ZONE 'Mars/Olympus'
SELECT pg_typeof('12:00+00'::timetz AT TIME ZONE 'UTC'), pg_typeof(time '12:00' AT TIME ZONE 'UTC')
SELECT (time '12:00' AT TIME ZONE 'Asia/Tokyo')::text

-- case: extract_fields
SET TIME ZONE 'UTC'
SELECT extract(hour FROM '13:14:15.123456-05:30'::timetz), extract(minute FROM '13:14:15.123456-05:30'::timetz), extract(second FROM '13:14:15.123456-05:30'::timetz)
SELECT extract(millisecond FROM '13:14:15.123456-05:30'::timetz), extract(microseconds FROM '13:14:15.123456-05:30'::timetz), extract(epoch FROM '13:14:15.123456-05:30'::timetz)
SELECT extract(timezone FROM '13:14:15-05:30'::timetz), extract(timezone_hour FROM '13:14:15-05:30'::timetz), extract(timezone_minute FROM '13:14:15-05:30'::timetz)
SELECT extract(timezone FROM '13:14:15+03:07:09'::timetz), extract(timezone_m FROM '13:14:15+03:07:09'::timetz), extract(timezone_h FROM '13:14:15+03:07:09'::timetz)
SELECT date_part('hour', '13:14:15.5+02'::timetz), date_part('second', '13:14:15.5+02'::timetz), date_part('epoch', '13:14:15.5+02'::timetz), date_part('timezone', '13:14:15.5+02'::timetz)
SELECT date_part('timezone_minute', '13:14:15-00:45'::timetz), date_part('timezone_hour', '13:14:15-00:45'::timetz)
SELECT extract(day FROM '13:14:15+02'::timetz)
SELECT date_part('year', '13:14:15+02'::timetz)
SELECT extract(fortnight FROM '13:14:15+02'::timetz)

-- case: current_time
SET TIME ZONE 'Asia/Kolkata'
SELECT pg_typeof(current_time), pg_typeof(current_time(2)), extract(timezone FROM current_time), current_time IS NOT NULL
SELECT current_time(0) = date_trunc('second', current_time(0)::time)::time with time zone OR true
SELECT extract(timezone FROM current_time(3)), pg_typeof(localtime(2)), localtime(0) IS NOT NULL
BEGIN
SELECT current_time = current_time, current_time(6) = current_time
SELECT ('now'::timetz)::time <= current_time::time OR true, extract(timezone FROM 'now'::timetz)
COMMIT

-- case: catalog_display
SET TIME ZONE 'UTC'
CREATE TABLE d (a time with time zone, b timetz(3) NOT NULL DEFAULT '10:00+01', c timetz[])
SELECT typname, typlen, typbyval, typcategory, typalign, typarray FROM pg_type WHERE oid = 'timetz'::regtype
SELECT typname, typelem, typcategory FROM pg_type WHERE oid = 1270
SELECT 'timetz'::regtype, 'time with time zone'::regtype, 'timetz[]'::regtype, 'time(2) with time zone'::regtype
SELECT format_type(1266, -1), format_type(1266, 4), format_type(1270, 2)
SELECT column_name, data_type, datetime_precision, column_default, udt_name FROM information_schema.columns WHERE table_name = 'd' ORDER BY ordinal_position
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'd'::regclass
INSERT INTO d (a, c) VALUES ('01:02+03', ARRAY['01:02:03+04', NULL, '05:06-07:30']::timetz[]) RETURNING a::text, b::text, c::text
SELECT c[1]::text, c[3]::text, array_length(c, 1) FROM d
SELECT '{"10:00+01","11:00:00.5-02"}'::timetz[]::text

-- case: copy_text
SET TIME ZONE 'UTC'
CREATE TABLE c (id int, v timetz(2))
COPY c FROM STDIN
1	12:34:56.789+05
2	\N
3	00:00:00-15:59
\.
COPY c TO STDOUT
SELECT id, v::text FROM c ORDER BY id
COPY c FROM STDIN
4	25:00+01
\.

-- case: indexes_and_keys
SET TIME ZONE 'UTC'
CREATE TABLE k (v timetz PRIMARY KEY, n int)
INSERT INTO k VALUES ('12:00+00', 1), ('13:00+01', 2)
INSERT INTO k VALUES ('12:00+00', 3)
CREATE INDEX k_n ON k USING hash (v)
SELECT n FROM k WHERE v = '13:00+01'
SELECT n FROM k WHERE v = '12:00+00'::timetz AT TIME ZONE '+01'
INSERT INTO k SELECT ('00:00+00'::timetz + i * interval '37 minutes') AT TIME ZONE (i % 5 - 2)::text, i + 10 FROM generate_series(1, 40) i
SELECT v::text, n FROM k WHERE v BETWEEN '05:00+00' AND '09:00-01' ORDER BY v
SELECT v::text FROM k WHERE v < '03:00+00' ORDER BY v DESC LIMIT 3
SELECT count(DISTINCT v), count(DISTINCT v AT TIME ZONE 'UTC') FROM k
INSERT INTO k VALUES ('13:00+01', 4) ON CONFLICT (v) DO UPDATE SET n = excluded.n RETURNING v::text, n
SELECT opcname FROM pg_opclass o JOIN pg_index i ON o.oid = i.indclass[0] WHERE i.indrelid = 'k'::regclass ORDER BY 1
CREATE TABLE h (v timetz, n int) PARTITION BY HASH (v)
CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 0)
CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 1)
CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 2)
INSERT INTO h VALUES ('12:00+00', 1), ('13:00+01', 2), ('00:00-05', 3), ('23:59:59.999999+14', 4), ('06:30:15-03:30', 5)
SELECT tableoid::regclass, n FROM h ORDER BY n

-- case: copy_binary_out
SET TIME ZONE 'UTC'
CREATE TABLE b (id int, v timetz, w timetz[])
INSERT INTO b VALUES (1, '12:34:56.789+05:30', '{"01:02:03-04",NULL}'), (2, NULL, NULL), (3, '24:00:00-15:59:59', '{}')
COPY b TO STDOUT (FORMAT binary)
COPY (SELECT v, v AT TIME ZONE 'UTC' FROM b ORDER BY id) TO STDOUT (FORMAT binary)
COPY b TO STDOUT (FORMAT csv)

-- case: zone_words
SET TIME ZONE 'UTC'
SELECT '12:00 MSK'::timetz::text, '2010-07-01 12:00 MSK'::timetz::text, '2024-07-01 12:00 CEST'::timetz::text
SELECT '12:00 EST dst'::timetz
SELECT '12:00 CET DST'::timetz
SELECT '2024-07-01 12:00 America/New_York dst'::timetz
SELECT '12:00 Etc/GMT+3'::timetz::text, '12:00 UTC'::timetz::text, '12:00 Asia/Tokyo'::timetz::text
SELECT '2024-07 12:00 Europe/Paris'::timetz
SELECT '12:00:00+01:30:60'::timetz
SELECT '12:00:00.5.5+01'::timetz
SELECT ('12:00+00'::timetz AT TIME ZONE 'MSK')::text, ('12:00+00'::timetz AT TIME ZONE 'CEST')::text

-- case: rounding_edges
SET TIME ZONE 'UTC'
SELECT '23:59:59.999999+01'::timetz(5)::text, '23:59:59.5-01'::timetz(0)::text, '24:00:00+00'::timetz(0)::text
SELECT '23:59:59.6+01'::timetz(0) = '24:00:00+01'::timetz, '00:00:00+01'::timetz < '24:00:00+01'::timetz
SELECT ('24:00:00+01'::timetz + interval '0 hours')::text, ('24:00:00+01'::timetz AT TIME ZONE '+01')::text
SELECT extract(epoch FROM '24:00:00-15:59'::timetz), date_part('epoch', '00:00:00+15:59'::timetz)

-- case: prepared_and_views
SET TIME ZONE 'UTC'
PREPARE pt(timetz) AS SELECT $1::text, $1 + interval '1 hour' > $1
EXECUTE pt('10:00+02')
EXECUTE pt('bad')
CREATE TABLE src (v timetz)
CREATE VIEW vt AS SELECT v, '12:00+01'::timetz AS a, time with time zone '13:00' AS b, current_time AS c, current_time(2) AS d, v AT TIME ZONE 'UTC' AS e, v + interval '1 minute' AS f, now() AT TIME ZONE 'UTC' AS g, v AT TIME ZONE interval '01:00' AS h FROM src WHERE v > '01:00+00'
SELECT pg_get_viewdef('vt'::regclass)
SELECT column_name, data_type, datetime_precision FROM information_schema.columns WHERE table_name = 'vt' ORDER BY ordinal_position
CREATE TABLE ck (v timetz CHECK (v > '06:00+00'))
INSERT INTO ck VALUES ('07:00+00')
INSERT INTO ck VALUES ('07:00+02')
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ck'::regclass
CREATE TABLE s2 (t time, d date)
CREATE VIEW sv AS SELECT t AT TIME ZONE 'UTC' AS z, d + '10:00+01'::timetz AS w FROM s2
SELECT pg_get_viewdef('sv'::regclass)
INSERT INTO s2 VALUES ('10:00', '2024-02-29')
SELECT z::text, w FROM sv

-- case: window_range_offsets
SET TIME ZONE 'UTC'
CREATE TABLE w (id int, v timetz)
INSERT INTO w VALUES (1, '10:00+00'), (2, '10:30+00'), (3, '11:15+00'), (4, '23:30+00'), (5, '00:10+00'), (6, '12:00+02')
SELECT id, v::text, count(*) OVER (ORDER BY v RANGE BETWEEN interval '1 hour' PRECEDING AND CURRENT ROW) FROM w ORDER BY v, id
SELECT id, count(*) OVER (ORDER BY v DESC RANGE BETWEEN CURRENT ROW AND interval '45 minutes' FOLLOWING) FROM w ORDER BY v, id
SELECT id, count(*) OVER (ORDER BY v RANGE BETWEEN interval '1 day 30 minutes' PRECEDING AND interval '-1 day' FOLLOWING) FROM w ORDER BY v, id
SELECT id, count(*) OVER (ORDER BY v RANGE BETWEEN interval '-30 minutes' PRECEDING AND CURRENT ROW) FROM w ORDER BY v, id
SELECT id, count(*) OVER (ORDER BY v::time RANGE BETWEEN interval '1 hour' PRECEDING AND interval '1 hour' FOLLOWING) FROM w ORDER BY v, id
