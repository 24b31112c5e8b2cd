-- schema: tests/differential/schemas/reads.sql
-- The formatting and string functions ETL code calls: to_char of
-- timestamps, timestamptz (under several TimeZone settings), dates and
-- intervals with PostgreSQL's template patterns and FM/TH/th modifiers;
-- to_char of numeric, integers and floats (9, 0, ., D, ',', G, S, PL, MI,
-- SG, PR, FM, EEEE, V, RN, TH, '#' overflow) and its template errors;
-- to_number, to_date, to_timestamp; format() with %s, %I, %L, widths and
-- positions; substring's regular-expression and SIMILAR forms, SIMILAR
-- TO and the regexp_* functions.

-- case: to_char_timestamp_fields
SELECT to_char(timestamp '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS.MS.US FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '2024-03-05 00:07:09', 'HH HH12 AM am A.M. a.m. PM pm P.M. p.m. HH24')
SELECT to_char(timestamp '2024-03-05 12:07:09', 'HH HH12 AM am A.M. a.m. PM HH24 SSSS SSSSS')
SELECT to_char(timestamp '2024-03-05 14:07:09', 'Day DAY day Dy DY dy D ID Month MONTH month Mon MON mon MM')
SELECT to_char(timestamp '2024-03-05 14:07:09', 'FMDay FMMonth FMDD FMMM FMHH24 DDth DDTH FMDDth Q WW IW W J DDD IDDD IYYY IYY IY I')
SELECT to_char(timestamp '2024-01-01 14:07:09', 'CC Y,YYY YYYY YYY YY Y RM rm FMRM BC AD B.C. a.d. bc')
SELECT to_char(timestamp '0044-03-15 BC', 'YYYY BC CC Y,YYY YYY YY Y IYYY')
SELECT to_char(timestamp '2021-01-03', 'IYYY-IW-ID IDDD WW')
SELECT to_char(timestamp '2024-12-30', 'IYYY-IW-ID IDDD')
SELECT to_char(timestamp '2024-03-05 14:07:09', '"Quoted YYYY" \"YYYY\" YYYY "a\"b"')
SELECT to_char(timestamp '2024-03-05 14:07:09', 'TZ tz OF TZH:TZM')


-- case: to_char_timestamp_modifiers
SELECT to_char(interval '1 day', 'Day')
SELECT to_char(timestamp 'infinity', 'YYYY'), to_char(timestamp '2024-01-01', '') IS NULL
SELECT to_char(timestamp '2024-03-05 14:07:09', 'FMHH12:MI AM'), to_char(timestamp '2024-03-05 14:07:09', 'HH12thHH12TH')
SELECT to_char(timestamp '2024-03-01', 'DDth DDTH'), to_char(timestamp '2024-03-02', 'DDth'), to_char(timestamp '2024-03-03', 'DDth'), to_char(timestamp '2024-03-11', 'DDth'), to_char(timestamp '2024-03-22', 'DDth')
SELECT to_char(timestamp '2024-03-05', 'FMyyyy fmMM xFMx SP DDSP')
SELECT to_char(timestamp '2024-03-05 14:07:09', 'HH24MI'), to_char(timestamp '2024-03-05 14:07:09', 'FMHH24thMIth'), to_char(timestamp '1999-12-31 23:59:59.999999', 'YYYYMMDDHH24MISSUS')


-- case: to_char_timestamptz_zones
SELECT to_char(timestamptz '2024-03-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ tz OF TZH TZM')
SET TimeZone = 'America/New_York'
SELECT to_char(timestamptz '2024-07-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ tz OF TZH TZM')
SET TimeZone = 'Asia/Kolkata'
SELECT to_char(timestamptz '2024-07-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ OF FMOF TZH:TZM')
SET TimeZone = 'UTC'
SET TimeZone = 'Australia/Lord_Howe'
SELECT to_char(timestamptz '2024-01-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ OF TZH:TZM'), to_char(timestamptz '2024-07-05 14:07:09+00', 'TZ OF')
SET TimeZone = 'America/St_Johns'
SELECT to_char(timestamptz '2024-01-05 14:07:09+00', 'HH12:MI AM TZ OF tz')


-- case: to_char_dates_and_intervals
SELECT to_char(date '2024-02-29', 'YYYY-MM-DD Day')
SELECT to_char(interval '1 year 2 months 3 days 04:05:06.789', 'YYYY MM DD HH24 HH MI SS MS US DDD')
SELECT to_char(interval '-1 year -2 months -3 days -04:05:06.789', 'YYYY MM DD HH24 HH MI SS MS CC')
SELECT to_char(interval '15 hours', 'HH12 AM')
SELECT to_char(interval '1 year 13 months', 'RM'), to_char(interval '-5 months', 'RM')
SELECT to_char(interval '3 days 25:61:00', 'DD HH24:MI'), to_char(interval '0', 'YYYY-MM-DD HH24:MI:SS'), to_char(interval '100 years', 'CC Y,YYY')
SELECT to_char(interval '1 day', 'TZ')
SELECT to_char(interval '1 month', 'Mon')


-- case: to_char_columns
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
INSERT INTO orders VALUES (10, 1, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, 1, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, 2, '2024-02-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, 3, '2024-03-01 00:00:00+00', NULL, 'cancelled', 'call first'), (14, NULL, '2024-03-02 12:00:00-05', NULL, 'pending', NULL), (15, 4, '2024-03-03 23:59:59+00', '2024-03-05', 'shipped', NULL), (16, 1, '2023-12-31 23:00:00+00', '2024-01-02', 'shipped', NULL)
SELECT id, to_char(signup, 'FMDay, FMDD FMMonth YYYY'), to_char(signup, 'IYYY-"W"IW'), to_char(credit, 'S99990.99') FROM customers
SELECT id, to_char(placed_at, 'YYYY-MM-DD"T"HH24:MI:SSOF'), to_char(ship_date, 'DD/MM/YY'), to_char(placed_at - timestamptz '2024-01-01 00:00:00+00', 'DD "days" HH24 "hours"') FROM orders


-- case: to_char_numeric
SELECT to_char(v, '9999999999999999.999999999999999'), to_char(v, 'FM9999999999999999.999999999999999'), to_char(v, '9,999,999,999,999,999.999') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (7799461.4119), (16397.038491), (93901.57763026), (-83028485), (74881), (-24926804.045047420)) t(v)
SELECT to_char(v, 'S9999999999999999.999999999999999'), to_char(v, '9999999999999999.999999999999999S'), to_char(v, 'MI9999999999999999.999999999999999'), to_char(v, 'FMS9999999999999999.999999999999999') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (-83028485)) t(v)
SELECT to_char(v, 'FM9999999999999999.999999999999999THPR'), to_char(v, 'SG9999999999999999.999999999999999th'), to_char(v, '0999999999999999.999999999999999'), to_char(v, 'S0999999999999999.999999999999999') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (-83028485)) t(v)
SELECT to_char(v, 'FM0999999999999999.999999999999999'), to_char(v, 'FM9999999999999999.099999999999999'), to_char(v, 'FM9999999999990999.990999999999999'), to_char(v, 'FM0999999999999999.999909999999999') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (-83028485)) t(v)
SELECT to_char(v, 'FM9999999990999999.099999999999999'), to_char(v, 'L9999999999999999.099999999999999'), to_char(v, 'FM9999999999999999.99999999999999'), to_char(v, 'S 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 . 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (-83028485)) t(v)
SELECT to_char(v, 'FMS 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 . 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9'), to_char(v, E'99999 "text" 9999 "9999" 999 "\\"text between quote marks\\"" 9999'), to_char(v, '999999SG9999999999'), to_char(v, 'FM9999999999999999.999999999999999') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (-83028485)) t(v)
SELECT to_char(v, '9.999EEEE'), to_char(v, 'RN'), to_char(v, 'FMRN'), to_char(v, 'rn') FROM (VALUES (0::numeric), (-34338492.215397047), (4.31), (1994), (3999), (4000), (-1)) t(v)


