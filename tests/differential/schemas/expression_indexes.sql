-- Expression indexes for psql's describe commands (tests/test_expression_indexes_psql.py).
CREATE TABLE accounts (
    id int PRIMARY KEY,
    email varchar(80) NOT NULL,
    body text,
    score int
);
CREATE UNIQUE INDEX accounts_email_lower ON accounts (lower(email));
CREATE INDEX accounts_score_plus ON accounts ((score + 1), id DESC);
CREATE INDEX accounts_body_search ON accounts USING gin (to_tsvector('simple', body));
CREATE INDEX accounts_upper_live ON accounts (upper(body)) WHERE score > 0;
