import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, recentRegisterDay } from "../support/waypoint.mjs";

// Registers, alerts, progress and concerns through the JSON API, with the pages' scope.
let wp;
const tokens = {};
let date;
before(async () => {
  wp = await startWaypoint();
  for (const [who, email] of Object.entries({ tutor: DEMO.providerStaff, school: DEMO.apLead, dsl: DEMO.dsl, officer: DEMO.laOfficer, lado: DEMO.designatedOfficer, parent: DEMO.parent }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  date = await recentRegisterDay(tutor, "Aisha Walker");
});
after(async () => wp.stop());

const api = (who, ...call) => wp.api(tokens[who], ...call);

test("a provider takes a register through the API; an N reaches the DSL's inbox; others cannot mark or read", async () => {
  const register = await api("tutor", "GET", `/register?date=${date}&session=am`);
  assert.equal(register.status, 200);
  assert.ok(register.body.entries.some((e) => e.name === "Aisha Walker"));
  const stranger = await api("tutor", "POST", "/register", { date, session: "am", marks: [{ pupil_id: 2, mark: "present" }] });
  assert.equal(stranger.status, 422);
  assert.deepEqual(stranger.body.errors, [{ field: "marks[0].mark", message: "This pupil is not placed with you for this session" }]);
  // Each refused mark is named where it was sent: its place in marks and the field in it.
  const refused = await api("tutor", "POST", "/register", {
    date,
    session: "am",
    marks: [{ pupil_id: 2, mark: "present" }, { pupil_id: 1, mark: "late", minutes_late: "9999" }],
  });
  assert.equal(refused.status, 422);
  assert.deepEqual(refused.body.errors.map((e) => e.field), ["marks[0].mark", "marks[1].minutes_late"]);
  assert.match(refused.body.errors[1].message, /minutes late, from 1 to 300/);
  const noReason = await api("tutor", "POST", "/register", { date, session: "am", marks: [{ pupil_id: 1, mark: "absent", absence_code: "ZZ" }] });
  assert.equal(noReason.status, 422);
  assert.deepEqual(noReason.body.errors.map((e) => e.field), ["marks[0].absence_code"]);
  const taken = await api("tutor", "POST", "/register", { date, session: "am", marks: [{ pupil_id: 1, mark: "absent", absence_code: "N" }] });
  assert.equal(taken.status, 200);
  assert.equal(taken.body.entries.find((e) => e.pupil_id === 1).mark.provider_code, "N");
  assert.equal((await api("school", "POST", "/register", { date, session: "am", marks: [{ pupil_id: 1, mark: "present" }] })).status, 403);

  const inbox = await api("dsl", "GET", "/alerts");
  const alert = inbox.body.items.find((a) => a.kind === "unexplained_absence" && a.pupil_id === 1);
  assert.ok(alert, "the DSL's alert");
  assert.equal((await api("school", "GET", `/alerts/${alert.id}`)).status, 404);
  assert.equal((await api("dsl", "POST", `/alerts/${alert.id}/close`, { outcome: "" })).status, 422);
  assert.equal((await api("dsl", "POST", `/alerts/${alert.id}/actions`, { action: "contacted_parent" })).status, 201);
  assert.equal((await api("dsl", "POST", `/alerts/${alert.id}/close`, { outcome: "pupil_safe" })).status, 200);
  assert.equal((await api("dsl", "GET", `/alerts/${alert.id}`)).body.outcome, "pupil_safe");

  const attendance = await api("school", "GET", "/pupils/1/attendance");
  assert.equal(attendance.status, 200);
  assert.ok(attendance.body.marks.some((m) => m.date === date && m.mark.provider_code === "N"));
  assert.equal((await api("tutor", "GET", "/pupils/2/attendance")).status, 404);
  assert.equal((await api("school", "GET", "/today")).status, 200);
  assert.equal((await api("tutor", "GET", "/today")).status, 403);
});

test("progress and incidents through the API; a provider reads only its own", async () => {
  const bad = await api("tutor", "POST", "/placements/1/progress", { date: day(0), period: "day", engagement: 9 });
  assert.deepEqual(bad.body.errors.map((e) => e.field), ["engagement"]);
  assert.equal((await api("tutor", "POST", "/placements/1/progress", { date: day(0), period: "day", engagement: 3, work_covered: "Essay plan" })).status, 201);
  assert.equal((await api("tutor", "POST", "/placements/1/incidents", { date: day(0), severity: "low", description: "Late back from break" })).status, 201);
  const progress = await api("school", "GET", "/pupils/1/progress");
  assert.equal(progress.body.logs.at(-1).engagement, 3);
  assert.equal(progress.body.incidents[0].description, "Late back from break");
  assert.equal(progress.body.weeks.at(-1).mean_engagement, 3);
  assert.equal((await api("school", "POST", "/placements/1/progress", { date: day(0), period: "day", engagement: 3 })).status, 403);
});

test("concerns through the API: recorded by the tutor, read by the DSL and the LA's designated officer only", async () => {
  const made = await api("tutor", "POST", "/pupils/1/concerns", { category: "neglect", happened_on: day(0), what_happened: "Hungry again" });
  assert.equal(made.status, 201);
  const id = made.body.id;
  assert.equal((await api("dsl", "GET", `/concerns/${id}`)).body.what_happened, "Hungry again");
  assert.equal((await api("lado", "GET", `/concerns/${id}`)).status, 200);
  for (const who of ["tutor", "school", "officer", "parent"]) assert.equal((await api(who, "GET", `/concerns/${id}`)).status, 404, who);
  assert.equal((await api("school", "GET", "/pupils/1/concerns")).status, 404);
  assert.equal((await api("dsl", "GET", "/pupils/1/concerns")).body.items[0].id, id);
  assert.equal((await api("dsl", "POST", `/concerns/${id}/follow-ups`, { note: "" })).status, 422);
  assert.equal((await api("dsl", "POST", `/concerns/${id}/follow-ups`, { note: "Early help" })).status, 201);
});

test("every new route is in the OpenAPI document the server publishes", async () => {
  const doc = await (await fetch(wp.url + "/api/v1/openapi.json")).json();
  for (const path of ["/register", "/today", "/pupils/{id}/attendance", "/pupils/{id}/progress", "/placements/{id}/progress", "/placements/{id}/incidents", "/alerts", "/alerts/{id}", "/alerts/{id}/actions", "/alerts/{id}/close", "/pupils/{id}/concerns", "/concerns/{id}", "/concerns/{id}/follow-ups"])
    assert.ok(doc.paths[path], path);
});