-- case: to_char_numeric_edges
SELECT to_char(1234.5, '99999.99'), to_char(-0.5, 'S0.9'), to_char(42, '000'), to_char(1500.00::numeric(12,2), 'FM999990.00'), to_char(-10.25, '9,999.99'), to_char(0, '9,999.99')
SELECT to_char(12345, '999'), to_char(12345.678, '99.99'), to_char(-12345, '999PR'), to_char(-5, '999PR'), to_char(5, '999PR'), to_char(5, 'FM999PR')
SELECT to_char(123, '999V99'), to_char(123.45, '999V99'), to_char(1.5::float8, '9V9'), to_char(12::int8, '99V999')
SELECT to_char(0.1, '9.9'), to_char(0.1, 'FM9.9'), to_char(0, '9.9'), to_char(0, 'FM9.9'), to_char(0, 'FM9.'), to_char(1, 'FM9.'), to_char(0.5, '0.9'), to_char(-0.1, '9.9')
SELECT to_char(1234567::int4, '9G999G999'), to_char(1234567::int8, '9,999,999D99'), to_char(-1234567::int4, 'FM9,999,999'), to_char(42::int4, 'FM999th'), to_char(11::int4, '999TH'), to_char(-3::int4, '999th')
SELECT to_char(123.456::float8, '999.99'), to_char(-123.456::float4, '999.99'), to_char(1e20::float8, '9999'), to_char(1.5e-5::float8, '9.999999999'), to_char(0.1::float8, 'FM0.000'), to_char('NaN'::float8, '999.9'), to_char('Infinity'::float8, '9.9EEEE')
SELECT to_char(12345.678::float8, '9.99EEEE'), to_char(-0.00012::float8, '9.9EEEE'), to_char(123::int4, '9.99EEEE'), to_char(123::int8, '9.99EEEE'), to_char(9.999, '9.99EEEE'), to_char(-9.999e-10, '9.99EEEE'), to_char(0::numeric, '9.99EEEE')
SELECT to_char(12, ''), to_char(1.5, 'xx'), to_char(3, 'FM'), to_char(100, '"#"999')
SELECT to_char(-1.5, '999MI'), to_char(1.5, '999PL'), to_char(1.5, 'PL999'), to_char(-1.5, 'MI999'), to_char(1.5, '999.99MI'), to_char(-1.5, 'FM999.99MI'), to_char(1.5, 'FMPL999.99'), to_char(1.5, 'SG999'), to_char(-1.5, '999SG')
SELECT to_char(0.00001::numeric, '0.0000000000'), to_char(1e-10::numeric, 'FM0.0000000000'), to_char(5.5, '0'), to_char(-5.5, 'FM0'), to_char(99.99, 'FM99'), to_char(99.5, '99')


-- case: to_char_numeric_errors
SELECT to_char(1234, 'B9999'), to_char(0, 'B9999'), to_char(1234, 'C9999'), to_char(5, 'SP999')
SELECT to_char(1, '9.9.9')
SELECT to_char(1, 'S9S')
SELECT to_char(1, '9PR9')
SELECT to_char(1, 'FM9EEEE')
SELECT to_char(1, '9V9.9')
SELECT to_char(1, 'MIS9')
SELECT to_char(NULL::numeric, '999'), to_char(5, NULL), to_char(NULL::timestamp, 'YYYY')
