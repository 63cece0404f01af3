import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest, Agent } from "node:https";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startWaypoint, freshDatabase, DEMO, day } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// The deployment in deploy/ on loopback: nginx (TLS, HSTS, two upstream servers) in front of two
// `waypoint serve` processes, PgBouncer in transaction mode between them and PostgreSQL. The
// shipped nginx and PgBouncer files are used as they are, with only their addresses, paths and
// the test cluster's authentication put in. One process is killed under load: no request fails
// but those in flight, and every alert is e-mailed once.
const deploy = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy");
let dir, database, sink, bouncer, nginx, servers = [], killed, ca, agent;
const ports = {};

// Replaces `from` with `to` in `text`, and fails if the shipped file no longer has `from`.
function put(text, from, to) {
  assert.ok(text.includes(from), `the shipped file still has: ${from}`);
  return text.split(from).join(to);
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function started(child, name, ready) {
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start\n${output}`)), 20000);
    const poll = setInterval(async () => {
      if (await ready()) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(child);
      }
    }, 100);
    child.on("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`${name} exited with ${code}\n${output}`));
    });
  });
}

const listening = (port) => new Promise((resolve) => {
  const socket = createServer().listen(port, "127.0.0.1");
  socket.on("listening", () => socket.close(() => resolve(false)));
  socket.on("error", () => resolve(true));
});

// One HTTPS request through nginx, trusting the test's own certificate authority.
function https(method, path, { token, body } = {}) {
  return new Promise((resolve) => {
    const headers = { host: "localhost" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) headers["content-type"] = "application/json";
    const req = httpsRequest({ host: "127.0.0.1", port: ports.tls, servername: "localhost", method, path, headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on("error", (e) => resolve({ status: 0, error: e.message }));
    });
    req.on("error", (e) => resolve({ status: 0, error: e.message }));
    req.setTimeout(10000, () => req.destroy(new Error("timed out")));
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "waypoint-deploy-"));
  chmodSync(dir, 0o755);
  for (const name of ["pgbouncer", "nginx"]) ports[name] = await freePort();
  ports.tls = await freePort();

  // PgBouncer, from the shipped file, in front of a fresh database on the test cluster. It will
  // not run as root: as root, it runs as postgres, which owns its folder.
  database = freshDatabase();
  const server = Object.fromEntries(database.url.split(" ").map((kv) => kv.split("=")));
  const bounceDir = join(dir, "pgbouncer");
  mkdirSync(bounceDir);
  let ini = readFileSync(join(deploy, "pgbouncer", "pgbouncer.ini"), "utf8");
  ini = put(ini, "waypoint = host=127.0.0.1 port=5432 dbname=waypoint", `${server.dbname} = host=127.0.0.1 port=${server.port} dbname=${server.dbname}`);
  ini = put(ini, "listen_port = 6432", `listen_port = ${ports.pgbouncer}`);
  ini = put(ini, "auth_type = scram-sha-256", "auth_type = trust"); // the test cluster trusts loopback
  ini = put(ini, "auth_file = /etc/pgbouncer/userlist.txt", `auth_file = ${join(bounceDir, "userlist.txt")}`);
  ini = put(ini, "logfile = /var/log/postgresql/pgbouncer.log", `logfile = ${join(bounceDir, "pgbouncer.log")}`);
  ini = put(ini, "pidfile = /var/run/postgresql/pgbouncer.pid", `pidfile = ${join(bounceDir, "pgbouncer.pid")}`);
  writeFileSync(join(bounceDir, "pgbouncer.ini"), ini);
  writeFileSync(join(bounceDir, "userlist.txt"), '"postgres" ""\n');
  const asRoot = process.getuid() === 0;
  if (asRoot) {
    const pg = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
    for (const f of [bounceDir, join(bounceDir, "pgbouncer.ini"), join(bounceDir, "userlist.txt")]) chownSync(f, Number(pg), Number(pg));
  }
  const bounceArgs = [join(bounceDir, "pgbouncer.ini")];
  bouncer = spawn(asRoot ? "runuser" : "pgbouncer", asRoot ? ["-u", "postgres", "--", "pgbouncer", ...bounceArgs] : bounceArgs, { stdio: ["ignore", "pipe", "pipe"] });
  await started(bouncer, "pgbouncer", () => listening(ports.pgbouncer));

  // Two Waypoint processes, reaching PostgreSQL only through PgBouncer.
  sink = await startSmtpSink({ acceptMs: 200 });
  mkdirSync(join(dir, "backups"));
  const args = ["--pgbouncer", "--smtp", sink.address, "--mail-from", "alerts@waypoint.example", "--sweep-seconds", "1",
    "--backup-dir", join(dir, "backups"), "--backup-time", "00:00", "--backup-database", database.url];
  const through = { url: `host=127.0.0.1 port=${ports.pgbouncer} user=postgres dbname=${server.dbname}`, cleanup() {} };
  const first = await startWaypoint({ args, database: through });
  servers = [first, await startWaypoint({ args, beside: first })];
  const upstream = servers.map((wp) => Number(new URL(wp.url).port));

  // A certificate for localhost, signed by a throwaway authority the client trusts.
  const openssl = (...a) => {
    const r = spawnSync("openssl", a, { cwd: dir, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  };
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Waypoint test CA", "-keyout", "ca.key", "-out", "ca.pem");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "privkey.pem", "-out", "server.csr");
  writeFileSync(join(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "fullchain.pem");
  ca = readFileSync(join(dir, "ca.pem"));
  agent = new Agent({ ca, keepAlive: true, maxSockets: 16 });

  // nginx, with the shipped site inside a main file of the test's own.
  let site = readFileSync(join(deploy, "nginx", "waypoint.conf"), "utf8");
  site = put(site, "server 127.0.0.1:8081", `server 127.0.0.1:${upstream[0]}`);
  site = put(site, "server 127.0.0.1:8082", `server 127.0.0.1:${upstream[1]}`);
  site = put(site, "listen 80;", `listen 127.0.0.1:${ports.nginx};`);
  site = put(site, "listen 443 ssl http2;", `listen 127.0.0.1:${ports.tls} ssl http2;`);
  site = put(site, "/etc/waypoint/tls/fullchain.pem", join(dir, "fullchain.pem"));
  site = put(site, "/etc/waypoint/tls/privkey.pem", join(dir, "privkey.pem"));
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, temp), { mode: 0o777 });
  chmodSync(join(dir, "privkey.pem"), 0o644);
  writeFileSync(join(dir, "nginx.conf"), `
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, "body")};
  proxy_temp_path ${join(dir, "proxy")};
  fastcgi_temp_path ${join(dir, "fastcgi")};
  uwsgi_temp_path ${join(dir, "uwsgi")};
  scgi_temp_path ${join(dir, "scgi")};
  ${site}
}
`);
  nginx = spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  await started(nginx, "nginx", () => listening(ports.tls));
});

after(async () => {
  for (const wp of servers.slice().reverse()) await wp.stop().catch(() => {});
  killed?.cleanup();
  for (const child of [nginx, bouncer]) {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.on("exit", r));
    }
  }
  agent?.destroy();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test("nginx serves Waypoint over TLS with HSTS, and sends plain HTTP to HTTPS", async () => {
  const health = await https("GET", "/healthz");
  assert.equal(health.status, 200);
  assert.match(health.headers["strict-transport-security"], /max-age=63072000/);
  const ready = await https("GET", "/readyz");
  assert.equal(ready.status, 200, "the database answers through PgBouncer");
  const plain = await new Promise((resolve) => {
    httpRequest({ host: "127.0.0.1", port: ports.nginx, path: "/pupils", headers: { host: "localhost" } }, (res) => resolve(res)).end();
  });
  assert.equal(plain.statusCode, 301);
  assert.equal(plain.headers.location, "https://localhost/pupils");
});

test("the nightly backup is made while the servers run, from the address set for backups", async () => {
  const file = join(dir, "backups", `waypoint-${day(0)}.backup`);
  for (let waited = 0; !existsSync(file) && waited < 20000; waited += 200) await pause(200);
  assert.ok(existsSync(file), "made on the first sweep");
  const manifest = JSON.parse(readFileSync(file).toString("latin1").split("\n")[1]);
  assert.equal(manifest.engine, "postgres");
  assert.ok(manifest.rows.pupils > 0, "with the demo's pupils");
});

test("one process killed under load: no request fails but those in flight, and every alert is mailed once", async () => {
  const tokens = {};
  for (const [who, email] of Object.entries({ lead: DEMO.apLead, tutor: DEMO.providerStaff }))
    tokens[who] = servers[0].cli(["token", "create", "--email", email, "--pgbouncer"]).stdout.trim();
  assert.equal((await https("GET", "/api/v1/pupils", { token: tokens.lead })).status, 200);

  // Eight clients read through nginx, audited reads that write to the trail through PgBouncer.
  const loops = 8;
  let running = true;
  const results = [];
  const load = Promise.all(Array.from({ length: loops }, async (_, n) => {
    while (running) {
      const r = await https("GET", n % 2 ? "/api/v1/pupils" : "/api/v1/pupils/1", { token: tokens.lead });
      results.push({ at: Date.now(), ok: r.status === 200, status: r.status, error: r.error });
    }
  }));
  await pause(1500);
  const [victim, survivor] = servers;
  const killedAt = Date.now();
  assert.equal((await victim.signal("SIGKILL")).signal, "SIGKILL");
  servers = [survivor];
  killed = victim;
  await pause(2500);
  running = false;
  await load;
  const failed = results.filter((r) => !r.ok);
  const after = results.filter((r) => r.at > killedAt + 200);
  console.log(`deployment: ${results.length} requests, ${failed.length} failed, ${after.length} after the kill`);
  assert.ok(results.length > 100, `${results.length} requests`);
  assert.ok(failed.length <= loops, `at most the ${loops} in flight failed: ${JSON.stringify(failed.slice(0, 5))}`);
  assert.ok(after.length > 50 && after.every((r) => r.ok), "every request after the kill was answered by the other process");

  // An absence sent through nginx raises an alert that is mailed once, by whichever process holds
  // the background work (the survivor, once the dead one's lease runs out).
  let date;
  for (let offset = -1; offset >= -70 && !date; offset--) {
    const register = await https("GET", `/api/v1/register?date=${day(offset)}&session=am`, { token: tokens.tutor });
    if (register.status === 200 && JSON.parse(register.text).entries.some((e) => e.name === "Aisha Walker")) date = day(offset);
  }
  assert.ok(date, "a recent school day with Aisha expected");
  const sent = await https("POST", "/api/v1/register", { token: tokens.tutor, body: { date, session: "am", marks: [{ pupil_id: 1, mark: "absent", absence_code: "N" }] } });
  assert.equal(sent.status, 200, sent.text);
  const alert = survivor.sql(`SELECT id FROM alerts WHERE kind = 'unexplained_absence' AND pupil_id = 1 AND session_date = '${date}'`);
  assert.ok(alert);
  await sink.waitFor((m) => m.data.includes(`/alerts/${alert}\r\n`), 20000);
  await pause(3000);
  assert.equal(sink.messages.length, Number(survivor.sql("SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NOT NULL")), "each mail sent once");
});
