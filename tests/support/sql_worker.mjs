// The tests' own line to PostgreSQL, on a worker thread so that `wp.sql` can stay synchronous.
// Starting `psql` for every check cost about 100 ms on a two-core host (most of the PostgreSQL
// suite's time); a connection kept open per database answers in about a millisecond.
//
// The main thread posts { url, statement } and waits on `signal`; this thread answers
// { rows } or { error } on the same port, then wakes it.
import { workerData } from "node:worker_threads";
import pg from "pg";

const { port, signal } = workerData;
const connections = new Map();

// "host=127.0.0.1 port=5432 user=postgres dbname=x", as the server and psql take it.
function settings(url) {
  const named = Object.fromEntries(url.trim().split(/\s+/).map((pair) => pair.split("=", 2)));
  return { host: named.host, port: Number(named.port), user: named.user, database: named.dbname, password: named.password };
}

// Every value as the server writes it in text, as psql shows it: no dates or numbers parsed.
const asText = { getTypeParser: () => (value) => value };

async function connection(url) {
  let open = connections.get(url);
  if (!open) {
    const client = new pg.Client({ ...settings(url), types: asText });
    // A cluster stopped under a test (the outage test) ends the connection: the next check opens
    // another.
    const forget = () => connections.get(url) === open && connections.delete(url);
    client.on("error", forget);
    client.on("end", forget);
    open = client.connect().then(() => client);
    connections.set(url, open);
    open.catch(forget);
  }
  return open;
}

// psql -qAt's output: a row a line, columns joined by "|", NULL as nothing, every result of a
// string of statements in turn.
function asPsqlPrints(result) {
  const results = Array.isArray(result) ? result : [result];
  return results
    .flatMap((one) => (one.rows ?? []).map((row) => row.map((value) => value ?? "").join("|")))
    .join("\n");
}

port.on("message", async ({ url, statement }) => {
  let answer;
  try {
    const client = await connection(url);
    answer = { rows: asPsqlPrints(await client.query({ text: statement, rowMode: "array" })) };
  } catch (error) {
    answer = { error: error.message };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
