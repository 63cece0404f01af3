import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages, decode, day, recentRegisterDay, agreePlan, attendanceObjective, dateText } from "../support/waypoint.mjs";

// Placement 1 is Aisha's at Bridgeway (started 40 days ago in term time, earlier in a holiday;
// reviews every 6 weeks by default, so the first falls due in 2 days in term time); placement 3 is
// Callum's, who has an EHC plan.
let wp;
let school;
let registerDay; // a school day before today with Aisha on Bridgeway's register
const tokens = {};
before(async () => {
  wp = await startWaypoint();
  for (const [email, role, org] of [["lead@riverside.example", "ap_lead", "3"], ["staff@northgate.example", "provider_staff", "6"]]) {
    const made = wp.cli(["user", "add", "--email", email, "--name", "Someone Else", "--role", role, "--organisation-id", org], DEMO_PASSWORD + "\n");
    assert.equal(made.status, 0, made.stderr);
  }
  for (const [who, email] of Object.entries({ school: DEMO.apLead, tutor: DEMO.providerStaff, parent: DEMO.parent, riverside: "lead@riverside.example" }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  // An agreed plan with an attendance objective and a maths one.
  await agreePlan(school, 1, [
    attendanceObjective(),
    { area: "maths", description: "Secure fractions", baseline_value: "2", baseline_date: day(-40), baseline_source: "Entry test", target: "5", measure: "Steps on the maths ladder", unit: "", target_date: day(100), responsible: "Maths tutor" },
  ]);
  // Bridgeway marks two sessions (one present, one unexplained absence) and logs maths twice.
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const date = (registerDay = await recentRegisterDay(tutor, "Aisha Walker"));
  for (const [session, mark] of [["am", { mark: "present" }], ["pm", { mark: "absent", absence_code: "N" }]]) {
    const sent = await api("tutor", "POST", "/register", { date, session, marks: [{ pupil_id: 1, ...mark }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
  }
  const maths = wp.sql("SELECT o.id FROM plan_objectives o JOIN plan_versions v ON v.id = o.plan_version_id WHERE v.placement_id = 1 AND o.area = 'maths'");
  for (const [offset, value] of [[-9, "3"], [-2, "4"]]) {
    const logged = await api("tutor", "POST", "/placements/1/progress", { date: day(offset), period: "day", engagement: "4", work_covered: "Fractions", values: [{ objective_id: maths, value }] });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
  }
});
after(async () => wp.stop());

const api = (who, ...call) => wp.api(tokens[who], ...call);

const count = (table) => wp.sql(`SELECT COUNT(*) FROM ${table}`);

test("the first review falls due one interval after the start and shows on the AP lead's home page; a parent's written request brings it forward", async () => {
  const before = await api("school", "GET", "/placements/1/reviews");
  assert.equal(before.status, 200);
  const started = wp.sql("SELECT start_date FROM placements WHERE id = 1");
  const sixWeeksOn = new Date(Date.parse(started) + 42 * 86400000).toISOString().slice(0, 10);
  assert.ok(sixWeeksOn <= day(2), "the demo started Aisha at least 40 days ago");
  assert.equal(before.body.status.first_review_on, sixWeeksOn, "6 weeks after the start");
  assert.equal(before.body.status.due_on, sixWeeksOn);
  assert.equal(before.body.status.state, sixWeeksOn > day(0) ? "Due soon" : sixWeeksOn === day(0) ? "Due today" : "Overdue");
  let home = decode((await school.get("/")).text);
  assert.match(home, new RegExp(`Aisha Walker</a></td><td class="govuk-table__cell">Bridgeway Pupil Referral Unit</td><td class="govuk-table__cell waypoint-nowrap">${dateText(sixWeeksOn)}<`));

  // Bad requests are named and nothing is saved.
  await school.get("/placements/1/reviews");
  const bad = await school.post("/placements/1/reviews/requests", { requested_by: "local_authority", requester_name: "", requested_on: day(1) });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["requested_by", "requester_name", "requested_on"]);
  assert.match(errorMessages(bad.text)[0].message, /EHC plan/);
  assert.equal(count("review_requests"), "0");

  // No review was ever held: a review is owed from the first school day on or after the request,
  // which is the day itself when the request came on a school day.
  const asked = await school.post("/placements/1/reviews/requests", { requested_by: "parent", requester_name: "Chris Walker", requested_on: registerDay });
  assert.equal(asked.status, 303);
  const owed = wp.sql("SELECT owed_on FROM review_requests");
  assert.equal(owed, registerDay);
  const after = await api("school", "GET", "/placements/1/reviews");
  assert.equal(after.body.status.due_on, owed);
  assert.equal(after.body.status.requested, true);
  assert.match(after.body.status.state, /^(Overdue|Due today)$/);
  home = decode((await school.get("/")).text);
  assert.match(home, /Asked for in writing/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'review.request'"), "1");
});

test("a review starts from the logs and attendance; a changed value needs a reason; bad input saves nothing", async () => {
  const form = decode((await school.get("/placements/1/reviews/new")).text);
  // The attendance objective reads the register since the start: 1 of 2 sessions.
  assert.match(form, /name="objective_1_value" type="text" value="50\.0"/);
  assert.match(form, /attendance since \d{1,2} [A-Z][a-z]+ \d{4}: 1 of 2 sessions/);
  assert.match(form, /name="objective_2_value" type="text" value="4"/, "the maths objective reads the latest log");
  assert.match(form, /1 of 2 sessions \(50\.0%\)/);
  assert.match(form, /4\.0 out of 5 over 2 logs/);

  const empty = await school.post("/placements/1/reviews", { objective_count: "2", held_on: day(0), objective_1_value: "50.0", objective_2_value: "4.5", next_review_on: day(42) });
  assert.equal(empty.status, 422);
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["attendees", "pupil_voice", "parent_voice", "objective_2_change_reason", "decision"]);
  assert.match(decode(empty.text), /What the pupil said/, "the form comes back");
  const future = await school.post("/placements/1/reviews", { objective_count: "2", held_on: day(1), attendees: "pupil", pupil_voice: "x", parent_voice: "y", objective_1_value: "50.0", objective_2_value: "4", decision: "extend", extended_to: wp.sql("SELECT planned_end_date FROM placements WHERE id = 1"), next_review_on: day(0) });
  assert.deepEqual(errorMessages(future.text).map((e) => e.field), ["held_on", "extended_to", "next_review_on"]);
  assert.equal(count("reviews"), "0");
  assert.equal(count("review_objectives"), "0");
});

test("a review that amends the plan makes a new draft version and leaves the agreed one readable", async () => {
  const held = await api("school", "POST", "/placements/1/reviews", {
    held_on: day(0), attendees: ["pupil", "parents", "provider", "school"], other_attendees: "Social worker",
    pupil_voice: "I like the workshop mornings", parent_voice: "He is calmer at home",
    objectives: [{ value: "50.0" }, { value: "5", change_reason: "Passed the end-of-unit test yesterday" }],
    decision: "amend_plan", decision_notes: "Add a reading objective", next_review_on: day(42),
  });
  assert.equal(held.status, 201, JSON.stringify(held.body));
  const review = (await api("school", "GET", `/reviews/${held.body.id}`)).body;
  assert.equal(review.sessions_possible, 2);
  assert.equal(review.sessions_attended, 1);
  assert.equal(review.engagement_logs, 2);
  assert.equal(review.plan_version, 1);
  assert.equal(review.new_plan_version, 2);
  assert.deepEqual(review.objectives.map((o) => [o.suggested_value, o.value, o.change_reason]),
    [["50.0", "50.0", ""], ["4", "5", "Passed the end-of-unit test yesterday"]]);
  assert.equal(wp.sql("SELECT version || ':' || status FROM plan_versions WHERE placement_id = 1 ORDER BY version"), "1:agreed\n2:draft");
  const old = decode((await school.get("/placements/1/plan?version=1")).text);
  assert.match(old, /Secure fractions/);
  assert.match(old, /Version 1/);
  assert.match(decode((await school.get("/placements/1/plan?version=2")).text), /Secure fractions/);

  // The next review is the date the review set; the request was answered.
  const status = (await api("school", "GET", "/placements/1/reviews")).body.status;
  assert.equal(status.due_on, day(42));
  assert.equal(status.requested, false);
  // (Callum's and Daisy's first reviews may be due too when the demo started them before a holiday.)
  const due = decode((await school.get("/")).text).split('id="reviews-due"')[1]?.split("</table>")[0] ?? "";
  assert.doesNotMatch(due, /Aisha Walker/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'review.record' AND pupil_id = 1"), "1");
  // A second review on the same day is refused: a review follows the last one.
  const again = await api("school", "POST", "/placements/1/reviews", { held_on: day(0), attendees: ["pupil"], pupil_voice: "x", parent_voice: "y", objectives: [{ value: "50.0" }, { value: "4" }], decision: "continue", next_review_on: day(42) });
  assert.equal(again.status, 422);
  assert.equal(again.body.errors[0].field, "held_on");
});

test("an EHC-plan pupil's review needs the LA invited; extending moves the planned end date", async () => {
  const end = wp.sql("SELECT planned_end_date FROM placements WHERE id = 3");
  const base = { held_on: day(0), attendees: ["pupil", "parents", "local_authority"], pupil_voice: "Fine", parent_voice: "Happy", decision: "extend", next_review_on: day(30) };
  const missing = await api("school", "POST", "/placements/3/reviews", { ...base, extended_to: end });
  assert.deepEqual(missing.body.errors.map((e) => e.field), ["la_invited_on", "extended_to"]);
  const extended = new Date(Date.parse(end + "T12:00:00Z") + 28 * 86400000).toISOString().slice(0, 10);
  const ok = await api("school", "POST", "/placements/3/reviews", { ...base, la_invited_on: day(-7), extended_to: extended });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(wp.sql("SELECT planned_end_date FROM placements WHERE id = 3"), extended);
  assert.equal((await api("school", "GET", `/reviews/${ok.body.id}`)).body.la_invited_on, day(-7));
});

test("a parent reads their child's review summary and its PDF, and nobody reaches a review that is not theirs", async () => {
  const aisha = wp.sql("SELECT id FROM reviews WHERE placement_id = 1");
  const callum = wp.sql("SELECT id FROM reviews WHERE placement_id = 3");
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  const page = decode((await parent.get(`/reviews/${aisha}`)).text);
  assert.match(page, /What the pupil said<\/h2>\s*<p class="govuk-body">I like the workshop mornings/);
  assert.match(page, /Secure fractions: now 5\. Baseline 2 on [0-9-]+; target 5 by [0-9-]+\. The records showed 4/);
  assert.match(page, /Next review: /);
  const pdf = await parent.get(`/reviews/${aisha}/summary.pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.ok(pdf.text.startsWith("%PDF-"));
  const viaApi = await api("parent", "GET", `/reviews/${aisha}`);
  assert.equal(viaApi.status, 200);
  // The API's summary is the page's words, section by section.
  assert.deepEqual(viaApi.body.summary.map((s) => s.heading).filter(Boolean), [...page.matchAll(/<h2 class="govuk-heading-m">([^<]+)<\/h2>/g)].map((m) => m[1]));
  assert.match(viaApi.body.summary.find((s) => s.heading === "What the pupil said").lines[0], /^I like the workshop mornings/);
  // Not another child's, and no recording.
  assert.equal((await parent.get(`/reviews/${callum}`)).status, 404);
  assert.equal((await api("parent", "GET", `/reviews/${callum}`)).status, 404);
  assert.equal((await parent.get("/placements/3/reviews")).status, 404);
  assert.equal((await parent.get("/placements/1/reviews/new")).status, 403);
  assert.equal((await api("parent", "POST", "/placements/1/review-requests", { requested_by: "parent", requester_name: "Chris", requested_on: day(0) })).status, 403);
  // Another school's AP lead and another provider's staff get nothing by changing the id.
  assert.equal((await api("riverside", "GET", `/reviews/${aisha}`)).status, 404);
  assert.equal((await api("riverside", "GET", "/placements/1/reviews")).status, 404);
  assert.deepEqual((await api("riverside", "GET", "/reviews/due")).body.reviews_due, []);
  const northgate = wp.client();
  await northgate.signIn("staff@northgate.example");
  assert.equal((await northgate.get(`/reviews/${aisha}`)).status, 404);
  assert.equal((await northgate.get(`/reviews/${aisha}/summary.pdf`)).status, 404);
  // The placement's own provider reads the review; it does not record one.
  assert.equal((await api("tutor", "GET", `/reviews/${aisha}`)).status, 200);
  assert.equal((await api("tutor", "POST", "/placements/1/reviews", {})).status, 403);
  assert.equal((await api("school", "GET", "/reviews/999999")).status, 404);
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'review.view'")) >= 3, "reads are audited");
});

test("the review, return and outcome routes are in the OpenAPI document the server publishes", async () => {
  const doc = await (await fetch(wp.url + "/api/v1/openapi.json")).json();
  for (const [path, method] of [["/placements/{id}/reviews", "get"], ["/placements/{id}/reviews", "post"], ["/placements/{id}/review-requests", "post"],
    ["/reviews/due", "get"], ["/reviews/{id}", "get"], ["/placements/{id}/return", "get"], ["/placements/{id}/return", "put"],
    ["/placements/{id}/return/steps/{step}", "post"], ["/placements/{id}/return/follow-ups", "post"], ["/outcomes", "get"]])
    assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  assert.ok(doc.paths["/placements/{id}/end"].post.requestBody.content["application/json"].schema.properties.destination);
});
