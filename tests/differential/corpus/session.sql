-- Session scripts run line by line through psycopg2 (autocommit) against
-- real PostgreSQL 15 and the twin; one line is one simple Query message.
-- Compared: command tag, column names and type OIDs, rows, notices,
-- SQLSTATE and error text, transaction status after each line.

-- case: constants
select 1
select 1 as x, 'a', 1.5, true, false, null
select 2147483648, 9223372036854775808, -5, 1e3, .5
select 'x'::varchar(3), 'abcdef'::varchar(3), 'ab'::char(4), '42'::int8, ' 7 '::int2
select 1::numeric(5,2), 2.345::numeric(4,1), 3.7::int, 2.5::int, -2.5::int
select '1.5'::float8, '1e300'::float8 * 10, 'NaN'::numeric, '-0'::float8
select 't'::boolean, 'off'::bool, 'yes'::boolean
select '2024-02-29'::date
select 1 + 2 * 3, 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2147483647::int8 + 1
select 'a' || 'b', 1 = 1, 1 < 2, 2 <> 2
select current_user, session_user, user, current_schema, current_schema(), current_database(), current_catalog
select pg_catalog.current_setting('DateStyle'), current_setting('nope', true)

-- case: constant_errors
select 'x'::int
select 99999999999::int
select '32768'::int2
select 2147483647 + 1
select 1/0
select 1.0/0
select 'abc'::varchar(2)::int
select 'maybe'::boolean
select current_setting('nope')
select nosuchfunction(1)
select true + 1

-- case: begin_commit
begin
select 1
commit
commit
rollback
start transaction
end
abort

-- case: begin_twice
begin
begin
commit

-- case: failed_block
begin
select 1/0
select 1
show timezone
begin
commit
select 1

-- case: failed_block_rollback
begin
select 'x'::int
rollback
select 1

-- case: savepoints
begin
savepoint a
select 1
savepoint b
select 1/0
select 1
rollback to b
select 2
release a
rollback to a
rollback
savepoint outside
release outside
rollback to outside

-- case: savepoint_rollback_to_in_failed_block
begin
savepoint s1
select 1/0
rollback to savepoint s1
select 3
savepoint s1
release savepoint s1
release savepoint s1
commit

-- case: release_in_failed_block
begin
savepoint a
select 1/0
release a
rollback to nope
rollback

-- case: implicit_transactions
select 1; select 2
select 1; commit; select 2
select 1; begin; select 2
commit
begin; select 1/0; select 2
rollback
select 1; select 1/0; select 2
select 1; savepoint a
select 1; discard all

-- case: set_show_reset
show timezone
set timezone to 'Europe/Paris'
show timezone
show TimeZone
set time zone 'UTC'
show time zone
set time zone local
set timezone = default
reset timezone
show timezone
set statement_timeout = '5s'
show statement_timeout
set statement_timeout = 60000
show statement_timeout
set statement_timeout to 0
reset statement_timeout
set application_name = 'twin test'
show application_name
reset all
show application_name
set search_path to public, "$user"
show search_path
set extra_float_digits = 10
set nosuch = 1
show nosuch
set server_version = '1'
set my.flag = 'on'
show my.flag
select current_setting('my.flag')
show my.other
set client_min_messages = warning
show client_min_messages
show transaction isolation level
show standard_conforming_strings
show DateStyle
show integer_datetimes

-- case: set_local
set local timezone = 'Europe/Paris'
show timezone
begin
set local timezone = 'Europe/Paris'
show timezone
commit
show timezone
begin
set timezone = 'Asia/Tokyo'
set local timezone = 'Europe/Paris'
show timezone
commit
show timezone
reset timezone

-- case: set_rolled_back
begin
set timezone = 'Asia/Tokyo'
show timezone
rollback
show timezone
begin
savepoint a
set timezone = 'Asia/Tokyo'
rollback to a
show timezone
commit

-- case: set_transaction
set transaction read only
show transaction_read_only
begin
set transaction read only
show transaction_read_only
show transaction isolation level
commit
show transaction_read_only
begin isolation level read committed, read only
show transaction_read_only
commit
begin read write
commit and chain
show transaction_read_only
rollback and chain
rollback
commit and chain
set session characteristics as transaction read only
show default_transaction_read_only
begin
show transaction_read_only
rollback
set session characteristics as transaction read write

