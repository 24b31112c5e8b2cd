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


-- case: format_specifiers
SELECT format('Hello %s', 'World'), format('Testing %s, %s, %s, %%', 'one', 'two', 'three'), format('%s', NULL), format(NULL), format('%s%s', 1, 2.5)
SELECT format('INSERT INTO %I VALUES(%L)', 'Foo bar', E'O\'Reilly'), format('%I', 'select'), format('%I', 'abc'), format('%L', E'a\\b'), format('%L', 42), format('%s', true), format('%L', true)
SELECT format('|%10s|%-10s|%*s|%-*s|', 'a', 'b', 5, 'c', 5, 'd'), format('|%*s|', -5, 'x'), format('|%*s|', NULL, 'x'), format('|%3s|', 'abcdef')
SELECT format('%1$s %1$s %2$s', 'a', 'b'), format('%1$s %s', 'a', 'b'), format('%2$s %s', 'a', 'b', 'c'), format('%3$*1$s|', 4, 'x', 'yy'), format('%-2$s', 'a', 'bb')
SELECT format('%s', date '2024-01-02'), format('%s', timestamptz '2024-01-02 03:04:05+00'), format('%L', interval '1 day'), format('%s', ARRAY[1,2]), format('%s', 1.5::float8)
SELECT format('x'), format(''), format('%%'), format('%s')
SELECT format('|%*s|%*s|', 3, 'a', '4'::text, 'b'), format('%1$-*2$s|', 'ab', 5), format('%*3$s|', 'a', 'b', 4)


-- case: format_errors
SELECT format('%s %s', 'only one')
SELECT format('%z', 1)
SELECT format('%', 1)
SELECT format('abc%')
SELECT format('%0$s', 'x')
SELECT format('%I', NULL)
SELECT format('%*s', 'x', 'y')
SELECT format('%1$', 1)
SELECT format('%-s|', 'x'), format('%5$s', 1)
SELECT format('%*1$s|', 'x')
SELECT format('%*0$s|', 'x')
SELECT format('%*2s', 1, 2)
SELECT format('%1$s%99999999999$s', 1)
SELECT format('%-5', 'x')


-- case: out_formatting_functions
SELECT to_number('1,234.5', '9,999.9'), to_date('2024-03-10', 'YYYY-MM-DD'), to_timestamp('2024-03-10 12:00', 'YYYY-MM-DD HH24:MI')
SELECT to_timestamp(0), to_timestamp(1700000000.5)


-- case: to_number
SELECT to_number('-34,338,492', '99G999G999'), to_number('-34,338,492.654,878', '99G999G999D999G999'), to_number('<564646.654564>', '999999.999999PR'), to_number('0.00001-', '9.999999S'), to_number('5.01-', 'FM9.999999S'), to_number('5.01-', 'FM9.999999MI')
SELECT to_number('5 4 4 4 4 8 . 7 8', '9 9 9 9 9 9 . 9 9'), to_number('.01', 'FM9.99'), to_number('.0', '99999999.99999999'), to_number('0', '99.99'), to_number('.-01', 'S99.99'), to_number('.01-', '99.99S'), to_number(' . 0 1-', ' 9 9 . 9 9 S')
SELECT to_number('34,50','999,99'), to_number('123,000','999G'), to_number('123456','999G999'), to_number('$1234.56','L9,999.99'), to_number('$1234.56','L99,999.99'), to_number('$1,234.56','L99,999.99'), to_number('1234.56','L99,999.99'), to_number('1,234.56','L99,999.99')
SELECT to_number('42nd', '99th'), to_number('123456', '99999V99'), to_number('-', 'S9')
SELECT to_number('12.345', '99.9'), to_number('1234', '99'), to_number('  12', '9999'), to_number('12', '')
SELECT to_number('-1234.56','L9999.99'), to_number('.5','L9.9'), to_number(' 5','L9'), to_number('1 234', '9G999'), to_number('1-', '9MI'), to_number('1+', '9PL'), to_number('-1', 'SG9'), to_number('<1>', '9PR'), to_number('12', '9V9')


-- case: to_number_errors
SELECT to_number('', '999')
SELECT to_number('abc', '999')
SELECT to_number('12', 'RN')
SELECT to_number('1e5', '9EEEE')


