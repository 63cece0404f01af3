import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { startWaypoint, DEMO, errorMessages, engine, now } from "../support/waypoint.mjs";

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

// As someone who holds the database and has lifted its protection of the trail would.
const lift = (wp) => wp.sql(engine === "postgres"
  ? "GRANT UPDATE, DELETE ON audit_events TO CURRENT_USER; ALTER TABLE audit_events DISABLE TRIGGER USER"
  : "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete");

test("the database refuses to change or remove audit entries", async () => {
  const before = wp.sql("SELECT COUNT(*) || ':' || MAX(hash) FROM audit_events");
  assert.throws(() => wp.sql("UPDATE audit_events SET pupil_id = 9 WHERE id = 1"), /append-only|permission denied/);
  assert.throws(() => wp.sql("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)"), /append-only|permission denied/);
  if (engine === "postgres") {
    assert.throws(() => wp.sql("TRUNCATE audit_events"), /append-only|permission denied/);
    // The trail is partitioned by academic year (migration 0051): a year named on its own is guarded too.
    const year = wp.sql("SELECT tableoid::regclass::text FROM audit_events ORDER BY id DESC LIMIT 1");
    assert.match(year, /^audit_events_\d{4}_\d{2}$/);
    assert.throws(() => wp.sql(`UPDATE ${year} SET pupil_id = 9`), /append-only|permission denied/);
    assert.throws(() => wp.sql(`DELETE FROM ${year}`), /append-only|permission denied/);
    assert.throws(() => wp.sql(`TRUNCATE ${year}`), /append-only|permission denied/);
  }
  assert.equal(wp.sql("SELECT COUNT(*) || ':' || MAX(hash) FROM audit_events"), before);
});

// A server signs a checkpoint at its first background tick, which runs beside the first requests:
// waited for, so that it cannot vouch for an entry a test is about to remove.
async function firstCheckpoint(server) {
  for (const until = Date.now() + 30000; Date.now() < until; await sleep(50))
    if (existsSync(server.audit.checkpoints) && readFileSync(server.audit.checkpoints, "utf8").includes("\n")) return;
  throw new Error("the server signed no checkpoint within 30 s\n" + server.stderr());
}

test("audit verify passes on the intact trail, names an altered entry, and finds rows cut from the end", async () => {
  const fresh = await startWaypoint();
  try {
    await firstCheckpoint(fresh);
    const c = fresh.client();
    await c.signIn(DEMO.apLead);
    for (const id of [1, 2, 3]) await c.get(`/pupils/${id}`);
    // Stopped first: the server's own background work (alert sweep, mail) writes to the trail too,
    // and an entry landing between the checkpoint and the tampering would change what is found.
    assert.deepEqual(await fresh.signal("SIGTERM"), { code: 0, signal: null });
    const written = fresh.cli(["audit", "checkpoint"]);
    assert.equal(written.status, 0, written.stderr);
    const last = Number(fresh.sql("SELECT MAX(id) FROM audit_events"));
    assert.match(written.stdout, new RegExp(`ending with entry ${last}`));
    const intact = fresh.cli(["audit", "verify"]);
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /Audit chain intact: \d+ entries verified against [1-9]\d* checkpoints/);

    lift(fresh);
    // The last three entries by id: on PostgreSQL a rolled-back insert leaves a gap in the ids.
    fresh.sql("DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events ORDER BY id DESC LIMIT 3)");
    const kept = Number(fresh.sql("SELECT MAX(id) FROM audit_events"));
    const cut = fresh.cli(["audit", "verify"]);
    assert.equal(cut.status, 1);
    assert.match(cut.stdout, new RegExp(`Audit trail broken at entry ${kept + 1}: entries ${kept + 1} to ${last} were removed`));

    const target = fresh.sql("SELECT MIN(id) FROM audit_events WHERE action = 'sign_in'");
    fresh.sql(`UPDATE audit_events SET pupil_id = 9 WHERE id = ${target}`);
    const altered = fresh.cli(["audit", "verify"]);
    assert.equal(altered.status, 1);
    assert.match(altered.stdout, new RegExp(`Audit trail broken at entry ${target}: its content does not match its hash`));
  } finally {
    await fresh.signal("SIGTERM");
    fresh.cleanup();
  }
});

test("a checkpoint file someone edited is not trusted", async () => {
  const fresh = await startWaypoint();
  try {
    fresh.cli(["audit", "checkpoint"]);
    const line = readFileSync(fresh.audit.checkpoints, "utf8").trim().split("\n").pop().split(" ");
    line[1] = String(Number(line[1]) - 1);
    line[2] = String(Number(line[2]) - 1);
    writeFileSync(fresh.audit.checkpoints, line.join(" ") + "\n", { flag: "a" });
    const r = fresh.cli(["audit", "verify"]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /is not signed with this trail's key/);
  } finally {
    await fresh.stop();
  }
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
  const today = new Date(now()).toISOString().slice(0, 10);
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
