-- bit(n), bit varying(n) and money: input and output, typmods, casts,
-- operators, columns, ordering and grouping (varbit.c, cash.c under
-- lc_monetary C). Errors of a literal cast to a type with a typmod (and
-- typmod range errors) carry no position yet, as for varchar(n) and
-- numeric(p,s): they are left out here.

-- case: bit_input_output
SELECT '101'::bit(3), B'101', X'1F', pg_typeof(B'101'), 'x1F'::bit(8), 'B101'::bit(3), ''::bit varying, 'X1f'::varbit
SELECT '101'::bit(8), '101010101'::bit(8), '101'::text::bit(8), '101'::varbit(2), '101'::text::varbit(2)
SELECT ''::bit(1), '1'::bit, '0'::bit varying(5)
SELECT '12'::varbit
SELECT 'xg'::varbit
SELECT B'101'::bit(2), X'F'::bit(6)
SELECT NULL::bit(3), NULL::varbit

-- case: bit_casts
SELECT 5::bit(8), (-1)::bit(40), 300::bit(4), 5::int8::bit(70), 0::bit(1)
SELECT '101'::bit(3)::int4, '11111111111111111111111111111111'::bit(32)::int4, '1'::bit(33)::int8, ''::varbit::bit::int4
SELECT '1'::bit(33)::int4
SELECT repeat('1', 65)::bit(65)::int8
SELECT get_byte(decode('a1', 'hex'), 0)::bit(8)::varchar, substring('0110', 3, 2)::bit(2)::integer, ('10' || '1' || '011')::bit(6)::integer + 16
SELECT get_byte(decode('a1', 'hex'), 3)
SELECT '101'::bit(3)::text, '101'::varbit::bit(5), '10101'::varbit::bit(2)

-- case: bit_operators
SELECT '101'::bit(3) || '1'::bit, pg_typeof('1'::bit || '0'::bit), '101'::bit(3) & '110'::bit(3), '101'::bit(3) | '110'::bit(3), '101'::bit(3) # '110'::bit(3)
SELECT ~'101'::bit(3), '101'::bit(3) << 1, '101'::bit(3) >> 1, '1011'::bit(4) << -1, '1011'::bit(4) >> 9, length('101'::bit(3)), bit_length(B'10101'), octet_length(B'101010101')
SELECT '101'::bit(3) & '11'::bit(2)
SELECT '101'::bit(3) | '11'::bit(2)
SELECT '101'::bit(3) # '11'::bit(2)
SELECT '1'::varbit < '10'::varbit, '11'::bit(2) > '10'::bit(2), '1'::bit = '1'::bit, B'0' <> B'00', B'01' >= B'0'

-- case: bit_columns
CREATE TABLE bits (id int PRIMARY KEY, b bit(3), v varbit(4))
INSERT INTO bits VALUES (1, '101', '1'), (2, B'111', B'0110'), (3, '001', '')
INSERT INTO bits VALUES (4, '1011', '1')
INSERT INTO bits VALUES (4, '10', '1')
INSERT INTO bits VALUES (4, '101', '10111')
SELECT * FROM bits ORDER BY b
SELECT * FROM bits ORDER BY v DESC
SELECT b, count(*) FROM bits GROUP BY b ORDER BY 1
UPDATE bits SET b = b & '011' RETURNING *
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'bits'::regclass AND attnum > 0 ORDER BY attnum

-- case: money_input_output
SELECT 1234.567::money, '-1234.56'::money, '$1,234.5'::money, '(12.34)'::money, '12.345'::money, '12.344999'::money
SELECT 92233720368547758.07::money, '-92233720368547758.08'::money, '0.005'::money, '-0.005'::money, '-0.001'::money, 0::money
SELECT '$-1'::money, '-$1'::money, ' 12 '::money, '1,2,3'::money, '$ 5'::money, '5-'::money, '+3'::money
SELECT '92233720368547758.08'::money
SELECT '1.2.3'::money
SELECT 'abc'::money
SELECT '1e2'::money
SELECT pg_typeof(1::money), 12.5::money::text, 1.5::money::numeric, 12::int8::money, 7::money

-- case: money_arithmetic
SELECT 5::money * 2, 5::money / 2, 5::money / 3::money, 5::money + 1::money, 5::money - 7::money, 2.5::float8 * 3::money, 3::money * 1.005::float8
SELECT (-7)::money / 2, (-7.01)::money / 3::int2, 2::int2 * 3::money, 10::money / 4::float4
SELECT 5::money / 0
SELECT 5::money / 0::money
SELECT 5::money / 0.0::float8
SELECT -(5::money)
SELECT 5::money = 5::money, 5::money < 6::money, 5::money >= 6::money, 5::money <> 6::money

-- case: money_columns
CREATE TABLE prices (id int PRIMARY KEY, amount money NOT NULL)
INSERT INTO prices VALUES (1, '$5'), (2, 7), (3, '-12.3'), (4, 1.005)
INSERT INTO prices VALUES (5, 'five')
SELECT * FROM prices ORDER BY amount
SELECT amount * 2 FROM prices WHERE amount > '$1' ORDER BY 1
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'prices'::regclass AND attname = 'amount'
SELECT amount::numeric FROM prices ORDER BY id
