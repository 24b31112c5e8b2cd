


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
