import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages, decode, day, recentRegisterDay, addAreaWithSchool } from "../support/waypoint.mjs";

// Tier 1: a school's own unit is a setting of the school. Oakfield adds its unit, supports Freya
// (pupil 6) there with the same placement, timetable and register as at a provider, and her marks
// there reach the school's register as presence at school (/ and \), not B. The demo's own unit,
// Oakfield Learning Support Unit, is taken by unit@oakfield.example.
let wp, lead;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const unitId = () => Number(wp.sql("SELECT organisation_id FROM providers WHERE provider_kind = 'school_unit' ORDER BY organisation_id LIMIT 1"));

before(async () => {
  wp = await startWaypoint();
  lead = wp.client();
  await lead.signIn(DEMO.apLead);
});
after(() => wp?.stop());

test("the AP lead adds a unit; it is refused field by field, and only the school sees it to choose", async () => {
  await lead.get("/school/units");
  const blank = await lead.post("/school/units", { name: "", contact_email: "not an address" });
  assert.equal(blank.status, 422);
  assert.deepEqual(errorMessages(blank.text).map((e) => e.field), ["name", "contact_name", "contact_email", "room", "address", "postcode"]);
  assert.equal(errorMessages(blank.text)[0].message, "Enter the unit's name");
  const before = wp.sql("SELECT COUNT(*) FROM providers");
  const made = await lead.post("/school/units", {
    name: "Oakfield Nurture Room", room: "Room 4, main building", address: "Oak Road, Exeter", postcode: "ex4 4aa",
    contact_name: "Lee Grant", contact_email: "nurture@oakfield.example", contact_phone: "01392 000112",
  });
  assert.equal(made.status, 303, made.text);
  assert.equal(Number(wp.sql("SELECT COUNT(*) FROM providers")), Number(before) + 1);
  const page = await text(lead, "/school/units?done=added");
  assert.match(page, /Oakfield Learning Support Unit Approved/);
  assert.match(page, /Oakfield Nurture Room Approved/, "no outside checks: its site is the school's");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'school_unit.create'"), "1");

  // Oakfield chooses among its own units; the directory offers them to nobody else.
  const choose = await text(lead, "/pupils/6/placements/new?basis=own_unit");
  assert.match(choose, /Choose your school's unit/);
  assert.match(choose, /Oakfield Learning Support Unit/);
  assert.doesNotMatch(choose, /Bridgeway/);
  assert.match(await text(lead, "/pupils/6/placements/new?name=Oakfield"), /Oakfield Learning Support Unit/);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  assert.doesNotMatch(await text(officer, "/providers?name=Oakfield"), /Unit|Nurture/);
  assert.equal((await officer.get("/school/units")).status, 403);
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.post("/school/units", { name: "Another" })).status, 403);
});

