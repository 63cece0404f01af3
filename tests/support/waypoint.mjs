// Starts a real `waypoint serve` on a free loopback port with a fresh database (SQLite file or a new
// PostgreSQL database on the test cluster), and a small cookie-keeping HTTP client for it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

export const DEMO_PASSWORD = "waypoint demo sign-in";
export const DEMO = {
  apLead: "ap.lead@oakfield.example",
  dsl: "dsl@oakfield.example",
  head: "head@oakfield.example",
  providerManager: "manager@bridgeway.example",
  providerStaff: "tutor@bridgeway.example",
  laOfficer: "officer@exeshire.example",
  parent: "parent@family.example",
  admin: "admin@waypoint.example",
  designatedOfficer: "lado@exeshire.example",
  pupil: "aisha.walker@oakfield.example",
};

// The suite can run as of any date: WAYPOINT_TODAY (YYYY-MM-DD) reaches every server and command
// the tests start (their --today), which keep the real time of day in England on that date, the date
// held at midnight. `now()` is the same time here, so a file running across midnight agrees with
// servers started before it and after it.
const inEngland = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
const heldDate = process.env.WAYPOINT_TODAY;
// How far a clock in England is ahead of UTC at instant `t` (ms): 0 in GMT, an hour in BST.
const inEnglandParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
function englandOffset(t) {
  const p = Object.fromEntries(inEnglandParts.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(t / 1000) * 1000;
}
// The same time of day on a clock in England, on the held date (as the server's clock does, across
// a change between GMT and BST).
export const now = () => {
  const real = Date.now();
  if (!heldDate) return real;
  const shiftDays = Math.round((Date.parse(heldDate) - Date.parse(inEngland.format(new Date(real)))) / 86400000);
  const shifted = real + shiftDays * 86400000;
  return shifted + (englandOffset(real) - englandOffset(shifted));
};
// A date `offset` days from today in England (YYYY-MM-DD), as the server counts days.
export const day = (offset) => {
  const today = inEngland.format(new Date(now()));
  return new Date(Date.parse(today + "T00:00:00Z") + offset * 86400000).toISOString().slice(0, 10);
};

// "2026-11-23" as pages show it: "23 November 2026".
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const dateText = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
// With the day of the week, where the day matters: "Monday 23 November 2026".
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const weekdayDateText = (iso) => `${WEEKDAYS[new Date(iso + "T12:00:00Z").getUTCDay()]} ${dateText(iso)}`;

// The most recent school day before today whose morning register (as `client`, a provider's staff,
// sees it) expects every one of `names`. Ten weeks back reaches past the summer holiday: the demo
// starts its placements so that some school days lie between their start and today.
export async function recentRegisterDay(client, ...names) {
  for (let offset = -1; offset >= -70; offset--) {
    const page = await client.get(`/register?date=${day(offset)}&session=am`);
    if (names.every((name) => page.text.includes(name))) return day(offset);
  }
  throw new Error(`no school day in the last ten weeks with ${names.join(" and ")} expected`);
}

const bin = process.env.WAYPOINT_BIN;
const assets = process.env.WAYPOINT_ASSETS;
export const engine = process.env.WAYPOINT_TEST_ENGINE || "sqlite";

function postgresServer() {
  const state = readFileSync(process.env.WAYPOINT_PG_STATE, "utf8");
  const match = state.match(/WAYPOINT_TEST_PG="([^"]+)"/);
  if (!match) throw new Error("no PostgreSQL test cluster: run through ctest, which starts one");
  return match[1];
}

