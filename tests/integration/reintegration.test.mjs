import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages, decode, day, agreePlan, attendanceObjective, dateText } from "../support/waypoint.mjs";

// Placement 1 is Aisha's at Bridgeway (Monday to Thursday there, Friday at Oakfield); placement 4 is
// Daisy's, started 6 days ago. The school agrees Aisha's plan, then a review decides on her return.
let wp;
let school;
const tokens = {};
before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["user", "add", "--email", "lead@riverside.example", "--name", "Someone Else", "--role", "ap_lead", "--organisation-id", "3"], DEMO_PASSWORD + "\n");
  assert.equal(made.status, 0, made.stderr);
  for (const [who, email] of Object.entries({ school: DEMO.apLead, parent: DEMO.parent, riverside: "lead@riverside.example" }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  await agreePlan(school, 1, [attendanceObjective()]);
});
after(async () => wp.stop());

const api = (who, ...call) => wp.api(tokens[who], ...call);
const review = (placement, held_on, objectives = []) => api("school", "POST", `/placements/${placement}/reviews`, {
  held_on, attendees: ["pupil", "parents", "provider"], pupil_voice: "Ready to try", parent_voice: "Nervous but hopeful",
  objectives, decision: "start_reintegration", next_review_on: day(28),
});
// Hours a week at each setting from the pupil's timetable as stored, for the days given at school.
const minutesAt = (pupil, daysAtSchool) => {
  const rows = wp.sql(`SELECT weekday, end_minute - start_minute, setting FROM timetable_slots WHERE pupil_id = ${pupil}`).split("\n").map((r) => r.split("|"));
  let school = 0, provider = 0;
  for (const [weekday, minutes, setting] of rows) {
    if (daysAtSchool.includes(Number(weekday))) school += Number(minutes);
    else if (setting === "home_school" || setting === "provider") provider += Number(minutes);
  }
  return { school, provider };
};