test("a place in the unit is Tier 1 under its own basis, starts without notice or consent, and its marks are / and \\", async () => {
  const unit = unitId();
  const site = wp.sql(`SELECT id FROM provider_sites WHERE provider_id = ${unit}`);
  const form = decode((await lead.get(`/pupils/6/placements/new?basis=own_unit&provider_id=${unit}`)).text);
  assert.match(form, /Support in the school&#39;s own unit \(Tier 1\)|Support in the school's own unit \(Tier 1\)/);
  assert.doesNotMatch(form, /Off-site direction by the school/, "a unit has its own basis alone");
  const terms = { provider_id: String(unit), reason: "at_risk_of_exclusion", objectives: "Settle back into lessons", start_date: day(-60), planned_end_date: day(60), site_ids: site, paid_by: "school", tier: "3" };
  const wrong = await lead.post("/pupils/6/placements/new", { ...terms, legal_basis: "off_site_direction", report_to: "Ms Ward" });
  assert.deepEqual(errorMessages(wrong.text), [{ field: "legal_basis", message: "Support in the school's own unit is the only legal basis for a place there" }]);
  const outside = await lead.post("/pupils/6/placements/new", { ...terms, provider_id: "5", site_ids: wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1"), legal_basis: "own_unit" });
  assert.deepEqual(errorMessages(outside.text).map((e) => e.field), ["legal_basis"]);
  const made = await lead.post("/pupils/6/placements/new", { ...terms, legal_basis: "own_unit" });
  assert.equal(made.status, 303, JSON.stringify(errorMessages(made.text)));
  const id = Number(made.headers.get("location").match(/\/placements\/(\d+)/)[1]);
  assert.equal(wp.sql(`SELECT tier FROM placements WHERE id = ${id}`), "1", "Tier 1 whatever was chosen");

  await lead.get("/pupils/6/timetable");
  const week = { slot_count: "5" };
  ["monday", "tuesday", "wednesday", "thursday", "friday"].forEach((d, i) => Object.assign(week, { [`slot_${i + 1}_day`]: d, [`slot_${i + 1}_start`]: "08:45", [`slot_${i + 1}_end`]: "15:15", [`slot_${i + 1}_where`]: `placement:${id}` }));
  assert.equal((await lead.post("/pupils/6/timetable", week)).status, 303);
  await lead.get(`/placements/${id}`);
  assert.equal((await lead.post(`/placements/${id}/agree`)).status, 303);
  const shown = await text(lead, `/placements/${id}`);
  assert.doesNotMatch(shown, /Record the parents' consent/, "nothing to consent to: the pupil stays at school");
  const started = await lead.post(`/placements/${id}/start`);
  assert.equal(started.status, 303, JSON.stringify(errorMessages(started.text)));
  assert.equal(wp.sql(`SELECT status FROM placements WHERE id = ${id}`), "active");

  // The unit's own staff take its register, as a provider's would.
  const staff = wp.client();
  await staff.signIn("unit@oakfield.example");
  const date = await recentRegisterDay(staff, "Freya Roberts");
  await staff.get(`/register?date=${date}&session=am`);
  assert.equal((await staff.post("/register", { date, session: "am", pupil_id: "6", mark_6: "present" })).status, 303);
  await staff.get(`/register?date=${date}&session=pm`);
  assert.equal((await staff.post("/register", { date, session: "pm", pupil_id: "6", mark_6: "present" })).status, 303);
  const codes = wp.sql(`SELECT session || '=' || provider_code FROM attendance_marks WHERE pupil_id = 6 AND session_date = '${date}' ORDER BY session`);
  assert.equal(codes, "am=/\npm=\\");

  // The school's export carries them as presence at school.
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 6");
  const csv = await fetch(`${wp.url}/attendance/export.csv?from=${day(-70)}&to=${day(0)}`, { headers: { cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  const lines = (await csv.text()).trim().split(/\r?\n/);
  assert.ok(lines.includes(`${upn},${date},am,/`), lines.join("\n"));
  assert.ok(lines.includes(`${upn},${date},pm,\\`));

  // The pupil's record shows the journey, tier by tier; the census leaves in-school support out.
  const record = await text(lead, "/pupils/6");
  assert.match(record, /Journey .* Tier 1 Oakfield Learning Support Unit Support in the school's own unit \(Tier 1\)/);
  const census = (await wp.api(wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim(), "GET", "/returns/school-census")).body;
  assert.ok(!JSON.stringify(census).includes("Learning Support Unit"), "not AP in the census's sense");
});

test("another school's staff cannot see, choose or place at Oakfield's unit", async () => {
  const unit = unitId();
  const other = wp.client();
  await addAreaWithSchool(wp, { la: "Westshire Council", school: "Westfield School", urn: "149901", users: [["lead@westfield.example", "ap_lead", "school"]] });
  await other.signIn("lead@westfield.example");
  assert.doesNotMatch(await text(other, "/providers?name=Oakfield"), /Learning Support Unit/);
  // Riverside, in Oakfield's own area, does not see it either.
  const riverside = Number(wp.sql("SELECT id FROM organisations WHERE name = 'Riverside Primary School'"));
  wp.cli(["user", "add", "--email", "lead@riverside.example", "--name", "Sam Hill", "--role", "ap_lead", "--organisation-id", String(riverside)], DEMO_PASSWORD + "\n");
  const neighbour = wp.client();
  await neighbour.signIn("lead@riverside.example");
  assert.doesNotMatch(await text(neighbour, "/providers?name=Oakfield"), /Learning Support Unit/);
  const pupil = wp.sql(`SELECT id FROM pupils WHERE school_id = ${riverside} ORDER BY id LIMIT 1`);
  const site = wp.sql(`SELECT id FROM provider_sites WHERE provider_id = ${unit}`);
  await neighbour.get(`/pupils/${pupil}/placements/new?basis=own_unit`);
  const taken = await neighbour.post(`/pupils/${pupil}/placements/new`, { provider_id: String(unit), legal_basis: "own_unit", reason: "semh", objectives: "x", start_date: day(1), planned_end_date: day(30), site_ids: site, paid_by: "school" });
  assert.deepEqual(errorMessages(taken.text).map((e) => e.field), ["provider_id"]);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM placements WHERE provider_id = ${unit}`), "1");
});
