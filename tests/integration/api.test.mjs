import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

let wp;
let token;
before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["token", "create", "--email", DEMO.apLead, "--label", "MIS sync"]);
  assert.equal(made.status, 0, made.stderr);
  token = made.stdout.trim();
});
after(async () => wp.stop());

const api = (path, t = token) => fetch(wp.url + "/api/v1" + path, { headers: t ? { authorization: `Bearer ${t}` } : {} });

test("a token is shown once, starts wp_ and is stored only as a hash", async () => {
  assert.match(token, /^wp_[0-9a-f]{64}$/);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM api_tokens WHERE token_hash = '${token}'`), "0");
  assert.equal(wp.sql("SELECT COUNT(*) FROM api_tokens"), "1");
});

test("/api/v1/me answers who the token belongs to", async () => {
  const res = await api("/me");
  assert.equal(res.status, 200);
  const me = await res.json();
  assert.equal(me.email, DEMO.apLead);
  assert.equal(me.role, "ap_lead");
  assert.equal(me.organisation.name, "Oakfield Academy");
});

test("no token, or a wrong one, is 401 with a JSON error", async () => {
  for (const t of ["", "wp_" + "0".repeat(64)]) {
    const res = await api("/me", t);
    assert.equal(res.status, 401);
    assert.match((await res.json()).error, /bearer token/);
    // Before anything sent is read: a body that would be refused is still a 401, not a 422.
    for (const body of ['{"marks": "not a list"}', '{"date": "2026-11-30", "session": "am", "marks": [{"pupil_id": 1, "mark": "present\u0007"}]}', "not JSON"]) {
      const sent = await fetch(wp.url + "/api/v1/register", {
        method: "POST",
        headers: { "content-type": "application/json", ...(t ? { authorization: `Bearer ${t}` } : {}) },
        body,
      });
      assert.equal(sent.status, 401, body);
    }
  }
  // The published description of the API needs no token.
  assert.equal((await api("/openapi.json", "")).status, 200);
});

test("the API applies the same scope as the pages", async () => {
  const list = await (await api("/pupils")).json();
  assert.equal(list.items.length, 8);
  assert.ok(list.items.every((p) => p.school_id === list.items[0].school_id));
  assert.equal((await api("/pupils/1")).status, 200);
  const other = await api("/pupils/15");
  assert.equal(other.status, 404);
  assert.deepEqual(await other.json(), { error: "Page not found" });
});

test("the OpenAPI document describes the API", async () => {
  const res = await fetch(wp.url + "/api/v1/openapi.json");
  assert.equal(res.status, 200);
  const doc = await res.json();
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.paths["/me"].get);
  assert.ok(doc.paths["/pupils/{id}"].get);
});

test("a disabled user's token stops working", async () => {
  const made = wp.cli(["token", "create", "--email", DEMO.providerStaff]);
  const staffToken = made.stdout.trim();
  assert.equal((await api("/me", staffToken)).status, 200);
  assert.equal(wp.cli(["user", "disable", "--email", DEMO.providerStaff]).status, 0);
  assert.equal((await api("/me", staffToken)).status, 401);
});
