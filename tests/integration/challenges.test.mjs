import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode, errorMessages } from "../support/waypoint.mjs";

// Challenges to Bridgeway about Aisha's placement (1): Oakfield raises one, Bridgeway's manager
// answers, and Oakfield is satisfied; a second is still open the day after its date and so is with the
// LA, which settles it; the outcomes make Bridgeway's record. Aisha's father raises his own, which the
// school sees and he alone of the family reads.
let wp, lead, manager, officer, parent, tokens;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const boxes = (field, iso) => {
  const [y, m, d] = iso.split("-");
  return { [`${field}-day`]: String(Number(d)), [`${field}-month`]: String(Number(m)), [`${field}-year`]: y };
};
const suggested = (html) => {
  const v = (name) => decode(html).match(new RegExp(`name="answer_by-${name}"[^>]*value="(\\d*)"`))[1];
  return `${v("year")}-${v("month").padStart(2, "0")}-${v("day").padStart(2, "0")}`;
};

before(async () => {
  wp = await startWaypoint();
  [lead, manager, officer, parent] = [wp.client(), wp.client(), wp.client(), wp.client()];
  await lead.signIn(DEMO.apLead);
  await manager.signIn(DEMO.providerManager);
  await officer.signIn(DEMO.laOfficer);
  await parent.signIn(DEMO.parent);
  tokens = Object.fromEntries(["apLead", "providerManager", "providerStaff", "laOfficer", "parent", "pupil"].map((k) => [k, wp.cli(["token", "create", "--email", DEMO[k]]).stdout.trim()]));
});
after(() => wp?.stop());

