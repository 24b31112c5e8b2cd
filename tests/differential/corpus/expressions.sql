-- Typed expression layer, differential against PostgreSQL 15: constant
-- SELECTs over every operator/function/type combination of the subset,
-- NULL handling, promotion and overflow, casts between all type pairs,
-- date/time arithmetic under several TimeZone settings, LIKE patterns,
-- CASE/COALESCE type errors, parameter inference through PREPARE, and
-- error positions. One line is one simple Query message.

-- case: expr_basics_1
select 1 + 1, 1 - 2.5, 2 * 3::int8, 7 / 2.0, 7::int2 / 2::int2, 1.5::float4 + 1
select 'a' || 1, 1 || 'a', 'a' || 'b', 'x'::varchar || 'y'::char(3)
select 1 + 'a'
select - 'a'::text
select 'a' + 'b'
select 'a'::text + 1
select nosuch(1, 'a')
select case when true then 1 else 'a'::text end
select coalesce(1, 'a'::text)
select not 1
select 1 and true
select null and false, null or true, true and null, not null::bool
select 1 in (1, 2, null), 3 in (1, 2, null), 3 not in (1, 2), 1 in (1, 'a'::text)
select 5 between 1 and 10, 5 between 10 and 1, 5 between symmetric 10 and 1, 5 not between 1 and 3
select 'abc' like 'a%', 'abc' like 'a_c', 'a%c' like 'a\%c', 'abc' ilike 'A%', 'abc' not like 'b%'
select 'abc' like 'a%' escape 'xx'
select 'abc' like 'ab\'
select 'a_c' like 'a#_c' escape '#', 'abc' like 'a#_c' escape '#'
select case 1 when 1 then 'one' when 2 then 'two' else 'many' end, case when 1 > 2 then 1 end
select nullif(1, 1), nullif(1, 2), nullif(1, 1.5), coalesce(null, 2, 3), greatest(1, 2.5, 3), least('b', 'a')
select 1 = any(array[1,2]), 3 = all('{3,3}'), 1 < any('{}'::int[]), null::int = any(array[1])
select array[1,2,3], array['a','b'], array[1, 2.5], '{1,2}'::int[], array[]::text[]
select abs(-5), abs(-5.5), round(2.5), round(2.5::float8), round(1234.5678, 2), round(1234.5, -2), trunc(-2.7), floor(-2.5), ceil(2.1), ceiling(2.1::float8)
select mod(7, 3), mod(-7, 3), power(2, 10), 2 ^ 0.5, sqrt(2), sqrt(16::numeric), sign(-3.2), sign(0::float8)
select lower('ABC'), upper('abc'), length('abc'), char_length('ab  '::char(4)), octet_length('é'), trim('  a  '), trim(both 'x' from 'xxaxx'), ltrim('xxa', 'x'), rtrim('axx', 'x')
select substring('hello' from 2 for 3), substring('hello', 2), substr('hello', 2, 2), replace('aaa', 'a', 'b'), concat('a', 1, null, 2.5), concat_ws(',', 'a', null, 'b')
select left('hello', 2), right('hello', 2), left('hello', -2), position('l' in 'hello'), strpos('hello', 'z'), lpad('hi', 5, 'xy'), rpad('hi', 5), split_part('a,b,c', ',', 2), md5('abc')
select date '2024-01-31' + 1, date '2024-03-01' - date '2024-01-01', timestamp '2024-01-31 10:00' + interval '1 month', timestamp '2024-03-01' - timestamp '2024-01-01 12:00'
select date '2024-01-31' + interval '1 month', time '10:00' + interval '3 hours', interval '1 day' * 2.5, interval '1 hour' / 3
select extract(year from timestamp '2024-05-06 07:08:09.5'), extract(second from timestamp '2024-05-06 07:08:09.5'), date_part('doy', date '2024-03-01'), extract(epoch from interval '1 day')
select date_trunc('month', timestamp '2024-05-06 07:08:09'), date_trunc('hour', timestamptz '2024-05-06 07:08:09+02'), age(timestamp '2024-05-06', timestamp '2023-01-31')
select 2147483647 + 1
select 9223372036854775807::int8 * 2
select (-2147483648)::int4 / -1
select 1 / 0, 1
select 1.0 % 0
select 1e308::float8 * 10
select 0 ^ -1
select (-8) ^ 0.5
select sqrt(-1)

