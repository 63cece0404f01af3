import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, DEMO, errorMessages, decode, day, dateText } from "../support/waypoint.mjs";

// Demo: pupil 1 (Aisha) is placed at Bridgeway (5) and active; pupil 2 has a draft at Northgate (6);
// pupil 3 is looked after with an EHC plan; Fresh Start (7) is lapsed and not accepted by Oakfield.
const today = day(0);

let wp;
let school;
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(async () => wp.stop());

const placementCount = () => wp.sql("SELECT COUNT(*) FROM placements");
const siteOf = (provider) => wp.sql(`SELECT id FROM provider_sites WHERE provider_id = ${provider} ORDER BY id LIMIT 1`);
const terms = (provider, extra = {}) => ({
  provider_id: String(provider),
  legal_basis: "off_site_direction",
  reason: "semh",
  objectives: "Settle into learning and rebuild attendance",
  start_date: day(30),
  planned_end_date: day(120),
  site_ids: siteOf(provider),
  report_to: "Ms Ward",
  paid_by: "school",
  ...extra,
});

async function propose(pupil, fields) {
  await school.get(`/pupils/${pupil}/placements/new?provider_id=${fields.provider_id}`);
  return school.post(`/pupils/${pupil}/placements/new`, fields);
}

test("bad placement terms are refused field by field and nothing is saved", async () => {
  const before = placementCount();
  const res = await propose(3, terms(5, { reason: "", start_date: "2027-02-30", planned_end_date: "", site_ids: "", cost: "lots" }));
  assert.equal(res.status, 422);
  assert.deepEqual(
    errorMessages(res.text).map((e) => e.field),
    ["reason", "start_date", "planned_end_date", "cost", "cost_unit", "site_ids"],
  );
  assert.match(res.text, /Start date must be a real date/);
  assert.equal(placementCount(), before);
  const wrongSite = await propose(3, terms(5, { site_ids: siteOf(6) }));
  assert.deepEqual(errorMessages(wrongSite.text), [{ field: "site_ids", message: "Select sites from the provider's list" }]);
  assert.equal(placementCount(), before);
});

// GOV.UK's date input: three boxes a date, named <field>-day, -month and -year.
const boxes = (field, iso) => {
  const [y, m, d] = iso.split("-");
  return { [`${field}-day`]: String(Number(d)), [`${field}-month`]: String(Number(m)), [`${field}-year`]: y };
};

test("dates are typed as day, month and year; one that is not real comes back as typed and nothing is saved", async () => {
  const form = decode((await school.get("/pupils/5/placements/new?provider_id=5")).text);
  assert.match(form, /<legend class="govuk-fieldset__legend">First day<\/legend>\s*<div id="start_date-hint" class="govuk-hint">For example, 7 12 2026<\/div>/);
  const before = placementCount();
  const { start_date, planned_end_date, ...rest } = terms(5);
  const refused = await propose(5, { ...rest, ...boxes("start_date", "2027-04-31"), "planned_end_date-day": "1", "planned_end_date-month": "July", "planned_end_date-year": "2027" });
  assert.equal(refused.status, 422);
  assert.deepEqual(errorMessages(refused.text), [
    { field: "start_date", message: "Start date must be a real date" },
    { field: "planned_end_date", message: "Planned end date must be a real date" },
  ]);
  assert.match(refused.text, /name="start_date-day" type="text" inputmode="numeric" value="31"/);
  assert.match(refused.text, /name="start_date-month" type="text" inputmode="numeric" value="4"/);
  assert.match(refused.text, /name="planned_end_date-month" type="text" inputmode="numeric" value="July"/);
  assert.equal(placementCount(), before);

  const made = await propose(5, { ...rest, ...boxes("start_date", start_date), ...boxes("planned_end_date", planned_end_date) });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const id = made.headers.get("location").match(/\/placements\/(\d+)/)[1];
  assert.equal(wp.sql(`SELECT start_date || ' ' || planned_end_date FROM placements WHERE id = ${id}`), `${start_date} ${planned_end_date}`);
  const edit = decode((await school.get(`/placements/${id}/edit`)).text);
  assert.match(edit, new RegExp(`name="start_date-day" type="text" inputmode="numeric" value="${Number(start_date.slice(8))}"`));
});

