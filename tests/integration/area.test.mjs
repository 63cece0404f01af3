import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, addAreaWithSchool, DEMO, day, decode, errorMessages, recentRegisterDay, readXlsx } from "../support/waypoint.mjs";

// Two areas built by hand on top of the demo. Exeshire (LA 1): the demo's placements (Aisha's, 1,
// running since 40 days ago; Ben's, 2, awaiting; Callum's, 3, and Daisy's, 4, running since 6 days
// ago), then Callum's ended today, a draft for Ethan (pupil 5) after a permanent exclusion at a
// tutor, Freya (pupil 6) on a part-time week ending in 10 days, the demo's open missing-education
// alert, and one morning at Bridgeway with Aisha absent unexplained. Westmoor (a second LA): one
// school with one pupil and a draft placement at Bridgeway.
let wp;
const tokens = {};
const period = `from=${day(-60)}&to=${day(0)}`;
const ids = {};
const api = (who, ...call) => wp.api(tokens[who], ...call);
const figures = (body) => Object.fromEntries(body.groups.flatMap((g) => g.figures.map((f) => [f.key, f.count])));

before(async () => {
  wp = await startWaypoint();
  const other = await addAreaWithSchool(wp, { la: "Westmoor Borough Council", school: "Hillside School", urn: "149109", users: [["lead@hillside.example", "ap_lead", "school"], ["officer@westmoor.example", "la_officer", "la"]] });
  ids.westmoor = other.la;
  ids.hillside = other.school;
  for (const [who, email] of Object.entries({ officer: DEMO.laOfficer, school: DEMO.apLead, tutor: DEMO.providerStaff, parent: DEMO.parent, lado: DEMO.designatedOfficer, admin: DEMO.admin, manager: DEMO.providerManager, hillside: "lead@hillside.example", westmoor: "officer@westmoor.example" }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();

  const ended = await api("school", "POST", "/placements/3/end", { ended_on: day(0), end_reason: "moved_on", destination: "another_ap", pupil_assessment: "Ready to move", parent_view: "Agreed" });
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  const site = (provider) => Number(wp.sql(`SELECT id FROM provider_sites WHERE provider_id = ${provider} ORDER BY id LIMIT 1`));
  const ethan = await api("school", "POST", "/pupils/5/placements", { site_ids: [site(7)], provider_id: 7, legal_basis: "academy_powers", reason: "permanent_exclusion", objectives: "Keep learning", start_date: day(20), planned_end_date: day(120), paid_by: "school" });
  assert.equal(ethan.status, 201, JSON.stringify(ethan.body));
  ids.ethan = ethan.body.id;
  const week = await api("school", "PUT", "/pupils/6/timetable", {
    slots: ["monday", "tuesday"].map((d) => ({ day: d, start: "09:00", end: "12:00", where: "home_school" })),
    part_time: { reason: "Building up after a long absence", parent_agreed_on: day(0), ends_on: day(10), review_dates: day(5) },
  });
  assert.equal(week.status, 200, JSON.stringify(week.body));
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  ids.marked = await recentRegisterDay(tutor, "Aisha Walker");
  assert.equal((await api("tutor", "POST", "/register", { date: ids.marked, session: "am", marks: [{ pupil_id: 1, mark: "absent", absence_code: "N" }] })).status, 200);

  const camhs = { role: "camhs_practitioner", name: "Dr Sam Lee", relationship: "Exeshire CAMHS", phone: "01392 000400", preferred_contact: "phone" };
  for (const [since, message] of [["2026-02-30", "Involved since must be a real date, like 2026-09-01"], [day(1), "Involved since cannot be in the future"]]) {
    const refused = await api("school", "POST", "/pupils/1/contacts", { ...camhs, involved_since: since });
    assert.equal(refused.status, 422, since);
    assert.deepEqual(refused.body.errors, [{ field: "involved_since", message }]);
  }
  assert.equal((await api("school", "POST", "/pupils/1/contacts", { ...camhs, involved_since: day(-30) })).status, 201);

  const kai = await api("hillside", "POST", "/pupils", { upn: "A123456789012", given_name: "Kit", family_name: "Moor", date_of_birth: "2012-05-01", gender: "M" });
  assert.equal(kai.status, 201, JSON.stringify(kai.body));
  const draft = await api("hillside", "POST", `/pupils/${kai.body.id}/placements`, { site_ids: [site(5)], provider_id: 5, legal_basis: "academy_powers", reason: "semh", objectives: "Settle", start_date: day(20), planned_end_date: day(120), paid_by: "school" });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  ids.westmoorDraft = draft.body.id;
});
after(async () => wp.stop());

test("the officer's picture of the area matches what was recorded, figure by figure", async () => {
  const res = await api("officer", "GET", `/area?${period}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.area, "Exeshire County Council");
  assert.deepEqual(res.body.groups.map((g) => g.key), ["attention", "status", "tier", "reason", "kind", "registration", "services"]);
  const missing = Number(wp.sql("SELECT COUNT(DISTINCT a.pupil_id) FROM alerts a JOIN pupils p ON p.id = a.pupil_id JOIN organisations s ON s.id = p.school_id WHERE a.kind = 'missing_education' AND a.closed_at IS NULL AND s.parent_id = 1"));
  assert.ok(missing >= 1, "the demo raises one");
  const f = figures(res.body);
  assert.deepEqual(
    [f.status_draft, f.status_awaiting, f.status_active, f.status_ended, f.tier_1, f.tier_2, f.tier_3, f.reason_semh, f.reason_permanent_exclusion, f.kind_state_ap, f.kind_tutor, f.registration_registered, f.registration_unregistered, f.part_time, f.part_time_overdue, f.missing_education],
    [1, 1, 2, 1, 0, 3, 0, 3, 0, 3, 0, 3, 0, 1, 0, missing],
  );
  assert.equal(f.past_planned_end, 0);
  // The services around each pupil: Aisha's CAMHS practitioner (above), Callum's social worker (the demo's).
  assert.deepEqual([f.service_camhs_practitioner, f.service_social_worker, f.service_virtual_school], [1, 1, 0]);
  const withCamhs = await api("officer", "GET", `/area/pupils?figure=service_camhs_practitioner&${period}`);
  assert.deepEqual(withCamhs.body.pupils.map((p) => p.placement_id), [1]);
  const aisha = await api("school", "GET", "/pupils/1");
  const contact = (aisha.body.contacts ?? []).find((c) => c.role === "camhs_practitioner");
  assert.deepEqual([contact?.service, contact?.involved_since], ["Child and adolescent mental health services (CAMHS)", day(-30)]);
  const bridgeway = res.body.attendance_by_provider;
  assert.deepEqual(bridgeway.map((p) => [p.name, p.pupils, p.possible, p.attended, p.unauthorised, p.attendance, p.persistently_absent]),
    [["Bridgeway Pupil Referral Unit", 1, 1, 0, 1, "0.0%", 1]]);
  assert.deepEqual(res.body.attendance_by_school.map((s) => [s.name, s.possible]), [["Oakfield Academy", 1]]);

  // Each figure leads to the children behind it; the read is audited with their ids.
  const running = await api("officer", "GET", `/area/pupils?figure=status_active&${period}`);
  // By family name: Murphy before Walker, each with their school and provider.
  assert.deepEqual(running.body.pupils.map((p) => [p.placement_id, p.pupil_name, p.school_name, p.provider_name]),
    [[4, "Daisy Murphy", "Oakfield Academy", "Bridgeway Pupil Referral Unit"], [1, "Aisha Walker", "Oakfield Academy", "Bridgeway Pupil Referral Unit"]]);
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'area.pupils' ORDER BY id DESC LIMIT 1"), /"pupil_ids":\[1,4\]|"pupil_ids":\[4,1\]/);
  const draft = await api("officer", "GET", `/area/pupils?figure=status_draft&${period}`);
  assert.deepEqual(draft.body.pupils.map((p) => [p.placement_id, p.tier, p.reason_label]), [[ids.ethan, 3, "Permanent exclusion"]]);
  const partTime = await api("officer", "GET", `/area/pupils?figure=part_time&${period}`);
  assert.deepEqual(partTime.body.pupils.map((p) => [p.pupil_id, p.part_time_reason, p.parent_agreed_on, p.part_time_ends_on, p.review_dates, p.saved_on, p.past_end]),
    [[6, "Building up after a long absence", day(0), day(10), [day(5)], day(0), false]]);
  assert.equal((await api("officer", "GET", `/area/pupils?figure=nonsense&${period}`)).status, 404);
});

test("the period is the area's half term unless one is chosen, and bad filters are refused by name", async () => {
  const res = await api("officer", "GET", "/area");
  const today = day(0);
  const term = wp.sql(`SELECT first_day || '|' || last_day FROM calendar_terms WHERE organisation_id = 1 AND first_day <= '${today}' ORDER BY first_day DESC LIMIT 1`).split("|");
  assert.equal(res.body.from, term[0]);
  assert.equal(res.body.to, term[1] < today ? term[1] : today);
  assert.equal(res.body.whole_half_term, true);
  for (const [query, field] of [["from=soon", "from"], [`from=${day(0)}&to=${day(-1)}`, "to"], [`school=${ids.hillside}`, "school"], ["school=abc", "school"], ["provider=8", "provider"], ["reason=boredom", "reason"], ["tier=4", "tier"]]) {
    const bad = await api("officer", "GET", `/area?${query}`);
    assert.equal(bad.status, 422, query);
    assert.deepEqual(bad.body.errors.map((e) => e.field), [field], query);
  }
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const page = await officer.get(`/area?from-day=31&from-month=11&from-year=2026`);
  assert.equal(page.status, 422);
  assert.deepEqual(errorMessages(page.text), [{ field: "from", message: "From must be a real date" }]);
  assert.match(page.text, /name="from-day" type="text" inputmode="numeric" value="31"/);
});

test("filters narrow every figure, the children behind them and the exports", async () => {
  const byTier = figures((await api("officer", "GET", `/area?${period}&tier=3`)).body);
  assert.deepEqual([byTier.status_draft, byTier.status_active, byTier.status_awaiting, byTier.part_time, byTier.missing_education], [1, 0, 0, 0, 0]);
  const atTutor = figures((await api("officer", "GET", `/area?${period}&provider=7`)).body);
  assert.deepEqual([atTutor.status_draft, atTutor.status_active], [1, 0]);
  const riverside = (await api("officer", "GET", `/area?${period}&school=3`)).body;
  assert.equal(Object.values(figures(riverside)).reduce((a, b) => a + b, 0), 0, "Riverside has no pupils in AP");
  assert.deepEqual(riverside.attendance_by_provider, []);

  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const csv = await officer.get(`/area.csv?${period}&reason=semh`);
  assert.equal(csv.status, 200);
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines[0], "Section,Name,Measure,Value");
  assert.ok(lines.includes("Placements by where they stand,Running,Placements,2"), lines.join("\n"));
  assert.ok(lines.includes("Placements by where they stand,Being planned,Placements,0"), "Ethan's is a permanent exclusion");
  assert.ok(lines.includes("Attendance by provider,Bridgeway Pupil Referral Unit,Sessions possible,1"));
  const xlsx = await fetch(`${wp.url}/area.xlsx?${period}`, { headers: { cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(xlsx.status, 200);
  const { strings } = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
  assert.match(strings, /Needing attention/);
  assert.match(strings, /Pupils with an open children-missing-education alert/);
});

test("each officer sees only their own area, and no other role sees an area at all", async () => {
  const westmoor = await api("westmoor", "GET", `/area?${period}`);
  assert.equal(westmoor.status, 200);
  assert.equal(westmoor.body.area, "Westmoor Borough Council");
  const f = figures(westmoor.body);
  assert.deepEqual([f.status_draft, f.status_active, f.status_awaiting, f.missing_education, f.part_time], [1, 0, 0, 0, 0]);
  const theirs = await api("westmoor", "GET", `/area/pupils?figure=status_draft&${period}`);
  assert.deepEqual(theirs.body.pupils.map((p) => p.placement_id), [ids.westmoorDraft]);
  assert.deepEqual((await api("westmoor", "GET", `/area/pupils?figure=status_active&${period}`)).body.pupils, []);
  assert.equal((await api("westmoor", "GET", `/area?school=2&${period}`)).status, 422, "Oakfield is not Westmoor's");
  const exeshire = figures((await api("officer", "GET", `/area?${period}`)).body);
  assert.equal(exeshire.status_draft, 1, "Westmoor's draft at an Exeshire provider is Westmoor's");

  for (const who of ["school", "hillside", "tutor", "manager", "parent", "lado", "admin"]) {
    assert.equal((await api(who, "GET", `/area?${period}`)).status, 403, who);
    assert.equal((await api(who, "GET", `/area/pupils?figure=status_active&${period}`)).status, 403, who);
  }
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'area.view_refused'")) >= 7);
});

test("a part-time timetable past its end date shows the next day", async () => {
  const later = await startWaypoint({ beside: wp, args: ["--today", day(11)] });
  try {
    const res = await later.api(tokens.officer, "GET", `/area?from=${day(-60)}&to=${day(11)}`);
    const f = figures(res.body);
    assert.deepEqual([f.part_time, f.part_time_overdue], [1, 1]);
    const overdue = await later.api(tokens.officer, "GET", `/area/pupils?figure=part_time_overdue&from=${day(-60)}&to=${day(11)}`);
    assert.deepEqual(overdue.body.pupils.map((p) => [p.pupil_id, p.past_end]), [[6, true]]);
    const officer = later.client();
    await officer.signIn(DEMO.laOfficer);
    const page = decode((await officer.get(`/area/pupils?figure=part_time&from=${day(-60)}&to=${day(11)}`)).text);
    assert.match(page, /Building up after a long absence/);
    assert.match(page, /Past its end date/);
    const atEnd = await startWaypoint({ beside: wp, args: ["--today", day(10)] });
    try {
      assert.equal(figures((await atEnd.api(tokens.officer, "GET", "/area")).body).part_time_overdue, 0, "its last day");
    } finally {
      await atEnd.stop();
    }
  } finally {
    await later.stop();
  }
});
