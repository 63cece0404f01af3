import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, day } from "../support/waypoint.mjs";

// Fresh Start Tutoring (7) is a tuition provider: not a registered school, so the registration
// threshold watches it. Pupil 3 (Oakfield) is looked after with an EHC plan; pupil 9 is at Riverside.

let wp;
let school;
let officer;
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

const site = () => wp.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1");

async function agreedPlacementAtFreshStart(client, pupil, basis) {
  await client.get(`/pupils/${pupil}/placements/new?provider_id=7${basis === "la_s19" ? "&basis=la_s19" : ""}`);
  const made = await client.post(`/pupils/${pupil}/placements/new`, {
    provider_id: "7", legal_basis: basis, reason: "school_avoidance", objectives: "Re-engage with learning",
    start_date: day(20), planned_end_date: day(100), site_ids: site(), report_to: "Jo Brennan",
    paid_by: basis === "la_s19" ? "local_authority" : "school",
  });
  assert.equal(made.status, 303);
  const id = made.location.match(/^\/placements\/(\d+)/)[1];
  await client.get(`/placements/${id}`);
  assert.equal((await client.post(`/placements/${id}/agree`)).status, 303);
  return id;
}

// Rows of the week form: [day, start, end, where].
function week(rows, extra = {}) {
  const form = { slot_count: String(rows.length), ...extra };
  rows.forEach(([d, s, e, w], i) => Object.assign(form, { [`slot_${i + 1}_day`]: d, [`slot_${i + 1}_start`]: s, [`slot_${i + 1}_end`]: e, [`slot_${i + 1}_where`]: w }));
  return form;
}
const mornings = (where, end) => ["monday", "tuesday", "wednesday", "thursday"].map((d) => [d, "09:00", end, where]);
const partTime = { part_time_reason: "Building up after a long absence", parent_agreed_on: day(0), part_time_ends_on: day(60), review_dates: `${day(14)}, ${day(42)}` };
const slotCount = (pupil) => wp.sql(`SELECT COUNT(*) FROM timetable_slots WHERE pupil_id = ${pupil}`);

test("rows that make no sense and overlaps are refused by row, and nothing is saved", async () => {
  await school.get("/pupils/1/timetable");
  const before = slotCount(1);
  const res = await school.post("/pupils/1/timetable", week([
    ["monday", "09:00", "12:00", "home_school"],
    ["saturday", "9am", "08:00", "the park"],
    ["monday", "11:30", "13:00", "online"],
    ["", "", "", ""],
  ]));
  assert.equal(res.status, 422);
  assert.deepEqual(errorMessages(res.text).map((e) => e.field), ["slot_2_day", "slot_2_start", "slot_2_where"]);
  const overlap = await school.post("/pupils/1/timetable", week([["monday", "09:00", "12:00", "home_school"], ["monday", "11:30", "13:00", "online"]]));
  assert.deepEqual(errorMessages(overlap.text), [{ field: "slot_2_start", message: "Row 2 overlaps row 1 on Monday" }]);
  const backwards = await school.post("/pupils/1/timetable", week([["friday", "13:00", "12:00", "online"]]));
  assert.deepEqual(errorMessages(backwards.text), [{ field: "slot_1_end", message: "Row 1: the end time must be after the start time" }]);
  assert.equal(slotCount(1), before);
});

test("a part-time week needs its reason, agreement, end date and reviews, and shows as C2 time", async () => {
  await school.get("/pupils/2/timetable");
  const short = week([["monday", "09:00", "12:00", "home_school"]]);
  const refused = await school.post("/pupils/2/timetable", short);
  assert.deepEqual(errorMessages(refused.text).map((e) => e.field), ["part_time_reason", "parent_agreed_on", "part_time_ends_on", "review_dates"]);
  assert.equal(slotCount(2), "0");
  assert.equal((await school.post("/pupils/2/timetable", { ...short, ...partTime })).status, 303);
  const page = decode((await school.get("/pupils/2/timetable")).text);
  assert.match(page, /This is a part-time timetable\. Sessions the pupil is not expected to attend are recorded as C2/);
  assert.match(page, /Tuesday has nothing timetabled/);
  assert.match(page, /3 hours of a full-time week of 32 hours 30 minutes/);
});