test("a school sees checks running out only at the providers where its pupils are placed", async () => {
  // Bridgeway's insurance runs out in 25 days and Aisha is placed there; Fresh Start's safeguarding
  // lead check runs out in 20, but no Oakfield pupil is placed there (yet).
  const page = decode((await school.get("/providers/running-out")).text);
  assert.match(page, /providers where your pupils are placed/);
  assert.match(page, /Bridgeway Pupil Referral Unit/);
  assert.doesNotMatch(page, /Fresh Start Tutoring/);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const area = decode((await officer.get("/providers/running-out")).text);
  assert.match(area, /Bridgeway Pupil Referral Unit/);
  assert.match(area, /Fresh Start Tutoring/);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/providers/running-out")).status, 403);
});

test("an off-site direction goes from draft to active only after its notice, at the earliest lawful day", async () => {
  const made = await propose(3, terms(5));
  assert.equal(made.status, 303);
  const id = made.location.match(/^\/placements\/(\d+)/)[1];

  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  assert.equal((await manager.get(`/placements/${id}`)).status, 404, "a draft is not the provider's yet");

  await school.get(`/placements/${id}`);
  const early = await school.post(`/placements/${id}/start`);
  assert.equal(early.status, 422);
  assert.match(decode(early.text), /Agree the placement before it starts/);
  assert.equal((await school.post(`/placements/${id}/agree`)).status, 303);
  assert.equal((await manager.get(`/placements/${id}`)).status, 200, "agreed: the provider sees it");

  const blocked = await school.post(`/placements/${id}/start`);
  assert.deepEqual(errorMessages(blocked.text).map((e) => e.field), ["start_date", "notice_sent_on", "la_informed_on"]);

  // The notice must state the parents, the session times and the number of days before it is sent.
  const incomplete = await school.post(`/placements/${id}/notice`, { notice_sent_on: today });
  assert.deepEqual(errorMessages(incomplete.text), [
    { field: "notice_sent_on", message: "The notice is not complete yet. It still needs the parents it is addressed to: add a parent or carer to the pupil" },
  ]);
  await school.get("/pupils/3/contacts/new");
  await school.post("/pupils/3/contacts/new", { role: "carer", name: "Sam Patel", relationship: "Foster carer", parental_responsibility: "yes", phone: "07700 900303", preferred_contact: "phone" });
  await school.get("/pupils/3/timetable");
  const week = { slot_count: "5" };
  ["monday", "tuesday", "wednesday", "thursday", "friday"].forEach((d, i) => Object.assign(week, { [`slot_${i + 1}_day`]: d, [`slot_${i + 1}_start`]: "08:45", [`slot_${i + 1}_end`]: "15:15", [`slot_${i + 1}_where`]: `placement:${id}` }));
  assert.equal((await school.post("/pupils/3/timetable", week)).status, 303);
  await school.get(`/placements/${id}`);

  const future = await school.post(`/placements/${id}/notice`, { notice_sent_on: day(1) });
  assert.deepEqual(errorMessages(future.text), [{ field: "notice_sent_on", message: "Date the notice was sent cannot be in the future" }]);
  assert.equal(future.status, 422);
  assert.equal((await school.post(`/placements/${id}/notice`, { notice_sent_on: today, la_informed_on: today })).status, 303);

  const page = await school.get(`/placements/${id}`);
  const earliest = page.text.match(/Earliest start: <time datetime="(\d{4}-\d\d-\d\d)">/)[1];
  assert.ok(earliest >= day(2), "2 school days after today are at least 2 calendar days away");
  const dayBefore = new Date(Date.parse(earliest) - 86400000).toISOString().slice(0, 10);

  const tooSoonMessage = `The start date must be at least 2 school days after the notice was sent: ${dateText(earliest)} at the earliest`;
  const change = (start) => school.post(`/placements/${id}/edit`, terms(5, { start_date: start }));
  const moved = await change(dayBefore);
  assert.equal(moved.status, 422);
  assert.deepEqual(errorMessages(moved.text), [{ field: "start_date", message: tooSoonMessage }]);
  assert.equal(wp.sql(`SELECT start_date FROM placements WHERE id = ${id}`), day(30), "nothing saved");
  // A start date that was already too soon when the notice went is caught when the placement starts.
  wp.sql(`UPDATE placements SET start_date = '${dayBefore}' WHERE id = ${id}`);
  const tooSoon = await school.post(`/placements/${id}/start`);
  assert.equal(tooSoon.status, 422);
  assert.deepEqual(errorMessages(tooSoon.text), [
    { field: "start_date", message: `The placement's first day is ${dateText(dayBefore)}: it can start on that day, not before` },
    { field: "notice_sent_on", message: tooSoonMessage },
  ]);
  assert.equal((await change(earliest)).status, 303);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM placement_site_history WHERE placement_id = ${id}`), "0", "the same site: nothing replaced");
  // Moved to Bridgeway's other site: the first is kept as a site the placement used.
  const [first, second] = wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id").split("\n");
  assert.equal((await school.post(`/placements/${id}/edit`, terms(5, { start_date: earliest, site_ids: second }))).status, 303);
  assert.equal(wp.sql(`SELECT site_id FROM placement_sites WHERE placement_id = ${id}`), second);
  assert.equal(wp.sql(`SELECT site_id FROM placement_site_history WHERE placement_id = ${id}`), first);
  // Everything is in order, but its first day has not come: nothing lets it start early.
  const beforeItsDay = await school.post(`/placements/${id}/start`, { override_reason: "Ready now" });
  assert.equal(beforeItsDay.status, 422);
  assert.deepEqual(errorMessages(beforeItsDay.text).map((e) => e.field), ["start_date"]);
  assert.equal(wp.sql(`SELECT status FROM placements WHERE id = ${id}`), "awaiting", "nothing saved");
  // On its first day (a second process of the same deployment, as of that day) it starts. The
  // insurance the demo lets run out within weeks is renewed first, so Bridgeway is still approved
  // then even when the notice crosses a summer holiday.
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  await officer.get("/providers/5");
  assert.equal((await officer.post("/providers/5/checks", { check_type: "insurance", outcome: "met", completed_on: today, expires_on: day(400) })).status, 303);
  const onTheDay = await startWaypoint({ beside: wp, args: ["--today", earliest] });
  try {
    const there = onTheDay.client();
    await there.signIn(DEMO.head);
    await there.get(`/placements/${id}`);
    const start = await there.post(`/placements/${id}/start`);
    assert.equal(start.status, 303, JSON.stringify(errorMessages(start.text)));
    const started = await there.get(`/placements/${id}`);
    assert.match(started.text, /govuk-tag--green">Active</);
  } finally {
    await onTheDay.stop();
    // Days ahead by its clock, that process cleared the sessions idle since today: sign in again.
    await school.signIn(DEMO.apLead);
  }
  assert.equal(wp.sql(`SELECT activated_on FROM placements WHERE id = ${id}`), earliest);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'placement.start' AND entity_id = ${id}`), "1");
});

