-- schema: tests/differential/schemas/types.sql
-- Parity gaps of corpus/writes_readback_types.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- readback_datetimes: stored dates read back under DateStyle German
--   (the intervals under IntervalStyle iso_8601 agree).
-- The twin refuses those settings and keeps printing its default style.

-- case: readback_datetimes
INSERT INTO times VALUES (1, '2024-02-29', '2024-02-29 24:00', '2024-01-01 10:00+05', '24:00', '1-2'), (2, 'infinity', '2024-01-01 10:00:00.1234567', '2024-07-01 12:00 Europe/Berlin', '10:00 PM', 'P1DT2H')
SELECT id, d::text, ts::text, tstz::text, tm::text, iv::text FROM times ORDER BY id
SET TimeZone = 'Asia/Kolkata'
SELECT id, tstz::text FROM times ORDER BY id
SET IntervalStyle = 'iso_8601'
SELECT id, iv::text FROM times ORDER BY id
SET DateStyle = 'German'
SELECT id, d::text, ts::text FROM times ORDER BY id
