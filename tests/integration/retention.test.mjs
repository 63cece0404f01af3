import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { startWaypoint, sqlOn, DEMO, day, engine, recentRegisterDay, decode, errorMessages } from "../support/waypoint.mjs";

// Retention on a data set built to cross every rule's date: the records are made today through the
// API, and `waypoint retention run` is run as of the days around each rule's date (WAYPOINT_TODAY),
// the day before and the day itself, in the order of those dates (a run disposes of everything due). A dry run lists exactly what has passed its date; the run
// disposes of it, logs it and audits it; a legal hold keeps a pupil's or a provider's records.
let wp;
const tokens = {};
const api = (who, ...call) => wp.api(tokens[who], ...call);
const bin = process.env.WAYPOINT_BIN;

// ISO date arithmetic, in whole days and years; 29 February's anniversary in a common year is 1 March.
const addDays = (iso, n) => new Date(Date.parse(iso + "T00:00:00Z") + n * 86400000).toISOString().slice(0, 10);
function anniversary(iso, years) {
  const [y, m, d] = iso.split("-").map(Number);
  const same = new Date(Date.UTC(y + years, m - 1, d));
  return same.getUTCMonth() === m - 1 ? same.toISOString().slice(0, 10) : `${y + years}-03-01`;
}

const LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
const upn = (twelve) => LETTERS[[...twelve].reduce((sum, c, i) => sum + Number(c) * (i + 2), 0) % 23] + twelve;

// A waypoint command as of `date`, against the test's database and audit files.
function asOf(date, ...args) {
  const r = spawnSync(bin, [...args, "--database", wp.database, "--audit-key", wp.audit.key, "--audit-checkpoints", wp.audit.checkpoints], {
    env: { ...process.env, WAYPOINT_TODAY: date },
    encoding: "utf8",
  });
  return r;
}

// What a run printed: each pupil's line by rule, the registers and audit lines, and held pupils.
function runReport(date, ...flags) {
  const r = asOf(date, "retention", "run", ...flags);
  assert.equal(r.status, 0, r.stderr);
  const pupils = [...r.stdout.matchAll(/^ {2}(?:due|disposed of): pupil (\d+), .* \((\w+), due from [^)]*\): (\d+) records?/gm)]
    .map((m) => ({ id: Number(m[1]), rule: m[2], records: Number(m[3]) }));
  const marks = r.stdout.match(/^ {2}(?:due|disposed of): attendance registers, .*: (\d+) records?/m);
  const audit = r.stdout.match(/^ {2}(?:due|disposed of): audit trail (\d+), .*: (\d+) records?/m);
  const held = [...r.stdout.matchAll(/kept under a legal hold: pupil (\d+)/g)].map((m) => Number(m[1]));
  const providers = [...r.stdout.matchAll(/^ {2}(?:due|disposed of): provider (\d+), .*\((\w+), due from [^)]*\): \d+ records? \(([^)]*)\)/gm)]
    .map((m) => ({ id: Number(m[1]), rule: m[2], tables: m[3] }));
  return { stdout: r.stdout, pupils, providers, marks: marks && Number(marks[1]), audit: audit && { lastId: Number(audit[1]), entries: Number(audit[2]) }, held };
}
const idsOf = (report, rule) => report.pupils.filter((p) => !rule || p.rule === rule).map((p) => p.id).sort((a, b) => a - b);

