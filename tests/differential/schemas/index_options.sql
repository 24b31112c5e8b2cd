-- A schema file (pg_dump style) with index options, INCLUDE columns,
-- partial indexes and comments on constraints, indexes, sequences and
-- schemas; corpus/index_options_schema.sql reads it back.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application schema';
CREATE TABLE app.accounts (
    id integer NOT NULL,
    email text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    score integer,
    created timestamp with time zone,
    CONSTRAINT accounts_score_check CHECK (score >= 0)
);
CREATE SEQUENCE app.accounts_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE app.accounts_id_seq OWNED BY app.accounts.id;
ALTER TABLE ONLY app.accounts ALTER COLUMN id SET DEFAULT nextval('app.accounts_id_seq'::regclass);
ALTER TABLE ONLY app.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX accounts_live_email ON app.accounts USING btree (email) INCLUDE (id) WHERE active;
CREATE INDEX accounts_score_desc ON app.accounts USING btree (score DESC NULLS LAST, created NULLS FIRST);
CREATE INDEX accounts_recent ON app.accounts USING btree (created DESC) WHERE (score IS NOT NULL AND score > 10);
COMMENT ON CONSTRAINT accounts_pkey ON app.accounts IS 'surrogate key';
COMMENT ON CONSTRAINT accounts_score_check ON app.accounts IS 'no negative scores';
COMMENT ON INDEX app.accounts_live_email IS 'one live account per address';
COMMENT ON SEQUENCE app.accounts_id_seq IS 'account numbers';
COMMENT ON TABLE app.accounts IS 'accounts';
COMMENT ON COLUMN app.accounts.email IS 'login';
