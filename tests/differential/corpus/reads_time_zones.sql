-- schema: tests/differential/schemas/reads.sql
-- AT TIME ZONE and timezone(): a timestamptz as wall time in a named zone
-- (timestamp), a timestamp as wall time there (timestamptz); zone names
-- read as PostgreSQL reads them: a time zone abbreviation first (fixed
-- ones such as EST, dynamic ones such as MSK whose offset depends on the
-- date), then a full IANA or POSIX name; an interval zone is a fixed
-- offset of whole seconds and may not hold months or days; infinities pass
-- through; an unknown zone is 22023. Daylight-saving gaps and overlaps
-- follow DetermineTimeZoneOffset.

-- case: tz_named_zones
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'UTC', '2024-07-02 03:04:05+00'::timestamptz AT TIME ZONE 'America/New_York'
SELECT timezone('America/New_York', '2024-01-02 03:04:05'::timestamp), timezone('Asia/Kolkata', '2024-01-02 03:04:05+00'::timestamptz)
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'europe/paris', '2024-06-30 23:59:59.999999+00'::timestamptz AT TIME ZONE 'Australia/Lord_Howe'
SELECT pg_typeof('2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'UTC'), pg_typeof('2024-01-02 03:04:05'::timestamp AT TIME ZONE 'UTC')
SELECT '2024-01-02'::date AT TIME ZONE 'UTC', '2024-01-02'::date AT TIME ZONE 'Asia/Tokyo'


-- case: tz_daylight_saving_edges
SELECT '2024-03-10 02:30'::timestamp AT TIME ZONE 'America/New_York', '2024-11-03 01:30'::timestamp AT TIME ZONE 'America/New_York'
SELECT '2024-03-10 06:59:59+00'::timestamptz AT TIME ZONE 'America/New_York', '2024-03-10 07:00:00+00'::timestamptz AT TIME ZONE 'America/New_York'
SELECT '2024-11-03 05:30+00'::timestamptz AT TIME ZONE 'America/New_York', '2024-11-03 06:30+00'::timestamptz AT TIME ZONE 'America/New_York'
SELECT '1900-01-01 00:00'::timestamp AT TIME ZONE 'Europe/Amsterdam', '1900-01-01 00:00+00'::timestamptz AT TIME ZONE 'Europe/Amsterdam'


-- case: tz_abbreviations
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'EST', '2024-01-02 03:04:05'::timestamp AT TIME ZONE 'pst'
SELECT '2024-07-02 03:04:05+00'::timestamptz AT TIME ZONE 'MSK', '2024-01-02 03:04:05'::timestamp AT TIME ZONE 'msk'
SELECT '2010-07-02 03:04:05+00'::timestamptz AT TIME ZONE 'MSK', '2010-07-02 03:04:05'::timestamp AT TIME ZONE 'MSK'
SELECT '2024-07-02 03:04:05+00'::timestamptz AT TIME ZONE 'CEST', '2024-07-02 03:04:05+00'::timestamptz AT TIME ZONE 'Z'


-- case: tz_posix_and_offsets
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'UTC+5', '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'UTC-05:30'
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE '+05', '2024-01-02 03:04:05'::timestamp AT TIME ZONE '-3'
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'EST5', '2024-01-02 03:04:05'::timestamp AT TIME ZONE '<+0530>-05:30'


-- case: tz_interval_zones
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE INTERVAL '-05:30', '2024-01-02 03:04:05'::timestamp AT TIME ZONE INTERVAL '02:00:00.9'
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE INTERVAL '-00:00:01.5', timezone(INTERVAL '10 hours', '2024-01-02 03:04:05'::timestamp)
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE INTERVAL '1 day'
SELECT '2024-01-02 03:04:05'::timestamp AT TIME ZONE INTERVAL '1 mon 2 hours'
SET IntervalStyle = 'iso_8601'
SELECT '2024-01-02 03:04:05'::timestamp AT TIME ZONE INTERVAL '1 day 2 hours'


-- case: tz_errors_and_infinities
SELECT '2024-01-02 03:04:05+00'::timestamptz AT TIME ZONE 'Mars/Olympus'
SELECT timezone('', '2024-01-02 03:04:05'::timestamp)
SELECT 'infinity'::timestamptz AT TIME ZONE 'UTC', '-infinity'::timestamp AT TIME ZONE 'Europe/Paris', 'infinity'::timestamptz AT TIME ZONE 'Nowhere/Else'
SELECT '294276-12-31 23:59:59+00'::timestamptz AT TIME ZONE 'Asia/Tokyo'
SELECT '4714-11-24 00:00:00+00 BC'::timestamptz AT TIME ZONE 'America/New_York'
SELECT timezone(NULL, now()), timezone('UTC', NULL::timestamp)


-- case: tz_over_columns
INSERT INTO orders VALUES (10, NULL, '2024-01-05 10:00:00+00', '2024-01-07', 'shipped', NULL), (11, NULL, '2024-02-10 15:30:00+00', NULL, 'pending', 'gift'), (12, NULL, '2024-07-11 09:15:00+01', '2024-02-15', 'shipped', ''), (13, NULL, NULL, NULL, 'cancelled', NULL)
SELECT id, placed_at AT TIME ZONE 'America/Los_Angeles' AS la, (placed_at AT TIME ZONE 'UTC')::date AS utc_day FROM orders ORDER BY id
SELECT id, placed_at AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tokyo' FROM orders WHERE placed_at AT TIME ZONE 'UTC' < '2024-03-01' ORDER BY 1
SET TimeZone = 'Europe/Berlin'
SELECT id, placed_at, placed_at AT TIME ZONE 'UTC', (placed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' FROM orders ORDER BY id
