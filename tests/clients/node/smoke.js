// node-postgres (npm `pg`) smoke test for twinning: the real driver,
// unmodified, against a server given on the command line.
//
//     node smoke.js HOST PORT USER DATABASE
//
// Prints one JSON object per line, {"step": ..., "value": ...}.
// tests/test_clients_jdbc_node.py runs it against real PostgreSQL 15 and
// against the twin and compares the outputs step by step. A failing step
// prints {"error": {code, severity, message, position}} as its value, so
// one divergence does not hide the steps after it.
'use strict';

const { Client } = require('pg');

function out(step, value) {
  process.stdout.write(JSON.stringify({ step, value }) + '\n');
}

function shape(result) {
  if (Array.isArray(result)) return result.map(shape);
  return {
    command: result.command,
    rowCount: result.rowCount,
    fields: (result.fields || []).map((f) => ({
      name: f.name,
      dataTypeID: f.dataTypeID,
      dataTypeSize: f.dataTypeSize,
      dataTypeModifier: f.dataTypeModifier,
      format: f.format,
    })),
    rows: result.rows,
  };
}

function error(err) {
  if (err && err.code !== undefined) {
    return {
      error: {
        code: err.code,
        severity: err.severity,
        message: err.message,
        position: err.position,
      },
    };
  }
  return { error: { client: String(err && err.message ? err.message : err) } };
}

async function step(client, name, query, values) {
  try {
    out(name, shape(await client.query(query, values)));
  } catch (err) {
    out(name, error(err));
  }
}

// [name, query, values]: the steps main() runs with step(), in order
const STEPS = [
  // simple query protocol (no parameters, no name)
  ['select1', 'SELECT 1'],
  ['select_types',
    "SELECT 1::int8 AS a, 'x'::text AS b, 1.50::numeric AS c, true AS d, " +
    "'2024-02-29'::date AS e, 2.5::float8 AS f, NULL::int AS g"],
  ['multi_statement', 'SELECT 1 AS one; SELECT 2 AS two'],
  ['empty_query', ''],

  // extended protocol, unnamed statement; parameter types unspecified (0)
  ['param_int', 'SELECT $1::int + 1 AS n', [41]],
  ['param_untyped', 'SELECT $1 AS x', ['hi']],
  ['param_text_concat', "SELECT $1::text || '!' AS x", ['hey']],
  ['param_null', 'SELECT $1::int8 AS x', [null]],
  ['param_compare', 'SELECT $1::numeric > $2::numeric AS gt', ['1.5', '1.25']],

  // named prepared statement: Parse once, then Bind/Execute only
  ['named_1', { name: 'q1', text: 'SELECT $1::int * 2 AS doubled', values: [21] }],
  ['named_2', { name: 'q1', text: 'SELECT $1::int * 2 AS doubled', values: [50] }],
  ['named_array_mode',
    { name: 'q2', text: 'SELECT $1::int8 AS a, $2::text AS b', values: [7, 'y'], rowMode: 'array' }],

  // SET / SHOW
  ['set_application_name', "SET application_name = 'node-smoke'"],
  ['show_application_name', 'SHOW application_name'],

  // BEGIN / COMMIT / ROLLBACK
  ['begin', 'BEGIN'],
  ['txn_set', "SET application_name = 'committed'"],
  ['commit', 'COMMIT'],
  ['after_commit', 'SHOW application_name'],
  ['begin_2', 'BEGIN'],
  ['txn_set_2', "SET application_name = 'rolled-back'"],
  ['txn_show_2', 'SHOW application_name'],
  ['rollback', 'ROLLBACK'],
  ['after_rollback', 'SHOW application_name'],
  ['begin_3', 'BEGIN'],
  ['txn_div0', 'SELECT 1/0'],
  ['txn_aborted', 'SELECT $1::int AS x', [1]],
  ['rollback_aborted', 'ROLLBACK'],
  ['commit_outside', 'COMMIT'],

  // errors; the connection stays usable
  ['div0', 'SELECT 1/0'],
  ['param_div0', 'SELECT $1::int / 0', [1]],
  ['bad_param', 'SELECT $1::int AS x', ['abc']],
  ['syntax_error', 'SELEC 1'],
];

// after the error whose SQLSTATE main() reads itself: still usable
const AFTER_ERRORS = [
  ['after_nope', 'SELECT 4 AS four'],
  ['named_after_errors',
    { name: 'q1', text: 'SELECT $1::int * 2 AS doubled', values: [4] }],
];

async function main() {
  const [host, port, user, database] = process.argv.slice(2);
  const client = new Client({ host, port: Number(port), user, database });
  // NoticeResponse messages (e.g. COMMIT outside a transaction) are
  // printed where they arrive, so their order is compared too
  client.on('notice', (msg) => out('notice', {
    code: msg.code, severity: msg.severity, message: msg.message,
  }));
  await client.connect();
  out('connect', true);

  for (const [name, query, values] of STEPS) await step(client, name, query, values);
  try {
    await client.query('SELECT * FROM nope');
    out('nope_code', 'no error');
  } catch (err) {
    out('nope_code', err.code === undefined ? 'client error' : err.code);
  }
  for (const [name, query, values] of AFTER_ERRORS) await step(client, name, query, values);

  await client.end();
  out('closed', true);
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