-- case: prepare_execute
prepare p as select 1
execute p
prepare p as select 2
prepare q(int, text) as select $1 + 1, $2
execute q(41, 'x')
execute q('7', 'y')
execute q
execute q(1, 2, 3)
execute q('z', 'y')
execute nope
deallocate p
deallocate p
deallocate nope
deallocate all
execute q(1, 'a')

-- case: discard_all
set timezone = 'Asia/Tokyo'
prepare p as select 1
discard all
show timezone
execute p
begin
discard all
rollback

-- case: statement_timeout
select pg_sleep(0)
select pg_sleep(0.01), 1
set statement_timeout = 50
select pg_sleep(2)
begin
select pg_sleep(2)
rollback
set local statement_timeout = 0
reset statement_timeout

-- case: more_types
select '2024-01-01 10:00+02'::timestamptz, '2024-02-29'::date, '2024-01-01 10:00:00.5'::timestamp
set timezone = 'Asia/Tokyo'
select '2024-01-01 10:00+02'::timestamptz, '2024-01-01 10:00'::timestamptz
select '1 day 2 hours'::interval, '10:00:01.25'::time, '2024-13-01'::date
select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '{"b": 1, "a": [1, 2]}'::jsonb, '{"b": 1}'::json
select '\x0102'::bytea, 'abc'::bytea, '{1,2,3}'::int[], '{a,NULL}'::text[]
select 1.5::float8::text, 0.1::float4, 1e-7::float8
set extra_float_digits = 0
select 0.1::float8 + 0.2::float8
reset all

-- case: unknown_relations
select * from nope
select a from nope.t
select * from (select 1) x join nope on true
with x as (select 1) select * from x, nope
select (select 1 from nope2) from nope1
insert into nope values (1)
update nope set a = 1
delete from nope
truncate nope
begin
select * from nope
select 1
rollback

-- case: string_types_meet_as_text
select 'a'::varchar || 'b', 'a'::varchar(3) || 'b'::varchar, 'a'::char(2) || 'b'
select 'a'::varchar = 'a'::text, 'a '::char(3) = 'a'::char(5), 'ab'::char(4) < 'b'::varchar
select 'x'::char(3)::text, 'x'::char(3)::varchar, 'x'::char(3)
select 'a'::varchar = 1

-- case: set_config_from_a_query
SELECT set_config('application_name', 'from_query', false)
SHOW application_name
SELECT current_setting('jit'), set_config('jit', 'off', false)
BEGIN
SELECT set_config('statement_timeout', '5s', true)
SHOW statement_timeout
COMMIT
SHOW statement_timeout
SELECT set_config('no_such_setting', 'x', false)
SELECT set_config('my.flag', 'on', false), current_setting('my.flag')


-- case: isolation_levels
BEGIN ISOLATION LEVEL SERIALIZABLE
SHOW transaction_isolation
SELECT current_setting('transaction_isolation')
COMMIT
BEGIN
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
SHOW transaction_isolation
SELECT 1
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
ROLLBACK
SET default_transaction_isolation = 'repeatable read'
SHOW default_transaction_isolation
BEGIN
SHOW transaction_isolation
COMMIT
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE
SHOW default_transaction_isolation
RESET default_transaction_isolation
START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY
SHOW transaction_read_only
SHOW transaction_isolation
COMMIT
SET default_transaction_isolation = 'bogus'
BEGIN ISOLATION LEVEL READ UNCOMMITTED
SHOW transaction_isolation
COMMIT
BEGIN
BEGIN ISOLATION LEVEL SERIALIZABLE
SHOW transaction_isolation
SELECT 1
BEGIN ISOLATION LEVEL REPEATABLE READ
SHOW transaction_isolation
ROLLBACK
BEGIN
SAVEPOINT s
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE
ROLLBACK


-- case: password_encryption_setting
SHOW password_encryption
SET password_encryption = 'md5'
SHOW password_encryption
SET password_encryption = 'bogus'
RESET password_encryption
SELECT current_setting('password_encryption')


