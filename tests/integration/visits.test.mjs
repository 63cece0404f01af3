import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode, dateText, errorMessages } from "../support/waypoint.mjs";

// Oakfield's monitoring visits to Bridgeway for Aisha (placement 1): what a visit record needs, the
// schedule and when the next visit is due, visits due on the AP lead's home page, who may record and
// read them, and the LA's record across its area.
let wp, lead, token;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const boxes = (field, iso) => {
  const [y, m, d] = iso.split("-");
  return { [`${field}-day`]: String(Number(d)), [`${field}-month`]: String(Number(m)), [`${field}-year`]: y };
};

before(async () => {
  wp = await startWaypoint();
  lead = wp.client();
  await lead.signIn(DEMO.apLead);
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
});
after(() => wp?.stop());

test("a visit needs its date, who went, whether the pupil was seen learning and what was seen; each action an owner and a date", async () => {
  const page = await text(lead, "/placements/1/visits");
  assert.match(page, /The school visits each half term/);
  assert.match(page, /No visit recorded yet/);
  const blank = await lead.post("/placements/1/visits", {});
  assert.equal(blank.status, 422);
  assert.deepEqual(errorMessages(blank.text).map((e) => e.field), ["visited_on", "visitors", "pupil_seen_learning", "what_seen"]);
  const future = await lead.post("/placements/1/visits", { ...boxes("visited_on", day(1)), visitors: "Priya Shah", pupil_seen_learning: "yes", what_seen: "Maths" });
  assert.deepEqual(errorMessages(future.text), [{ field: "visited_on", message: "The date of the visit must be today or in the past" }]);
  const half = await lead.post("/placements/1/visits", { ...boxes("visited_on", day(0)), visitors: "Priya Shah", pupil_seen_learning: "yes", what_seen: "Maths", owner_2: "Sam Taylor" });
  assert.deepEqual(errorMessages(half.text).map((e) => e.field), ["action_2", "due_on_2"]);
  assert.match(decode(half.text), /name="owner_2" type="text" value="Sam Taylor"/, "what was typed stays");
  assert.equal(wp.sql("SELECT COUNT(*) FROM provider_visits"), "0");

  const made = await lead.post("/placements/1/visits", {
    ...boxes("visited_on", day(0)), visitors: "Priya Shah, AP lead", pupil_seen_learning: "yes",
    what_seen: "Aisha working through a GCSE maths paper with her tutor, settled and on task",
    safeguarding: "Visitor signing-in book not checked at reception",
    action_1: "Check visitors' ID at reception", owner_1: "Sam Taylor", ...boxes("due_on_1", day(7)),
  });
  assert.equal(made.status, 303, made.text);
  const shown = await text(lead, "/placements/1/visits?done=recorded");
  assert.match(shown, /Visit recorded/);
  assert.match(shown, new RegExp(`${dateText(day(0))} Seen learning`));
  assert.match(shown, new RegExp(`Check visitors' ID at reception: Sam Taylor, by ${dateText(day(7))}`));
  assert.match(shown, /Visitor signing-in book not checked at reception/);
  const api = (await wp.api(token, "GET", "/placements/1/visits")).body;
  assert.equal(api.visits.length, 1);
  assert.equal(api.visits[0].actions.length, 1, "the empty rows of the form are not actions");
  if (api.next?.due_on) assert.ok(api.next.due_on > day(0), "just visited: the next visit is after today");
});

