import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages, decode, day } from "../support/waypoint.mjs";

// Aisha (pupil 1, Oakfield Academy) is placed at Bridgeway; her tutor there records a concern.
let wp;
let concern;
before(async () => {
  wp = await startWaypoint();
  for (const [email, role, org] of [["dsl@hillside.example", "school_dsl", "3"], ["deputy@oakfield.example", "ap_lead", "2"]]) {
    const made = wp.cli(["user", "add", "--email", email, "--name", email.split("@")[0], "--role", role, "--organisation-id", org], DEMO_PASSWORD + "\n");
    assert.equal(made.status, 0, made.stderr);
  }
});
after(async () => wp.stop());

const signedIn = async (email) => {
  const c = wp.client();
  await c.signIn(email);
  return c;
};

test("anyone working with the pupil records a concern; bad input is named and nothing is saved", async () => {
  const tutor = await signedIn(DEMO.providerStaff);
  await tutor.get("/pupils/1/concerns/new");
  const empty = await tutor.post("/pupils/1/concerns", { category: "", happened_on: "", what_happened: "  " });
  assert.equal(empty.status, 422);
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["category", "happened_on", "what_happened"]);
  const future = await tutor.post("/pupils/1/concerns", { category: "neglect", happened_on: day(1), what_happened: "Hungry" });
  assert.deepEqual(errorMessages(future.text), [{ field: "happened_on", message: "Date cannot be in the future" }]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM safeguarding_concerns"), "0");

  const saved = await tutor.post("/pupils/1/concerns", {
    category: "neglect", happened_on: day(0), what_happened: "Came in without a coat again and said \"there's no food at home\".", action_taken: "Gave breakfast",
  });
  assert.equal(saved.status, 303);
  assert.equal(saved.location, "/pupils/1/concerns?done=recorded");
  concern = wp.sql("SELECT id FROM safeguarding_concerns WHERE pupil_id = 1");
  const after = decode((await tutor.get(saved.location)).text);
  assert.match(after, /Concern recorded and passed to the designated safeguarding lead/);
  assert.doesNotMatch(after, /no food at home/, "the person who recorded it does not read the list");
  assert.equal(wp.sql(`SELECT for_role FROM alerts WHERE kind = 'safeguarding_concern' AND pupil_id = 1`), "school_dsl");

  const parent = await signedIn(DEMO.parent);
  assert.equal((await parent.get("/pupils/1/concerns/new")).status, 403);
});

test("a concern is read by the home school's DSL and the LA's designated officer, not by the AP lead, other LA officers, the provider or another school", async () => {
  const reads = async (email) => (await (await signedIn(email)).get(`/concerns/${concern}`)).status;
  assert.equal(await reads(DEMO.dsl), 200);
  assert.equal(await reads(DEMO.designatedOfficer), 200);
  for (const email of [DEMO.apLead, DEMO.head, DEMO.laOfficer, DEMO.providerStaff, DEMO.providerManager, DEMO.parent, "dsl@hillside.example"])
    assert.equal(await reads(email), 404, email);
  const dsl = await signedIn(DEMO.dsl);
  assert.match(decode((await dsl.get(`/concerns/${concern}`)).text), /there's no food at home/);
  assert.match(decode((await dsl.get("/pupils/1/concerns")).text), new RegExp(`href="/concerns/${concern}"`));
  assert.doesNotMatch(decode((await (await signedIn(DEMO.apLead)).get("/pupils/1/concerns")).text), /href="\/concerns\/\d+"/);
  assert.equal((await (await signedIn("dsl@hillside.example")).get("/pupils/1/concerns")).status, 404);
  assert.ok(Number(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'concern.view' AND entity_id = ${concern}`)) >= 3, "every view audited");
  assert.ok(Number(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'concern.view_refused' AND entity_id = ${concern}`)) >= 7);
  const lado = await signedIn(DEMO.designatedOfficer);
  assert.match(decode((await lado.get("/pupils/1/concerns")).text), new RegExp(`href="/concerns/${concern}"`));
  assert.equal((await lado.get("/placements")).status, 403, "the designated officer reads concerns, not placements");
});

test("the DSL allows a colleague to read concerns, and takes it back", async () => {
  const dsl = await signedIn(DEMO.dsl);
  await dsl.get("/concerns/readers");
  const stranger = await dsl.post("/concerns/readers", { email: "manager@bridgeway.example" });
  assert.deepEqual(errorMessages(stranger.text), [{ field: "email", message: "Enter the email address of a colleague with an account at Oakfield Academy" }]);
  assert.equal((await dsl.post("/concerns/readers", { email: "deputy@oakfield.example" })).status, 303);
  const deputy = await signedIn("deputy@oakfield.example");
  assert.equal((await deputy.get(`/concerns/${concern}`)).status, 200);
  assert.equal((await (await signedIn(DEMO.apLead)).get(`/concerns/${concern}`)).status, 404, "only the one allowed");
  const id = wp.sql("SELECT id FROM users WHERE email = 'deputy@oakfield.example'");
  await dsl.get("/concerns/readers");
  assert.equal((await dsl.post(`/concerns/readers/${id}/remove`)).status, 303);
  assert.equal((await deputy.get(`/concerns/${concern}`)).status, 404);
  assert.equal((await (await signedIn(DEMO.apLead)).get("/concerns/readers")).status, 403, "the DSL's decision");
});

test("a concern is never changed: follow-ups add to it, and only its readers add them", async () => {
  const dsl = await signedIn(DEMO.dsl);
  await dsl.get(`/concerns/${concern}`);
  const empty = await dsl.post(`/concerns/${concern}/follow-ups`, { note: " " });
  assert.deepEqual(errorMessages(empty.text), [{ field: "note", message: "Say what was done or decided" }]);
  assert.equal((await dsl.post(`/concerns/${concern}/follow-ups`, { note: "Spoke to dad; early help referral made" })).status, 303);
  assert.match(decode((await dsl.get(`/concerns/${concern}`)).text), /Spoke to dad; early help referral made/);
  const tutor = await signedIn(DEMO.providerStaff);
  await tutor.get("/pupils/1/concerns/new");
  assert.equal((await tutor.post(`/concerns/${concern}/follow-ups`, { note: "Changing it" })).status, 404);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM concern_follow_ups WHERE concern_id = ${concern}`), "1");
  for (const method of ["PUT", "DELETE", "PATCH"]) assert.notEqual((await dsl.request(method, `/concerns/${concern}`)).status, 200, method);
  assert.match(wp.sql(`SELECT what_happened FROM safeguarding_concerns WHERE id = ${concern}`), /no food at home/);
});