test("a week saved again keeps the week and the part-time arrangement it replaced, as they were", async () => {
  // Pupil 2's part-time week (above) becomes full time at Oakfield.
  const before = wp.sql("SELECT weekday || ' ' || start_minute || '-' || end_minute || ' ' || setting FROM timetable_slots WHERE pupil_id = 2 ORDER BY weekday, start_minute");
  const arrangement = wp.sql("SELECT reason || '|' || ends_on || '|' || review_dates FROM part_time_arrangements WHERE pupil_id = 2");
  assert.notEqual(arrangement, "");
  const full = week(["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [d, "08:45", "15:15", "home_school"]));
  await school.get("/pupils/2/timetable");
  assert.equal((await school.post("/pupils/2/timetable", full)).status, 303);
  assert.equal(slotCount(2), "5");
  assert.equal(wp.sql("SELECT COUNT(*) FROM part_time_arrangements WHERE pupil_id = 2"), "0", "full time again");
  assert.equal(wp.sql("SELECT weekday || ' ' || start_minute || '-' || end_minute || ' ' || setting FROM timetable_slot_history WHERE pupil_id = 2 ORDER BY weekday, start_minute"), before);
  assert.equal(wp.sql("SELECT reason || '|' || ends_on || '|' || review_dates FROM part_time_arrangement_history WHERE pupil_id = 2"), arrangement);
  // Both were replaced by the one save.
  assert.equal(wp.sql("SELECT COUNT(DISTINCT superseded_at) FROM (SELECT superseded_at FROM timetable_slot_history WHERE pupil_id = 2 UNION ALL SELECT superseded_at FROM part_time_arrangement_history WHERE pupil_id = 2) x"), "1");
});

test("the registration threshold: 18 hours is not over it; a looked-after pupil at 18h01m is, across commissioners", async () => {
  // The LA places a Riverside pupil at Fresh Start for 19 hours: one pupil, not looked after: no line crossed.
  const la = await agreedPlacementAtFreshStart(officer, 9, "la_s19");
  await officer.get("/pupils/9/timetable");
  const laWeek = week(mornings(`placement:${la}`, "13:45"), partTime);
  assert.equal((await officer.post("/pupils/9/timetable", laWeek)).status, 303);

  // The school's looked-after pupil at exactly 18 hours: still not full time.
  const own = await agreedPlacementAtFreshStart(school, 3, "off_site_direction");
  await school.get("/pupils/3/timetable");
  assert.equal((await school.post("/pupils/3/timetable", week(mornings(`placement:${own}`, "13:30"), partTime))).status, 303);

  // One more minute takes the provider over the line: warned, and nothing saved until confirmed.
  const over = week([...mornings(`placement:${own}`, "13:30"), ["friday", "09:00", "09:01", `placement:${own}`]], partTime);
  const warned = await school.post("/pupils/3/timetable", over);
  assert.equal(warned.status, 409);
  assert.match(decode(warned.text), /Fresh Start Tutoring: A pupil who is looked after or has an EHC plan is taught here for more than 18 hours a week/);
  assert.equal(slotCount(3), "4");
  assert.equal((await school.post("/pupils/3/timetable", { ...over, confirm_threshold: "yes" })).status, 303);
  assert.equal(slotCount(3), "5");
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'timetable.save' ORDER BY id DESC LIMIT 1"), /registration_threshold_confirmed":\[\{"provider_id":7/);

  // The LA sees the provider on its list, with both pupils, from both commissioners.
  const list = decode((await officer.get("/registration-threshold")).text);
  assert.match(list, /Fresh Start Tutoring/);
  assert.match(list, /Must register/);
  assert.match(list, /Isaac Clarke<\/td><td class="govuk-table__cell">19 hours/);
  assert.match(list, /Callum Patel<\/td><td class="govuk-table__cell">18 hours 1 minutes/);
  // Schools and providers do not see the area-wide list.
  assert.equal((await school.get("/registration-threshold")).status, 403);
});

test("a provider sees only its own sessions in a pupil's week; other schools' staff see nothing", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  const page = decode((await manager.get("/pupils/1/timetable")).text);
  assert.match(page, /Bridgeway Pupil Referral Unit/);
  assert.doesNotMatch(page, /Home school<\/td>/);
  assert.doesNotMatch(page, /Change the week/);
  assert.equal((await manager.post("/pupils/1/timetable", week([]))).status, 403);
  assert.equal((await manager.get("/pupils/9/timetable")).status, 404);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/pupils/1/timetable")).status, 200);
  assert.equal((await parent.get("/pupils/2/timetable")).status, 404);
});

test("the registration rule is the law in force: the 2026 Act from the commencement day the deployment sets", async () => {
  const before = decode((await officer.get("/registration-threshold")).text);
  assert.match(before, /Under the Education and Skills Act 2008 s\.92, an unregistered provider must register .* or 1 who is looked after or has an EHC plan\. Full time means more than 18 hours a week/);
  // A second process of the same deployment, told the 2026 Act is in force from today, with a
  // 12-hour full-time line.
  const commenced = await startWaypoint({ beside: wp, args: ["--cws-act-from", day(0), "--cws-act-full-time-hours", "12"] });
  try {
    const la = commenced.client();
    await la.signIn(DEMO.laOfficer);
    const after = decode((await la.get("/registration-threshold")).text);
    assert.match(after, /Under the Children's Wellbeing and Schools Act 2026 s\.43, an unregistered provider must register .* or 1 who is looked after or has special educational needs\. Full time means more than 12 hours a week/);
    assert.match(after, /<th scope="col" class="govuk-table__header">Looked after or SEN<\/th>/);
    assert.match(after, /\(Children's Wellbeing and Schools Act 2026 s\.43\)/);
  } finally {
    await commenced.stop();
  }
  const wrong = wp.cli(["serve", "--cws-act-from", "2027-02-30"], "", { timeout: 20000 });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /^cws-act-from: --cws-act-from must be a date, like 2027-09-01/);
});