test("the schedule sets when the next visit is due; a visit long ago makes it overdue on the AP lead's home page and the LA's list", async () => {
  await lead.get("/placements/1/visits");
  const nonsense = await lead.post("/placements/1/visit-schedule", { visit_every: "weekly" });
  assert.deepEqual(errorMessages(nonsense.text).map((e) => e.field), ["visit_every"]);
  assert.equal((await lead.post("/placements/1/visit-schedule", { visit_every: "two_weeks" })).status, 303);
  const every = (await wp.api(token, "GET", "/placements/1/visits")).body;
  assert.equal(every.visit_every, "two_weeks");
  if (every.next.due_on) assert.ok(every.next.due_on >= day(14), `two weeks on at the earliest: ${every.next.due_on}`);

  wp.sql(`UPDATE provider_visits SET visited_on = '${day(-200)}'`);
  const overdue = (await wp.api(token, "GET", "/placements/1/visits")).body.next;
  assert.equal(overdue.overdue, true, JSON.stringify(overdue));
  const home = await text(lead, "/");
  assert.match(home, /Visits to providers due .* Aisha Walker Bridgeway Pupil Referral Unit .* Overdue/);

  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  assert.match(await text(officer, "/"), /Visits to providers/);
  const area = await text(officer, "/area/visits");
  assert.match(area, /Placements whose visit is overdue .* Aisha Walker Oakfield Academy Bridgeway Pupil Referral Unit/);
  const areaApi = (await wp.api(wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim(), "GET", "/area/visits")).body;
  assert.ok(areaApi.overdue.some((o) => o.placement_id === 1));
  assert.equal(areaApi.visits.length, day(-200) >= areaApi.from ? 1 : 0, "this academic year's visits");
});

test("who records and who reads: the commissioning school records; the provider reads; a parent and other staff do not", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  assert.equal((await manager.get("/placements/1/visits")).status, 200, "the provider reads the visits to it");
  assert.doesNotMatch(await text(manager, "/placements/1/visits"), /Record a visit/);
  await manager.get("/placements/1/visits");
  assert.equal((await manager.post("/placements/1/visits", { ...boxes("visited_on", day(0)), visitors: "Me", pupil_seen_learning: "yes", what_seen: "x" })).status, 403);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/placements/1/visits")).status, 403);
  assert.doesNotMatch(await text(parent, "/placements/1"), /\/visits/);
  const pupil = wp.client();
  await pupil.signIn(DEMO.pupil);
  assert.equal((await pupil.get("/placements/1/visits")).status, 403);
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.get("/placements/1/visits")).status, 200);
  assert.equal((await lead.get("/area/visits")).status, 403, "the LA's view");
  assert.equal((await lead.get("/placements/999999/visits")).status, 404);
});

test("the API records a visit with its actions; wrong types are refused naming the field", async () => {
  const notAList = await wp.api(token, "POST", "/placements/1/visits", { visited_on: day(0), visitors: "Priya", pupil_seen_learning: "no", what_seen: "Empty room", actions: "call them" });
  assert.equal(notAList.status, 422);
  assert.equal(notAList.body.errors[0].field, "actions");
  const notAnObject = await wp.api(token, "POST", "/placements/1/visits", { visited_on: day(0), visitors: "Priya", pupil_seen_learning: "no", what_seen: "Empty room", actions: ["call them"] });
  assert.equal(notAnObject.status, 422);
  assert.equal(notAnObject.body.errors[0].field, "action_1");
  const badDate = await wp.api(token, "POST", "/placements/1/visits", { visited_on: 20261201, visitors: "Priya", pupil_seen_learning: "no", what_seen: "Empty room" });
  assert.equal(badDate.status, 422);
  assert.equal(badDate.body.errors[0].field, "visited_on");
  const long = await wp.api(token, "POST", "/placements/1/visits", { visited_on: day(0), visitors: "x".repeat(10000), pupil_seen_learning: "no", what_seen: "Empty room" });
  assert.equal(long.status, 422);
  assert.equal(long.body.errors[0].field, "visitors");
  const made = await wp.api(token, "POST", "/placements/1/visits", {
    visited_on: day(0), visitors: "Priya Shah", pupil_seen_learning: "no", what_seen: "Aisha was not in the room; the tutor said she was in the quiet room",
    actions: [{ action: "Send the day's register by 10am", owner: "Jo Brennan", due_on: day(1) }, { action: "Call Aisha's father", owner: "Priya Shah", due_on: day(0) }],
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const latest = (await wp.api(token, "GET", "/placements/1/visits")).body.visits[0];
  assert.equal(latest.pupil_seen_learning, false);
  assert.deepEqual(latest.actions.map((a) => a.owner), ["Jo Brennan", "Priya Shah"]);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'visit.record' AND entity_id = ${made.body.id}`), "1");
});