-- case: to_date
SELECT to_date('05 Feb 2024', 'DD Mon YYYY'), to_date('20240229', 'YYYYMMDD'), to_date('2024-060', 'YYYY-DDD'), to_date('2024 10', 'IYYY IW'), to_date('3 2024 10', 'ID IYYY IW'), to_date('2451545', 'J'), to_date('21 24', 'CC YY'), to_date('44 BC', 'YYYY BC')
SELECT to_date('2023-02-29', 'YYYY-MM-DD')
SELECT to_date('2024-13-01', 'YYYY-MM-DD')
SELECT to_date('2024-1-1', 'YYYYMMDD')
SELECT to_date('24', 'YYYY')
SELECT to_date('x', 'YYYY')
SELECT to_date('Foo 2024', 'Mon YYYY')
SELECT to_date('2024 2024', 'YYYY IYYY')
SELECT to_date('1 2 2024 3', 'MM DD YYYY MM')
SELECT to_timestamp('2024-03-10 01:02:03.456789', 'YYYY-MM-DD HH24:MI:SS.US'), to_timestamp('2024-03-10 1:2:3.5', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('10 Mar 2024 11:05 PM', 'DD Mon YYYY HH:MI PM'), to_timestamp('10 Mar 2024 12:05 am', 'DD Mon YYYY HH12:MI am')
SELECT to_timestamp('2018-11-02 12:34:56.025', 'YYYY-MM-DD HH24:MI:SS.MS'), to_timestamp('2018-11-02 12:34:56.1', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('2018-11-02 12:34:56.123456', 'YYYY-MM-DD HH24:MI:SS.FF3'), to_timestamp('2018-11-02 12:34:56.12', 'YYYY-MM-DD HH24:MI:SS.FF6')
SELECT to_timestamp('2011-12-18 11:38 PM', 'YYYY-MM-DD HH24:MI PM')
SELECT to_date('2024-02-10 junk', 'YYYY-MM-DD'), to_date('2024/02/10', 'YYYY-MM-DD'), to_date('2024 02 10', 'YYYY-MM-DD'), to_date('20240210', 'YYYY-MM-DD'), to_date('2024-Feb-10', 'YYYY-MON-DD'), to_date('February 10, 2024', 'Month DD, YYYY'), to_date('Sat 10 feb 24', 'Dy DD mon YY')
SELECT to_date('2024-02-10', 'YYYY-MM-DDFX'), to_date('2024-02-10', 'FXYYYY-MM-DD'), to_date('2024 -02-10', 'FXYYYY-MM-DD')
SELECT to_date('2024-2-10', 'FXYYYY-MM-DD')


-- case: to_timestamp_text
SELECT to_timestamp('2024-03-10 13:00', 'YYYY-MM-DD HH12:MI')
SELECT to_timestamp('2024-03-10 25:00', 'YYYY-MM-DD HH24:MI')
SELECT to_timestamp('2024-03-10 10:00 +05:30', 'YYYY-MM-DD HH24:MI TZH:TZM'), to_timestamp('2024-03-10 10:00 -03', 'YYYY-MM-DD HH24:MI TZH'), to_timestamp('2024-03-10 10:00-03', 'YYYY-MM-DD HH24:MITZH')
SET TimeZone = 'America/New_York'
SELECT to_timestamp('2024-03-10 10:00', 'YYYY-MM-DD HH24:MI'), to_timestamp('2024-07-10', 'YYYY-MM-DD'), to_timestamp('2024-03-10 02:30', 'YYYY-MM-DD HH24:MI')
SET TimeZone = 'UTC'
SELECT to_timestamp('2024-03-10 10:00 EST', 'YYYY-MM-DD HH24:MI TZ')
SELECT to_timestamp('97/Feb/16', 'YY/Mon/DD'), to_timestamp('97/Feb/16', 'YYMonDD'), to_timestamp('1997 AD 11 16', 'YYYY BC MM DD'), to_timestamp('1997 BC 11 16', 'YYYY BC MM DD'), to_timestamp('19971116', 'YYYYMMDD'), to_timestamp('20000-1116', 'YYYY-MMDD')
SELECT to_timestamp('1,582nd VIII 21', 'Y,YYYth FMRM DD'), to_timestamp('15 "text between quote marks" 98 54 45', 'HH24 "\"text between quote marks\"" YY MI SS'), to_timestamp('05121445482000', 'MMDDHH24MISSYYYY'), to_timestamp('2000January09Sunday', 'YYYYFMMonthDDFMDay'), to_timestamp('97/Feb/16', 'YYMonDD')
SELECT to_timestamp('  Infinity', 'YYYY'), to_timestamp('2011-12-18 11:38 PM', 'YYYY-MM-DD HH12:MI PM'), to_timestamp('2011-12-18 23:38:15', 'YYYY-MM-DD  HH24:MI:SS'), to_timestamp('2011-12-18  23:38:15', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp('2000+   JUN', 'YYYY/MON'), to_timestamp('  2000 +JUN', 'YYYY/MON'), to_timestamp(' 2000 +JUN', 'YYYY//MON'), to_timestamp('2000  +JUN', 'YYYY//MON')
SELECT to_timestamp('2000 + + JUN', 'YYYY  MON'), to_timestamp('2000 -10', 'YYYY TZH'), to_timestamp('2000 -10', 'YYYY  TZH'), to_timestamp('2011-12-18 11:38 +05', 'YYYY-MM-DD HH12:MI TZH'), to_timestamp('2011-12-18 11:38 -05:20', 'YYYY-MM-DD HH12:MI TZH:TZM'), to_timestamp('2011-12-18 11:38 20', 'YYYY-MM-DD HH12:MI TZM')
SELECT to_date('1 4 1902', 'Q MM YYYY'), to_date('3 4 21 01', 'W MM CC YY'), to_date('2458872', 'J'), to_date('44-02-01 BC','YYYY-MM-DD BC'), to_date('-44-02-01','YYYY-MM-DD'), to_date('2016-13-10', 'YYYY-MM-DD')
SELECT to_date('2016 366', 'YYYY DDD'), to_date('2016 367', 'YYYY DDD'), to_date('0000-02-01','YYYY-MM-DD')
SELECT to_timestamp('2016-06-13 99:99:99', 'YYYY-MM-DD HH24:MI:SS')
SELECT to_date('', 'YYYY'), to_date('2024', ''), to_timestamp('', '')
SELECT to_timestamp('2024-02-10T10:11:12', 'YYYY-MM-DD"T"HH24:MI:SS'), to_timestamp('2024-02-10 10:11:12.5+02', 'YYYY-MM-DD HH24:MI:SS.USTZH'), to_timestamp('1708000000', 'J')


-- case: to_timestamp_epoch
SELECT to_timestamp(0), to_timestamp(1700000000.5), to_timestamp(-1.25), to_timestamp('Infinity'::float8), to_timestamp('-infinity'::float8)
SELECT to_timestamp('NaN'::float8)
SELECT to_timestamp(1e20)


-- case: substring_regex
SELECT substring('hello' from 'l+'), substring('abc123' from '[0-9]+'), substring('foobar' from 'o(.)b'), substring('foobar' from 'x'), substring('foobar' from '(x)?b'), substring('Thomas' from '...$'), substring('Thomas' from '^.?')
SELECT substring(email from '@(.*)$'), substring(email from '^[^@]+') FROM (VALUES ('ada@example.com'), ('nobody'), (NULL)) t(email)


-- case: similar_to
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(b|c)%', 'abc' NOT SIMILAR TO 'a%', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'a_c' SIMILAR TO 'a\_c', 'abc' SIMILAR TO 'a#_c' ESCAPE '#', 'AbC' SIMILAR TO '[A-Z]b[A-Z]'
SELECT similar_to_escape('a%b_c(d|e)[f-g]*'), similar_to_escape('a#"b#"c', '#'), similar_to_escape('a.b$^'), similar_to_escape('a\%b'), similar_to_escape('x', ''), similar_to_escape('[]a]%'), similar_to_escape('[^]a]%')
SELECT similar_to_escape('x', 'ab')
SELECT substring('Thomas' similar '%#"o_a#"_' escape '#'), substring('Thomas' similar '#"o_a#"_' escape '#'), substring('abcdefg' similar 'a#"%#"g' escape '#'), substring('abcabc' similar '%#"b%#"%' escape '#'), substring('abcabc' similar '%#"b%' escape '#'), substring('abc' similar 'abc' escape '#'), substring('abc' similar 'x' escape '#')
SELECT substring('abc' similar 'a#"b#"c#"' escape '#')
SELECT substring('abc' similar 'a#"b#"c#"' escape '#')
SELECT substring('abc' similar 'a' escape 'xy')
SELECT substring('abc' similar 'a[' escape '#')
SELECT 'abc' SIMILAR TO 'a' ESCAPE 'xy'
SELECT 'abc' SIMILAR TO '%#"b#"%' ESCAPE '#', 'abc' SIMILAR TO 'a|b', 'a|b' SIMILAR TO 'a|b'
SELECT substring(name similar '%#"[aeiou]#"%' escape '#') FROM (VALUES ('Ada'), ('Bob'), (NULL)) t(name)


-- case: regexp_match_functions
SELECT regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('foobarbequebaz', 'x'), regexp_match('abc', '(a)(x)?'), regexp_match('ABC', 'b', 'i'), regexp_match('ABC', 'b')
SELECT regexp_match('abc', 'b', 'g')
SELECT regexp_match('abc', 'b', 'z')
SELECT regexp_matches('foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g')
SELECT regexp_matches('foobarbequebaz', 'ba.', 'g'), 1
SELECT * FROM regexp_matches('a1b22c333', '\d+', 'g')
SELECT regexp_matches('abc', 'x')


-- case: regexp_split
SELECT regexp_split_to_array('hello world', '\s+'), regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('abc', ''), regexp_split_to_array('', ','), regexp_split_to_array('a1b2c', '\d'), regexp_split_to_array('  x  ', '\s*')
SELECT regexp_split_to_table('the quick brown fox', '\s+')
SELECT * FROM regexp_split_to_table('a-b-c', '-') AS t(part)
SELECT regexp_count(E'line1\nline2', '^line'), regexp_match(E'a\nb', 'a.b'), regexp_split_to_array('a.b.c', '\.'), regexp_replace('x.y', '.', '-', 'g')


-- case: regexp_count_instr_substr_like
SELECT regexp_count('ABCABCAXYaxy', 'A.'), regexp_count('ABCABCAXYaxy', 'A.', 1, 'i'), regexp_count('ABCABCAXYaxy', 'A.', 4), regexp_count('aaa', 'a*'), regexp_count('', 'x'), regexp_count('abc', '')
SELECT regexp_count('abc', 'a', 0)
SELECT regexp_instr('ABCDEF', 'c(.)(..)', 1, 1, 0, 'i'), regexp_instr('ABCDEF', 'c(.)(..)', 1, 1, 0, 'i', 2), regexp_instr('ABCDEFGHI', '(c..)(...)', 1, 1, 1, 'i', 2), regexp_instr('abcabc', 'b', 1, 2), regexp_instr('abcabc', 'b', 3), regexp_instr('abc', 'x'), regexp_instr('abc', '(b)', 1, 1, 0, '', 5)
SELECT regexp_instr('abc', 'b', 1, 0)
SELECT regexp_instr('abc', 'b', 1, 1, 2)
SELECT regexp_substr('ABCDEF', 'c(.)(..)', 1, 1, 'i'), regexp_substr('ABCDEF', 'c(.)(..)', 1, 1, 'i', 2), regexp_substr('abcabc', 'b.', 1, 2), regexp_substr('abc', 'x'), regexp_substr('number 42 and 7', '\d+', 1, 2)
SELECT regexp_like('Steven', '^Ste(v|ph)en$'), regexp_like('a', 'A'), regexp_like('a', 'A', 'i'), regexp_like('abc', 'b', 'c')
SELECT regexp_like('abc', 'b', 'g')
SELECT 'foo bar' ~ '\mbar\M', 'foobar' ~ '\mbar', 'foo bar' ~ '\ybar\y', 'x1' ~ '[[:alpha:]][[:digit:]]', 'é' ~ '[[:alpha:]]', 'É' ~* 'é', 'a5' ~ '[\d]', 'a\b' ~ '[\\]', E'a\nb' ~ 'a.b', E'a\nb' ~ 'a$'
SELECT regexp_instr('abcd', 'a|ab', 1, 1, 1), regexp_substr('abcd', 'b|bcd'), regexp_split_to_array('xabcdx', 'a|abcd')


-- case: regex_are_semantics
SELECT 'foo bar' ~ '\mbar\M', 'foobar' ~ '\mbar', 'foo bar' ~ '\ybar\y', 'x1' ~ '[[:alpha:]][[:digit:]]', 'é' ~ '[[:alpha:]]', 'É' ~* 'é', 'a5' ~ '[\d]', 'a\b' ~ '[\\]', E'a\nb' ~ 'a.b', E'a\nb' ~ 'a$'
SELECT regexp_match('aaa', 'a*'), regexp_count('ab12cd', '[[:alpha:]]+'), regexp_match('x', '(a)?x'), regexp_match('Ab', '[a-z]+', 'i'), 'ÀB' ~* 'àb', regexp_split_to_array('a  b', ' *')
SELECT regexp_match('abcd', 'a|ab'), substring('abcd' from 'a|ab'), regexp_count('abcd', 'a|ab|abc')
SELECT regexp_match('abc', '(')
SELECT substring('x' from '[')


-- case: out_regexp_functions
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'London', 'A', true, '2023-01-15', 1500.00), (2, 'Bob', NULL, 'Paris', 'B', false, '2023-03-02', 0), (3, 'Cyd', 'cyd@example.com', NULL, 'A', NULL, '2023-03-02', NULL), (4, 'Dee', 'dee@example.com', 'London', NULL, true, NULL, 250.5), (5, 'Eve', 'eve@example.org', 'Berlin', 'C', true, '2024-02-29', -10.25), (6, 'fay', NULL, NULL, NULL, NULL, NULL, NULL)
SELECT id FROM customers WHERE email ~ '\.org$'
SELECT id FROM customers WHERE name ~* '^a'
SELECT id FROM customers WHERE name !~ '^[A-Z]'
SELECT regexp_replace(email, '@.*', '') FROM customers WHERE email IS NOT NULL
SELECT regexp_replace('a1b22c333', '[0-9]+', '#', 'g'), regexp_match('abc123', '([a-z]+)([0-9]+)')


-- case: to_char_interval_edges
SELECT to_char(interval '1 year 2 months 3 days 04:05:06.789', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '1 year 2 months 3 days 04:05:06.789', 'HH HH12 AM'), to_char(interval '1 year 2 months 3 days 04:05:06.789', 'CC Y,YYY YYY YY Y'), to_char(interval '1 year 2 months 3 days 04:05:06.789', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '1 year 2 months 3 days 04:05:06.789', 'SSSS FMHH24 FMMI'), to_char(interval '1 year 2 months 3 days 04:05:06.789', 'HH24th DDth')
SELECT to_char(interval '-5 years -13 months', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '-5 years -13 months', 'HH HH12 AM'), to_char(interval '-5 years -13 months', 'CC Y,YYY YYY YY Y'), to_char(interval '-5 years -13 months', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '-5 years -13 months', 'SSSS FMHH24 FMMI'), to_char(interval '-5 years -13 months', 'HH24th DDth')
SELECT to_char(interval '25 hours', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '25 hours', 'HH HH12 AM'), to_char(interval '25 hours', 'CC Y,YYY YYY YY Y'), to_char(interval '25 hours', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '25 hours', 'SSSS FMHH24 FMMI'), to_char(interval '25 hours', 'HH24th DDth')
SELECT to_char(interval '0', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '0', 'HH HH12 AM'), to_char(interval '0', 'CC Y,YYY YYY YY Y'), to_char(interval '0', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '0', 'SSSS FMHH24 FMMI'), to_char(interval '0', 'HH24th DDth')
SELECT to_char(interval '-1 day -00:00:01', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '-1 day -00:00:01', 'HH HH12 AM'), to_char(interval '-1 day -00:00:01', 'CC Y,YYY YYY YY Y'), to_char(interval '-1 day -00:00:01', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '-1 day -00:00:01', 'SSSS FMHH24 FMMI'), to_char(interval '-1 day -00:00:01', 'HH24th DDth')
SELECT to_char(interval '999 years 11 months', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '999 years 11 months', 'HH HH12 AM'), to_char(interval '999 years 11 months', 'CC Y,YYY YYY YY Y'), to_char(interval '999 years 11 months', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '999 years 11 months', 'SSSS FMHH24 FMMI'), to_char(interval '999 years 11 months', 'HH24th DDth')
SELECT to_char(interval '3 months 45 days', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '3 months 45 days', 'HH HH12 AM'), to_char(interval '3 months 45 days', 'CC Y,YYY YYY YY Y'), to_char(interval '3 months 45 days', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '3 months 45 days', 'SSSS FMHH24 FMMI'), to_char(interval '3 months 45 days', 'HH24th DDth')
SELECT to_char(interval '-02:30:00', 'YYYY MM DD HH24 MI SS MS US'), to_char(interval '-02:30:00', 'HH HH12 AM'), to_char(interval '-02:30:00', 'CC Y,YYY YYY YY Y'), to_char(interval '-02:30:00', 'IYYY IYY IW IDDD DDD WW W J Q RM'), to_char(interval '-02:30:00', 'SSSS FMHH24 FMMI'), to_char(interval '-02:30:00', 'HH24th DDth')


-- case: to_char_calendar_edges
SELECT to_char(timestamp '2024-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '2024-01-01 00:00:00', 'IYYY-IW-ID'), to_char(timestamp '2024-01-01 00:00:00', 'IDDD'), to_char(timestamp '2024-01-01 00:00:00', 'WW W'), to_char(timestamp '2024-01-01 00:00:00', 'Q'), to_char(timestamp '2024-01-01 00:00:00', 'CC'), to_char(timestamp '2024-01-01 00:00:00', 'Y,YYY'), to_char(timestamp '2024-01-01 00:00:00', 'YYY YY Y'), to_char(timestamp '2024-01-01 00:00:00', 'J'), to_char(timestamp '2024-01-01 00:00:00', 'DDD'), to_char(timestamp '2024-01-01 00:00:00', 'D'), to_char(timestamp '2024-01-01 00:00:00', 'Day Dy'), to_char(timestamp '2024-01-01 00:00:00', 'Month Mon'), to_char(timestamp '2024-01-01 00:00:00', 'RM'), to_char(timestamp '2024-01-01 00:00:00', 'HH12 AM'), to_char(timestamp '2024-01-01 00:00:00', 'SSSS'), to_char(timestamp '2024-01-01 00:00:00', 'TZ OF'), to_char(timestamp '2024-01-01 00:00:00', 'FMDDth'), to_char(timestamp '2024-01-01 00:00:00', 'FMMMth'), to_char(timestamp '2024-01-01 00:00:00', 'Dth'), to_char(timestamp '2024-01-01 00:00:00', 'CCth'), to_char(timestamp '2024-01-01 00:00:00', 'FMHH12:MI:SS P.M.'), to_char(timestamp '2024-01-01 00:00:00', 'YYYYth'), to_char(timestamp '2024-01-01 00:00:00', 'IWth'), to_char(timestamp '2024-01-01 00:00:00', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '2023-12-31 23:59:59.999999', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '2023-12-31 23:59:59.999999', 'IYYY-IW-ID'), to_char(timestamp '2023-12-31 23:59:59.999999', 'IDDD'), to_char(timestamp '2023-12-31 23:59:59.999999', 'WW W'), to_char(timestamp '2023-12-31 23:59:59.999999', 'Q'), to_char(timestamp '2023-12-31 23:59:59.999999', 'CC'), to_char(timestamp '2023-12-31 23:59:59.999999', 'Y,YYY'), to_char(timestamp '2023-12-31 23:59:59.999999', 'YYY YY Y'), to_char(timestamp '2023-12-31 23:59:59.999999', 'J'), to_char(timestamp '2023-12-31 23:59:59.999999', 'DDD'), to_char(timestamp '2023-12-31 23:59:59.999999', 'D'), to_char(timestamp '2023-12-31 23:59:59.999999', 'Day Dy'), to_char(timestamp '2023-12-31 23:59:59.999999', 'Month Mon'), to_char(timestamp '2023-12-31 23:59:59.999999', 'RM'), to_char(timestamp '2023-12-31 23:59:59.999999', 'HH12 AM'), to_char(timestamp '2023-12-31 23:59:59.999999', 'SSSS'), to_char(timestamp '2023-12-31 23:59:59.999999', 'TZ OF'), to_char(timestamp '2023-12-31 23:59:59.999999', 'FMDDth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'FMMMth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'Dth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'CCth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'FMHH12:MI:SS P.M.'), to_char(timestamp '2023-12-31 23:59:59.999999', 'YYYYth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'IWth'), to_char(timestamp '2023-12-31 23:59:59.999999', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '2021-01-03 12:00:00', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '2021-01-03 12:00:00', 'IYYY-IW-ID'), to_char(timestamp '2021-01-03 12:00:00', 'IDDD'), to_char(timestamp '2021-01-03 12:00:00', 'WW W'), to_char(timestamp '2021-01-03 12:00:00', 'Q'), to_char(timestamp '2021-01-03 12:00:00', 'CC'), to_char(timestamp '2021-01-03 12:00:00', 'Y,YYY'), to_char(timestamp '2021-01-03 12:00:00', 'YYY YY Y'), to_char(timestamp '2021-01-03 12:00:00', 'J'), to_char(timestamp '2021-01-03 12:00:00', 'DDD'), to_char(timestamp '2021-01-03 12:00:00', 'D'), to_char(timestamp '2021-01-03 12:00:00', 'Day Dy'), to_char(timestamp '2021-01-03 12:00:00', 'Month Mon'), to_char(timestamp '2021-01-03 12:00:00', 'RM'), to_char(timestamp '2021-01-03 12:00:00', 'HH12 AM'), to_char(timestamp '2021-01-03 12:00:00', 'SSSS'), to_char(timestamp '2021-01-03 12:00:00', 'TZ OF'), to_char(timestamp '2021-01-03 12:00:00', 'FMDDth'), to_char(timestamp '2021-01-03 12:00:00', 'FMMMth'), to_char(timestamp '2021-01-03 12:00:00', 'Dth'), to_char(timestamp '2021-01-03 12:00:00', 'CCth'), to_char(timestamp '2021-01-03 12:00:00', 'FMHH12:MI:SS P.M.'), to_char(timestamp '2021-01-03 12:00:00', 'YYYYth'), to_char(timestamp '2021-01-03 12:00:00', 'IWth'), to_char(timestamp '2021-01-03 12:00:00', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '0001-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '0001-01-01 00:00:00', 'IYYY-IW-ID'), to_char(timestamp '0001-01-01 00:00:00', 'IDDD'), to_char(timestamp '0001-01-01 00:00:00', 'WW W'), to_char(timestamp '0001-01-01 00:00:00', 'Q'), to_char(timestamp '0001-01-01 00:00:00', 'CC'), to_char(timestamp '0001-01-01 00:00:00', 'Y,YYY'), to_char(timestamp '0001-01-01 00:00:00', 'YYY YY Y'), to_char(timestamp '0001-01-01 00:00:00', 'J'), to_char(timestamp '0001-01-01 00:00:00', 'DDD'), to_char(timestamp '0001-01-01 00:00:00', 'D'), to_char(timestamp '0001-01-01 00:00:00', 'Day Dy'), to_char(timestamp '0001-01-01 00:00:00', 'Month Mon'), to_char(timestamp '0001-01-01 00:00:00', 'RM'), to_char(timestamp '0001-01-01 00:00:00', 'HH12 AM'), to_char(timestamp '0001-01-01 00:00:00', 'SSSS'), to_char(timestamp '0001-01-01 00:00:00', 'TZ OF'), to_char(timestamp '0001-01-01 00:00:00', 'FMDDth'), to_char(timestamp '0001-01-01 00:00:00', 'FMMMth'), to_char(timestamp '0001-01-01 00:00:00', 'Dth'), to_char(timestamp '0001-01-01 00:00:00', 'CCth'), to_char(timestamp '0001-01-01 00:00:00', 'FMHH12:MI:SS P.M.'), to_char(timestamp '0001-01-01 00:00:00', 'YYYYth'), to_char(timestamp '0001-01-01 00:00:00', 'IWth'), to_char(timestamp '0001-01-01 00:00:00', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '0001-12-31 BC', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '0001-12-31 BC', 'IYYY-IW-ID'), to_char(timestamp '0001-12-31 BC', 'IDDD'), to_char(timestamp '0001-12-31 BC', 'WW W'), to_char(timestamp '0001-12-31 BC', 'Q'), to_char(timestamp '0001-12-31 BC', 'CC'), to_char(timestamp '0001-12-31 BC', 'Y,YYY'), to_char(timestamp '0001-12-31 BC', 'YYY YY Y'), to_char(timestamp '0001-12-31 BC', 'J'), to_char(timestamp '0001-12-31 BC', 'DDD'), to_char(timestamp '0001-12-31 BC', 'D'), to_char(timestamp '0001-12-31 BC', 'Day Dy'), to_char(timestamp '0001-12-31 BC', 'Month Mon'), to_char(timestamp '0001-12-31 BC', 'RM'), to_char(timestamp '0001-12-31 BC', 'HH12 AM'), to_char(timestamp '0001-12-31 BC', 'SSSS'), to_char(timestamp '0001-12-31 BC', 'TZ OF'), to_char(timestamp '0001-12-31 BC', 'FMDDth'), to_char(timestamp '0001-12-31 BC', 'FMMMth'), to_char(timestamp '0001-12-31 BC', 'Dth'), to_char(timestamp '0001-12-31 BC', 'CCth'), to_char(timestamp '0001-12-31 BC', 'FMHH12:MI:SS P.M.'), to_char(timestamp '0001-12-31 BC', 'YYYYth'), to_char(timestamp '0001-12-31 BC', 'IWth'), to_char(timestamp '0001-12-31 BC', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '2010-01-03', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '2010-01-03', 'IYYY-IW-ID'), to_char(timestamp '2010-01-03', 'IDDD'), to_char(timestamp '2010-01-03', 'WW W'), to_char(timestamp '2010-01-03', 'Q'), to_char(timestamp '2010-01-03', 'CC'), to_char(timestamp '2010-01-03', 'Y,YYY'), to_char(timestamp '2010-01-03', 'YYY YY Y'), to_char(timestamp '2010-01-03', 'J'), to_char(timestamp '2010-01-03', 'DDD'), to_char(timestamp '2010-01-03', 'D'), to_char(timestamp '2010-01-03', 'Day Dy'), to_char(timestamp '2010-01-03', 'Month Mon'), to_char(timestamp '2010-01-03', 'RM'), to_char(timestamp '2010-01-03', 'HH12 AM'), to_char(timestamp '2010-01-03', 'SSSS'), to_char(timestamp '2010-01-03', 'TZ OF'), to_char(timestamp '2010-01-03', 'FMDDth'), to_char(timestamp '2010-01-03', 'FMMMth'), to_char(timestamp '2010-01-03', 'Dth'), to_char(timestamp '2010-01-03', 'CCth'), to_char(timestamp '2010-01-03', 'FMHH12:MI:SS P.M.'), to_char(timestamp '2010-01-03', 'YYYYth'), to_char(timestamp '2010-01-03', 'IWth'), to_char(timestamp '2010-01-03', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '1582-10-15', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '1582-10-15', 'IYYY-IW-ID'), to_char(timestamp '1582-10-15', 'IDDD'), to_char(timestamp '1582-10-15', 'WW W'), to_char(timestamp '1582-10-15', 'Q'), to_char(timestamp '1582-10-15', 'CC'), to_char(timestamp '1582-10-15', 'Y,YYY'), to_char(timestamp '1582-10-15', 'YYY YY Y'), to_char(timestamp '1582-10-15', 'J'), to_char(timestamp '1582-10-15', 'DDD'), to_char(timestamp '1582-10-15', 'D'), to_char(timestamp '1582-10-15', 'Day Dy'), to_char(timestamp '1582-10-15', 'Month Mon'), to_char(timestamp '1582-10-15', 'RM'), to_char(timestamp '1582-10-15', 'HH12 AM'), to_char(timestamp '1582-10-15', 'SSSS'), to_char(timestamp '1582-10-15', 'TZ OF'), to_char(timestamp '1582-10-15', 'FMDDth'), to_char(timestamp '1582-10-15', 'FMMMth'), to_char(timestamp '1582-10-15', 'Dth'), to_char(timestamp '1582-10-15', 'CCth'), to_char(timestamp '1582-10-15', 'FMHH12:MI:SS P.M.'), to_char(timestamp '1582-10-15', 'YYYYth'), to_char(timestamp '1582-10-15', 'IWth'), to_char(timestamp '1582-10-15', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '4713-01-01 BC', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '4713-01-01 BC', 'IYYY-IW-ID'), to_char(timestamp '4713-01-01 BC', 'IDDD'), to_char(timestamp '4713-01-01 BC', 'WW W'), to_char(timestamp '4713-01-01 BC', 'Q'), to_char(timestamp '4713-01-01 BC', 'CC'), to_char(timestamp '4713-01-01 BC', 'Y,YYY'), to_char(timestamp '4713-01-01 BC', 'YYY YY Y'), to_char(timestamp '4713-01-01 BC', 'J'), to_char(timestamp '4713-01-01 BC', 'DDD'), to_char(timestamp '4713-01-01 BC', 'D'), to_char(timestamp '4713-01-01 BC', 'Day Dy'), to_char(timestamp '4713-01-01 BC', 'Month Mon'), to_char(timestamp '4713-01-01 BC', 'RM'), to_char(timestamp '4713-01-01 BC', 'HH12 AM'), to_char(timestamp '4713-01-01 BC', 'SSSS'), to_char(timestamp '4713-01-01 BC', 'TZ OF'), to_char(timestamp '4713-01-01 BC', 'FMDDth'), to_char(timestamp '4713-01-01 BC', 'FMMMth'), to_char(timestamp '4713-01-01 BC', 'Dth'), to_char(timestamp '4713-01-01 BC', 'CCth'), to_char(timestamp '4713-01-01 BC', 'FMHH12:MI:SS P.M.'), to_char(timestamp '4713-01-01 BC', 'YYYYth'), to_char(timestamp '4713-01-01 BC', 'IWth'), to_char(timestamp '4713-01-01 BC', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '0100-03-01', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '0100-03-01', 'IYYY-IW-ID'), to_char(timestamp '0100-03-01', 'IDDD'), to_char(timestamp '0100-03-01', 'WW W'), to_char(timestamp '0100-03-01', 'Q'), to_char(timestamp '0100-03-01', 'CC'), to_char(timestamp '0100-03-01', 'Y,YYY'), to_char(timestamp '0100-03-01', 'YYY YY Y'), to_char(timestamp '0100-03-01', 'J'), to_char(timestamp '0100-03-01', 'DDD'), to_char(timestamp '0100-03-01', 'D'), to_char(timestamp '0100-03-01', 'Day Dy'), to_char(timestamp '0100-03-01', 'Month Mon'), to_char(timestamp '0100-03-01', 'RM'), to_char(timestamp '0100-03-01', 'HH12 AM'), to_char(timestamp '0100-03-01', 'SSSS'), to_char(timestamp '0100-03-01', 'TZ OF'), to_char(timestamp '0100-03-01', 'FMDDth'), to_char(timestamp '0100-03-01', 'FMMMth'), to_char(timestamp '0100-03-01', 'Dth'), to_char(timestamp '0100-03-01', 'CCth'), to_char(timestamp '0100-03-01', 'FMHH12:MI:SS P.M.'), to_char(timestamp '0100-03-01', 'YYYYth'), to_char(timestamp '0100-03-01', 'IWth'), to_char(timestamp '0100-03-01', 'FF1 FF2 FF3 FF4 FF5 FF6')
SELECT to_char(timestamp '0099-03-01 BC', 'YYYY-MM-DD HH24:MI:SS'), to_char(timestamp '0099-03-01 BC', 'IYYY-IW-ID'), to_char(timestamp '0099-03-01 BC', 'IDDD'), to_char(timestamp '0099-03-01 BC', 'WW W'), to_char(timestamp '0099-03-01 BC', 'Q'), to_char(timestamp '0099-03-01 BC', 'CC'), to_char(timestamp '0099-03-01 BC', 'Y,YYY'), to_char(timestamp '0099-03-01 BC', 'YYY YY Y'), to_char(timestamp '0099-03-01 BC', 'J'), to_char(timestamp '0099-03-01 BC', 'DDD'), to_char(timestamp '0099-03-01 BC', 'D'), to_char(timestamp '0099-03-01 BC', 'Day Dy'), to_char(timestamp '0099-03-01 BC', 'Month Mon'), to_char(timestamp '0099-03-01 BC', 'RM'), to_char(timestamp '0099-03-01 BC', 'HH12 AM'), to_char(timestamp '0099-03-01 BC', 'SSSS'), to_char(timestamp '0099-03-01 BC', 'TZ OF'), to_char(timestamp '0099-03-01 BC', 'FMDDth'), to_char(timestamp '0099-03-01 BC', 'FMMMth'), to_char(timestamp '0099-03-01 BC', 'Dth'), to_char(timestamp '0099-03-01 BC', 'CCth'), to_char(timestamp '0099-03-01 BC', 'FMHH12:MI:SS P.M.'), to_char(timestamp '0099-03-01 BC', 'YYYYth'), to_char(timestamp '0099-03-01 BC', 'IWth'), to_char(timestamp '0099-03-01 BC', 'FF1 FF2 FF3 FF4 FF5 FF6')


-- case: to_char_number_matrix
SELECT to_char(0::numeric, '999.99'), to_char(0::numeric, 'FM999.99'), to_char(0::numeric, 'S999.99'), to_char(0::numeric, '999.99S'), to_char(0::numeric, 'MI999.99'), to_char(0::numeric, '999.99MI'), to_char(0::numeric, 'PL999.99'), to_char(0::numeric, 'SG999.99'), to_char(0::numeric, '999.99PR'), to_char(0::numeric, 'FM999.99PR'), to_char(0::numeric, '0000.00'), to_char(0::numeric, 'FM0000.00'), to_char(0::numeric, '9,999.99'), to_char(0::numeric, 'FM9,999.99'), to_char(0::numeric, '99G999D99'), to_char(0::numeric, '9.99EEEE'), to_char(0::numeric, 'RN'), to_char(0::numeric, 'FMRN'), to_char(0::numeric, '999th'), to_char(0::numeric, 'FM999TH'), to_char(0::numeric, '9990.0'), to_char(0::numeric, 'FM9990.0'), to_char(0::numeric, 'B999.99'), to_char(0::numeric, '99V99'), to_char(0::numeric, 'L999.99'), to_char(0::numeric, '.999'), to_char(0::numeric, 'FM.999'), to_char(0::numeric, '9.'), to_char(0::numeric, 'FM9.'), to_char(0::numeric, '0.0'), to_char(0::numeric, 'FM0.0'), to_char(0::numeric, '9999'), to_char(0::numeric, 'FM9999'), to_char(0::numeric, '09.90'), to_char(0::numeric, 'FM09.90'), to_char(0::numeric, 'S0.00'), to_char(0::numeric, 'SG0.00')
SELECT to_char(0::float8, '999.99'), to_char(0::float8, 'FM999.99'), to_char(0::float8, 'S999.99'), to_char(0::float8, '999.99S'), to_char(0::float8, 'MI999.99'), to_char(0::float8, '999.99MI'), to_char(0::float8, 'PL999.99'), to_char(0::float8, 'SG999.99'), to_char(0::float8, '999.99PR'), to_char(0::float8, 'FM999.99PR'), to_char(0::float8, '0000.00'), to_char(0::float8, 'FM0000.00'), to_char(0::float8, '9,999.99'), to_char(0::float8, 'FM9,999.99'), to_char(0::float8, '99G999D99'), to_char(0::float8, '9.99EEEE'), to_char(0::float8, 'RN'), to_char(0::float8, 'FMRN'), to_char(0::float8, '999th'), to_char(0::float8, 'FM999TH'), to_char(0::float8, '9990.0'), to_char(0::float8, 'FM9990.0'), to_char(0::float8, 'B999.99'), to_char(0::float8, '99V99'), to_char(0::float8, 'L999.99'), to_char(0::float8, '.999'), to_char(0::float8, 'FM.999'), to_char(0::float8, '9.'), to_char(0::float8, 'FM9.'), to_char(0::float8, '0.0'), to_char(0::float8, 'FM0.0'), to_char(0::float8, '9999'), to_char(0::float8, 'FM9999'), to_char(0::float8, '09.90'), to_char(0::float8, 'FM09.90'), to_char(0::float8, 'S0.00'), to_char(0::float8, 'SG0.00')
SELECT to_char(0::int4, '999.99'), to_char(0::int4, 'FM999.99'), to_char(0::int4, 'S999.99'), to_char(0::int4, '999.99S'), to_char(0::int4, 'MI999.99'), to_char(0::int4, '999.99MI'), to_char(0::int4, 'PL999.99'), to_char(0::int4, 'SG999.99'), to_char(0::int4, '999.99PR'), to_char(0::int4, 'FM999.99PR'), to_char(0::int4, '0000.00'), to_char(0::int4, 'FM0000.00'), to_char(0::int4, '9,999.99'), to_char(0::int4, 'FM9,999.99'), to_char(0::int4, '99G999D99'), to_char(0::int4, '9.99EEEE'), to_char(0::int4, 'RN'), to_char(0::int4, 'FMRN'), to_char(0::int4, '999th'), to_char(0::int4, 'FM999TH'), to_char(0::int4, '9990.0'), to_char(0::int4, 'FM9990.0'), to_char(0::int4, 'B999.99'), to_char(0::int4, '99V99'), to_char(0::int4, 'L999.99'), to_char(0::int4, '.999'), to_char(0::int4, 'FM.999'), to_char(0::int4, '9.'), to_char(0::int4, 'FM9.'), to_char(0::int4, '0.0'), to_char(0::int4, 'FM0.0'), to_char(0::int4, '9999'), to_char(0::int4, 'FM9999'), to_char(0::int4, '09.90'), to_char(0::int4, 'FM09.90'), to_char(0::int4, 'S0.00'), to_char(0::int4, 'SG0.00')
SELECT to_char(0::int8, '999.99'), to_char(0::int8, 'FM999.99'), to_char(0::int8, 'S999.99'), to_char(0::int8, '999.99S'), to_char(0::int8, 'MI999.99'), to_char(0::int8, '999.99MI'), to_char(0::int8, 'PL999.99'), to_char(0::int8, 'SG999.99'), to_char(0::int8, '999.99PR'), to_char(0::int8, 'FM999.99PR'), to_char(0::int8, '0000.00'), to_char(0::int8, 'FM0000.00'), to_char(0::int8, '9,999.99'), to_char(0::int8, 'FM9,999.99'), to_char(0::int8, '99G999D99'), to_char(0::int8, '9.99EEEE'), to_char(0::int8, 'RN'), to_char(0::int8, 'FMRN'), to_char(0::int8, '999th'), to_char(0::int8, 'FM999TH'), to_char(0::int8, '9990.0'), to_char(0::int8, 'FM9990.0'), to_char(0::int8, 'B999.99'), to_char(0::int8, '99V99'), to_char(0::int8, 'L999.99'), to_char(0::int8, '.999'), to_char(0::int8, 'FM.999'), to_char(0::int8, '9.'), to_char(0::int8, 'FM9.'), to_char(0::int8, '0.0'), to_char(0::int8, 'FM0.0'), to_char(0::int8, '9999'), to_char(0::int8, 'FM9999'), to_char(0::int8, '09.90'), to_char(0::int8, 'FM09.90'), to_char(0::int8, 'S0.00'), to_char(0::int8, 'SG0.00')
SELECT to_char(1::numeric, '999.99'), to_char(1::numeric, 'FM999.99'), to_char(1::numeric, 'S999.99'), to_char(1::numeric, '999.99S'), to_char(1::numeric, 'MI999.99'), to_char(1::numeric, '999.99MI'), to_char(1::numeric, 'PL999.99'), to_char(1::numeric, 'SG999.99'), to_char(1::numeric, '999.99PR'), to_char(1::numeric, 'FM999.99PR'), to_char(1::numeric, '0000.00'), to_char(1::numeric, 'FM0000.00'), to_char(1::numeric, '9,999.99'), to_char(1::numeric, 'FM9,999.99'), to_char(1::numeric, '99G999D99'), to_char(1::numeric, '9.99EEEE'), to_char(1::numeric, 'RN'), to_char(1::numeric, 'FMRN'), to_char(1::numeric, '999th'), to_char(1::numeric, 'FM999TH'), to_char(1::numeric, '9990.0'), to_char(1::numeric, 'FM9990.0'), to_char(1::numeric, 'B999.99'), to_char(1::numeric, '99V99'), to_char(1::numeric, 'L999.99'), to_char(1::numeric, '.999'), to_char(1::numeric, 'FM.999'), to_char(1::numeric, '9.'), to_char(1::numeric, 'FM9.'), to_char(1::numeric, '0.0'), to_char(1::numeric, 'FM0.0'), to_char(1::numeric, '9999'), to_char(1::numeric, 'FM9999'), to_char(1::numeric, '09.90'), to_char(1::numeric, 'FM09.90'), to_char(1::numeric, 'S0.00'), to_char(1::numeric, 'SG0.00')
SELECT to_char(1::float8, '999.99'), to_char(1::float8, 'FM999.99'), to_char(1::float8, 'S999.99'), to_char(1::float8, '999.99S'), to_char(1::float8, 'MI999.99'), to_char(1::float8, '999.99MI'), to_char(1::float8, 'PL999.99'), to_char(1::float8, 'SG999.99'), to_char(1::float8, '999.99PR'), to_char(1::float8, 'FM999.99PR'), to_char(1::float8, '0000.00'), to_char(1::float8, 'FM0000.00'), to_char(1::float8, '9,999.99'), to_char(1::float8, 'FM9,999.99'), to_char(1::float8, '99G999D99'), to_char(1::float8, '9.99EEEE'), to_char(1::float8, 'RN'), to_char(1::float8, 'FMRN'), to_char(1::float8, '999th'), to_char(1::float8, 'FM999TH'), to_char(1::float8, '9990.0'), to_char(1::float8, 'FM9990.0'), to_char(1::float8, 'B999.99'), to_char(1::float8, '99V99'), to_char(1::float8, 'L999.99'), to_char(1::float8, '.999'), to_char(1::float8, 'FM.999'), to_char(1::float8, '9.'), to_char(1::float8, 'FM9.'), to_char(1::float8, '0.0'), to_char(1::float8, 'FM0.0'), to_char(1::float8, '9999'), to_char(1::float8, 'FM9999'), to_char(1::float8, '09.90'), to_char(1::float8, 'FM09.90'), to_char(1::float8, 'S0.00'), to_char(1::float8, 'SG0.00')
SELECT to_char(1::int4, '999.99'), to_char(1::int4, 'FM999.99'), to_char(1::int4, 'S999.99'), to_char(1::int4, '999.99S'), to_char(1::int4, 'MI999.99'), to_char(1::int4, '999.99MI'), to_char(1::int4, 'PL999.99'), to_char(1::int4, 'SG999.99'), to_char(1::int4, '999.99PR'), to_char(1::int4, 'FM999.99PR'), to_char(1::int4, '0000.00'), to_char(1::int4, 'FM0000.00'), to_char(1::int4, '9,999.99'), to_char(1::int4, 'FM9,999.99'), to_char(1::int4, '99G999D99'), to_char(1::int4, '9.99EEEE'), to_char(1::int4, 'RN'), to_char(1::int4, 'FMRN'), to_char(1::int4, '999th'), to_char(1::int4, 'FM999TH'), to_char(1::int4, '9990.0'), to_char(1::int4, 'FM9990.0'), to_char(1::int4, 'B999.99'), to_char(1::int4, '99V99'), to_char(1::int4, 'L999.99'), to_char(1::int4, '.999'), to_char(1::int4, 'FM.999'), to_char(1::int4, '9.'), to_char(1::int4, 'FM9.'), to_char(1::int4, '0.0'), to_char(1::int4, 'FM0.0'), to_char(1::int4, '9999'), to_char(1::int4, 'FM9999'), to_char(1::int4, '09.90'), to_char(1::int4, 'FM09.90'), to_char(1::int4, 'S0.00'), to_char(1::int4, 'SG0.00')
SELECT to_char(1::int8, '999.99'), to_char(1::int8, 'FM999.99'), to_char(1::int8, 'S999.99'), to_char(1::int8, '999.99S'), to_char(1::int8, 'MI999.99'), to_char(1::int8, '999.99MI'), to_char(1::int8, 'PL999.99'), to_char(1::int8, 'SG999.99'), to_char(1::int8, '999.99PR'), to_char(1::int8, 'FM999.99PR'), to_char(1::int8, '0000.00'), to_char(1::int8, 'FM0000.00'), to_char(1::int8, '9,999.99'), to_char(1::int8, 'FM9,999.99'), to_char(1::int8, '99G999D99'), to_char(1::int8, '9.99EEEE'), to_char(1::int8, 'RN'), to_char(1::int8, 'FMRN'), to_char(1::int8, '999th'), to_char(1::int8, 'FM999TH'), to_char(1::int8, '9990.0'), to_char(1::int8, 'FM9990.0'), to_char(1::int8, 'B999.99'), to_char(1::int8, '99V99'), to_char(1::int8, 'L999.99'), to_char(1::int8, '.999'), to_char(1::int8, 'FM.999'), to_char(1::int8, '9.'), to_char(1::int8, 'FM9.'), to_char(1::int8, '0.0'), to_char(1::int8, 'FM0.0'), to_char(1::int8, '9999'), to_char(1::int8, 'FM9999'), to_char(1::int8, '09.90'), to_char(1::int8, 'FM09.90'), to_char(1::int8, 'S0.00'), to_char(1::int8, 'SG0.00')
SELECT to_char(999.995::numeric, '999.99'), to_char(999.995::numeric, 'FM999.99'), to_char(999.995::numeric, 'S999.99'), to_char(999.995::numeric, '999.99S'), to_char(999.995::numeric, 'MI999.99'), to_char(999.995::numeric, '999.99MI'), to_char(999.995::numeric, 'PL999.99'), to_char(999.995::numeric, 'SG999.99'), to_char(999.995::numeric, '999.99PR'), to_char(999.995::numeric, 'FM999.99PR'), to_char(999.995::numeric, '0000.00'), to_char(999.995::numeric, 'FM0000.00'), to_char(999.995::numeric, '9,999.99'), to_char(999.995::numeric, 'FM9,999.99'), to_char(999.995::numeric, '99G999D99'), to_char(999.995::numeric, '9.99EEEE'), to_char(999.995::numeric, 'RN'), to_char(999.995::numeric, 'FMRN'), to_char(999.995::numeric, '999th'), to_char(999.995::numeric, 'FM999TH'), to_char(999.995::numeric, '9990.0'), to_char(999.995::numeric, 'FM9990.0'), to_char(999.995::numeric, 'B999.99'), to_char(999.995::numeric, '99V99'), to_char(999.995::numeric, 'L999.99'), to_char(999.995::numeric, '.999'), to_char(999.995::numeric, 'FM.999'), to_char(999.995::numeric, '9.'), to_char(999.995::numeric, 'FM9.'), to_char(999.995::numeric, '0.0'), to_char(999.995::numeric, 'FM0.0'), to_char(999.995::numeric, '9999'), to_char(999.995::numeric, 'FM9999'), to_char(999.995::numeric, '09.90'), to_char(999.995::numeric, 'FM09.90'), to_char(999.995::numeric, 'S0.00'), to_char(999.995::numeric, 'SG0.00')
SELECT to_char(999.995::float8, '999.99'), to_char(999.995::float8, 'FM999.99'), to_char(999.995::float8, 'S999.99'), to_char(999.995::float8, '999.99S'), to_char(999.995::float8, 'MI999.99'), to_char(999.995::float8, '999.99MI'), to_char(999.995::float8, 'PL999.99'), to_char(999.995::float8, 'SG999.99'), to_char(999.995::float8, '999.99PR'), to_char(999.995::float8, 'FM999.99PR'), to_char(999.995::float8, '0000.00'), to_char(999.995::float8, 'FM0000.00'), to_char(999.995::float8, '9,999.99'), to_char(999.995::float8, 'FM9,999.99'), to_char(999.995::float8, '99G999D99'), to_char(999.995::float8, '9.99EEEE'), to_char(999.995::float8, 'RN'), to_char(999.995::float8, 'FMRN'), to_char(999.995::float8, '999th'), to_char(999.995::float8, 'FM999TH'), to_char(999.995::float8, '9990.0'), to_char(999.995::float8, 'FM9990.0'), to_char(999.995::float8, 'B999.99'), to_char(999.995::float8, '99V99'), to_char(999.995::float8, 'L999.99'), to_char(999.995::float8, '.999'), to_char(999.995::float8, 'FM.999'), to_char(999.995::float8, '9.'), to_char(999.995::float8, 'FM9.'), to_char(999.995::float8, '0.0'), to_char(999.995::float8, 'FM0.0'), to_char(999.995::float8, '9999'), to_char(999.995::float8, 'FM9999'), to_char(999.995::float8, '09.90'), to_char(999.995::float8, 'FM09.90'), to_char(999.995::float8, 'S0.00'), to_char(999.995::float8, 'SG0.00')
SELECT to_char(1234.5::numeric, '999.99'), to_char(1234.5::numeric, 'FM999.99'), to_char(1234.5::numeric, 'S999.99'), to_char(1234.5::numeric, '999.99S'), to_char(1234.5::numeric, 'MI999.99'), to_char(1234.5::numeric, '999.99MI'), to_char(1234.5::numeric, 'PL999.99'), to_char(1234.5::numeric, 'SG999.99'), to_char(1234.5::numeric, '999.99PR'), to_char(1234.5::numeric, 'FM999.99PR'), to_char(1234.5::numeric, '0000.00'), to_char(1234.5::numeric, 'FM0000.00'), to_char(1234.5::numeric, '9,999.99'), to_char(1234.5::numeric, 'FM9,999.99'), to_char(1234.5::numeric, '99G999D99'), to_char(1234.5::numeric, '9.99EEEE'), to_char(1234.5::numeric, 'RN'), to_char(1234.5::numeric, 'FMRN'), to_char(1234.5::numeric, '999th'), to_char(1234.5::numeric, 'FM999TH'), to_char(1234.5::numeric, '9990.0'), to_char(1234.5::numeric, 'FM9990.0'), to_char(1234.5::numeric, 'B999.99'), to_char(1234.5::numeric, '99V99'), to_char(1234.5::numeric, 'L999.99'), to_char(1234.5::numeric, '.999'), to_char(1234.5::numeric, 'FM.999'), to_char(1234.5::numeric, '9.'), to_char(1234.5::numeric, 'FM9.'), to_char(1234.5::numeric, '0.0'), to_char(1234.5::numeric, 'FM0.0'), to_char(1234.5::numeric, '9999'), to_char(1234.5::numeric, 'FM9999'), to_char(1234.5::numeric, '09.90'), to_char(1234.5::numeric, 'FM09.90'), to_char(1234.5::numeric, 'S0.00'), to_char(1234.5::numeric, 'SG0.00')
SELECT to_char(1234.5::float8, '999.99'), to_char(1234.5::float8, 'FM999.99'), to_char(1234.5::float8, 'S999.99'), to_char(1234.5::float8, '999.99S'), to_char(1234.5::float8, 'MI999.99'), to_char(1234.5::float8, '999.99MI'), to_char(1234.5::float8, 'PL999.99'), to_char(1234.5::float8, 'SG999.99'), to_char(1234.5::float8, '999.99PR'), to_char(1234.5::float8, 'FM999.99PR'), to_char(1234.5::float8, '0000.00'), to_char(1234.5::float8, 'FM0000.00'), to_char(1234.5::float8, '9,999.99'), to_char(1234.5::float8, 'FM9,999.99'), to_char(1234.5::float8, '99G999D99'), to_char(1234.5::float8, '9.99EEEE'), to_char(1234.5::float8, 'RN'), to_char(1234.5::float8, 'FMRN'), to_char(1234.5::float8, '999th'), to_char(1234.5::float8, 'FM999TH'), to_char(1234.5::float8, '9990.0'), to_char(1234.5::float8, 'FM9990.0'), to_char(1234.5::float8, 'B999.99'), to_char(1234.5::float8, '99V99'), to_char(1234.5::float8, 'L999.99'), to_char(1234.5::float8, '.999'), to_char(1234.5::float8, 'FM.999'), to_char(1234.5::float8, '9.'), to_char(1234.5::float8, 'FM9.'), to_char(1234.5::float8, '0.0'), to_char(1234.5::float8, 'FM0.0'), to_char(1234.5::float8, '9999'), to_char(1234.5::float8, 'FM9999'), to_char(1234.5::float8, '09.90'), to_char(1234.5::float8, 'FM09.90'), to_char(1234.5::float8, 'S0.00'), to_char(1234.5::float8, 'SG0.00')
SELECT to_char(4000::numeric, '999.99'), to_char(4000::numeric, 'FM999.99'), to_char(4000::numeric, 'S999.99'), to_char(4000::numeric, '999.99S'), to_char(4000::numeric, 'MI999.99'), to_char(4000::numeric, '999.99MI'), to_char(4000::numeric, 'PL999.99'), to_char(4000::numeric, 'SG999.99'), to_char(4000::numeric, '999.99PR'), to_char(4000::numeric, 'FM999.99PR'), to_char(4000::numeric, '0000.00'), to_char(4000::numeric, 'FM0000.00'), to_char(4000::numeric, '9,999.99'), to_char(4000::numeric, 'FM9,999.99'), to_char(4000::numeric, '99G999D99'), to_char(4000::numeric, '9.99EEEE'), to_char(4000::numeric, 'RN'), to_char(4000::numeric, 'FMRN'), to_char(4000::numeric, '999th'), to_char(4000::numeric, 'FM999TH'), to_char(4000::numeric, '9990.0'), to_char(4000::numeric, 'FM9990.0'), to_char(4000::numeric, 'B999.99'), to_char(4000::numeric, '99V99'), to_char(4000::numeric, 'L999.99'), to_char(4000::numeric, '.999'), to_char(4000::numeric, 'FM.999'), to_char(4000::numeric, '9.'), to_char(4000::numeric, 'FM9.'), to_char(4000::numeric, '0.0'), to_char(4000::numeric, 'FM0.0'), to_char(4000::numeric, '9999'), to_char(4000::numeric, 'FM9999'), to_char(4000::numeric, '09.90'), to_char(4000::numeric, 'FM09.90'), to_char(4000::numeric, 'S0.00'), to_char(4000::numeric, 'SG0.00')
SELECT to_char(4000::float8, '999.99'), to_char(4000::float8, 'FM999.99'), to_char(4000::float8, 'S999.99'), to_char(4000::float8, '999.99S'), to_char(4000::float8, 'MI999.99'), to_char(4000::float8, '999.99MI'), to_char(4000::float8, 'PL999.99'), to_char(4000::float8, 'SG999.99'), to_char(4000::float8, '999.99PR'), to_char(4000::float8, 'FM999.99PR'), to_char(4000::float8, '0000.00'), to_char(4000::float8, 'FM0000.00'), to_char(4000::float8, '9,999.99'), to_char(4000::float8, 'FM9,999.99'), to_char(4000::float8, '99G999D99'), to_char(4000::float8, '9.99EEEE'), to_char(4000::float8, 'RN'), to_char(4000::float8, 'FMRN'), to_char(4000::float8, '999th'), to_char(4000::float8, 'FM999TH'), to_char(4000::float8, '9990.0'), to_char(4000::float8, 'FM9990.0'), to_char(4000::float8, 'B999.99'), to_char(4000::float8, '99V99'), to_char(4000::float8, 'L999.99'), to_char(4000::float8, '.999'), to_char(4000::float8, 'FM.999'), to_char(4000::float8, '9.'), to_char(4000::float8, 'FM9.'), to_char(4000::float8, '0.0'), to_char(4000::float8, 'FM0.0'), to_char(4000::float8, '9999'), to_char(4000::float8, 'FM9999'), to_char(4000::float8, '09.90'), to_char(4000::float8, 'FM09.90'), to_char(4000::float8, 'S0.00'), to_char(4000::float8, 'SG0.00')
SELECT to_char(4000::int4, '999.99'), to_char(4000::int4, 'FM999.99'), to_char(4000::int4, 'S999.99'), to_char(4000::int4, '999.99S'), to_char(4000::int4, 'MI999.99'), to_char(4000::int4, '999.99MI'), to_char(4000::int4, 'PL999.99'), to_char(4000::int4, 'SG999.99'), to_char(4000::int4, '999.99PR'), to_char(4000::int4, 'FM999.99PR'), to_char(4000::int4, '0000.00'), to_char(4000::int4, 'FM0000.00'), to_char(4000::int4, '9,999.99'), to_char(4000::int4, 'FM9,999.99'), to_char(4000::int4, '99G999D99'), to_char(4000::int4, '9.99EEEE'), to_char(4000::int4, 'RN'), to_char(4000::int4, 'FMRN'), to_char(4000::int4, '999th'), to_char(4000::int4, 'FM999TH'), to_char(4000::int4, '9990.0'), to_char(4000::int4, 'FM9990.0'), to_char(4000::int4, 'B999.99'), to_char(4000::int4, '99V99'), to_char(4000::int4, 'L999.99'), to_char(4000::int4, '.999'), to_char(4000::int4, 'FM.999'), to_char(4000::int4, '9.'), to_char(4000::int4, 'FM9.'), to_char(4000::int4, '0.0'), to_char(4000::int4, 'FM0.0'), to_char(4000::int4, '9999'), to_char(4000::int4, 'FM9999'), to_char(4000::int4, '09.90'), to_char(4000::int4, 'FM09.90'), to_char(4000::int4, 'S0.00'), to_char(4000::int4, 'SG0.00')
SELECT to_char(4000::int8, '999.99'), to_char(4000::int8, 'FM999.99'), to_char(4000::int8, 'S999.99'), to_char(4000::int8, '999.99S'), to_char(4000::int8, 'MI999.99'), to_char(4000::int8, '999.99MI'), to_char(4000::int8, 'PL999.99'), to_char(4000::int8, 'SG999.99'), to_char(4000::int8, '999.99PR'), to_char(4000::int8, 'FM999.99PR'), to_char(4000::int8, '0000.00'), to_char(4000::int8, 'FM0000.00'), to_char(4000::int8, '9,999.99'), to_char(4000::int8, 'FM9,999.99'), to_char(4000::int8, '99G999D99'), to_char(4000::int8, '9.99EEEE'), to_char(4000::int8, 'RN'), to_char(4000::int8, 'FMRN'), to_char(4000::int8, '999th'), to_char(4000::int8, 'FM999TH'), to_char(4000::int8, '9990.0'), to_char(4000::int8, 'FM9990.0'), to_char(4000::int8, 'B999.99'), to_char(4000::int8, '99V99'), to_char(4000::int8, 'L999.99'), to_char(4000::int8, '.999'), to_char(4000::int8, 'FM.999'), to_char(4000::int8, '9.'), to_char(4000::int8, 'FM9.'), to_char(4000::int8, '0.0'), to_char(4000::int8, 'FM0.0'), to_char(4000::int8, '9999'), to_char(4000::int8, 'FM9999'), to_char(4000::int8, '09.90'), to_char(4000::int8, 'FM09.90'), to_char(4000::int8, 'S0.00'), to_char(4000::int8, 'SG0.00')

-- case: regex_backspace_escape
SELECT E'a\bc' ~ 'a\bc', 'abc' ~ 'a\bc', regexp_replace(E'x\by', '[\b]', '-'), E'a\bc' ~ '^a[\b]c$'

-- case: format_variadic_array
SELECT format('%s', VARIADIC ARRAY['a','b']), format('%2$s', VARIADIC ARRAY['a','b'])
SELECT format('%s', VARIADIC 'a')
SELECT format('%s', VARIADIC 1)
SELECT format('%s|%s', VARIADIC ARRAY[1,NULL])
SELECT format('%s', VARIADIC NULL::int[])
SELECT format(NULL, VARIADIC ARRAY['x'])
SELECT format('%s', VARIADIC '{a,b}'::text[]), format('%2$s %1$s', VARIADIC ARRAY['a','b']), format('x', VARIADIC ARRAY[]::text[])
SELECT format('%s %s', VARIADIC ARRAY[1.5, 2]::numeric[]), format('%L %I', VARIADIC ARRAY['it''s', 'A b']), format('%*s|', VARIADIC ARRAY[5, 7])
SELECT format('%s', VARIADIC ARRAY[true, NULL]), format('%s', VARIADIC ARRAY['2024-01-02'::date])


-- case: regex_non_greedy
SELECT regexp_match('XY1234Z', 'Y*?([0-9]{1,3})')
SELECT regexp_match('aaa', 'a*?')


-- case: regex_alternation_captures
SELECT regexp_match('abcd', '(a|ab)(c|bcd)')


-- case: regex_lookahead
SELECT regexp_match('abc', '(?=b)')


-- case: regex_context_sensitive_end
SELECT regexp_substr('ab', 'a|ab$')


-- case: to_char_roman_nonfinite
SELECT to_char('NaN'::numeric, 'RN')
SELECT to_char('Infinity'::numeric, 'RN')
SELECT to_char('-Infinity'::numeric, 'rn')
SELECT to_char(12.5::numeric, 'RN'), to_char(3999::numeric, 'FMRN')
