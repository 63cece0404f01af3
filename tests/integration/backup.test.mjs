import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, freshDatabase, sqlOn, DEMO, day } from "../support/waypoint.mjs";

// `waypoint backup` copies the database while the server keeps writing, with a manifest of what the
// copy holds; `waypoint restore` puts it into an empty database and proves the rows and the audit
// trail came back, and refuses a damaged file, a newer one, or a database that is not empty.
let wp;
let dir;
const targets = [];
before(async () => {
  wp = await startWaypoint();
  dir = mkdtempSync(join(tmpdir(), "waypoint-backup-"));
});
after(async () => {
  await wp.stop();
  for (const t of targets) t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const bin = process.env.WAYPOINT_BIN;
const auditArgs = () => ["--audit-key", wp.audit.key, "--audit-checkpoints", wp.audit.checkpoints];

// Runs a waypoint command without blocking this process, so the server's load goes on meanwhile.
function runAsync(args) {
  return new Promise((resolve) => {
    const child = spawn(bin, [...args, ...auditArgs()], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

function restore(file, target) {
  return spawnSync(bin, ["restore", "--from", file, "--database", target.url, ...auditArgs()], { encoding: "utf8" });
}

function emptyTarget() {
  const t = freshDatabase();
  targets.push(t);
  return t;
}

const manifestOf = (file) => JSON.parse(readFileSync(file).toString("latin1").split("\n")[1]);
const tablesIn = (url) =>
  sqlOn(url, url.startsWith("sqlite:")
    ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
    : "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'");

test("a backup made while the server writes restores into an empty database with the same rows and an intact audit trail", async () => {
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  // Audited reads and writes on four connections for as long as the backup takes.
  let writing = true;
  let requests = 0;
  const load = Promise.all([0, 1, 2, 3].map(async (n) => {
    while (writing) {
      const page = await lead.get(n % 2 ? "/pupils/1" : "/placements/1");
      assert.equal(page.status, 200);
      requests++;
    }
  }));
  while (requests < 20) await new Promise((r) => setTimeout(r, 10));
  const file = join(dir, "waypoint.backup");
  const made = await runAsync(["backup", "--to", file, "--database", wp.database]);
  const during = requests;
  while (requests < during + 20) await new Promise((r) => setTimeout(r, 10));
  writing = false;
  await load;
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /^Backup written to .*: \d+ tables, \d+ rows, schema \d+, audit trail of \d+ entries/);

  const manifest = manifestOf(file);
  assert.equal(readFileSync(file).toString("latin1").split("\n")[0], "WAYPOINT BACKUP");
  assert.equal(manifest.engine, wp.database.startsWith("sqlite:") ? "sqlite" : "postgres");
  assert.ok(manifest.rows.audit_events > 0 && manifest.rows.pupils > 0);
  assert.equal(manifest.audit.entries, manifest.rows.audit_events);
  // The server went on writing after the copy's moment, and the copy itself is in the trail.
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events")) > manifest.rows.audit_events);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'backup.made'"), "1");

  // A checkpoint signed after the backup vouches for entries the restore will not have: it is set
  // aside in a file of its own rather than left to fail every later `audit verify`.
  assert.equal(wp.cli(["audit", "checkpoint"]).status, 0);
  const checkpointsBefore = readFileSync(wp.audit.checkpoints, "utf8");
  const target = emptyTarget();
  const restored = restore(file, target);
  assert.equal(restored.status, 0, restored.stderr + restored.stdout);
  assert.match(restored.stdout, /every table has the rows the backup had/);
  assert.match(restored.stdout, /1 checkpoint signed after the backup vouch for audit entries it does not have: kept in .*\.before-restore\n/);
  assert.equal(readFileSync(wp.audit.checkpoints + ".before-restore", "utf8"), checkpointsBefore);
  assert.equal(readFileSync(wp.audit.checkpoints, "utf8"), checkpointsBefore.split("\n").slice(0, -2).join("\n") + "\n");
  assert.match(restored.stdout, new RegExp(`Audit chain intact: ${manifest.audit.entries} entries verified`));
  for (const [table, rows] of Object.entries(manifest.rows))
    assert.equal(sqlOn(target.url, `SELECT COUNT(*) FROM ${table}`), String(rows), table);
  // The restored trail is the source's trail up to the copy's moment, hash for hash.
  const last = manifest.audit.last_id;
  assert.equal(sqlOn(target.url, `SELECT hash FROM audit_events WHERE id = ${last}`), manifest.audit.head_hash);
  assert.equal(wp.sql(`SELECT hash FROM audit_events WHERE id = ${last}`), manifest.audit.head_hash);
  assert.equal(sqlOn(target.url, "SELECT COUNT(*) FROM audit_events WHERE action = 'backup.made'"), "0");
  // The restored database's own `audit verify` agrees.
  const again = spawnSync(bin, ["audit", "verify", "--database", target.url, ...auditArgs()], { encoding: "utf8" });
  assert.equal(again.status, 0, again.stdout + again.stderr);
});

test("a damaged backup, one from a newer Waypoint, a file that is not one and a database that is not empty are refused, writing nothing", async () => {
  const nowhere = wp.cli(["backup", "--to", join(dir, "no-such-folder", "x.backup")]);
  assert.equal(nowhere.status, 2);
  assert.equal(nowhere.stderr, `to: There is no folder ${join(dir, "no-such-folder")} to write the backup in\n`);
  const file = join(dir, "good.backup");
  const made = wp.cli(["backup", "--to", file]);
  assert.equal(made.status, 0, made.stderr);
  const bytes = readFileSync(file);

  const damaged = join(dir, "damaged.backup");
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 100] ^= 0xff;
  writeFileSync(damaged, flipped);
  let target = emptyTarget();
  let r = restore(damaged, target);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^from: The backup is damaged: its copy of the database does not match the checksum/);

  const newer = join(dir, "newer.backup");
  const lines = bytes.toString("latin1").split("\n");
  const manifest = JSON.parse(lines[1]);
  manifest.schema_version = 9999;
  writeFileSync(newer, Buffer.concat([Buffer.from(`${lines[0]}\n${JSON.stringify(manifest)}\n`, "latin1"), bytes.subarray(lines[0].length + lines[1].length + 2)]));
  r = restore(newer, target);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^from: The backup was made by a newer Waypoint \(schema 9999; this one knows up to \d+\)/);

  const notOne = join(dir, "notes.txt");
  writeFileSync(notOne, "minutes of the meeting\n");
  r = restore(notOne, target);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^from: .*notes\.txt is not a Waypoint backup that can be read: it does not start as one/);
  r = restore(join(dir, "missing.backup"), target);
  assert.match(r.stderr, /^from: There is no file /);
  // Without the deployment's audit key there is nothing to check the trail with: refused, and no
  // new key is left beside the target.
  r = spawnSync(bin, ["restore", "--from", file, "--database", target.url], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^audit-key: Name the audit key of the deployment the backup came from with --audit-key: there is no key at /);
  if (target.url.startsWith("sqlite:")) assert.ok(!existsSync(target.url.slice("sqlite:".length) + ".audit-key"));
  assert.equal(tablesIn(target.url), "0", "nothing was written");

  // Into the running server's own database: refused, and it is untouched.
  const before = wp.sql("SELECT COUNT(*) FROM pupils");
  r = restore(file, { url: wp.database });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^database: Restore only into an empty database: this one already has tables\./);
  assert.equal(wp.sql("SELECT COUNT(*) FROM pupils"), before);

  // The good file still restores.
  target = emptyTarget();
  r = restore(file, target);
  assert.equal(r.status, 0, r.stderr);
});