-- case: expr_basics_2
select 'abc'::int
select 1::date
select true::int, 1::bool, 3.7::int, '3.7'::float8::int, 1e20::float4::int8
select x
select t.x
select *
select round(2)
select 'a' = 1

-- case: expr_values_1
select 32767::int2 + 1::int2
select -32768::int2
select (-32768)::int2 * -1::int2
select 2147483647 * 2
select -2147483648
select abs(-2147483648)
select 9223372036854775807 + 1
select 5 % 0, 1
select 5.5 % 2, -5.5 % 2, 7 % -3
select 1.0 / 3, 10 / 4.0, 2 / 3::numeric, 1::numeric / 7, 100.00 / 3.0
select 1 / 3::float8, 1::float4 / 3, 0.1::float8 + 0.2::float8, 3.0::float4 * 1.1::float4
select 1e-300::float8 * 1e-300::float8
select 'NaN'::float8 = 'NaN'::float8, 'NaN'::numeric > 1, 'NaN'::float8 > 'Infinity'::float8, 'NaN'::numeric = 'NaN'::numeric
select 2 ^ 10, 2.0 ^ 10, 2 ^ -1, 2.5 ^ 2, 0 ^ 0, power(2.0, 0.5), power(-2, 3), (-2.0) ^ 3
select '1.5'::numeric::int, '2.5'::numeric::int, (-2.5)::numeric::int, 2.5::float8::int, 3.5::float8::int, (-0.5)::float8::int
select 123.456::numeric(5,2), 0.005::numeric(3,2), 12345.6::numeric(5,1)
select 99999.5::numeric(5,0)
select 'NaN'::numeric::int
select 1e40::float4
select 1e39::numeric::float4
select 3.14159::float4::numeric, (1/3::float8)::numeric, 1e16::float8::numeric
select 'abc'::char(5) = 'abc', 'abc'::char(5) || 'x', length('abc  '::char(5)), octet_length('abc'::char(5)), 'ab'::varchar(5) < 'abc'
select 'abcdef'::varchar(3), 'ab'::char(4), cast('abc' as char(1)), 12345::varchar(3)
select 'a' < 'b', 'B' < 'a', 'abc' >= 'abd', 'é' > 'z', '' = ''
select 1 < 2.5, 2::int2 = 2::int8, 1.0 = 1, 1::float8 = 1::numeric, 1.1::float4 = 1.1::float8
select true > false, true = 't', 'yes'::bool and true, not 'f'::bool
select null is null, 1 is null, null is not null, 'a' is not null
select true is true, null is unknown, false is not true, null is not false, (1 = 1) is false
select 1 is distinct from null, null is distinct from null, 1 is not distinct from 1, null is not distinct from 2, 1 is distinct from 1.0
select case when null then 1 else 2 end, case null when null then 'x' else 'y' end, case 'a' when 'a' then 1 end
select case when true then 1 else 2.5 end, case when false then 'a' end, case when true then now() else null end is not null
select case when 1 then 2 end
select case 1 when 'x' then 1 end
select coalesce(null, null), coalesce(null::int, 2.5), coalesce('a', 'b'), coalesce(1, null, 1/1)
select coalesce(1, 'x')
select greatest(1, null, 3), least(null::int, null), greatest('a', 'B', 'c'), least(1.5, 2, 0.5::float8), greatest(date '2024-01-01', timestamp '2023-12-31 23:00')
select greatest(1, 'a'::text)
select nullif('a', 'a'), nullif('a', 'b'), nullif(null, 1), nullif(1, null)
select 1 in (1.5, 2, 1), 'a' in ('a', 'b'), null in (1, 2), 1 not in (2, null), 1 in (1)
select 2 = any('{1,2,3}'::int[]), 4 > all(array[1,2,3]), 'a' = any(array['a', null]), 'c' = any(array['a', null]), 1 = any(null::int[])

