import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("sign-ins, failures and views are recorded with who, what, when and from where", async () => {
  const c = wp.client();
  await c.signIn(DEMO.apLead, "a wrong password here");
  await c.signIn(DEMO.apLead);
  await c.get("/pupils/2");
  const rows = wp.sql("SELECT action || '|' || COALESCE(user_id, 0) || '|' || COALESCE(pupil_id, 0) || '|' || client FROM audit_events ORDER BY id");
  const lines = rows.split("\n");
  assert.ok(lines.includes("sign_in.failed|0|0|127.0.0.1"), rows);
  assert.ok(lines.includes("sign_in|1|0|127.0.0.1"), rows);
  assert.ok(lines.includes("pupil.view|1|2|127.0.0.1"), rows);
});

test("a list of pupils is a read of each of them, and is recorded with their ids", async () => {
  const c = wp.client();
  await c.signIn(DEMO.parent);
  await c.get("/pupils");
  assert.equal(wp.sql("SELECT detail FROM audit_events WHERE action = 'pupil.list' AND user_id = 7"), '{"pupil_ids":[1]}');
});

test("audit verify passes on the intact chain and names the first entry someone altered", async () => {
  const intact = wp.cli(["audit", "verify"]);
  assert.equal(intact.status, 0, intact.stderr);
  assert.match(intact.stdout, /Audit chain intact: \d+ entries verified/);
  const target = wp.sql("SELECT MIN(id) FROM audit_events WHERE action = 'pupil.view'");
  wp.sql(`UPDATE audit_events SET pupil_id = 9 WHERE id = ${target}`);
  const broken = wp.cli(["audit", "verify"]);
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, new RegExp(`Audit chain broken at entry ${target}: its content does not match its hash`));
});

test("administrators search the trail by user, pupil and date; bad filters are named", async () => {
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  const byUser = await admin.get("/admin/audit?user=1");
  assert.equal(byUser.status, 200);
  assert.match(byUser.text, /pupil\.view/);
  const byEmail = await admin.get("/admin/audit?user=" + encodeURIComponent(DEMO.apLead.toUpperCase()));
  assert.match(byEmail.text, /ap\.lead@oakfield\.example \(1\)/);
  assert.doesNotMatch(byEmail.text, /admin@waypoint\.example \(8\)/);
  const unknown = await admin.get("/admin/audit?user=nobody@nowhere.example");
  assert.deepEqual(errorMessages(unknown.text), [{ field: "user", message: "No user has the email address nobody@nowhere.example" }]);
  const today = new Date().toISOString().slice(0, 10);
  const byDate = await admin.get(`/admin/audit?from=${today}&until=${today}`);
  assert.match(byDate.text, /sign_in/);
  const none = await admin.get("/admin/audit?from=2001-01-01&until=2001-01-02");
  assert.match(none.text, /No entries match/);
  const bad = await admin.get("/admin/audit?user=abc&from=2026-02-30&until=2026-01-01");
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["user", "from"]);
  const backwards = await admin.get("/admin/audit?from=2026-02-01&until=2026-01-01");
  assert.deepEqual(errorMessages(backwards.text).map((e) => e.field), ["until"]);
});