test("a nightly backup is a setting of serve: made once its time has come, restorable, and a bad time is refused", async () => {
  const folder = join(dir, "nightly");
  // Four older nightly files and one of someone else's: the newest 3 nightly files are kept.
  mkdirSync(folder);
  for (const d of ["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04"]) writeFileSync(join(folder, `waypoint-${d}.backup`), "old");
  writeFileSync(join(folder, "waypoint-notes.backup"), "not the schedule's");
  // The time has come already (midnight), and the sweep looks each second.
  const nightly = await startWaypoint({ args: ["--backup-dir", folder, "--backup-time", "00:00", "--backup-keep", "3", "--sweep-seconds", "1"] });
  try {
    const file = join(folder, `waypoint-${day(0)}.backup`);
    const deadline = Date.now() + 20000;
    while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(existsSync(file), "made on the server's first sweep");
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepEqual(readdirSync(folder).sort(), ["waypoint-2020-01-03.backup", "waypoint-2020-01-04.backup", `waypoint-${day(0)}.backup`, "waypoint-notes.backup"], "once a day, not once a sweep; the oldest removed");
    assert.equal(nightly.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'backup.made'"), "1");
    const r = spawnSync(bin, ["restore", "--from", file, "--database", emptyTarget().url, "--audit-key", nightly.audit.key, "--audit-checkpoints", nightly.audit.checkpoints], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    await nightly.stop();
  }
  const refused = spawnSync(bin, ["serve", "--listen", "127.0.0.1:0", "--database", emptyTarget().url, "--backup-time", "25:00", ...auditArgs()], { encoding: "utf8", timeout: 20000 });
  assert.equal(refused.status, 2);
  assert.equal(refused.stderr, "backup-time: --backup-time must be a time of day in England, like 02:00\n");
});