-- case: expr_values_2
select 1 = any(1)
select array[1,2] || 3, 0 || array[1,2], array[1] || array[2,3], array['a'] || 'b', array[1,2] || '{3}'
select array[1,2] = array[1,2], array[1,null] = array[1,null], array[1,2] <> '{1,3}'
select array[]
select array[1, 'a'::text]
select '{1,2,3}'::int[], '{a,"b c",NULL}'::text[], array[1.5, 2]::int[], '{1,2}'::int[]::text[]
select 1 || 2
select 'x' || null, null || 'x', 'a' || 1.5, 'a' || true, 'd' || date '2024-01-02', 'f' || 1.5::float8
select 'abc' like 'ABC', 'ABC' ilike 'abc', 'a%b' like 'a\%b', 'a\b' like 'a\\b', 'aXb' like 'a_b', 'ab' like 'a_b', '' like '%', 'x' like ''
select 'abc' like 'a%c' escape '', 'a%c' like 'a%%c' escape '%', 'abc' not ilike 'A%', 'ab_c' like 'ab!_c' escape '!'
select 'ab' like 'a!' escape '!'
select 'ab'::char(4) like 'ab', 'ab'::char(4) like 'ab%', 'ab'::varchar(4) like 'ab'
select length(null), lower(null), concat(), concat_ws(null, 'a')
select concat(1, true, date '2024-01-01', 1.50, null::int, 'x'::char(3)), concat_ws('-', 1, 2.5::float8, null)
select substring('hello', 0, 3), substring('hello', -1, 3), substring('hello', 3, 100), substr('hello', 10)
select substring('hello', 1, -1)
select trim(leading 'x' from 'xxaxx'), trim(trailing from '  a  '), btrim('xyxay', 'xy'), trim('  a  ') = 'a'
select replace('hello', 'l', ''), replace('hello', '', 'x'), replace('', 'a', 'b'), lpad('hello', 3), rpad('hi', 5, ''), lpad('hi', -1), rpad('', 3, 'ab')
select split_part('a,b,c', ',', -1), split_part('a,b,c', ',', 5), split_part('abc', '', 1), split_part('a,b', ',', 0)
select strpos('hello', ''), position('' in 'x'), right('hello', -2), left('hello', 0), reverse('abc'), repeat('ab', 3), repeat('x', -1)
select md5(''), md5('a'::bytea), octet_length('\x0102'::bytea), length('\xdeadbeef'::bytea), '\x01'::bytea || '\x02'::bytea
select round(-2.5), round(-0.5::float8), round(2.675, 2), round(-1234.5678, -2), round(1.5::float4), trunc(1234.5678, 2), trunc(-1234.5678, -2), trunc(5.9::float8)
select floor(-0.5::float8), ceil(-0.5::float8), floor(5), ceil(4.2::numeric), sign(-0.0::float8), sign(5), abs(-0.0::float8), abs(-3::int2), abs(-3::int8)
select mod(-7, -3), mod(7.5, 2), mod(5::int2, 3::int2), mod(10, 0)
select sqrt(2::numeric), sqrt(0.0001), sqrt(1e10::numeric), sqrt(2.0), sqrt(100)
select exp(1), ln(10), log(100), log(0), pi()
select div(7, 2), div(-7, 2)
select 'abc'::bytea, 'abc'::text::bytea, '\x616263'::bytea::text
select '2024-02-30'::date
select '2024-02-29'::date, 'epoch'::date, 'infinity'::date, '2024-01-01'::date - 1, '2000-01-01'::date + 366
select '24:00:00'::time, '10:30'::time - '09:00'::time, '23:00'::time + interval '2 hours', time '01:00' - interval '2 hours'
select interval '1 year 2 months 3 days 04:05:06.7', interval '-1 day', interval '1 month' - interval '1 day', - interval '2 hours'
select interval '1 day' = interval '24 hours', interval '1 month' = interval '30 days', interval '1 month' > interval '29 days'
select interval '1 month' * 1.5, interval '1 day' / 7, 2 * interval '3 hours', interval '1 year' / 12, interval '1 month' * -0.5
select interval '1 day' / 0
select date '2024-01-01' < timestamp '2024-01-01 00:00:01', date '2024-01-01' = timestamp '2024-01-01', timestamp '2024-01-01' < timestamptz '2024-01-01 00:00:00+00'
select date '2024-01-01' + time '10:30', date '2024-01-31' - interval '1 month', timestamp '2024-02-29' + interval '1 year', timestamp '2024-01-01 23:00' + interval '1 day 2 hours'
select timestamptz '2024-03-30 12:00+00' + interval '1 day', timestamptz '2024-01-01 00:00+00' - timestamptz '2023-12-25 12:00+00', timestamp '2024-01-01' - date '2023-12-31'
select '2024-01-01 10:00'::timestamp::date, '2024-01-01 10:00'::timestamp::time, '2024-01-01'::date::timestamp, '2024-01-01 10:00+05'::timestamptz::timestamp, '2024-01-01'::date::timestamptz
select '01:00'::time::interval, '25 hours'::interval::time