test("the return is planned once a review decides on it: criteria tied to objectives, steps, support; bad input saves nothing", async () => {
  const page = decode((await school.get("/placements/1/return")).text);
  assert.match(page, /The return is planned once a review decides to start it/);
  const early = await school.post("/placements/1/return", { criterion_count: "1", criterion_1_text: "Calm", key_adult: "Mr Jones", responsibilities: "x" });
  assert.equal(early.status, 422);
  assert.match(errorMessages(early.text)[0].message, /Record a review that decides to start the return/);

  const held = await review(1, day(0), [{ value: "" }]);
  // Nothing was marked, so the attendance objective has no suggestion: a value needs a reason.
  assert.equal(held.status, 422);
  assert.deepEqual(held.body.errors.map((e) => e.field), ["objective_1_value"]);
  const ok = await review(1, day(0), [{ value: "62", change_reason: "Oakfield's own register for Fridays" }]);
  assert.equal(ok.status, 201, JSON.stringify(ok.body));

  await school.get("/placements/1/return?edit=1");
  const bad = await school.post("/placements/1/return", {
    criterion_count: "2", criterion_1_objective: "2", criterion_1_text: "Attends 90% for four weeks",
    step_count: "2", step_1_starts_on: day(0), step_1_days: ["1", "2"], step_2_starts_on: day(0), step_2_days: "1",
    key_adult: "", responsibilities: "",
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["criterion_1_objective", "step_2_starts_on", "step_2_days", "key_adult", "responsibilities"]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM reintegration_plans"), "0");

  const saved = await school.post("/placements/1/return", { criterion_count: "2", criterion_1_objective: "1", criterion_1_text: "Attends 90% for four weeks", criterion_2_objective: "", criterion_2_text: "",
    step_count: "2", step_1_starts_on: day(0), step_1_days: ["1", "2", "5"], step_2_starts_on: day(7), step_2_days: ["1", "2", "3", "4", "5"],
    key_adult: "Mr Jones, head of year", mentoring: "Weekly with Ms Ali", adjustments: "Time-out card", responsibilities: "Bridgeway shares the behaviour plan; Oakfield meets Aisha at the gate" });
  assert.equal(saved.status, 303, JSON.stringify(errorMessages(saved.text)));
  assert.equal(wp.sql("SELECT review_id || '|' || key_adult FROM reintegration_plans WHERE placement_id = 1"), `${ok.body.id}|Mr Jones, head of year`);
  assert.equal(wp.sql("SELECT objective_position || ':' || criterion FROM readiness_criteria"), "1:Attends 90% for four weeks");

  // Saved again with more mentoring: the plan it replaces is kept as it was, criteria and steps too.
  const form = { criterion_count: "1", criterion_1_objective: "1", criterion_1_text: "Attends 90% for four weeks",
    step_count: "2", step_1_starts_on: day(0), step_1_days: ["1", "2", "5"], step_2_starts_on: day(7), step_2_days: ["1", "2", "3", "4", "5"],
    key_adult: "Mr Jones, head of year", mentoring: "Twice a week with Ms Ali", adjustments: "Time-out card", responsibilities: "Bridgeway shares the behaviour plan; Oakfield meets Aisha at the gate" };
  await school.get("/placements/1/return?edit=1");
  assert.equal((await school.post("/placements/1/return", form)).status, 303);
  assert.equal(wp.sql("SELECT mentoring FROM reintegration_plans WHERE placement_id = 1"), "Twice a week with Ms Ali");
  assert.equal(wp.sql("SELECT mentoring FROM reintegration_plan_history WHERE placement_id = 1"), "Weekly with Ms Ali");
  assert.equal(wp.sql("SELECT position || ':' || criterion FROM readiness_criteria_history WHERE placement_id = 1"), "1:Attends 90% for four weeks");
  assert.equal(wp.sql("SELECT position || ':' || starts_on || ':' || days_at_school FROM return_step_history WHERE placement_id = 1 ORDER BY position"), `1:${day(0)}:1,2,5\n2:${day(7)}:1,2,3,4,5`);

  const shown = decode((await school.get("/placements/1/return")).text);
  const { school: atSchool, provider } = minutesAt(1, [1, 2, 5]);
  const hours = (m) => (m / 60).toFixed(1);
  assert.match(shown, new RegExp(`Monday, Tuesday and Friday</td><td class="govuk-table__cell govuk-table__cell--numeric">${hours(atSchool)} hours</td><td class="govuk-table__cell govuk-table__cell--numeric">${hours(provider)} hours`));
  assert.match(shown, /Put step 1 into the timetable/);
  assert.doesNotMatch(shown, /Put step 2 into the timetable/, "step 2 starts next week");
});

test("a step goes into the timetable from its first day; the parent reads the plan; nobody else reaches it", async () => {
  const before = wp.sql("SELECT SUM(end_minute - start_minute) FROM timetable_slots WHERE pupil_id = 1");
  assert.equal((await school.post("/placements/1/return/steps/1")).status, 303);
  assert.equal(wp.sql("SELECT setting || ':' || COALESCE(placement_id, 0) FROM timetable_slots WHERE pupil_id = 1 ORDER BY weekday"),
    "home_school:0\nhome_school:0\nprovider:1\nprovider:1\nhome_school:0");
  assert.equal(wp.sql("SELECT SUM(end_minute - start_minute) FROM timetable_slots WHERE pupil_id = 1"), before, "the week is as long as it was");
  assert.equal(wp.sql("SELECT applied_on FROM return_steps WHERE position = 1"), day(0));
  const again = await school.post("/placements/1/return/steps/1");
  assert.equal(again.status, 422);
  assert.equal((await school.post("/placements/1/return/steps/2")).status, 422, "not before its first day");
  // A step in the timetable cannot be rewritten.
  await school.get("/placements/1/return?edit=1");
  const rewrite = await school.post("/placements/1/return", { criterion_count: "1", criterion_1_objective: "1", criterion_1_text: "x", step_count: "1", step_1_starts_on: day(0), step_1_days: ["1", "2", "3", "4", "5"], key_adult: "a", responsibilities: "b" });
  assert.equal(rewrite.status, 422);
  assert.equal(errorMessages(rewrite.text)[0].field, "step_1_starts_on");

  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.match(decode((await parent.get("/placements/1/return")).text), /Mr Jones, head of year/);
  assert.equal((await parent.post("/placements/1/return/steps/2")).status, 403);
  const riverside = wp.client();
  await riverside.signIn("lead@riverside.example");
  assert.equal((await riverside.get("/placements/1/return")).status, 404);
  assert.equal((await riverside.post("/placements/1/return/steps/2")).status, 404);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'reintegration.step'"), "1");
  // The API answers the same, within the same scope.
  const read = await api("parent", "GET", "/placements/1/return");
  assert.equal(read.status, 200);
  assert.equal(read.body.plan.key_adult, "Mr Jones, head of year");
  assert.deepEqual(read.body.steps.map((x) => [x.days_at_school, x.applied_on]), [[[1, 2, 5], day(0)], [[1, 2, 3, 4, 5], null]]);
  assert.equal(read.body.steps[0].home_school_minutes, minutesAt(1, [1, 2, 5]).school);
  assert.equal((await api("riverside", "GET", "/placements/1/return")).status, 404);
  assert.equal((await api("parent", "PUT", "/placements/1/return", { key_adult: "Me" })).status, 403);
  const bad = await api("school", "PUT", "/placements/1/return", { criteria: [], steps: [], key_adult: "" });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.errors.map((e) => e.field), ["criteria", "steps", "key_adult", "responsibilities", "step_1_starts_on"], "and the step in the timetable stays");
});

test("after the full return, checks at 2, 6 and 12 weeks record whether it holds; the placement ends with a destination", async () => {
  // Daisy: a review yesterday decides on the return, and she went back full time straight away.
  assert.equal((await review(4, day(-1))).status, 201);
  await school.get("/placements/4/return?edit=1");
  const saved = await school.post("/placements/4/return", { criterion_count: "1", criterion_1_text: "Settled in the mornings", step_count: "1", step_1_starts_on: day(-1), step_1_days: ["1", "2", "3", "4", "5"], key_adult: "Ms Ali", responsibilities: "Oakfield" });
  assert.equal(saved.status, 303, JSON.stringify(errorMessages(saved.text)));
  assert.equal((await school.post("/placements/4/return/steps/1")).status, 303);
  assert.equal(wp.sql("SELECT COUNT(*) FROM timetable_slots WHERE pupil_id = 4 AND setting <> 'home_school'"), "0");

  const page = decode((await school.get("/placements/4/return")).text);
  const plus = (days) => new Date(Date.parse(day(-1) + "T12:00:00Z") + days * 86400000).toISOString().slice(0, 10);
  for (const [weeks, days] of [[2, 14], [6, 42], [12, 84]])
    assert.match(page, new RegExp(`${weeks} weeks</td><td class="govuk-table__cell waypoint-nowrap">${dateText(plus(days))}<`));
  const slipping = await school.post("/placements/4/return/follow-ups", { number: "1", checked_on: day(0), attendance_percent: "70", suspensions: "1", engagement: "2", holding: "no", notes: "" });
  assert.equal(slipping.status, 422);
  assert.deepEqual(errorMessages(slipping.text).map((e) => e.field), ["notes"]);
  assert.equal((await school.post("/placements/4/return/follow-ups", { number: "1", checked_on: day(0), attendance_percent: "96.5", suspensions: "0", engagement: "4", holding: "yes", notes: "" })).status, 303);
  assert.equal(wp.sql("SELECT number || '|' || due_on || '|' || holding FROM return_follow_ups"), `1|${plus(14)}|1`);
  const twice = await school.post("/placements/4/return/follow-ups", { number: "1", checked_on: day(0), attendance_percent: "96.5", suspensions: "0", engagement: "4", holding: "yes" });
  assert.equal(twice.status, 422);

  // The placement ends: where Daisy went and what she and her parents think.
  await school.get("/placements/4");
  const missing = await school.post("/placements/4/end", { ended_on: day(0), end_reason: "reintegrated" });
  assert.equal(missing.status, 422);
  assert.deepEqual(errorMessages(missing.text).map((e) => e.field), ["destination", "pupil_assessment", "parent_view"]);
  assert.match(missing.text, /<details class="govuk-details" open>/, "the form is open at its errors");
  assert.equal(wp.sql("SELECT status FROM placements WHERE id = 4"), "active");
  assert.equal((await school.post("/placements/4/end", { ended_on: day(0), end_reason: "reintegrated", destination: "home_school", pupil_assessment: "Glad to be back with my friends", parent_view: "It worked" })).status, 303);
  assert.equal(wp.sql("SELECT status || '|' || destination || '|' || parent_view FROM placements WHERE id = 4"), "ended|home_school|It worked");
  assert.match(decode((await school.get("/placements/4")).text), /Went on to<\/dt><dd class="govuk-summary-list__value">Back to the home school/);
  // Checks go on after the placement has ended.
  assert.equal((await school.post("/placements/4/return/follow-ups", { number: "2", checked_on: day(0), attendance_percent: "100", suspensions: "0", engagement: "5", holding: "yes" })).status, 303);
});
