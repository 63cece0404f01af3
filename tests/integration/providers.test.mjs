import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, readXlsx, day, dateText } from "../support/waypoint.mjs";

// Demo providers (organisation ids): 5 Bridgeway PRU (approved), 6 Northgate College (approved with
// actions), 7 Fresh Start Tutoring (lapsed), 8 Horizon Online School (not approved).
let wp;
let officer;
before(async () => {
  wp = await startWaypoint();
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

const names = (html) => [...html.matchAll(/<a class="govuk-link" href="\/providers\/\d+">([^<]+)<\/a>/g)].map((m) => decode(m[1]));

test("the directory lists every provider with its standing, and each filter narrows it", async () => {
  const all = await officer.get("/providers");
  assert.equal(all.status, 200);
  assert.deepEqual(names(all.text), ["Bridgeway Pupil Referral Unit", "Fresh Start Tutoring", "Horizon Online School", "Northgate College"]);
  const cases = [
    ["standing=approved", ["Bridgeway Pupil Referral Unit"]],
    ["standing=approved_with_actions", ["Northgate College"]],
    ["standing=lapsed", ["Fresh Start Tutoring"]],
    ["standing=not_approved", ["Horizon Online School"]],
    ["key_stage=post16", ["Northgate College"]],
    ["specialism=school_avoidance", ["Fresh Start Tutoring", "Horizon Online School"]],
    ["offers=CONSTRUCTION", ["Northgate College"]],
    ["offers=gcse", ["Bridgeway Pupil Referral Unit", "Horizon Online School"]],
    ["delivery=online", ["Horizon Online School"]],
    ["kind=tutor", ["Fresh Start Tutoring"]],
    ["name=north", ["Northgate College"]],
    ["kind=state_ap&standing=lapsed", []],
    ["kind=nonsense", ["Bridgeway Pupil Referral Unit", "Fresh Start Tutoring", "Horizon Online School", "Northgate College"]],
  ];
  for (const [query, expected] of cases) assert.deepEqual(names((await officer.get(`/providers?${query}`)).text), expected, query);
});

test("a profile shows standing with its reasons and warns of checks running out", async () => {
  const lapsed = await officer.get("/providers/7");
  assert.match(lapsed.text, /govuk-tag--orange">Lapsed/);
  assert.match(decode(lapsed.text), /Employer's and public liability insurance ran out on \d{1,2} [A-Z][a-z]+ \d{4}/);
  assert.match(decode(lapsed.text), /Designated safeguarding lead named runs out on/);
  const pending = await officer.get("/providers/8");
  assert.match(pending.text, /Not approved/);
  assert.match(pending.text, /No verified Staff safeguarding checks confirmed \(evidence awaits verification\)/);
});

test("a provider's staff see their own entry only, and cannot change another's", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  const own = await manager.get("/providers");
  assert.equal(own.status, 303);
  assert.equal(own.location, "/providers/5");
  assert.equal((await manager.get("/providers/5")).status, 200);
  for (const id of [6, 7, 8]) assert.equal((await manager.get(`/providers/${id}`)).status, 404, `provider ${id}`);
  const before = wp.sql("SELECT COUNT(*) FROM provider_checks");
  await manager.get("/providers/5");
  const change = await manager.post("/providers/6/checks", { check_type: "insurance", outcome: "met", completed_on: "2026-01-05" });
  assert.equal(change.status, 404);
  const site = await manager.post("/providers/6/sites", { site_name: "X", address: "Y", postcode: "EX1 1AA", relationship: "main" });
  assert.equal(site.status, 404);
  assert.equal(wp.sql("SELECT COUNT(*) FROM provider_checks"), before);
  assert.equal(wp.sql("SELECT COUNT(*) FROM provider_sites WHERE provider_id = 6"), "1");
  const staff = wp.client();
  await staff.signIn(DEMO.providerStaff);
  assert.equal((await staff.get("/providers/6")).status, 404);
});

test("evidence a provider submits waits for verification, then counts", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  await manager.get("/providers/5");
  // Dated today: the latest verified check of a type is the one that counts.
  const today = day(0);
  const sent = await manager.post("/providers/5/checks", { check_type: "insurance", outcome: "met", completed_on: today, expires_on: "2030-01-04" });
  assert.equal(sent.status, 303);
  const id = wp.sql("SELECT MAX(id) FROM provider_checks WHERE provider_id = 5");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM provider_checks WHERE id = ${id} AND verified_by IS NULL`), "1");
  const page = await officer.get("/providers/5");
  assert.match(page.text, new RegExp(`action="/providers/5/checks/${id}/verify"`));
  assert.match(decode(page.text), /Employer's and public liability insurance runs out on/, "the unverified evidence does not count yet");
  assert.equal((await officer.post(`/providers/5/checks/${id}/verify`)).status, 303);
  assert.doesNotMatch(decode((await officer.get("/providers/5")).text), /insurance runs out on/);
  // A provider cannot verify its own evidence.
  await manager.post("/providers/5/checks", { check_type: "dsl", outcome: "met", completed_on: "2026-01-05" });
  const own = wp.sql("SELECT MAX(id) FROM provider_checks WHERE provider_id = 5");
  await manager.get("/providers/5");
  assert.equal((await manager.post(`/providers/5/checks/${own}/verify`)).status, 403);
});

test("adding a provider: bad input names each field and saves nothing; a good one starts not approved", async () => {
  const before = wp.sql("SELECT COUNT(*) FROM providers");
  await officer.get("/providers/new");
  const bad = await officer.post("/providers/new", {
    name: "", kind: "state_ap", urn: "", contact_name: "", contact_email: "nope", age_from: "ten", delivery: "in_person", cost: "12.345",
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["name", "urn", "contact_name", "contact_email", "age_from", "cost"]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM providers"), before);
  const ok = await officer.request("POST", "/providers/new", {
    form: new URLSearchParams([
      ["csrf_token", officer.csrf], ["name", "Riverbank Farm"], ["kind", "unregistered"], ["contact_name", "Ann Hill"],
      ["contact_email", "ann@riverbank.example"], ["delivery", "in_person"], ["capacity", "6"], ["cost", "60"], ["cost_unit", "day"],
      ["key_stages", "ks3"], ["key_stages", "ks4"], ["specialisms", "semh"], ["courses", "animal care, land-based studies"],
    ]),
  });
  assert.equal(ok.status, 303);
  const id = ok.location.match(/\/providers\/(\d+)/)[1];
  const page = await officer.get(`/providers/${id}`);
  assert.match(page.text, /Not approved/);
  assert.match(page.text, /No site where pupils are taught has been recorded/);
  assert.match(page.text, /Key stage 3, Key stage 4/);
  assert.deepEqual(names((await officer.get("/providers?offers=animal")).text), ["Riverbank Farm"]);
  // The offer it replaces when the entry is saved with another is kept.
  await officer.get(`/providers/${id}/edit`);
  const edited = await officer.request("POST", `/providers/${id}/edit`, {
    form: new URLSearchParams([
      ["csrf_token", officer.csrf], ["name", "Riverbank Farm"], ["kind", "unregistered"], ["contact_name", "Ann Hill"],
      ["contact_email", "ann@riverbank.example"], ["delivery", "in_person"], ["capacity", "6"], ["cost", "60"], ["cost_unit", "day"],
      ["key_stages", "ks4"], ["specialisms", "semh"], ["courses", "animal care, land-based studies"],
    ]),
  });
  assert.equal(edited.status, 303);
  assert.equal(wp.sql(`SELECT value FROM provider_offer WHERE provider_id = ${id} AND facet = 'key_stage'`), "ks4");
  assert.equal(wp.sql(`SELECT value FROM provider_offer_history WHERE provider_id = ${id} AND facet = 'key_stage' ORDER BY value`), "ks3\nks4");
});

test("sites need a real postcode; every check recorded makes a new provider approved", async () => {
  await officer.get("/providers/new");
  const made = await officer.post("/providers/new", {
    name: "Tor Tutors", kind: "tutor", contact_name: "Kit Lowe", contact_email: "kit@tor.example", delivery: "in_person",
  });
  const id = made.location.match(/\/providers\/(\d+)/)[1];
  await officer.get(`/providers/${id}`);
  const bad = await officer.post(`/providers/${id}/sites`, { site_name: "Library", address: "High St", postcode: "NOT A CODE", relationship: "main" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text), [{ field: "postcode", message: "Enter a real postcode, like EX1 1AA" }]);
  assert.equal((await officer.post(`/providers/${id}/sites`, { site_name: "Library", address: "High St", postcode: "ex4 3pq", relationship: "main" })).status, 303);
  assert.equal(wp.sql(`SELECT postcode FROM provider_sites WHERE provider_id = ${id}`), "EX4 3PQ");
  const site = wp.sql(`SELECT id FROM provider_sites WHERE provider_id = ${id}`);
  const missingSite = await officer.post(`/providers/${id}/checks`, { check_type: "site_risk_assessment", outcome: "met", completed_on: "2026-10-01" });
  assert.deepEqual(errorMessages(missingSite.text).map((e) => e.field), ["site_id"]);
  const future = await officer.post(`/providers/${id}/checks`, { check_type: "insurance", outcome: "met", completed_on: "2999-01-01" });
  assert.deepEqual(errorMessages(future.text).map((e) => e.field), ["completed_on"]);
  for (const type of ["staff_checks", "single_central_record", "dsl", "safeguarding_policy", "health_and_safety", "insurance", "data_protection", "qa_visit", "national_standards"]) {
    assert.equal((await officer.post(`/providers/${id}/checks`, { check_type: type, outcome: "met", completed_on: day(-60) })).status, 303, type);
  }
  assert.match((await officer.get(`/providers/${id}`)).text, /Not approved/);
  await officer.post(`/providers/${id}/checks`, { check_type: "site_risk_assessment", site_id: site, outcome: "met", completed_on: day(-60) });
  const approved = await officer.get(`/providers/${id}`);
  assert.match(approved.text, /govuk-tag--green">Approved/);
  // Left blank, "valid until" is the check's usual period: 365 days counting the day of the check.
  assert.equal(wp.sql(`SELECT expires_on FROM provider_checks WHERE provider_id = ${id} AND check_type = 'insurance'`), day(-60 + 364));
});

test("a school records its own acceptance, seen beside the LA's standing", async () => {
  // The demo school has accepted Bridgeway and Northgate already; Fresh Start it has not.
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  const page = await school.get("/providers/7");
  assert.match(page.text, /Record that your school accepts this provider/);
  assert.equal((await school.post("/providers/7/accept", { acceptance_notes: "Visited 3 November" })).status, 303);
  const after = await school.get("/providers/7");
  assert.match(after.text, /Your school accepted this provider on <time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}<\/time> \(Priya Shah\)\. Visited 3 November/);
  const other = wp.client();
  await other.signIn(DEMO.laOfficer);
  assert.doesNotMatch((await other.get("/providers/7")).text, /Your school accepted/);
});

test("parents and administrators have no business in the directory", async () => {
  for (const email of [DEMO.parent, DEMO.admin]) {
    const c = wp.client();
    await c.signIn(email);
    assert.equal((await c.get("/providers")).status, 403, email);
    assert.equal((await c.get("/providers/5")).status, 404, email);
  }
});

test("the API answers the same directory and entries, within the same scope", async () => {
  const officerToken = wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim();
  const managerToken = wp.cli(["token", "create", "--email", DEMO.providerManager]).stdout.trim();
  const get = (path, t) => fetch(wp.url + "/api/v1" + path, { headers: { authorization: `Bearer ${t}` } });
  const lapsed = await (await get("/providers?standing=lapsed", officerToken)).json();
  assert.deepEqual(lapsed.items.map((p) => p.name), ["Fresh Start Tutoring"]);
  const entry = await (await get("/providers/7", officerToken)).json();
  assert.equal(entry.standing.code, "lapsed");
  assert.ok(entry.checks.length > 5);
  assert.equal((await get("/providers", managerToken)).status, 403);
  assert.equal((await get("/providers/6", managerToken)).status, 404);
  assert.equal((await get("/providers/5", managerToken)).status, 200);
});

test("the directory exports as CSV and XLSX, with the page's filters, and the export is audited", async () => {
  const csv = await officer.get("/providers/export.csv?specialism=school_avoidance");
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type"), /^text\/csv/);
  assert.match(csv.headers.get("content-disposition"), /attachment; filename="provider-directory.csv"/);
  const lines = csv.text.trim().split("\r\n");
  assert.equal(lines[0], "Name,Kind,URN,UKPRN,Standing,Teaches,Places,Key stages");
  assert.deepEqual(lines.slice(1), [
    'Fresh Start Tutoring,Tutor or tuition agency,,,Lapsed,In person,8,"Key stage 2, Key stage 3"',
    'Horizon Online School,Online provider,,10049104,Not approved,Online,30,"Key stage 3, Key stage 4"',
  ]);
  const page = names((await officer.get("/providers?specialism=school_avoidance")).text);
  assert.deepEqual(lines.slice(1).map((l) => l.split(",")[0]), page, "the export matches the page");
  const res = await fetch(wp.url + "/providers/export.xlsx?standing=approved", { headers: { cookie: `waypoint_session=${officer.cookies.get("waypoint_session")}` } });
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), "PK", "an XLSX file is a zip");
  const { strings } = readXlsx(bytes);
  assert.match(strings, /Bridgeway Pupil Referral Unit/);
  assert.doesNotMatch(strings, /Northgate College/);
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'provider.export' ORDER BY id DESC LIMIT 1"), /"format":"xlsx"/);
});

test("the LA sees every check in its area running out within 30 days, soonest first", async () => {
  const res = await officer.get("/providers/running-out");
  assert.equal(res.status, 200);
  const rows = [...decode(res.text).matchAll(/<td class="govuk-table__cell waypoint-nowrap"><time datetime="([\d-]+)">[^<]+<\/time><\/td><td class="govuk-table__cell"><a class="govuk-link" href="\/providers\/(\d+)">[^<]+<\/a><\/td><td class="govuk-table__cell">([^<]+)<\/td>/g)]
    .map((m) => [m[2], m[3]]);
  // Demo: Fresh Start's safeguarding lead runs out in 20 days; Bridgeway's insurance ran out in
  // 25 days, but an earlier test recorded a newer verified insurance check, which supersedes it.
  assert.deepEqual(rows, [["7", "Designated safeguarding lead named"]]);
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  // A school sees only the providers where its pupils are placed: none of Fresh Start's.
  const own = decode((await school.get("/providers/running-out")).text);
  assert.match(own, /providers where your pupils are placed/);
  assert.doesNotMatch(own, /Fresh Start Tutoring/);
});

test("the LA takes a provider out of the directory with a reason, once nobody is placed there; schools are no longer offered it", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  assert.equal((await school.post("/providers/8/leave", { leave_reason: "Closed" })).status, 403, "a school may not");
  await officer.get("/providers/8");
  const empty = await officer.post("/providers/8/leave", { leave_reason: "  " });
  assert.equal(empty.status, 422);
  assert.deepEqual(errorMessages(empty.text), [{ field: "leave_reason", message: "Say why the provider is leaving the directory, like closed in July" }]);
  const placed = await officer.post("/providers/5/leave", { leave_reason: "Closing" });
  assert.equal(placed.status, 422);
  assert.match(errorMessages(placed.text)[0].message, /^\d+ placements? (is|are) not yet ended there: end or move them before it leaves the directory$/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM providers WHERE left_directory_on IS NOT NULL"), "0");

  assert.ok(names((await school.get("/providers")).text).includes("Horizon Online School"));
  const left = await officer.post("/providers/8/leave", { leave_reason: "Closed at the end of the summer term" });
  assert.equal(left.status, 303);
  const page = decode((await officer.get("/providers/8")).text);
  assert.match(page, new RegExp(`This provider left the directory on ${dateText(day(0))}`));
  assert.match(page, /Reason given: Closed at the end of the summer term/);
  assert.doesNotMatch(page, /Take out of the directory/);
  assert.deepEqual(JSON.parse(wp.sql("SELECT detail FROM audit_events WHERE action = 'provider.leave_directory'")), { reason: "Closed at the end of the summer term" });
  assert.ok(!names((await school.get("/providers")).text).includes("Horizon Online School"), "not in the directory");
  assert.equal((await officer.post("/providers/8/leave", { leave_reason: "Again" })).status, 422);

  // A placement there is refused, naming the provider.
  await school.get("/pupils/3/placements/new?provider_id=8");
  const proposed = await school.post("/pupils/3/placements/new", { provider_id: "8", legal_basis: "off_site_direction", reason: "semh", objectives: "Settle", start_date: day(30), planned_end_date: day(120), report_to: "Ms Ward", paid_by: "school" });
  assert.equal(proposed.status, 422);
  assert.deepEqual(errorMessages(proposed.text), [{ field: "provider_id", message: `Horizon Online School left the directory on ${dateText(day(0))}: select another provider` }]);
});