-- case: expr_values_3
select 1::date
select date '2024-01-01'::int
select extract(month from date '2024-05-06'), extract(dow from date '2024-05-06'), extract(isodow from date '2024-05-05'), extract(week from date '2024-01-01'), extract(quarter from date '2024-05-06'), extract(doy from date '2024-12-31')
select extract(epoch from date '2024-01-01'), extract(epoch from timestamp '2024-01-01 00:00:01.5'), extract(epoch from timestamptz '2024-01-01 00:00+02'), extract(julian from date '2024-01-01')
select extract(hour from date '2024-01-01')
select extract(century from date '2024-01-01'), extract(millennium from timestamp '2001-01-01'), extract(decade from date '2024-01-01'), extract(isoyear from date '2024-12-30'), extract(year from date '0001-01-01 BC')
select extract(milliseconds from time '10:00:01.5'), extract(microseconds from timestamp '2024-01-01 10:00:01.5'), extract(minute from interval '1 hour 30 minutes'), extract(epoch from interval '1 month 1 day 1 second')
select extract(timezone from timestamptz '2024-01-01 00:00+00'), extract(hour from timestamptz '2024-01-01 10:00+02')
select extract(foo from date '2024-01-01')
select date_part('year', timestamp '2024-05-06'), date_part('second', timestamp '2024-05-06 01:02:03.25'), date_part('hour', date '2024-05-06'), date_part('epoch', interval '2 days')
select date_trunc('year', timestamp '2024-05-06 07:08'), date_trunc('quarter', timestamp '2024-05-06'), date_trunc('week', timestamp '2024-05-08'), date_trunc('day', timestamptz '2024-05-06 23:30+00'), date_trunc('minute', timestamp '2024-05-06 07:08:09.5'), date_trunc('millennium', timestamp '2024-05-06'), date_trunc('decade', timestamp '2024-05-06'), date_trunc('century', timestamp '2001-05-06')
select date_trunc('hour', interval '3 days 04:05:06'), date_trunc('year', interval '14 months'), date_trunc('milliseconds', timestamp '2024-01-01 00:00:00.123456')
select date_trunc('fortnight', timestamp '2024-01-01')
select age(timestamp '2024-03-31', timestamp '2024-02-29'), age(timestamp '2024-01-01', timestamp '2024-03-15 10:00'), age(timestamptz '2024-06-01 00:00+00', timestamptz '2023-06-15 12:00+00'), age(date '2024-01-01', date '2023-01-15')
select justify_days(interval '35 days'), justify_hours(interval '27 hours'), justify_interval(interval '1 month -1 hour'), make_date(2024, 2, 29), isfinite(date 'infinity')
select make_date(2023, 2, 29)
select timestamp '294276-12-31 23:59:59' + interval '1 day'
select date '5874897-12-31' + 1
select gen_random_uuid() is not null, length(gen_random_uuid()::text), '550e8400-e29b-41d4-a716-446655440000'::uuid = '550E8400-E29B-41D4-A716-446655440000'::uuid
select '{"a":1}'::json, '{"b": 2, "a": 1}'::jsonb, '{"a":1}'::json::jsonb, '[1,2]'::jsonb::text, '{"a":1}'::jsonb::json
select 1::text, 1.50::text, true::text, 1.5::float8::text, date '2024-01-02'::text, interval '1 day'::varchar, '1'::int::bool::text
select 'x'::uuid
select '12'::int2 + '3', '1' + 2, 2 + '1.5'
select ' 42 '::int, '1e3'::int
select extract(hour from time '25:00')