test("a lapsed, unaccepted provider needs an audited reason to start; consent cannot be overridden", async () => {
  const made = await propose(4, terms(7, { legal_basis: "academy_powers", report_to: "", start_date: today }));
  assert.equal(made.status, 303);
  const id = made.location.match(/^\/placements\/(\d+)/)[1];
  await school.get(`/placements/${id}`);
  await school.post(`/placements/${id}/agree`);
  const refused = await school.post(`/placements/${id}/start`, { override_reason: "Only place this term" });
  assert.deepEqual(errorMessages(refused.text).map((e) => e.field), ["parent_consent_on"], "consent is the law's");
  const noName = await school.post(`/placements/${id}/consent`, { parent_consent_on: today });
  assert.deepEqual(errorMessages(noName.text).map((e) => e.field), ["parent_consent_from"]);
  assert.equal((await school.post(`/placements/${id}/consent`, { parent_consent_on: today, parent_consent_from: "Dana Murphy", parent_consent_how: "paper" })).status, 303);
  const standing = await school.post(`/placements/${id}/start`);
  assert.equal(standing.status, 422);
  const messages = errorMessages(standing.text).map((e) => e.message).join("\n");
  assert.match(messages, /The provider is Lapsed/);
  assert.match(messages, /has not recorded its own acceptance/);
  assert.equal((await school.post(`/placements/${id}/start`, { override_reason: "Only provider with a place; visit booked" })).status, 303);
  const page = decode((await school.get(`/placements/${id}`)).text);
  assert.match(page, /Started despite the provider's standing or acceptance: Only provider with a place; visit booked/);
  const audited = wp.sql(`SELECT detail FROM audit_events WHERE action = 'placement.start_override' AND entity_id = ${id}`);
  assert.match(audited, /Only provider with a place/);
});

test("each role reaches only its own placements when ids are changed", async () => {
  const views = async (email, ids) => {
    const c = wp.client();
    await c.signIn(email);
    const out = {};
    for (const id of ids) out[id] = (await c.get(`/placements/${id}`)).status;
    return out;
  };
  // Placement 1 is Aisha's at Bridgeway (active); 2 is Ben's draft at Northgate.
  assert.deepEqual(await views(DEMO.parent, [1, 2]), { 1: 200, 2: 404 });
  assert.deepEqual(await views(DEMO.providerManager, [1, 2]), { 1: 200, 2: 404 });
  assert.deepEqual(await views(DEMO.providerStaff, [1, 2]), { 1: 200, 2: 404 });
  assert.deepEqual(await views(DEMO.laOfficer, [1, 2]), { 1: 200, 2: 200 });
  assert.deepEqual(await views(DEMO.admin, [1, 2]), { 1: 404, 2: 404 });
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'placement.view%_refused'")) > 0);

  // Seeing is not managing: the LA officer and the provider cannot change the school's placement.
  for (const email of [DEMO.laOfficer, DEMO.providerManager, DEMO.dsl]) {
    const c = wp.client();
    await c.signIn(email);
    await c.get("/placements/1");
    const res = await c.post("/placements/1/end", { ended_on: today, end_reason: "other" });
    assert.ok([403, 404].includes(res.status), email);
  }
  assert.equal(wp.sql("SELECT status FROM placements WHERE id = 1"), "active");
});

test("the LA arranges s19 provision for a pupil in its area, and not outside the basis it holds", async () => {
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const form = await officer.get("/pupils/9/placements/new?basis=la_s19&provider_id=5");
  assert.equal(form.status, 200);
  const made = await officer.post("/pupils/9/placements/new", terms(5, { legal_basis: "la_s19", paid_by: "local_authority" }));
  assert.equal(made.status, 303);
  const id = made.location.match(/^\/placements\/(\d+)/)[1];
  assert.equal(wp.sql(`SELECT commissioner_id FROM placements WHERE id = ${id}`), "1");
  // A school's own powers are not the LA's to use.
  const wrong = await officer.post("/pupils/9/placements/new", terms(5, { legal_basis: "off_site_direction" }));
  assert.equal(wrong.status, 403);
  // Nor may a school arrange under s19.
  await school.get("/pupils/3");
  assert.equal((await school.post("/pupils/3/placements/new", terms(5, { legal_basis: "la_s19" }))).status, 403);
});

test("the notice to parents states what the regulations require, on the page and in the PDF", async () => {
  const page = decode((await school.get("/placements/1/notice")).text);
  for (const text of ["Bridgeway Centre, 12 Mill Lane, Exeter, EX2 4AB", "report to: Ms Ward, head of centre", "Number of days", "Reasons for the direction", "What the placement aims to achieve", "Session times", "Monday: 08:45 to 15:15", "Thursday: 08:45 to 15:15", "Number of days: 4 days a week", "Breaks: Break 10:40"])
    assert.ok(page.includes(text), text);
  assert.ok(!page.includes("Friday: "), "Friday is at the home school, not the provider");
  assert.doesNotMatch(page, /This notice is not complete/);
  const res = await fetch(wp.url + "/placements/1/notice.pdf", { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  const dir = mkdtempSync(join(tmpdir(), "notice-"));
  try {
    writeFileSync(join(dir, "n.pdf"), Buffer.from(await res.arrayBuffer()));
    const text = spawnSync("pdftotext", ["-layout", join(dir, "n.pdf"), "-"], { encoding: "utf8" }).stdout;
    for (const want of ["Notice of a direction to attend education off-site", "To: Chris Walker, 4 Orchard Close", "Bridgeway Centre, 12 Mill Lane, Exeter, EX2 4AB", "report to: Ms Ward, head of centre", "Number of days:", "Reasons for the direction: Social, emotional and mental health needs", "What the placement aims to achieve: Rebuild attendance", "Session times", "Monday: 08:45 to 15:15", "Number of days: 4 days a week", "previous 10 weeks"])
      assert.ok(text.includes(want), `${want} in\n${text}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A placement that is not an off-site direction has no notice.
  assert.equal((await school.get("/placements/2/notice")).status, 404);
});
