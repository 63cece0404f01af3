import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, decode, day, dateText, errorMessages, agreePlan, attendanceObjective } from "../support/waypoint.mjs";

// Aisha tells her school how it is going; the next review of her placement shows her words beside
// the adults' views. Her father does not read them; the provider and the LA do.
let wp, school, parent, tokens = {};
const said = { answered_on: day(0), feeling: "good", helps: "The workshop mornings", does_not_help: "The long bus ride", wants_next: "More maths", back_to_school: "not_yet", how: "told_staff" };

before(async () => {
  wp = await startWaypoint();
  for (const [who, email] of [["lead", DEMO.apLead], ["parent", DEMO.parent], ["tutor", DEMO.providerStaff], ["officer", DEMO.laOfficer]])
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  parent = wp.client();
  await parent.signIn(DEMO.parent);
});
after(() => wp?.stop());

const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("the school records what the pupil said; a feeling and the answer about school are needed", async () => {
  assert.match(await text(school, "/pupils/1/voice"), /Aisha has not been asked this half term/);
  const empty = await school.post("/pupils/1/voice", {});
  assert.equal(empty.status, 422);
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["answered_on", "feeling", "back_to_school", "how"]);
  const own = await wp.api(tokens.lead, "POST", "/pupils/1/voice", { ...said, how: "in_waypoint" });
  assert.deepEqual(own.body.errors.map((e) => e.field), ["how"], "only the pupil answers in Waypoint");
  const ahead = await wp.api(tokens.lead, "POST", "/pupils/1/voice", { ...said, answered_on: day(1) });
  assert.deepEqual(ahead.body.errors.map((e) => e.field), ["answered_on"]);
  const [y, m, d] = day(0).split("-");
  const { answered_on, ...rest } = said;
  assert.equal(answered_on, day(0));
  assert.equal((await school.post("/pupils/1/voice", { ...rest, "answered_on-day": d, "answered_on-month": m, "answered_on-year": y })).status, 303);
  const page = await text(school, "/pupils/1/voice");
  assert.match(page, new RegExp(`${dateText(day(0))} ?: Good`));
  assert.match(page, /What does not help The long bus ride/);
  assert.match(page, /Back to school\? Not yet/);
  assert.doesNotMatch(page, /has not been asked this half term/);
});

test("the next review shows the pupil's own words, to the school but not to the parents", async () => {
  await agreePlan(school, 1, [attendanceObjective()]);
  const form = await text(school, "/placements/1/reviews/new");
  assert.match(form, /What the pupil has said since .* in their own words/);
  assert.match(form, /The workshop mornings/);
  const held = await wp.api(tokens.lead, "POST", "/placements/1/reviews", { held_on: day(0), attendees: ["pupil", "parents"], pupil_voice: "Happier", parent_voice: "Good", objectives: [{ value: "50", change_reason: "From the school's register" }], decision: "continue", next_review_on: day(42) });
  assert.equal(held.status, 201, JSON.stringify(held.body));
  const review = held.body.id;
  assert.match(await text(school, `/reviews/${review}`), /In the pupil's own words .* More maths/);
  const seen = await text(parent, `/reviews/${review}`);
  assert.doesNotMatch(seen, /In the pupil's own words|The long bus ride/, "a parent reads the summary, not the child's private answers");
});

test("the provider and the LA read the pupil's words; a parent does not; nobody but the school records them", async () => {
  assert.equal((await wp.api(tokens.tutor, "GET", "/pupils/1/voice")).body.answers.length, 1);
  assert.equal((await wp.api(tokens.officer, "GET", "/pupils/1/voice")).body.answers.length, 1);
  assert.equal((await wp.api(tokens.parent, "GET", "/pupils/1/voice")).status, 403);
  assert.equal((await wp.api(tokens.tutor, "POST", "/pupils/1/voice", said)).status, 403);
  assert.equal((await wp.api(tokens.parent, "GET", "/pupils/2/voice")).status, 404);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'pupil_voice.record'"), "1");
});