-- case: expr_timezones
set timezone = 'America/New_York'
select timestamptz '2024-03-10 01:30' + interval '1 hour', timestamptz '2024-03-09 12:00' + interval '1 day', timestamptz '2024-11-03 00:30' + interval '1 day'
select date '2024-03-10'::timestamptz, timestamp '2024-07-01 12:00'::timestamptz, timestamptz '2024-07-01 12:00+00'::timestamp, timestamptz '2024-07-01 02:00+00'::date
select extract(hour from timestamptz '2024-07-01 12:00+00'), extract(timezone_hour from timestamptz '2024-07-01 12:00+00'), date_part('day', timestamptz '2024-07-01 02:00+00')
select date_trunc('day', timestamptz '2024-07-01 02:00+00'), date_trunc('month', timestamptz '2024-03-15 12:00'), date_trunc('hour', timestamptz '2024-11-03 01:30-05')
select date '2024-07-01' = timestamptz '2024-07-01 04:00+00', timestamp '2024-07-01 00:00' < timestamptz '2024-07-01 03:00+00'
select age(timestamptz '2024-07-01 00:00+00', timestamptz '2024-01-01 00:00+00'), timestamptz '2024-03-11 00:00' - timestamptz '2024-03-10 00:00'
select 'x' || timestamptz '2024-07-01 12:00+00', concat(timestamptz '2024-07-01 12:00+00'), timestamptz '2024-07-01 12:00+00'::text
set timezone = 'Asia/Kolkata'
select timestamptz '2024-07-01 12:00+00', timestamptz '2024-07-01 12:00+00'::time, extract(timezone from timestamptz '2024-01-01 00:00+00'), extract(timezone_minute from now()) 
select date_trunc('hour', timestamptz '2024-07-01 12:45+00'), timestamptz '2024-01-31 20:00+00' + interval '1 month'
reset all

-- case: expr_prepare
prepare p1 as select $1 + 1
execute p1(41)
execute p1('41')
execute p1(1.5)
execute p1('x')
prepare p2(numeric, text) as select $1 * 2, $2 || '!'
execute p2(1.25, 'hi')
execute p2('abc', 'x')
execute p3(1)
prepare p4 as select $1 is null
prepare p5 as select $1 = 1, $1 = 'a'
prepare p6 as select $1::int, $1::text
execute p6('7')
prepare p7 as select coalesce($1, 0), $2 || 'x', $3 between 1 and 2
execute p7(null, 'a', 1.5)
prepare p8(date) as select $1 + 1
execute p8('2024-01-31')
prepare p9 as select $1 + $2
prepare p10 as select lower($1), length($2), $3 like 'a%'
execute p10('ABC', 'xyz', 'abc')
prepare p11(int) as select $2
prepare p12 as select $1 = any($2::int[])
execute p12(2, '{1,2}')
execute p1(1, 2)

-- case: expr_type_errors
select 'abc'::int + 1
select 1 +  'x'
select    (1 + 2)::date
select cast(1 as date)
select 5 between 1 and 'z'
select case when 'x' then 1 end
select 2147483647::int + 1
select coalesce('a', 1::int)
select greatest(1, 'x')
select nullif(1, 'x'::text)
select array[1, 'x']
select 1 = any('{1,x}'::int[])
select lower(1)
select length(1.5)
select round(1.5, 'x')
select trim(1)
select abs('x')
select extract(year from 1)
select date_trunc('day', 1)
select now(1)
select current_setting(1)
select substring('abc' from 'x' for 2)
select octet_length(1)
select 1 is true
select not 'x'
select true and 'x'
select 'x' is distinct from 1
select 1 like 'x'
select 'a' in ('a', 1)

-- case: expr_casts_01
select (7::int2)::smallint
select (7::int2)::integer
select (7::int2)::bigint
select (7::int2)::numeric
select (7::int2)::real
select (7::int2)::double precision
select (7::int2)::text
select (7::int2)::varchar(3)
select (7::int2)::char(2)
select (7::int2)::boolean
select (7::int2)::date
select (7::int2)::time
select (7::int2)::timestamp
select (7::int2)::timestamptz
select (7::int2)::interval
select (7::int2)::uuid
select (7::int2)::json
select (7::int2)::jsonb
select (7::int2)::bytea

-- case: expr_casts_02
select (42)::smallint
select (42)::integer
select (42)::bigint
select (42)::numeric
select (42)::real
select (42)::double precision
select (42)::text
select (42)::varchar(3)
select (42)::char(2)
select (42)::boolean
select (42)::date
select (42)::time
select (42)::timestamp
select (42)::timestamptz
select (42)::interval
select (42)::uuid
select (42)::json
select (42)::jsonb
select (42)::bytea