-- case: bytea_output_escape
SHOW bytea_output
SELECT '\x00615c7f80ff20'::bytea, 'abc'::bytea
SET bytea_output = 'escape'
SHOW bytea_output
SELECT '\x00615c7f80ff20'::bytea, 'abc'::bytea, ''::bytea, NULL::bytea
SELECT '\x0a0d09'::bytea::text, ARRAY['\x01'::bytea, 'a\\b'::bytea, NULL]::text
SELECT 'x'::bytea || '\x00'::bytea, 'é'::bytea
SELECT string_agg(b, '\x2c'::bytea) FROM (VALUES ('\x41'::bytea), ('\x0042'::bytea)) v(b)
SET bytea_output = 'Escape'
SHOW bytea_output
SET bytea_output = 'octal'
BEGIN
SET LOCAL bytea_output = 'hex'
SELECT 'abc'::bytea
COMMIT
SELECT 'abc'::bytea
RESET bytea_output
SELECT 'abc'::bytea
SET bytea_output = 'escape'
SELECT 'a' || '\x01ff'::bytea, '\x41'::bytea::text || 'b', 'x' || 1.5, 'y' || true
RESET bytea_output
SELECT 'a' || '\x01ff'::bytea


-- case: datestyles
SHOW DateStyle
SET DateStyle = 'SQL, DMY'
SHOW DateStyle
SELECT '2024-01-31'::date, '2024-01-31 12:34:56.5'::timestamp, '2024-01-31 12:34:56+02'::timestamptz, '03/04/2024'::date
SET DateStyle = 'MDY'
SHOW DateStyle
SELECT '03/04/2024'::date, '2024-01-31 12:34:56+02'::timestamptz::text
SET DateStyle = 'Postgres'
SELECT '2024-01-31'::date, '2024-01-31 12:34:56.5'::timestamp, '2024-01-31 12:34:56+02'::timestamptz, '0044-03-15 BC'::date
SET DateStyle = German
SHOW DateStyle
SELECT '2024-01-31'::date, '2024-01-31 12:34:56.5'::timestamp, '2024-01-31 12:34:56+02'::timestamptz, '01.02.2024'::date
SET DateStyle = 'YMD'
SELECT '24/01/02'::date
SET DateStyle = 'ISO, European'
SHOW DateStyle
SET DateStyle = 'US, NonEuropean'
SHOW DateStyle
SET DateStyle = 'sql, iso'
SET DateStyle = 'dmy, mdy'
SET DateStyle = 'fancy'
SET DateStyle = DEFAULT
SHOW DateStyle
SET DateStyle = 'SQL'
SELECT set_config('DateStyle', 'Postgres, DMY', false), now() > '2000-01-01'
SHOW DateStyle
SET DateStyle = 'sql, default'
SHOW DateStyle
SET TimeZone = 'America/New_York'
SET DateStyle = 'SQL, MDY'
SELECT '2024-07-04 12:00:00+00'::timestamptz, '2024-12-25 12:00:00+00'::timestamptz
SET DateStyle = 'Postgres, MDY'
SELECT '2024-07-04 12:00:00+00'::timestamptz
RESET ALL
SHOW DateStyle


-- case: datestyle_order_in_inserts
CREATE TEMP TABLE ds (id int, d date, ts timestamp)
INSERT INTO ds VALUES (1, '02/03/2024', '02/03/2024 10:00')
INSERT INTO ds VALUES (2, '02/03/2024', '02/03/2024 10:00')
SET DateStyle = 'ISO, DMY'
INSERT INTO ds VALUES (3, '02/03/2024', '02/03/2024 10:00')
INSERT INTO ds VALUES (4, '02/03/2024', '02/03/2024 10:00'), (5, '13/02/2024', '13/02/2024 10:00')
INSERT INTO ds VALUES (6, '02/13/2024', NULL)
SET DateStyle = 'SQL, YMD'
INSERT INTO ds VALUES (7, '24/02/03', '24/02/03 10:00')
SELECT * FROM ds ORDER BY id