test("the school raises a challenge; the provider answers; the school is satisfied", async () => {
  const form = (await lead.get("/placements/1/challenges")).text;
  assert.match(decode(form), /A worry about a child's safety is not a challenge/);
  const by = suggested(form);
  assert.ok(by > day(6), `ten school days on: ${by}`);
  const blank = await lead.post("/placements/1/challenges", {});
  assert.deepEqual(errorMessages(blank.text).map((e) => e.field), ["category", "what_happened", "asked_for", "answer_by"]);
  const soon = await lead.post("/placements/1/challenges", { category: "attendance_not_reported", what_happened: "No registers for three days", asked_for: "Registers each session", ...boxes("answer_by", day(1)) });
  assert.deepEqual(errorMessages(soon.text).map((e) => e.field), ["answer_by"]);
  assert.match(errorMessages(soon.text)[0].message, /^Give the provider at least 5 school days to answer: /);
  const made = await lead.post("/placements/1/challenges", { category: "attendance_not_reported", what_happened: "No registers for three days", asked_for: "Registers each session", ...boxes("answer_by", by) });
  assert.equal(made.status, 303, JSON.stringify(errorMessages(made.text)));
  const id = wp.sql("SELECT MAX(id) FROM provider_challenges");

  assert.match(await text(manager, `/challenges/${id}`), /Waiting for the provider .* No registers for three days/);
  assert.equal((await lead.post(`/challenges/${id}/answer`, { reply: "Not me" })).status, 403, "the school does not answer for the provider");
  await manager.get(`/challenges/${id}`);
  const empty = await manager.post(`/challenges/${id}/answer`, { reply: " " });
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["reply"]);
  assert.equal((await manager.post(`/challenges/${id}/answer`, { reply: "Our tutor was off sick; registers are now sent by the office" })).status, 303);
  assert.equal((await manager.post(`/challenges/${id}/answer`, { reply: "Again" })).status, 422, "answered once");
  assert.equal((await manager.post(`/challenges/${id}/resolve`, { step: "resolved" })).status, 403, "the provider does not close it");
  await lead.get(`/challenges/${id}`);
  assert.equal((await lead.post(`/challenges/${id}/resolve`, { step: "resolved" })).status, 303);
  assert.match(await text(lead, `/challenges/${id}`), /Resolved .* registers are now sent by the office/);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE entity = 'provider_challenge' AND entity_id = ${id} AND action IN ('challenge.raise', 'challenge.answer', 'challenge.resolve')`), "3");
});

test("a challenge still open the day after its date is with the LA, which settles it into the provider's record", async () => {
  const far = await wp.api(tokens.apLead, "POST", "/placements/1/challenges", { category: "teaching", what_happened: "No maths taught this half term", asked_for: "A maths teacher twice a week", answer_by: day(61) });
  assert.equal(far.status, 422, "within 60 days");
  assert.equal(far.body.errors[0].field, "answer_by");
  const soonest = suggested((await lead.get("/placements/1/challenges")).text);
  const made = await wp.api(tokens.apLead, "POST", "/placements/1/challenges", { category: "teaching", what_happened: "No maths taught this half term", asked_for: "A maths teacher twice a week", answer_by: soonest });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id;
  assert.equal((await wp.api(tokens.laOfficer, "POST", `/challenges/${id}/settle`, { outcome: "upheld", note: "Too soon" })).status, 422, "not with the LA yet");
  wp.sql(`UPDATE provider_challenges SET answer_by = '${day(-1)}' WHERE id = ${id}`);  // its date has passed
  assert.equal((await wp.api(tokens.apLead, "GET", `/challenges/${id}`)).body.state, "With the local authority");
  assert.equal((await wp.api(tokens.apLead, "POST", `/challenges/${id}/resolve`, { step: "resolved" })).status, 422, "the LA's now");
  assert.match(await text(officer, "/"), /Challenges to providers/);
  assert.match(await text(officer, "/area/challenges"), /Teaching and learning Aisha Walker, Oakfield Academy Bridgeway Pupil Referral Unit .* With the local authority/);
  const wrong = await wp.api(tokens.laOfficer, "POST", `/challenges/${id}/settle`, { outcome: "guilty", note: ["a", 1] });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.errors[0].field, "note");
  await officer.get(`/challenges/${id}`);
  const bare = await officer.post(`/challenges/${id}/settle`, { outcome: "", note: "" });
  assert.deepEqual(errorMessages(bare.text).map((e) => e.field), ["outcome", "note"]);
  assert.equal((await officer.post(`/challenges/${id}/settle`, { outcome: "partly_upheld", note: "Maths resumes with a visiting teacher from January" })).status, 303);
  const area = (await wp.api(tokens.laOfficer, "GET", "/area/challenges")).body;
  const bridgeway = area.quality.find((q) => q.provider_id === 5);
  assert.deepEqual([bridgeway.upheld, bridgeway.partly_upheld, bridgeway.not_upheld, bridgeway.open], [0, 1, 0, 0]);
  assert.match(await text(lead, `/challenges/${id}`), /Settled by the local authority .* Partly upheld: Maths resumes/);
  // Sent on early by the one who raised it.
  const early = await wp.api(tokens.apLead, "POST", "/placements/1/challenges", { category: "cost", what_happened: "Invoiced for days Aisha was not there", asked_for: "A corrected invoice", answer_by: soonest });
  assert.equal((await wp.api(tokens.apLead, "POST", `/challenges/${early.body.id}/resolve`, { step: "refer" })).status, 204);
  assert.equal((await wp.api(tokens.apLead, "GET", `/challenges/${early.body.id}`)).body.state, "With the local authority");
});

test("a parent challenges about their child's placement and reads only their own; the pupil and others cannot", async () => {
  const form = (await parent.get("/placements/1/challenges")).text;
  assert.doesNotMatch(decode(form), /No registers for three days/, "the school's challenges are the school's");
  const by = suggested(form);
  assert.equal((await parent.post("/placements/1/challenges", { category: "communication", what_happened: "Nobody told me about the timetable change", asked_for: "A call before any change", ...boxes("answer_by", by) })).status, 303);
  const id = wp.sql("SELECT MAX(id) FROM provider_challenges");
  assert.match(await text(parent, "/placements/1/challenges"), /Communication/);
  assert.equal((await parent.get(`/challenges/${id}`)).status, 200);
  const schools = wp.sql("SELECT MIN(id) FROM provider_challenges");
  assert.equal((await parent.get(`/challenges/${schools}`)).status, 403);
  assert.match(await text(lead, `/challenges/${id}`), /Nobody told me about the timetable change/, "the school sees the parent's");
  assert.equal((await lead.post(`/challenges/${id}/resolve`, { step: "resolved" })).status, 403, "only the parent settles their own");
  assert.equal((await wp.api(tokens.pupil, "GET", "/placements/1/challenges")).status, 403);
  assert.equal((await wp.api(tokens.providerStaff, "POST", "/placements/1/challenges", { category: "other", what_happened: "x", asked_for: "y", answer_by: by })).status, 403);
  assert.equal((await wp.api(tokens.providerStaff, "POST", `/challenges/${id}/answer`, { reply: "x" })).status, 403, "the provider's manager answers");
  assert.equal((await wp.api(tokens.apLead, "GET", "/challenges/999999")).status, 404);
  const long = await wp.api(tokens.parent, "POST", "/placements/1/challenges", { category: "other", what_happened: "x".repeat(10001), asked_for: "y", answer_by: by });
  assert.equal(long.status, 422);
  assert.equal(long.body.errors[0].field, "what_happened");
});
