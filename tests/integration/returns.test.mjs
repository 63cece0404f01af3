import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, addAreaWithSchool, DEMO, day, decode, readXlsx } from "../support/waypoint.mjs";

// The school's returns on top of the demo: Oakfield's placements at Bridgeway (Aisha's, 1, and
// Daisy's, 4, running; Callum's, 3, ended today; Ben's, 2, agreed but not started), and one made here
// for Eva, a pupil with a temporary UPN and no EHC plan, at Fresh Start Tutoring (a tutor, no URN or
// UKPRN) because she is awaiting a specialist place, four sessions a week. Hillside, a school of
// another LA, has placements of its own to prove nobody sees another school's.
let wp, school;
const tokens = {};
const ids = {};
const api = (who, ...call) => wp.api(tokens[who], ...call);

// A temporary UPN: a check letter, 11 digits and a letter, with the check letter computed as DfE does.
function temporaryUpn(eleven, last) {
  const letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  let sum = 0;
  [...eleven].forEach((c, i) => (sum += Number(c) * (i + 2)));
  sum += letters.indexOf(last) * 13;
  return letters[sum % 23] + eleven + last;
}

before(async () => {
  wp = await startWaypoint();
  await addAreaWithSchool(wp, { la: "Westmoor Borough Council", school: "Hillside School", urn: "149109", users: [["lead@hillside.example", "ap_lead", "school"]] });
  for (const [who, email] of Object.entries({ school: DEMO.apLead, head: DEMO.head, officer: DEMO.laOfficer, tutor: DEMO.providerStaff, parent: DEMO.parent, hillside: "lead@hillside.example" }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();

  assert.equal((await api("school", "POST", "/placements/3/end", { ended_on: day(0), end_reason: "moved_on", destination: "another_ap", pupil_assessment: "Ready", parent_view: "Agreed" })).status, 200);
  ids.upn = temporaryUpn("99940012403", "A");
  const eva = await api("school", "POST", "/pupils", { upn: ids.upn, given_name: "Eva", family_name: "Nowak", date_of_birth: "2012-03-04", gender: "F" });
  assert.equal(eva.status, 201, JSON.stringify(eva.body));
  ids.eva = eva.body.id;
  const site = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1"));
  const placed = await api("school", "POST", `/pupils/${ids.eva}/placements`, { site_ids: [site], provider_id: 7, legal_basis: "academy_powers", reason: "awaiting_specialist_place", objectives: "Keep learning until the place is named", start_date: day(0), planned_end_date: day(60), paid_by: "school" });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  ids.placement = placed.body.id;
  assert.equal((await api("school", "POST", `/placements/${ids.placement}/agree`)).status, 200);
  const week = await api("school", "PUT", `/pupils/${ids.eva}/timetable`, {
    slots: [
      { day: "monday", start: "08:45", end: "15:15", where: `placement:${ids.placement}` },
      { day: "tuesday", start: "08:45", end: "15:15", where: "home_school" },
      { day: "wednesday", start: "09:00", end: "12:00", where: `placement:${ids.placement}` },
      { day: "wednesday", start: "12:00", end: "15:30", where: "home_school" },
      { day: "thursday", start: "08:45", end: "15:15", where: "home_school" },
      { day: "friday", start: "08:45", end: "13:00", where: "home_school" },
      { day: "friday", start: "13:00", end: "15:30", where: `placement:${ids.placement}` },
    ],
  });
  assert.equal(week.status, 200, JSON.stringify(week.body));
  assert.equal((await api("school", "POST", `/placements/${ids.placement}/consent`, { parent_consent_on: day(0), parent_consent_from: "Anna Nowak", parent_consent_how: "phone" })).status, 200);
  const started = await api("school", "POST", `/placements/${ids.placement}/start`, { override_reason: "Only tutor with a place; checks booked" });
  assert.equal(started.status, 200, JSON.stringify(started.body));

  const kit = await api("hillside", "POST", "/pupils", { upn: "A123456789012", given_name: "Kit", family_name: "Moor", date_of_birth: "2012-05-01", gender: "M" });
  assert.equal(kit.status, 201, JSON.stringify(kit.body));
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(async () => wp.stop());

test("the census has the items of each placement the school arranged that ran in its period, checked", async () => {
  const res = await api("school", "GET", "/returns/school-census");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const c = res.body;
  assert.ok(c.first_day <= day(0) && day(0) <= c.census_day, "the census being prepared covers today");
  assert.deepEqual(c.items, ["UPN", "AP URN", "AP UKPRN", "AP setting type", "Entry date", "Leaving date", "Primary reason", "Attendance pattern", "Sessions per week"]);
  const byPlacement = Object.fromEntries(c.rows.map((r) => [r.placement_id, r]));
  assert.deepEqual(Object.keys(byPlacement).map(Number).sort((a, b) => a - b), [1, 3, 4, ids.placement], "Ben's has not started");
  const aisha = byPlacement[1];
  assert.equal(aisha.urn, "149101");
  assert.equal(aisha.ukprn + aisha.setting_type, "", "exactly one of the three");
  assert.equal(aisha.entry_date, wp.sql("SELECT activated_on FROM placements WHERE id = 1"));
  assert.equal(aisha.leaving_date, "");
  assert.equal(byPlacement[3].leaving_date, day(0), "Callum's ended today, within the period");
  const eva = byPlacement[ids.placement];
  assert.deepEqual(
    [eva.upn, eva.temporary_upn, eva.urn, eva.ukprn, eva.setting_type, eva.entry_date, eva.leaving_date, eva.reason, eva.attendance_pattern, eva.sessions_per_week],
    [ids.upn, true, "", "", "OOT", day(0), "", "ASP", "PT", 4],
    "Monday is two sessions, Wednesday morning and Friday afternoon one each; the rest is at school",
  );
  const evas = c.problems.filter((p) => p.placement_id === ids.placement);
  assert.deepEqual(evas.map((p) => [p.item, p.severity]), [["UPN", "query"], ["Primary reason", "error"]]);
  assert.match(evas[1].message, /no EHC plan recorded/);
  assert.equal(c.has_errors, true);
  assert.ok(c.problems.every((p) => p.placement_id === ids.placement), JSON.stringify(c.problems));

  // With the plan recorded, the reason stands; the temporary UPN stays a query.
  const pupil = (await api("school", "GET", `/pupils/${ids.eva}`)).body;
  assert.equal(pupil.temporary_upn, true);
  assert.equal((await api("school", "GET", "/pupils/1")).body.temporary_upn, false);
  assert.match(decode((await school.get(`/pupils/${ids.eva}`)).text), /Temporary UPN/);
  const saved = await api("school", "PUT", `/pupils/${ids.eva}`, { upn: pupil.upn, given_name: "Eva", family_name: "Nowak", date_of_birth: "2012-03-04", gender: "F", needs: ["ehc_plan"] });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const again = (await api("school", "GET", "/returns/school-census")).body;
  assert.deepEqual(again.problems.map((p) => p.item), ["UPN"]);
  assert.equal(again.has_errors, false);
  // The same census asked for by name; the audit trail has the read with the pupils behind it.
  const named = await api("head", "GET", `/returns/school-census?term=${c.term}&year=${c.year}`);
  assert.deepEqual(named.body.rows.map((r) => r.placement_id), again.rows.map((r) => r.placement_id));
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'returns.school_census' ORDER BY id DESC LIMIT 1"), new RegExp(`"pupil_ids":\\[.*${ids.eva}`));
});

test("a census before a placement started leaves it out; a term or year that is not one is refused by name", async () => {
  const c = (await api("school", "GET", "/returns/school-census")).body;
  // The census two before this one ended before Eva's placement (and Daisy's, six days old) began.
  const order = ["autumn", "spring", "summer"];
  let [term, year] = [order.indexOf(c.term), c.year];
  for (let i = 0; i < 2; ++i) [term, year] = term === 0 ? [2, year - 1] : [term - 1, year];
  const earlier = await api("school", "GET", `/returns/school-census?term=${order[term]}&year=${year}`);
  assert.equal(earlier.status, 200);
  assert.ok(earlier.body.census_day < day(-6));
  assert.ok(!earlier.body.rows.some((r) => r.placement_id === ids.placement || r.placement_id === 4));
  for (const [query, fields] of [["term=winter&year=2026", ["term"]], ["term=autumn&year=1999", ["year"]], ["term=autumn&year=20x6", ["year"]], ["term=%00&year=", ["term", "year"]]]) {
    const refused = await api("school", "GET", `/returns/school-census?${query}`);
    assert.equal(refused.status, 422, query);
    assert.deepEqual(refused.body.errors.map((e) => e.field), fields, query);
  }
  const page = await school.get("/returns/school-census?term=winter&year=2026");
  assert.equal(page.status, 422);
  assert.match(decode(page.text), /Select the autumn, spring or summer census/);
});

test("the census downloads in the specification's item order, as CSV and XLSX", async () => {
  const c = (await api("school", "GET", "/returns/school-census")).body;
  const csv = await school.get(`/returns/school-census.csv?term=${c.term}&year=${c.year}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-disposition"), new RegExp(`school-census-ap-${c.term}-\\d{4}\\.csv`));
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines[0], "UPN,AP URN,AP UKPRN,AP setting type,Entry date,Leaving date,Primary reason,Attendance pattern,Sessions per week");
  assert.equal(lines.length, 1 + c.rows.length);
  assert.ok(lines.includes(`${ids.upn},,,OOT,${day(0)},,ASP,PT,4`), csv.text);
  const xlsx = await fetch(`${wp.url}/returns/school-census.xlsx`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(xlsx.status, 200);
  const book = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
  for (const text of ["AP setting type", "Sessions per week", ids.upn, "OOT", "ASP"]) assert.ok(book.strings.includes(text), text);
  const page = decode((await school.get("/returns/school-census")).text);
  for (const text of ["Eva Nowak", "Temporary UPN", "Setting type OOT", "URN 149101", "Awaiting a specialist place"]) assert.ok(page.includes(text), text);
});

test("only the school's own commissioners make its returns, and see only its placements", async () => {
  for (const who of ["officer", "tutor", "parent"]) {
    assert.equal((await api(who, "GET", "/returns/school-census")).status, 403, who);
    assert.equal((await api(who, "GET", "/returns/ap-list")).status, 403, who);
  }
  const other = await api("hillside", "GET", "/returns/school-census");
  assert.equal(other.status, 200);
  assert.deepEqual(other.body.rows, []);
  assert.deepEqual((await api("hillside", "GET", "/returns/ap-list")).body.providers, []);
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'returns.school_census_refused'")) >= 3);
  const doc = await (await fetch(wp.url + "/api/v1/openapi.json")).json();
  for (const path of ["/returns/school-census", "/returns/ap-list", "/area", "/area/pupils"]) assert.ok(doc.paths[path], path);
});

test("the AP list for an inspection names each provider with its registration, address, visit and pupils", async () => {
  const res = await api("school", "GET", "/returns/ap-list");
  assert.equal(res.status, 200);
  const byName = Object.fromEntries(res.body.providers.map((p) => [p.name, p]));
  assert.deepEqual(Object.keys(byName), ["Bridgeway Pupil Referral Unit", "Fresh Start Tutoring"]);
  const bridgeway = byName["Bridgeway Pupil Referral Unit"];
  assert.equal(bridgeway.registration, "Registered school (URN 149101)");
  assert.equal(bridgeway.pupils_now, 3, "Callum's ended today: still there today");
  assert.deepEqual(bridgeway.by_reason, [{ reason: "semh", label: "Social, emotional and mental health needs", pupils: 3 }]);
  assert.equal(bridgeway.latest_quality_visit.completed_on, wp.sql("SELECT MAX(completed_on) FROM provider_checks WHERE provider_id = 5 AND check_type = 'qa_visit'"));
  assert.ok(bridgeway.sites.length >= 1);
  const tutor = byName["Fresh Start Tutoring"];
  assert.equal(tutor.registration, "Not registered with the Department for Education");
  assert.deepEqual(tutor.placements.map((p) => [p.pupil_name, p.reason, p.started, p.minutes_a_week]), [["Eva Nowak", "awaiting_specialist_place", day(0), 720]]);

  const page = await school.get("/returns/ap-list");
  assert.equal(page.status, 200);
  const html = decode(page.text);
  for (const text of ["Alternative provision used by Oakfield Academy", "Registered school (URN 149101)", "12 hours", "Eva Nowak"]) assert.ok(html.includes(text), text);
  const pdf = await fetch(`${wp.url}/returns/ap-list.pdf`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  const dir = mkdtempSync(join(tmpdir(), "ap-list-"));
  try {
    writeFileSync(join(dir, "list.pdf"), Buffer.from(await pdf.arrayBuffer()));
    const text = spawnSync("pdftotext", ["-layout", join(dir, "list.pdf"), "-"], { encoding: "utf8" }).stdout;
    for (const want of ["Alternative provision used by Oakfield Academy", "Bridgeway Pupil Referral Unit", "Registration: Registered school (URN 149101)", "Latest quality-assurance visit:", "Eva Nowak: Awaiting a specialist place", "12 hours"])
      assert.ok(text.includes(want), `${want} in\n${text}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the LA's January AP census has each child it placed, their latest placement and their details", async () => {
  const site = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1"));
  const made = await api("officer", "POST", "/pupils/5/placements", { site_ids: [site], provider_id: 5, legal_basis: "la_s19", reason: "health_needs", objectives: "Education while unwell", start_date: day(0), planned_end_date: day(60), paid_by: "local_authority" });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  assert.equal((await api("officer", "POST", `/placements/${id}/agree`)).status, 200);
  const week = await api("officer", "PUT", "/pupils/5/timetable", { slots: ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => ({ day: d, start: "08:45", end: "15:15", where: `placement:${id}` })) });
  assert.equal(week.status, 200, JSON.stringify(week.body));
  assert.equal((await api("officer", "POST", `/placements/${id}/consent`, { parent_consent_on: day(0), parent_consent_from: "Jo Evans", parent_consent_how: "paper" })).status, 200);
  const started = await api("officer", "POST", `/placements/${id}/start`);
  assert.equal(started.status, 200, JSON.stringify(started.body));

  const res = await api("officer", "GET", "/returns/ap-census");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const c = res.body;
  assert.ok(c.first_day <= day(0) && day(0) <= c.census_day, "the January census being prepared covers today");
  assert.deepEqual(c.items.slice(0, 5), ["UPN", "Surname", "Forename", "Date of birth", "Sex"]);
  assert.deepEqual(c.rows.map((r) => r.placement_id), [id], "only what the LA arranged: the schools' own are theirs");
  const pupil = (await api("school", "GET", "/pupils/5")).body;
  const row = c.rows[0];
  assert.deepEqual([row.upn, row.family_name, row.given_name, row.date_of_birth, row.sex, row.urn, row.reason, row.attendance_pattern, row.sessions_per_week], [pupil.upn, pupil.family_name, pupil.given_name, pupil.date_of_birth, pupil.gender, "149101", "HEA", "FT", 10]);
  // The school's census leaves it out; the schools and other roles cannot make the LA's return.
  assert.ok(!(await api("school", "GET", "/returns/school-census")).body.rows.some((r) => r.placement_id === id));
  for (const who of ["school", "tutor", "parent", "hillside"]) assert.equal((await api(who, "GET", "/returns/ap-census")).status, 403, who);
  const bad = await api("officer", "GET", "/returns/ap-census?year=next");
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e) => e.field), ["year"]);

  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const csv = await officer.get(`/returns/ap-census.csv?year=${c.census_day.slice(0, 4)}`);
  assert.equal(csv.status, 200);
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines[0], "UPN,Surname,Forename,Date of birth,Sex,AP URN,AP UKPRN,AP setting type,Entry date,Leaving date,Primary reason,Attendance pattern,Sessions per week");
  assert.equal(lines[1], `${pupil.upn},${pupil.family_name},${pupil.given_name},${pupil.date_of_birth},${pupil.gender},149101,,,${day(0)},,HEA,FT,10`);
  assert.match(decode((await officer.get("/returns/ap-census")).text), /Alternative provision census \(January\)/);
});