-- case: expr_casts_03
select (9000000000)::smallint
select (9000000000)::integer
select (9000000000)::bigint
select (9000000000)::numeric
select (9000000000)::real
select (9000000000)::double precision
select (9000000000)::text
select (9000000000)::varchar(3)
select (9000000000)::char(2)
select (9000000000)::boolean
select (9000000000)::date
select (9000000000)::time
select (9000000000)::timestamp
select (9000000000)::timestamptz
select (9000000000)::interval
select (9000000000)::uuid
select (9000000000)::json
select (9000000000)::jsonb
select (9000000000)::bytea

-- case: expr_casts_04
select (12.50)::smallint
select (12.50)::integer
select (12.50)::bigint
select (12.50)::numeric
select (12.50)::real
select (12.50)::double precision
select (12.50)::text
select (12.50)::varchar(3)
select (12.50)::char(2)
select (12.50)::boolean
select (12.50)::date
select (12.50)::time
select (12.50)::timestamp
select (12.50)::timestamptz
select (12.50)::interval
select (12.50)::uuid
select (12.50)::json
select (12.50)::jsonb
select (12.50)::bytea

-- case: expr_casts_05
select (1.5::float4)::smallint
select (1.5::float4)::integer
select (1.5::float4)::bigint
select (1.5::float4)::numeric
select (1.5::float4)::real
select (1.5::float4)::double precision
select (1.5::float4)::text
select (1.5::float4)::varchar(3)
select (1.5::float4)::char(2)
select (1.5::float4)::boolean
select (1.5::float4)::date
select (1.5::float4)::time
select (1.5::float4)::timestamp
select (1.5::float4)::timestamptz
select (1.5::float4)::interval
select (1.5::float4)::uuid
select (1.5::float4)::json
select (1.5::float4)::jsonb
select (1.5::float4)::bytea

-- case: expr_casts_06
select (2.25::float8)::smallint
select (2.25::float8)::integer
select (2.25::float8)::bigint
select (2.25::float8)::numeric
select (2.25::float8)::real
select (2.25::float8)::double precision
select (2.25::float8)::text
select (2.25::float8)::varchar(3)
select (2.25::float8)::char(2)
select (2.25::float8)::boolean
select (2.25::float8)::date
select (2.25::float8)::time
select (2.25::float8)::timestamp
select (2.25::float8)::timestamptz
select (2.25::float8)::interval
select (2.25::float8)::uuid
select (2.25::float8)::json
select (2.25::float8)::jsonb
select (2.25::float8)::bytea

-- case: expr_casts_07
select ('12'::text)::smallint
select ('12'::text)::integer
select ('12'::text)::bigint
select ('12'::text)::numeric
select ('12'::text)::real
select ('12'::text)::double precision
select ('12'::text)::text
select ('12'::text)::varchar(3)
select ('12'::text)::char(2)
select ('12'::text)::boolean
select ('12'::text)::date
select ('12'::text)::time
select ('12'::text)::timestamp
select ('12'::text)::timestamptz
select ('12'::text)::interval
select ('12'::text)::uuid
select ('12'::text)::json
select ('12'::text)::jsonb
select ('12'::text)::bytea

-- case: expr_casts_08
select ('t'::varchar(5))::smallint
select ('t'::varchar(5))::integer
select ('t'::varchar(5))::bigint
select ('t'::varchar(5))::numeric
select ('t'::varchar(5))::real
select ('t'::varchar(5))::double precision
select ('t'::varchar(5))::text
select ('t'::varchar(5))::varchar(3)
select ('t'::varchar(5))::char(2)
select ('t'::varchar(5))::boolean
select ('t'::varchar(5))::date
select ('t'::varchar(5))::time
select ('t'::varchar(5))::timestamp
select ('t'::varchar(5))::timestamptz
select ('t'::varchar(5))::interval
select ('t'::varchar(5))::uuid
select ('t'::varchar(5))::json
select ('t'::varchar(5))::jsonb
select ('t'::varchar(5))::bytea

-- case: expr_casts_09
select ('ab'::char(3))::smallint
select ('ab'::char(3))::integer
select ('ab'::char(3))::bigint
select ('ab'::char(3))::numeric
select ('ab'::char(3))::real
select ('ab'::char(3))::double precision
select ('ab'::char(3))::text
select ('ab'::char(3))::varchar(3)
select ('ab'::char(3))::char(2)
select ('ab'::char(3))::boolean
select ('ab'::char(3))::date
select ('ab'::char(3))::time
select ('ab'::char(3))::timestamp
select ('ab'::char(3))::timestamptz
select ('ab'::char(3))::interval
select ('ab'::char(3))::uuid
select ('ab'::char(3))::json
select ('ab'::char(3))::jsonb
select ('ab'::char(3))::bytea