// A new database on the engine the suite runs on: { url, cleanup }. Empty, or a copy of the demo
// template folder `template` (see demoTemplate).
export function freshDatabase(template) {
  if (engine === "postgres") {
    const server = postgresServer();
    const name = "wp_it_" + randomBytes(6).toString("hex");
    const from = template ? ` TEMPLATE ${readFileSync(join(template, "template"), "utf8")}` : "";
    sqlOn(`${server} dbname=postgres`, `CREATE DATABASE ${name}${from}`);
    return { url: `${server} dbname=${name}`, cleanup() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "waypoint-it-"));
  if (template) for (const file of readdirSync(template)) if (file.startsWith("waypoint.db")) copyFileSync(join(template, file), join(dir, file));
  return { url: `sqlite:${join(dir, "waypoint.db")}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// Runs SQL straight against the database at `url`, as someone with access to the server would,
// and answers what `psql -qAt` or `sqlite3` prints. PostgreSQL is reached through a connection
// kept open on a worker thread (sql_worker.mjs); SQLite through its command, which starts quickly
// and holds no file open between checks (tests replace and remove database files).
export function sqlOn(url, statement) {
  if (engine === "postgres") return postgresLine().ask(url, statement);
  const r = spawnSync("sqlite3", ["-cmd", ".timeout 5000", url.slice("sqlite:".length), statement], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
}

let line;
function postgresLine() {
  if (line) return line;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const pause = new Int32Array(new SharedArrayBuffer(4)); // waited on, never woken: a sleep
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./sql_worker.mjs", import.meta.url), { workerData: { port: port2, signal }, transferList: [port2] });
  // Neither keeps a finished test file running.
  worker.unref();
  port1.unref();
  line = {
    ask(url, statement) {
      Atomics.store(signal, 0, 0);
      port1.postMessage({ url, statement });
      const deadline = Date.now() + 60000;
      if (Atomics.wait(signal, 0, 0, 60000) === "timed-out") throw new Error(`no answer from PostgreSQL in 60 s to: ${statement}`);
      // The worker posts its answer before it wakes this thread, yet once in a full suite's run the
      // answer was not on the port when this thread woke: it is looked for again, a millisecond apart.
      let received = receiveMessageOnPort(port1);
      while (received === undefined && Date.now() < deadline) {
        Atomics.wait(pause, 0, 0, 1);
        received = receiveMessageOnPort(port1);
      }
      if (received === undefined) throw new Error(`no answer from PostgreSQL on its port to: ${statement}`);
      const { message } = received;
      if (message.error !== undefined) throw new Error(message.error);
      return message.rows.trim();
    },
  };
  return line;
}

// Options of serve that change nothing the demo loads. A server started with no others begins
// from a copy of a database the demo was loaded into once (migrating and loading took about a
// second a server on PostgreSQL, longer under the sanitizer); any other option, `--today` above
// all, gets a database of its own loaded as before.
const demoNeutral = new Set(["--smtp", "--mail-from", "--sweep-seconds", "--session-idle-seconds", "--session-absolute-seconds",
  "--second-factor-roles", "--outreach-caseload", "--header-timeout-seconds", "--body-timeout-seconds", "--idle-timeout-seconds",
  "--evidence-limit-mb", "--backup-dir", "--backup-time", "--backup-keep", "--retention-time", "--threads"]);

// The demo, loaded once for this binary, day and engine: a folder holding its audit key and
// checkpoints, and its SQLite database or the name of its PostgreSQL template database. Files of
// a suite run one at a time but suites run side by side, so each makes its folder under another
// name and renames it into place; whoever renames second throws theirs away.
function demoTemplate() {
  const built = statSync(bin).mtimeMs.toFixed(0);
  const server = engine === "postgres" ? postgresServer() : "";
  const key = createHash("sha256").update([bin, built, process.env.WAYPOINT_TODAY ?? "", engine, server].join("\n")).digest("hex").slice(0, 12);
  const home = join(dirname(bin), "test-demo");
  const dir = join(home, `${built}-${key}`);
  if (existsSync(dir)) return dir;
  mkdirSync(home, { recursive: true });
  // Folders made for an earlier build of the binary are no use to anyone.
  for (const old of readdirSync(home)) if (!old.startsWith(`${built}-`) && !old.includes(".")) rmSync(join(home, old), { recursive: true, force: true });
  const making = mkdtempSync(join(home, `${built}-${key}.`));
  let url = `sqlite:${join(making, "waypoint.db")}`;
  if (engine === "postgres") {
    const name = "wp_demo_" + randomBytes(6).toString("hex");
    sqlOn(`${server} dbname=postgres`, `CREATE DATABASE ${name}`);
    writeFileSync(join(making, "template"), name);
    url = `${server} dbname=${name}`;
  }
  const loaded = spawnSync(bin, ["demo", "--database", url, "--audit-key", join(making, "audit.key"), "--audit-checkpoints", join(making, "audit.checkpoints")], { encoding: "utf8" });
  if (loaded.status !== 0) throw new Error(`the demo did not load\n${loaded.stderr}`);
  try {
    renameSync(making, dir);
  } catch {
    rmSync(making, { recursive: true, force: true });
  }
  return dir;
}

// A copy of the demo template, with the audit key and checkpoints it was chained with.
function demoDatabase(audit) {
  const template = demoTemplate();
  for (const file of ["audit.key", "audit.checkpoints"]) if (existsSync(join(template, file))) copyFileSync(join(template, file), audit[file.slice("audit.".length)]);
  return freshDatabase(template);
}

// `beside`: another running server whose database (and audit files) this one shares, as a second
// process of one deployment; the first one's stop cleans them up. `database`: { url, cleanup } to
// use instead of a fresh one (a database reached through a pooler).
export async function startWaypoint({ args = [], beside, database: given } = {}) {
  if (!bin) throw new Error("WAYPOINT_BIN is not set: run through ctest");
  // The audit key and checkpoints live outside the database, as on a real server.
  const outside = mkdtempSync(join(tmpdir(), "waypoint-audit-"));
  const audit = beside ? beside.audit : { key: join(outside, "audit.key"), checkpoints: join(outside, "audit.checkpoints") };
  const fromTemplate = !beside && !given && args.filter((a) => a.startsWith("--")).every((a) => demoNeutral.has(a));
  const database = beside ? { url: beside.database, cleanup() {} } : given ?? (fromTemplate ? demoDatabase(audit) : freshDatabase());
  const auditArgs = ["--audit-key", audit.key, "--audit-checkpoints", audit.checkpoints];
  // The second factor is tried by its own tests; elsewhere the demo's DSL, LA officer and
  // administrator sign in with their password alone, unless a test asks otherwise.
  const factorArgs = args.includes("--second-factor-roles") ? [] : ["--second-factor-roles", "none"];
  const child = spawn(bin, ["serve", "--demo", "--listen", "127.0.0.1:0", "--database", database.url, "--assets", assets, ...auditArgs, ...factorArgs, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("waypoint did not start in time\n" + stderr)), 60000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/[^/\s]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", () => reject(new Error("waypoint exited before it was ready\n" + stderr)));
  });
  return {
    url,
    pid: child.pid,
    database: database.url,
    audit,
    stderr: () => stderr,
    client: () => new Client(url),
    // Calls the JSON API with a bearer token; a body that is not a string is sent as JSON.
    async api(token, method, path, body, contentType = "application/json") {
      const headers = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers["content-type"] = contentType;
      const res = await fetch(url + "/api/v1" + path, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
    },
    // Runs another waypoint subcommand against the same database.
    cli(commandArgs, input = "", { timeout } = {}) {
      return spawnSync(bin, [...commandArgs, "--database", database.url, ...auditArgs], { input, encoding: "utf8", timeout });
    },
    sql: (statement) => sqlOn(database.url, statement),
    // Sends the server a signal and answers how it exited, without cleaning up: for tests of stopping.
    async signal(name) {
      child.kill(name);
      return exited;
    },
    // Removes the database and audit files of a server stopped by `signal`.
    cleanup() {
      database.cleanup();
      rmSync(outside, { recursive: true, force: true });
    },
    async stop() {
      child.kill("SIGTERM");
      const { code, signal } = await exited;
      database.cleanup();
      rmSync(outside, { recursive: true, force: true });
      if (code !== 0) throw new Error(`waypoint exited with ${code ?? signal}\n${stderr}`);
    },
  };
}

// A browser-like client: keeps cookies, does not follow redirects, finds CSRF tokens in pages.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = "";
  }

  async request(method, path, { form, multipart, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body;
    if (form) {
      h["content-type"] = "application/x-www-form-urlencoded";
      // An array is a repeated field, as checkboxes send it.
      const params = form instanceof URLSearchParams ? form : new URLSearchParams();
      if (params !== form) for (const [k, v] of Object.entries(form)) for (const x of [].concat(v)) params.append(k, x);
      body = params.toString();
    }
    if (multipart) body = multipart; // a FormData: fetch writes the boundary
    const res = await fetch(this.base + path, { method, headers: h, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const token = text.match(/name="csrf_token" value="([0-9a-f]+)"/);
    if (token) this.csrf = token[1];
    return { status: res.status, headers: res.headers, text, location: res.headers.get("location") };
  }

  get(path) {
    return this.request("GET", path);
  }

  // Posts a form with this browser's CSRF token, as the page would.
  post(path, fields = {}) {
    return this.request("POST", path, { form: { csrf_token: this.csrf, ...fields } });
  }

  // Uploads files with a form, as a browser does for <input type="file">.
  upload(path, fields, files) {
    const data = new FormData();
    data.append("csrf_token", this.csrf);
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    for (const [k, { name, bytes, type }] of Object.entries(files)) data.append(k, new Blob([bytes], { type }), name);
    return this.request("POST", path, { multipart: data });
  }

  async signIn(email, password = DEMO_PASSWORD) {
    await this.get("/sign-in");
    return this.post("/sign-in", { email, password });
  }
}

// An objective for a plan: attending every session, from 62 % forty days ago to 90 %.
export const attendanceObjective = () => ({ area: "attendance", description: "Attend every timetabled session", baseline_value: "62", baseline_date: day(-40), baseline_source: "Oakfield register", target: "90", measure: "Attendance", unit: "%", target_date: day(100), responsible: "Key worker" });

// The school (signed in as `client`) writes a plan with these objectives and agrees it, as its page would.
export async function agreePlan(client, placementId, objectives) {
  await client.get(`/placements/${placementId}/plan`);
  const fields = {};
  objectives.forEach((o, i) => Object.entries(o).forEach(([k, v]) => (fields[`objective_${i + 1}_${k}`] = v)));
  const saved = await client.post(`/placements/${placementId}/plan`, { objective_count: String(objectives.length), ...fields, monitoring: "Weekly", curriculum_fit: "GCSEs continue", pupil_views: "Wants to go back", parent_views: "Agrees" });
  const agreed = await client.post(`/placements/${placementId}/plan/agree`);
  if (saved.status !== 303 || agreed.status !== 303) throw new Error(`the plan was not agreed: ${JSON.stringify(errorMessages(saved.text + agreed.text))}`);
}

// An XLSX download read back: its shared strings and its first sheet, as XML text.
export function readXlsx(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "waypoint-xlsx-"));
  try {
    writeFileSync(join(dir, "book.xlsx"), bytes);
    const part = (name) => execFileSync("unzip", ["-p", join(dir, "book.xlsx"), name], { encoding: "utf8" });
    return { strings: part("xl/sharedStrings.xml"), sheet: part("xl/worksheets/sheet1.xml") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Text of the GOV.UK error summary's links, for asserting on messages.
export function errorMessages(html) {
  const summary = html.match(/govuk-error-summary__list">([\s\S]*?)<\/ul>/);
  if (!summary) return [];
  return [...summary[1].matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ field: m[1], message: decode(m[2]) }));
}

export function decode(s) {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// A second local authority with one school, made through the administrator's pages as a deployment
// would, and users there (each [email, role, "la" or "school"]), for tests that prove nobody sees
// another area's or school's records.
export async function addAreaWithSchool(wp, { la, school, urn, users = [] }) {
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  const add = async (fields) => {
    await admin.get("/admin/organisations/new");
    const res = await admin.post("/admin/organisations/new", fields);
    if (res.status !== 303) throw new Error(`${fields.name} was not added: ${JSON.stringify(errorMessages(res.text))}`);
    return Number(wp.sql(`SELECT id FROM organisations WHERE name = '${fields.name.replaceAll("'", "''")}'`));
  };
  const ids = {};
  ids.la = await add({ kind: "la", name: la, urn: "", parent_id: "" });
  ids.school = await add({ kind: "school", name: school, urn, parent_id: String(ids.la) });
  for (const [email, role, where] of users) {
    const made = wp.cli(["user", "add", "--email", email, "--name", "Sam Hill", "--role", role, "--organisation-id", String(ids[where])], DEMO_PASSWORD + "\n");
    if (made.status !== 0) throw new Error(made.stderr);
  }
  return ids;
}
