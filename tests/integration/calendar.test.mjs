import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, day } from "../support/waypoint.mjs";


let wp;
let school;
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(async () => wp.stop());

async function agreedWithNotice(pupil) {
  const site = wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1");
  await school.get(`/pupils/${pupil}/placements/new?provider_id=5`);
  const made = await school.post(`/pupils/${pupil}/placements/new`, {
    provider_id: "5", legal_basis: "off_site_direction", reason: "semh", objectives: "Settle", start_date: day(40),
    planned_end_date: day(100), site_ids: site, report_to: "Ms Ward", paid_by: "school",
  });
  const id = made.location.match(/^\/placements\/(\d+)/)[1];
  await school.get(`/placements/${id}`);
  await school.post(`/placements/${id}/agree`);
  await school.get(`/pupils/${pupil}/contacts/new`);
  await school.post(`/pupils/${pupil}/contacts/new`, { role: "parent", name: "A Parent", parental_responsibility: "yes", phone: "07700 900400", preferred_contact: "phone" });
  await school.get(`/pupils/${pupil}/timetable`);
  const week = { slot_count: "5" };
  ["monday", "tuesday", "wednesday", "thursday", "friday"].forEach((d, i) => Object.assign(week, { [`slot_${i + 1}_day`]: d, [`slot_${i + 1}_start`]: "08:45", [`slot_${i + 1}_end`]: "15:15", [`slot_${i + 1}_where`]: `placement:${id}` }));
  assert.equal((await school.post(`/pupils/${pupil}/timetable`, week)).status, 303);
  await school.get(`/placements/${id}`);
  assert.equal((await school.post(`/placements/${id}/notice`, { notice_sent_on: day(0) })).status, 303);
  return id;
}
const earliest = async (id) => (await school.get(`/placements/${id}`)).text.match(/Earliest start: <time datetime="(\d{4}-\d\d-\d\d)">/)[1];

test("closures the school records move the deadlines counted in school days", async () => {
  const id = await agreedWithNotice(6);
  const before = await earliest(id);
  await school.get("/calendar");
  for (let offset = 1; day(offset) <= before; offset++)
    assert.equal((await school.post("/calendar/closures", { closure_day: day(offset), closure_reason: "Heating failure" })).status, 303);
  const after = await earliest(id);
  assert.ok(after > before, `${after} is later than ${before}`);
  const bad = await school.post("/calendar/closures", { closure_day: "2027-02-29", closure_reason: "" });
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["closure_day", "closure_reason"]);
  // A closure given another reason, or removed, is kept as it was.
  assert.equal((await school.post("/calendar/closures", { closure_day: day(1), closure_reason: "Heating still broken" })).status, 303);
  assert.equal((await school.post("/calendar/closures/remove", { day: day(1) })).status, 303);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM calendar_closures WHERE organisation_id = 2 AND day = '${day(1)}'`), "0");
  assert.equal(wp.sql(`SELECT reason FROM calendar_closure_history WHERE organisation_id = 2 AND day = '${day(1)}' ORDER BY reason`), "Heating failure\nHeating still broken");
});

test("a school follows the LA's terms until it keeps its own; terms are checked", async () => {
  const page = decode((await school.get("/calendar")).text);
  assert.match(page, /follows the local authority's term dates/);
  const bad = await school.post("/calendar/terms", { term_name: "", first_day: "2030-01-10", last_day: "2030-01-09" });
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["term_name", "last_day"]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM calendar_terms WHERE organisation_id = 2"), "0");
  assert.equal((await school.post("/calendar/terms", { term_name: "Spring 2030", first_day: "2030-01-07", last_day: "2030-02-15" })).status, 303);
  const overlap = await school.post("/calendar/terms", { term_name: "Again", first_day: "2030-02-01", last_day: "2030-03-01" });
  assert.deepEqual(errorMessages(overlap.text), [{ field: "first_day", message: "These dates overlap the term from 7 January 2030 to 15 February 2030" }]);
  assert.doesNotMatch(decode((await school.get("/calendar")).text), /follows the local authority/);
  // A term removed is kept as it was.
  const added = await school.post("/calendar/terms", { term_name: "Summer 2030", first_day: "2030-04-22", last_day: "2030-07-19" });
  assert.equal(added.status, 303);
  const term = wp.sql("SELECT id FROM calendar_terms WHERE organisation_id = 2 AND name = 'Summer 2030'");
  assert.equal((await school.post(`/calendar/terms/${term}/remove`, {})).status, 303);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM calendar_terms WHERE id = ${term}`), "0");
  assert.equal(wp.sql(`SELECT name || ' ' || first_day || ' ' || last_day FROM calendar_term_history WHERE term_id = ${term}`), "Summer 2030 2030-04-22 2030-07-19");
});

test("the school's full-time week decides which timetables are part time", async () => {
  // Aisha's week is exactly 32.5 hours.
  assert.equal((await school.post("/calendar/full-time-week", { full_time_hours: "50" })).status, 422);
  assert.equal((await school.post("/calendar/full-time-week", { full_time_hours: "33" })).status, 303);
  assert.match(decode((await school.get("/pupils/1/timetable")).text), /This is a part-time timetable/);
  assert.equal((await school.post("/calendar/full-time-week", { full_time_hours: "32.5" })).status, 303);
  assert.doesNotMatch(decode((await school.get("/pupils/1/timetable")).text), /This is a part-time timetable/);
});

test("who keeps the calendar", async () => {
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.get("/calendar")).status, 200);
  assert.equal((await dsl.post("/calendar/closures", { closure_day: day(3), closure_reason: "x" })).status, 403);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/calendar")).status, 403);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  assert.match(decode((await officer.get("/calendar")).text), /Autumn 1/);
  assert.equal((await officer.post("/calendar/full-time-week", { full_time_hours: "30" })).status, 403);
});