-- case: expr_casts_10
select (true)::smallint
select (true)::integer
select (true)::bigint
select (true)::numeric
select (true)::real
select (true)::double precision
select (true)::text
select (true)::varchar(3)
select (true)::char(2)
select (true)::boolean
select (true)::date
select (true)::time
select (true)::timestamp
select (true)::timestamptz
select (true)::interval
select (true)::uuid
select (true)::json
select (true)::jsonb
select (true)::bytea

-- case: expr_casts_11
select (date '2024-02-29')::smallint
select (date '2024-02-29')::integer
select (date '2024-02-29')::bigint
select (date '2024-02-29')::numeric
select (date '2024-02-29')::real
select (date '2024-02-29')::double precision
select (date '2024-02-29')::text
select (date '2024-02-29')::varchar(3)
select (date '2024-02-29')::char(2)
select (date '2024-02-29')::boolean
select (date '2024-02-29')::date
select (date '2024-02-29')::time
select (date '2024-02-29')::timestamp
select (date '2024-02-29')::timestamptz
select (date '2024-02-29')::interval
select (date '2024-02-29')::uuid
select (date '2024-02-29')::json
select (date '2024-02-29')::jsonb
select (date '2024-02-29')::bytea

-- case: expr_casts_12
select (time '10:11:12.5')::smallint
select (time '10:11:12.5')::integer
select (time '10:11:12.5')::bigint
select (time '10:11:12.5')::numeric
select (time '10:11:12.5')::real
select (time '10:11:12.5')::double precision
select (time '10:11:12.5')::text
select (time '10:11:12.5')::varchar(3)
select (time '10:11:12.5')::char(2)
select (time '10:11:12.5')::boolean
select (time '10:11:12.5')::date
select (time '10:11:12.5')::time
select (time '10:11:12.5')::timestamp
select (time '10:11:12.5')::timestamptz
select (time '10:11:12.5')::interval
select (time '10:11:12.5')::uuid
select (time '10:11:12.5')::json
select (time '10:11:12.5')::jsonb
select (time '10:11:12.5')::bytea

-- case: expr_casts_13
select (timestamp '2024-02-29 10:11:12')::smallint
select (timestamp '2024-02-29 10:11:12')::integer
select (timestamp '2024-02-29 10:11:12')::bigint
select (timestamp '2024-02-29 10:11:12')::numeric
select (timestamp '2024-02-29 10:11:12')::real
select (timestamp '2024-02-29 10:11:12')::double precision
select (timestamp '2024-02-29 10:11:12')::text
select (timestamp '2024-02-29 10:11:12')::varchar(3)
select (timestamp '2024-02-29 10:11:12')::char(2)
select (timestamp '2024-02-29 10:11:12')::boolean
select (timestamp '2024-02-29 10:11:12')::date
select (timestamp '2024-02-29 10:11:12')::time
select (timestamp '2024-02-29 10:11:12')::timestamp
select (timestamp '2024-02-29 10:11:12')::timestamptz
select (timestamp '2024-02-29 10:11:12')::interval
select (timestamp '2024-02-29 10:11:12')::uuid
select (timestamp '2024-02-29 10:11:12')::json
select (timestamp '2024-02-29 10:11:12')::jsonb
select (timestamp '2024-02-29 10:11:12')::bytea

-- case: expr_casts_14
select (timestamptz '2024-02-29 10:11:12+00')::smallint
select (timestamptz '2024-02-29 10:11:12+00')::integer
select (timestamptz '2024-02-29 10:11:12+00')::bigint
select (timestamptz '2024-02-29 10:11:12+00')::numeric
select (timestamptz '2024-02-29 10:11:12+00')::real
select (timestamptz '2024-02-29 10:11:12+00')::double precision
select (timestamptz '2024-02-29 10:11:12+00')::text
select (timestamptz '2024-02-29 10:11:12+00')::varchar(3)
select (timestamptz '2024-02-29 10:11:12+00')::char(2)
select (timestamptz '2024-02-29 10:11:12+00')::boolean
select (timestamptz '2024-02-29 10:11:12+00')::date
select (timestamptz '2024-02-29 10:11:12+00')::time
select (timestamptz '2024-02-29 10:11:12+00')::timestamp
select (timestamptz '2024-02-29 10:11:12+00')::timestamptz
select (timestamptz '2024-02-29 10:11:12+00')::interval
select (timestamptz '2024-02-29 10:11:12+00')::uuid
select (timestamptz '2024-02-29 10:11:12+00')::json
select (timestamptz '2024-02-29 10:11:12+00')::jsonb
select (timestamptz '2024-02-29 10:11:12+00')::bytea

