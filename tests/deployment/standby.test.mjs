import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

// High availability as the deployment guide describes it: a hot standby fed by streaming
// replication with synchronous commit on, Waypoint given both hosts in one connection string
// (target_session_attrs=read-write). The primary crashes while pupils are being added, the standby
// is promoted, Waypoint finds the new primary by itself, and no write it acknowledged is lost.
const bin = "/usr/lib/postgresql/15/bin";
const root = process.getuid() === 0;
let dir, wp;
const ports = {};

function asOwner(...args) {
  return root ? execFileSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" }) : execFileSync(args[0], args.slice(1), { encoding: "utf8" });
}
const psql = (port, sql, db = "postgres") => asOwner("psql", `host=127.0.0.1 port=${port} user=postgres dbname=${db}`, "-qAtc", sql).trim();
const pgctl = (data, ...args) => asOwner(`${bin}/pg_ctl`, "-D", join(dir, data), ...args);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function start(data, port) {
  pgctl(data, "-l", join(dir, `${data}.log`), "-w", "-t", "60", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start");
}

const LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
const upn = (twelve) => LETTERS[[...twelve].reduce((sum, c, i) => sum + Number(c) * (i + 2), 0) % 23] + twelve;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "waypoint-standby-"));
  if (root) {
    const pg = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, pg, pg);
  }
  ports.primary = await freePort();
  ports.standby = await freePort();
  asOwner(`${bin}/initdb`, "-D", join(dir, "primary"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
  start("primary", ports.primary);
  asOwner(`${bin}/pg_basebackup`, "-d", `host=127.0.0.1 port=${ports.primary} user=postgres application_name=standby1`, "-D", join(dir, "standby"), "-R", "-X", "stream", "--no-sync");
  start("standby", ports.standby);
  // Synchronous commit: a commit returns only once the standby has the WAL.
  psql(ports.primary, "ALTER SYSTEM SET synchronous_standby_names = 'standby1'");
  psql(ports.primary, "SELECT pg_reload_conf()");
  for (let i = 0; i < 100 && psql(ports.primary, "SELECT sync_state FROM pg_stat_replication") !== "sync"; i++) await pause(100);
  assert.equal(psql(ports.primary, "SELECT sync_state FROM pg_stat_replication"), "sync");
  psql(ports.primary, "CREATE DATABASE waypoint");
  const url = `host=127.0.0.1,127.0.0.1 port=${ports.primary},${ports.standby} user=postgres dbname=waypoint target_session_attrs=read-write connect_timeout=2`;
  wp = await startWaypoint({ database: { url, cleanup() {} } });
});

after(async () => {
  await wp?.stop().catch(() => {});
  for (const data of ["primary", "standby"]) {
    try {
      pgctl(data, "-m", "immediate", "-w", "stop");
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

test("the primary crashes, the standby is promoted, Waypoint carries on against it and no acknowledged write is lost", async () => {
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const acknowledged = [];
  const refused = [];
  let serial = 0;
  let running = true;
  const writers = Promise.all([0, 1, 2, 3].map(async () => {
    while (running) {
      const n = ++serial;
      const pupil = { upn: upn(`9996${String(n).padStart(8, "0")}`), given_name: "Standby", family_name: `Pupil ${n}`, date_of_birth: "2012-05-01", gender: "U" };
      const r = await wp.api(token, "POST", "/pupils", pupil).catch((e) => ({ status: 0, body: String(e) }));
      if (r.status === 201) acknowledged.push(pupil.upn);
      else refused.push(r.status);
    }
  }));
  while (acknowledged.length < 20) await pause(20);
  pgctl("primary", "-m", "immediate", "-w", "stop"); // a crash: no shutdown checkpoint, clients cut off
  const crashedAt = acknowledged.length;
  const crashTime = Date.now();
  await pause(1000);
  pgctl("standby", "-w", "promote");
  const promoted = Date.now();
  // Waypoint reconnects by itself: writes are acknowledged again through the promoted standby.
  const deadline = Date.now() + 30000;
  while (acknowledged.length < crashedAt + 20 && Date.now() < deadline) await pause(50);
  const resumed = Date.now();
  running = false;
  await writers;
  console.log(`standby: ${crashedAt} acknowledged before the crash, ${acknowledged.length} in all, ${refused.length} refused; promoted ${promoted - crashTime} ms after the crash, writes acknowledged again ${resumed - promoted} ms after it`);
  assert.ok(acknowledged.length >= crashedAt + 20, `writes resumed after the promotion: ${acknowledged.length} acknowledged, ${crashedAt} before the crash`);
  assert.ok(refused.every((s) => s === 503), `while no primary answered, writes were refused with 503: ${[...new Set(refused)]}`);
  const kept = new Set(psql(ports.standby, "SELECT upn FROM pupils WHERE given_name = 'Standby'", "waypoint").split("\n"));
  const lost = acknowledged.filter((u) => !kept.has(u));
  assert.deepEqual(lost, [], "every acknowledged pupil is on the new primary");
  assert.equal((await fetch(wp.url + "/readyz")).status, 200);
});
