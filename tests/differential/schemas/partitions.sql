-- Partitioned tables as schemas declare them: a range-partitioned table
-- with monthly partitions made by PARTITION OF and by ATTACH PARTITION
-- (pagila's payment), a list-partitioned one with a DEFAULT partition and
-- a sub-partitioned partition, and a hash-partitioned one.
CREATE SEQUENCE payment_payment_id_seq;

CREATE TABLE payment (
    payment_id integer DEFAULT nextval('payment_payment_id_seq'::regclass) NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL,
    CONSTRAINT payment_amount_check CHECK (amount >= 0),
    PRIMARY KEY (payment_date, payment_id)
)
PARTITION BY RANGE (payment_date);

CREATE INDEX payment_customer_id_idx ON payment (customer_id);

CREATE TABLE payment_p2022_01 PARTITION OF payment
    FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');

CREATE TABLE payment_p2022_02 (
    payment_id integer DEFAULT nextval('payment_payment_id_seq'::regclass) NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL,
    CONSTRAINT payment_amount_check CHECK (amount >= 0)
);

ALTER TABLE ONLY payment ATTACH PARTITION payment_p2022_02
    FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00');

CREATE TABLE payment_p2022_03 (
    payment_id integer DEFAULT nextval('payment_payment_id_seq'::regclass) NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL,
    CONSTRAINT payment_amount_check CHECK (amount >= 0)
);

ALTER TABLE ONLY payment_p2022_03
    ADD CONSTRAINT payment_p2022_03_pkey PRIMARY KEY (payment_date, payment_id);

CREATE INDEX payment_p2022_03_customer_id_idx ON payment_p2022_03 (customer_id);

ALTER TABLE payment ATTACH PARTITION payment_p2022_03
    FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00');

CREATE TABLE orders (
    id integer NOT NULL,
    region text NOT NULL,
    kind text,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);

CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us')
    PARTITION BY RANGE (id);
CREATE TABLE orders_us_low PARTITION OF orders_us FOR VALUES FROM (MINVALUE) TO (1000);
CREATE TABLE orders_us_high PARTITION OF orders_us DEFAULT;
CREATE TABLE orders_other PARTITION OF orders DEFAULT;

CREATE TABLE events (
    id bigint NOT NULL,
    payload text
) PARTITION BY HASH (id);

CREATE TABLE events_0 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE events_1 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE readings (
    sensor integer,
    taken date NOT NULL,
    value numeric
) PARTITION BY LIST (sensor);

CREATE TABLE readings_low PARTITION OF readings FOR VALUES IN (1, 2, NULL);
CREATE TABLE readings_three PARTITION OF readings FOR VALUES IN (3);
CREATE TABLE readings_rest PARTITION OF readings DEFAULT;

CREATE TABLE stamps (at timestamp, note text) PARTITION BY RANGE (at);
CREATE TABLE stamps_old PARTITION OF stamps FOR VALUES FROM (MINVALUE) TO ('2000-01-01');
CREATE TABLE stamps_new PARTITION OF stamps FOR VALUES FROM ('2000-01-01') TO (MAXVALUE);
