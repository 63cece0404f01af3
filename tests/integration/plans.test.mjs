import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode } from "../support/waypoint.mjs";

// Placement 1 is Aisha's at Bridgeway; the demo parent is hers. Aisha has no EHC plan.
let wp;
let school;
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(async () => wp.stop());

const objective = (n, o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`objective_${n}_${k}`, v]));
const attendance = {
  area: "attendance", description: "Attend every timetabled session", baseline_value: "62%", baseline_date: "2026-10-01",
  baseline_source: "Oakfield register, autumn 1", target: "90", measure: "Attendance at Bridgeway and Oakfield", unit: "%",
  target_date: "2027-02-12", responsible: "Key worker at Bridgeway",
};
const plan = (extra = {}) => ({
  objective_count: "2", ...objective(1, attendance), monitoring: "Weekly logs; reviewed every six weeks",
  curriculum_fit: "GCSE English and maths continue at Bridgeway", pupil_views: "Wants to get back to Oakfield",
  parent_views: "Supports the plan", ...extra,
});
const versions = () => wp.sql("SELECT version || ':' || status FROM plan_versions WHERE placement_id = 1 ORDER BY version");

test("a plan is drafted, checked, agreed, and changed only by making a new version", async () => {
  await school.get("/placements/1/plan");
  const bad = await school.post("/placements/1/plan", plan({ ...objective(2, { area: "maths", target_date: "2027-02-30" }) }));
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field).slice(0, 3), ["objective_2_description", "objective_2_baseline_value", "objective_2_baseline_date"]);
  assert.equal(versions(), "");

  assert.equal((await school.post("/placements/1/plan", plan({ pupil_views: "" }))).status, 303);
  const early = await school.post("/placements/1/plan/agree");
  assert.deepEqual(errorMessages(early.text), [{ field: "pupil_views", message: "Record the pupil's own views" }]);
  const drafted = wp.sql("SELECT description FROM plan_objectives ORDER BY position");
  assert.equal((await school.post("/placements/1/plan", plan())).status, 303);
  // The draft's objectives before the edit are kept as they were.
  assert.equal(wp.sql("SELECT description FROM plan_objective_history ORDER BY position"), drafted);
  assert.ok(drafted.length > 0);
  assert.equal((await school.post("/placements/1/plan/agree")).status, 303);
  assert.equal(versions(), "1:agreed");

  // An agreed version is never overwritten.
  const overwrite = await school.post("/placements/1/plan", plan({ monitoring: "Changed in place" }));
  assert.equal(overwrite.status, 422);
  assert.match(decode(overwrite.text), /start a new version to change it/);

  assert.equal((await school.post("/placements/1/plan/new-version")).status, 303);
  assert.equal((await school.post("/placements/1/plan", plan({ monitoring: "Daily check-in added" }))).status, 303);
  assert.equal((await school.post("/placements/1/plan/agree")).status, 303);
  assert.equal(versions(), "1:superseded\n2:agreed");

  const old = decode((await school.get("/placements/1/plan?version=1")).text);
  assert.match(old, /Weekly logs; reviewed every six weeks/);
  assert.match(old, /Replaced/);
  assert.match(decode((await school.get("/placements/1/plan")).text), /Daily check-in added/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'plan.agree'"), "2");
});

test("parents read agreed versions and print them; the provider reads; neither changes them", async () => {
  await school.post("/placements/1/plan/new-version"); // a draft version 3 the parent must not see
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  const page = decode((await parent.get("/placements/1/plan")).text);
  assert.match(page, /Version 2/);
  assert.doesNotMatch(page, /Version 3/);
  assert.equal((await parent.get("/placements/1/plan?version=3")).status, 404);
  const print = decode((await parent.get("/placements/1/plan/print?version=2")).text);
  assert.match(print, /Attend every timetabled session/);
  assert.doesNotMatch(print, /Save the draft/);
  assert.equal((await parent.post("/placements/1/plan", plan())).status, 403);

  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  assert.equal((await manager.get("/placements/1/plan")).status, 200);
  assert.equal((await manager.post("/placements/1/plan", plan())).status, 403);
  assert.equal((await manager.get("/placements/2/plan")).status, 404);
});