-- case: expr_casts_15
select (interval '1 day 02:00')::smallint
select (interval '1 day 02:00')::integer
select (interval '1 day 02:00')::bigint
select (interval '1 day 02:00')::numeric
select (interval '1 day 02:00')::real
select (interval '1 day 02:00')::double precision
select (interval '1 day 02:00')::text
select (interval '1 day 02:00')::varchar(3)
select (interval '1 day 02:00')::char(2)
select (interval '1 day 02:00')::boolean
select (interval '1 day 02:00')::date
select (interval '1 day 02:00')::time
select (interval '1 day 02:00')::timestamp
select (interval '1 day 02:00')::timestamptz
select (interval '1 day 02:00')::interval
select (interval '1 day 02:00')::uuid
select (interval '1 day 02:00')::json
select (interval '1 day 02:00')::jsonb
select (interval '1 day 02:00')::bytea

-- case: expr_casts_16
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::smallint
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::integer
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::bigint
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::numeric
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::real
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::double precision
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::text
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::varchar(3)
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::char(2)
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::boolean
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::date
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::time
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::timestamp
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::timestamptz
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::interval
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::uuid
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::json
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::jsonb
select ('550e8400-e29b-41d4-a716-446655440000'::uuid)::bytea

-- case: expr_casts_17
select ('{"a": 1}'::json)::smallint
select ('{"a": 1}'::json)::integer
select ('{"a": 1}'::json)::bigint
select ('{"a": 1}'::json)::numeric
select ('{"a": 1}'::json)::real
select ('{"a": 1}'::json)::double precision
select ('{"a": 1}'::json)::text
select ('{"a": 1}'::json)::varchar(3)
select ('{"a": 1}'::json)::char(2)
select ('{"a": 1}'::json)::boolean
select ('{"a": 1}'::json)::date
select ('{"a": 1}'::json)::time
select ('{"a": 1}'::json)::timestamp
select ('{"a": 1}'::json)::timestamptz
select ('{"a": 1}'::json)::interval
select ('{"a": 1}'::json)::uuid
select ('{"a": 1}'::json)::json
select ('{"a": 1}'::json)::jsonb
select ('{"a": 1}'::json)::bytea

-- case: expr_casts_18
select ('{"a": 1}'::jsonb)::text
select ('{"a": 1}'::jsonb)::varchar(3)
select ('{"a": 1}'::jsonb)::char(2)
select ('{"a": 1}'::jsonb)::date
select ('{"a": 1}'::jsonb)::time
select ('{"a": 1}'::jsonb)::timestamp
select ('{"a": 1}'::jsonb)::timestamptz
select ('{"a": 1}'::jsonb)::interval
select ('{"a": 1}'::jsonb)::uuid
select ('{"a": 1}'::jsonb)::json
select ('{"a": 1}'::jsonb)::jsonb
select ('{"a": 1}'::jsonb)::bytea

-- case: expr_casts_19
select ('\x0102'::bytea)::smallint
select ('\x0102'::bytea)::integer
select ('\x0102'::bytea)::bigint
select ('\x0102'::bytea)::numeric
select ('\x0102'::bytea)::real
select ('\x0102'::bytea)::double precision
select ('\x0102'::bytea)::text
select ('\x0102'::bytea)::varchar(3)
select ('\x0102'::bytea)::char(2)
select ('\x0102'::bytea)::boolean
select ('\x0102'::bytea)::date
select ('\x0102'::bytea)::time
select ('\x0102'::bytea)::timestamp
select ('\x0102'::bytea)::timestamptz
select ('\x0102'::bytea)::interval
select ('\x0102'::bytea)::uuid
select ('\x0102'::bytea)::json
select ('\x0102'::bytea)::jsonb
select ('\x0102'::bytea)::bytea
