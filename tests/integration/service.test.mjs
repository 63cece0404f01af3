import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("/healthz answers ok", async () => {
  const res = await fetch(wp.url + "/healthz");
  assert.equal(res.status, 200);
  assert.equal(await res.text(), "ok\n");
});

test("/metrics counts requests by route and status and has a latency histogram", async () => {
  await fetch(wp.url + "/healthz");
  await fetch(wp.url + "/no-such-page");
  const text = await (await fetch(wp.url + "/metrics")).text();
  assert.match(text, /waypoint_http_requests_total\{route="GET \/healthz",status="200"\} [1-9]/);
  assert.match(text, /waypoint_http_requests_total\{route="not_found",status="404"\} 1/);
  assert.match(text, /waypoint_http_request_duration_seconds_bucket\{route="GET \/healthz",le="\+Inf"\} [1-9]/);
});

test("unknown pages are a 404 page, not a crash; pages carry security headers", async () => {
  const c = wp.client();
  await c.signIn(DEMO.apLead);
  const res = await c.get("/nowhere/at/all");
  assert.equal(res.status, 404);
  assert.match(res.text, /Page not found/);
  assert.match(res.headers.get("content-security-policy"), /default-src 'self'/);
  assert.equal(res.headers.get("x-frame-options"), "DENY");
});

test("a request body over the limit is refused with 413", async () => {
  const res = await fetch(wp.url + "/sign-in", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "email=" + "a".repeat(2 * 1024 * 1024),
  });
  assert.equal(res.status, 413);
});

test("static assets are served, and paths cannot climb out of the assets folder", async () => {
  const css = await fetch(wp.url + "/static/waypoint.css");
  assert.equal(css.status, 200);
  assert.equal(css.headers.get("content-type"), "text/css");
  assert.equal((await fetch(wp.url + "/static/../../etc/passwd")).status, 404);
  assert.equal((await fetch(wp.url + "/static/%2e%2e/%2e%2e/etc/passwd")).status, 404);
});

test("the command line adds a user who can then sign in, reading the password from standard input", async () => {
  const add = wp.cli(["user", "add", "--email", "new.lead@riverside.example", "--name", "Rae Lin", "--role", "ap_lead", "--organisation-id", "3"], "a fine long password\n");
  assert.equal(add.status, 0, add.stderr);
  assert.equal((await wp.client().signIn("new.lead@riverside.example", "a fine long password")).status, 303);
  const bad = wp.cli(["user", "add", "--email", "x", "--name", "X", "--role", "ap_lead", "--organisation-id", "3"], "short\n");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /email: Enter an email address in the correct format/);
  assert.match(bad.stderr, /password: Password must be 12 characters or more/);
});

// Last in this file: it breaks the database under the running server on purpose.
test("a failure inside the server shows the 500 page, not a stack trace, and the service carries on", async () => {
  const c = wp.client();
  await c.signIn(DEMO.parent);
  wp.sql("DROP TABLE pupil_guardians");
  const res = await c.get("/pupils");
  assert.equal(res.status, 500);
  assert.match(res.text, /Sorry, there is a problem with the service/);
  assert.doesNotMatch(res.text, /pupil_guardians|SQL|sqlite|PostgreSQL/i);
  assert.match(wp.stderr(), /unexpected failure/);
  assert.equal((await fetch(wp.url + "/healthz")).status, 200);
});

test("a second server on an address already in use refuses to start and names the address", async () => {
  const address = new URL(wp.url).host;
  // Bounded: a server that did start would otherwise keep this test waiting for ever.
  const second = wp.cli(["serve", "--listen", address, "--second-factor-roles", "none"], "", { timeout: 20000 });
  assert.notEqual(second.status, 0, "it must not start beside the first");
  assert.match(second.stderr, new RegExp(`Cannot listen on ${address.replace(/\./g, "\\.")}: .*already in use`, "i"));
  assert.equal((await fetch(wp.url + "/healthz")).status, 200, "the first carries on");
});

test("bytes that are not HTTP get a 400, and headers over 16 KB a 431, before the connection closes", async () => {
  const { connect } = await import("node:net");
  const ask = (text) => new Promise((resolve) => {
    const { hostname, port } = new URL(wp.url);
    const s = connect(Number(port), hostname, () => s.write(text));
    let answer = "";
    s.on("data", (d) => (answer += d));
    s.on("error", () => {});
    s.on("close", () => resolve(answer));
  });
  assert.match(await ask("NOT HTTP AT ALL\r\n\r\n"), /^HTTP\/1\.1 400 /);
  assert.match(await ask(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20000)}\r\n\r\n`), /^HTTP\/1\.1 431 /);
  assert.equal((await fetch(wp.url + "/healthz")).status, 200);
});

test("the server allocates with tcmalloc (the sanitizer build with AddressSanitizer's own)", () => {
  const maps = readFileSync(`/proc/${wp.pid}/maps`, "utf8");
  if (maps.includes("libasan")) {
    assert.doesNotMatch(maps, /libtcmalloc/, "two allocators in one process");
    return;
  }
  assert.match(maps, /libtcmalloc_minimal\.so/);
});