const count = (table, where) => Number(wp.sql(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
const today = day(0);
// Nineteen today, 25 in six years and ten days: the youngest a pupil can be given.
const born = addDays(anniversary(today, -19), 10);
const p = {};
let registerDay;

before(async () => {
  wp = await startWaypoint();
  for (const [who, email] of Object.entries({ lead: DEMO.apLead, tutor: DEMO.providerStaff }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  const add = async (name, twelve, needs) => {
    const res = await api("lead", "POST", "/pupils", { upn: upn(twelve), given_name: name, family_name: "Retention", date_of_birth: born, gender: "U", needs });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  };
  p.plain = await add("Plain", "999500000001", []);
  p.held = await add("Held", "999500000002", []);
  p.sen = await add("Sen", "999500000003", ["sen_support"]);
  p.concern = await add("Concern", "999500000004", ["semh"]);
  const concern = await api("lead", "POST", `/pupils/${p.concern}/concerns`, { category: "neglect", happened_on: today, what_happened: "Arrived hungry" });
  assert.equal(concern.status, 201, JSON.stringify(concern.body));
  const contact = await api("lead", "POST", `/pupils/${p.plain}/contacts`, { role: "parent", name: "Pat Retention", relationship: "Mother", parental_responsibility: true, email: "pat@example.org", preferred_contact: "email" });
  assert.ok([200, 201].includes(contact.status), JSON.stringify(contact.body));
  // Plain has their own account (the school gives them; this Waypoint sends no mail, so the link comes back).
  const invited = await api("lead", "POST", `/pupils/${p.plain}/own-account/invitations`, { email: "plain.retention@oakfield.example" });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const own = wp.client();
  const link = new URL(invited.body.link).pathname;
  await own.get(link);
  assert.equal((await own.post(link, { password: "a long walk by the quiet river", confirm_password: "a long walk by the quiet river" })).status, 303);
  // Aisha (pupil 1, placed by the demo) has a register sent for her.
  // Fresh Start Tutoring (7) has a check with a file and leaves the directory today; Northgate (6)
  // has a check carrying the same file, whose stored contents must stay for it.
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  for (const provider of [7, 6]) {
    await officer.get(`/providers/${provider}`);
    const sent = await officer.upload(`/providers/${provider}/checks`, { check_type: "insurance", outcome: "met", completed_on: today }, { evidence: { name: "insurance.pdf", bytes: pdf, type: "application/pdf" } });
    assert.equal(sent.status, 303);
  }
  assert.equal((await officer.post("/providers/7/leave", { leave_reason: "Closed" })).status, 303);
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  registerDay = await recentRegisterDay(tutor, "Aisha Walker");
  const sent = await api("tutor", "POST", "/register", { date: registerDay, session: "am", marks: [{ pupil_id: 1, mark: "present" }] });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
});
after(async () => wp.stop());

test("the schedule is the common one for English schools until the deployment changes it, and bad changes are refused by name", () => {
  const shown = asOf(today, "retention", "schedule");
  assert.equal(shown.status, 0, shown.stderr);
  for (const line of ["attendance_register: 6 years from each entry's date", "pupil_ap_record: 25 years from the pupil's date of birth", "sen_record: 31 years", "safeguarding_record: 50 years", "audit_trail: 7 years from each entry's date"])
    assert.ok(shown.stdout.includes(line), line);
  for (const [set, message] of [["audit_trail=0", "years: Years must be a whole number from 1 to 150, like 6"], ["audit_trail=six", "years: Years must be"], ["registers=6", "record_type: Record type must be one of attendance_register, pupil_ap_record"], ["audit_trail", "set: --set must be RECORD_TYPE=YEARS"]]) {
    const r = asOf(today, "retention", "schedule", "--set", set);
    assert.equal(r.status, 2, set);
    assert.ok(r.stderr.startsWith(message), r.stderr);
  }
  const changed = asOf(today, "retention", "schedule", "--set", "audit_trail=8");
  assert.match(changed.stdout, /audit_trail: 8 years .*, changed /);
  assert.deepEqual(JSON.parse(wp.sql("SELECT detail FROM audit_events WHERE action = 'retention.schedule_change'")), { record_type: "audit_trail", from_years: 7, to_years: 8 });
  assert.match(asOf(today, "retention", "schedule", "--set", "audit_trail=7").stdout, /audit_trail: 7 years/);
});

test("a legal hold needs a pupil or provider that exists and a reason", () => {
  for (const [args, message] of [
    [["--pupil", "999999", "--reason", "Claim"], "pupil: There is no pupil with the number or UPN 999999"],
    [["--pupil", String(p.held), "--provider", "2", "--reason", "Claim"], "pupil: Name the pupil or the provider whose records must be kept, not both"],
    [["--provider", "1", "--reason", "Claim"], "provider: There is no provider with the number 1"],
    [["--pupil", String(p.held), "--reason", "  "], "reason: Enter why the records must be kept"],
    [["--pupil", String(p.held), "--reason", "Claim\u202Eevil"], "reason: "],
  ]) {
    const r = asOf(today, "retention", "hold", ...args);
    assert.equal(r.status, 2, args.join(" "));
    assert.ok(r.stderr.startsWith(message), r.stderr);
  }
  assert.equal(count("legal_holds", "1 = 1"), 0);
  const placed = asOf(today, "retention", "hold", "--pupil", upn("999500000002"), "--reason", "Subject access request 2026/14");
  assert.match(placed.stdout, /^Legal hold (\d+) placed/);
  assert.equal(wp.sql("SELECT pupil_id FROM legal_holds"), String(p.held));
});

test("attendance marks go six years after their session, except those a provider's hold keeps", () => {
  const sixth = anniversary(registerDay, 6);
  const marks = () => count("attendance_marks", `session_date = '${registerDay}'`);
  assert.equal(marks(), 1);
  assert.equal(runReport(addDays(sixth, -1), "--dry-run").marks, null);
  const provider = wp.sql("SELECT provider_id FROM attendance_marks LIMIT 1");
  assert.equal(asOf(sixth, "retention", "hold", "--provider", provider, "--reason", "Inspection of the provider").status, 0);
  assert.equal(runReport(sixth, "--dry-run").marks, null);
  assert.equal(asOf(sixth, "retention", "lift", "--hold", wp.sql("SELECT MAX(id) FROM legal_holds"), "--reason", "Inspection closed").status, 0);
  assert.equal(runReport(sixth, "--dry-run").marks, 1);
  assert.equal(runReport(sixth).marks, 1);
  assert.equal(marks(), 0);
  assert.equal(count("attendance_code_totals", "placement_id IN (SELECT id FROM placements WHERE pupil_id = 1)"), 0);
});

test("a provider's checks and evidence go six years after it left the directory, unless held; a file another provider uses stays", () => {
  const sixth = anniversary(today, 6);
  const checks = (provider) => count("provider_checks", `provider_id = ${provider}`);
  const before7 = checks(7);
  assert.ok(before7 > 1);
  assert.deepEqual(runReport(addDays(sixth, -1), "--dry-run").providers, []);
  assert.equal(asOf(sixth, "retention", "hold", "--provider", "7", "--reason", "Complaint about the provider").status, 0);
  assert.deepEqual(runReport(sixth, "--dry-run").providers, []);
  assert.equal(asOf(sixth, "retention", "lift", "--hold", wp.sql("SELECT MAX(id) FROM legal_holds"), "--reason", "Complaint closed").status, 0);
  const due = runReport(sixth, "--dry-run").providers;
  assert.deepEqual(due, [{ id: 7, rule: "provider_evidence", tables: `provider_check_files 1, provider_checks ${before7}` }]);
  const run = runReport(sixth);
  assert.deepEqual(run.providers, due);
  assert.equal(checks(7), 0);
  assert.equal(count("provider_check_files", "1 = 1"), 1, "Northgate's file stays");
  assert.equal(count("evidence_contents", "1 = 1"), 1, "and the contents it shares");
  assert.ok(checks(6) > 0);
  assert.equal(count("providers", "organisation_id = 7"), 1, "the entry itself stays");
  assert.equal(JSON.parse(wp.sql("SELECT detail FROM audit_events WHERE action = 'retention.dispose' AND entity = 'provider'")).rule, "provider_evidence");
});

test("the day before the 25th birthday nothing of theirs is due; on the day a dry run lists exactly the pupils past their dates and changes nothing", () => {
  const birthday = anniversary(born, 25);
  const eve = runReport(addDays(birthday, -1), "--dry-run");
  for (const id of Object.values(p)) assert.ok(!idsOf(eve).includes(id), `pupil ${id} listed a day early`);

  const rows = wp.sql("SELECT COUNT(*) FROM pupils") + "/" + wp.sql("SELECT COUNT(*) FROM placements");
  const due = runReport(birthday, "--dry-run");
  // Every pupil whose AP record has reached its rule's date (31 years with SEN, else 25), but the held one.
  const expected = wp.sql("SELECT id || '|' || date_of_birth || '|' || needs FROM pupils").split("\n").map((line) => line.split("|"))
    .filter(([, dob, needs]) => anniversary(dob, /sen_support|ehc_plan/.test(needs) ? 31 : 25) <= birthday)
    .map(([id]) => Number(id)).filter((id) => id !== p.held).sort((a, b) => a - b);
  assert.deepEqual(idsOf(due), expected);
  assert.ok(expected.includes(p.plain) && expected.includes(p.concern) && !expected.includes(p.sen));
  assert.deepEqual(due.held, [p.held]);
  assert.equal(due.pupils.find((x) => x.id === p.plain).rule, "pupil_ap_record");
  assert.equal(due.pupils.find((x) => x.id === p.plain).records, 4); // the contact, their own account and its invitation, and the pupil
  assert.equal(wp.sql("SELECT COUNT(*) FROM pupils") + "/" + wp.sql("SELECT COUNT(*) FROM placements"), rows);
  assert.equal(count("retention_disposals", "subject = 'pupil'"), 0);
});

test("the run disposes of them, logs each under its rule with a count, audits it, and keeps the held pupil and another's concerns", () => {
  const birthday = anniversary(born, 25);
  const run = runReport(birthday);
  assert.ok(idsOf(run).includes(p.plain));
  assert.equal(count("pupils", `id = ${p.plain}`), 0);
  assert.equal(count("pupil_contacts", `pupil_id = ${p.plain}`), 0);
  // The concern keeps its pupil's row, and only that, until 50 years after birth.
  assert.equal(count("pupils", `id = ${p.concern}`), 1);
  assert.equal(count("safeguarding_concerns", `pupil_id = ${p.concern}`), 1);
  assert.equal(count("pupils", `id = ${p.held}`), 1);
  assert.equal(count("pupils", `id = ${p.sen}`), 1);
  const logged = wp.sql(`SELECT record_type || '|' || records || '|' || disposable_from || '|' || detail FROM retention_disposals WHERE subject = 'pupil' AND subject_id = ${p.plain}`);
  const tables = { pupil_accounts: 1, pupil_contacts: 1, pupil_invitations: 1, pupils: 1 };
  assert.equal(logged, `pupil_ap_record|4|${birthday}|${JSON.stringify(tables)}`);
  const audited = JSON.parse(wp.sql(`SELECT detail FROM audit_events WHERE action = 'retention.dispose' AND pupil_id = ${p.plain}`));
  assert.deepEqual(audited, { rule: "pupil_ap_record", subject: "pupil", disposable_from: birthday, records: 4, tables });
  const log = asOf(birthday, "retention", "log", "--from", birthday);
  assert.match(log.stdout, new RegExp(`pupil_ap_record {2}pupil ${p.plain} {2}4 records {2}${birthday}`));
  assert.equal(wp.sql("SELECT COUNT(*) FROM users WHERE email = 'plain.retention@oakfield.example' AND disabled_at IS NOT NULL"), "1", "their own account can no longer sign in");
  // Run again: nothing more is due but the held pupil.
  const again = runReport(birthday, "--dry-run");
  assert.deepEqual(idsOf(again), []);
  assert.deepEqual(again.held, [p.held]);
});

test("once the hold is lifted the held pupil's record goes at the next run", () => {
  const birthday = anniversary(born, 25);
  const hold = wp.sql(`SELECT id FROM legal_holds WHERE pupil_id = ${p.held}`);
  const bad = asOf(birthday, "retention", "lift", "--hold", hold, "--reason", "");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^reason: Enter why the hold can end/);
  assert.equal(asOf(birthday, "retention", "lift", "--hold", hold, "--reason", "Request answered").status, 0);
  assert.match(asOf(birthday, "retention", "lift", "--hold", hold, "--reason", "Again").stderr, /^hold: Legal hold \d+ was lifted on /);
  assert.match(asOf(birthday, "retention", "holds").stdout, /pupil \d+, placed .*: Subject access request 2026\/14; lifted .* by Server operator: Request answered/);
  const run = runReport(addDays(birthday, 1));
  assert.deepEqual(idsOf(run), [p.held]);
  assert.equal(count("pupils", `id = ${p.held}`), 0);
});

test("the audit trail's oldest entries go after seven years, and the trail still verifies against its checkpoints", () => {
  const seventh = anniversary(today, 7);
  // Entries written today go; the first written as of a later date (the first run above, in the
  // marks test) stops the cut.
  const firstLater = Number(wp.sql("SELECT MIN(id) FROM audit_events WHERE action = 'retention.review'"));
  assert.equal(runReport(addDays(seventh, -1), "--dry-run").audit, null);
  assert.equal(wp.cli(["audit", "checkpoint"]).status, 0);
  const due = runReport(seventh, "--dry-run").audit;
  assert.deepEqual(due, { lastId: firstLater - 1, entries: count("audit_events", `id < ${firstLater}`) });
  const run = runReport(seventh);
  assert.deepEqual(run.audit, due);
  assert.equal(Number(wp.sql("SELECT MIN(id) FROM audit_events")), firstLater);
  assert.equal(wp.sql("SELECT last_disposed_id FROM audit_trail_start"), String(firstLater - 1));
  if (engine === "postgres") {
    // Today's academic year held only entries in the disposed-of prefix: it went whole (migration 0051).
    const [y, m] = today.split("-").map(Number);
    const first = m >= 9 ? y : y - 1;
    const year = `audit_events_${first}_${String((first + 1) % 100).padStart(2, "0")}`;
    const years = wp.sql("SELECT relid::regclass::text FROM pg_partition_tree('audit_events') WHERE isleaf").split("\n");
    assert.ok(!years.includes(year) && years.includes(`audit_events_${first + 1}_${String((first + 2) % 100).padStart(2, "0")}`), years.join(" "));
  }
  const verified = wp.cli(["audit", "verify"]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  // Every checkpoint is checked, those that vouched for entries now disposed of among them.
  const lines = readFileSync(wp.audit.checkpoints, "utf8").split("\n").filter(Boolean);
  const checkpoints = lines.length;
  assert.ok(lines.some((line) => Number(line.split(" ")[2]) < firstLater), "a checkpoint of entries now disposed of");
  assert.ok(lines.some((line) => Number(line.split(" ")[2]) >= firstLater), "a checkpoint of entries kept");
  assert.match(verified.stdout, new RegExp(`^Audit chain intact: \\d+ entries verified against ${checkpoints} checkpoints`));
  // Nothing else may remove an entry, nor move the trail's start without the key.
  assert.throws(() => wp.sql(`DELETE FROM audit_events WHERE id = ${firstLater}`), /append-only/);
  wp.sql(`UPDATE audit_trail_start SET last_disposed_id = ${firstLater}`);
  const forged = wp.cli(["audit", "verify"]);
  assert.equal(forged.status, 1);
  assert.match(forged.stdout, /is not signed with this trail's key/);
  wp.sql(`UPDATE audit_trail_start SET last_disposed_id = ${firstLater - 1}`);
  assert.equal(wp.cli(["audit", "verify"]).status, 0);
});

test("a pupil with SEN keeps their AP record until 31 years after birth", () => {
  const sen = anniversary(born, 31);
  assert.ok(!idsOf(runReport(addDays(sen, -1), "--dry-run")).includes(p.sen));
  const run = runReport(sen);
  assert.deepEqual(run.pupils.filter((x) => x.id === p.sen).map((x) => x.rule), ["sen_record"]);
  assert.equal(count("pupils", `id = ${p.sen}`), 0);
});

test("a pupil's concerns go 50 years after birth, and with them the last of the pupil", () => {
  const fiftieth = anniversary(born, 50);
  assert.deepEqual(runReport(addDays(fiftieth, -1), "--dry-run").pupils.filter((x) => x.id === p.concern), []);
  const run = runReport(fiftieth);
  assert.deepEqual(run.pupils.filter((x) => x.id === p.concern).map((x) => x.rule), ["safeguarding_record", "pupil_ap_record"]);
  assert.equal(count("safeguarding_concerns", `pupil_id = ${p.concern}`), 0);
  assert.equal(count("pupils", `id = ${p.concern}`), 0);
  // Aisha's whole AP record went at 31 (she has SEN) by the same run: placements, plans, timetable.
  for (const table of ["placements", "timetable_slots", "pupils"]) assert.equal(count(table, table === "pupils" ? "id = 1" : "pupil_id = 1"), 0, table);
  assert.equal(wp.cli(["audit", "verify"]).status, 0);
});

test("the nightly setting runs retention once a day, in the process holding the background work", async () => {
  const first = await startWaypoint();
  let nightly;
  try {
    const lead = first.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
    const made = await first.api(lead, "POST", "/pupils", { upn: upn("999500000005"), given_name: "Nightly", family_name: "Retention", date_of_birth: born, gender: "U", needs: [] });
    assert.equal(made.status, 201);
    const gone = () => sqlOn(first.database, `SELECT COUNT(*) FROM pupils WHERE id = ${made.body.id}`) === "0";
    const bad = spawnSync(bin, ["serve", "--database", first.database, "--retention-time", "25:00"], { encoding: "utf8", timeout: 20000 });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^retention-time: --retention-time must be a time of day in England, like 03:00/);
    await first.signal("SIGTERM"); // gives the background work up; its files stay for the next process
    nightly = await startWaypoint({ beside: first, args: ["--today", anniversary(born, 25), "--retention-time", "00:00", "--sweep-seconds", "1"] });
    for (let waited = 0; !gone() && waited < 20000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    assert.ok(gone(), "the pupil's record went at the nightly run");
    await new Promise((r) => setTimeout(r, 3000)); // three more sweeps: the day's run is not repeated
    assert.equal(sqlOn(first.database, "SELECT COUNT(*) FROM audit_events WHERE action = 'retention.review' AND client = 'nightly retention'"), "1");
    assert.equal(sqlOn(first.database, `SELECT record_type FROM retention_disposals WHERE subject_id = ${made.body.id}`), "pupil_ap_record");
  } finally {
    await nightly?.stop();
    first.cleanup();
  }
});

test("the administrator reads the schedule, the holds and the disposal log on a page; nobody else can", async () => {
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  const page = decode((await admin.get("/admin/retention")).text);
  assert.match(page, /The pupil&#39;s AP record|The pupil's AP record/);
  assert.match(page, /<td class="govuk-table__cell">The audit trail<\/td><td class="govuk-table__cell govuk-table__cell--numeric">7<\/td>/);
  assert.match(page, /Subject access request 2026\/14/);
  assert.match(page, new RegExp(`Pupil ${p.plain}</td><td class="govuk-table__cell govuk-table__cell--numeric">4</td>`));
  assert.match(page, /Audit entries up to \d+/);
  const later = decode((await admin.get(`/admin/retention?from=${anniversary(born, 31)}`)).text);
  assert.doesNotMatch(later, new RegExp(`Pupil ${p.plain}<`), "disposed of before the dates asked for");
  const bad = await admin.get("/admin/retention?from=2027-02-30&until=2026-01-01");
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["from"]);
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  assert.equal((await lead.get("/admin/retention")).status, 403);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'retention.schedule_view_refused'"), "1");
});
