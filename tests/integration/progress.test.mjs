import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages, decode, day, agreePlan, attendanceObjective, dateText } from "../support/waypoint.mjs";

// Placement 1 is Aisha's at Bridgeway (active, started 40 days ago); placement 2 is Ben's at Northgate.
let wp;
let tutor;
before(async () => {
  wp = await startWaypoint();
  tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const made = wp.cli(["user", "add", "--email", "staff@northgate.example", "--name", "Nia", "--role", "provider_staff", "--organisation-id", "6"], DEMO_PASSWORD + "\n");
  assert.equal(made.status, 0, made.stderr);
  // The school agrees a plan with one objective, so the provider can log against it.
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  await agreePlan(school, 1, [attendanceObjective()]);
});
after(async () => wp.stop());

const objectiveId = () => wp.sql("SELECT o.id FROM plan_objectives o JOIN plan_versions v ON v.id = o.plan_version_id WHERE v.placement_id = 1");

test("a provider logs a day: bad input is named and nothing is saved; the same day again replaces it", async () => {
  await tutor.get("/placements/1/log");
  const bad = await tutor.post("/placements/1/log", { date: day(1), period: "noon", engagement: "6", [`value_${objectiveId()}`]: "most" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["date", "period", "engagement", `value_${objectiveId()}`]);
  const started = wp.sql("SELECT start_date FROM placements WHERE id = 1");
  const dayBefore = new Date(Date.parse(started) - 86400000).toISOString().slice(0, 10);
  const early = await tutor.post("/placements/1/log", { date: dayBefore, period: "day", engagement: "3" });
  assert.match(errorMessages(early.text)[0].message, /^Date must be on or after the placement started/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM progress_logs"), "0");

  const ok = await tutor.post("/placements/1/log", { date: day(-1), period: "day", engagement: "2", behaviour: "Left the room twice", work_covered: "Fractions", [`value_${objectiveId()}`]: "71.5" });
  assert.equal(ok.status, 303);
  assert.equal((await tutor.post("/placements/1/log", { date: day(-1), period: "day", engagement: "4", work_covered: "Fractions and decimals", [`value_${objectiveId()}`]: "74" })).status, 303);
  assert.equal(wp.sql("SELECT COUNT(*) || ':' || MAX(engagement) FROM progress_logs"), "1:4", "replaced, not added");
  assert.equal(wp.sql("SELECT value FROM objective_values"), "74");
  // The log it replaced is kept as it was, with who replaced it and when: nothing is deleted.
  const tutorId = wp.sql(`SELECT id FROM users WHERE email = '${DEMO.providerStaff}'`);
  assert.equal(wp.sql("SELECT h.engagement, h.behaviour, h.work_covered, h.superseded_by FROM progress_log_history h JOIN progress_logs l ON l.id = h.log_id"), `2|Left the room twice|Fractions|${tutorId}`);
  assert.equal(wp.sql("SELECT objective_id || '=' || value FROM progress_log_history_values"), `${objectiveId()}=71.5`);
  assert.equal((await tutor.post("/placements/1/log", { date: day(-8), period: "am", engagement: "1" })).status, 303);
  assert.match(decode((await tutor.get("/placements/1/log")).text), /Fractions and decimals/);
});

test("the school reads the engagement trend as a chart with its table, matching the logs", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  const page = decode((await school.get("/pupils/1/attendance")).text);
  assert.match(page, /<svg class="waypoint-chart"[^>]*role="img"/);
  const mondayOf = (date) => {
    const d = new Date(date + "T12:00:00Z");
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
  };
  const logs = wp.sql("SELECT log_date, engagement FROM progress_logs").split("\n").map((l) => l.split("|"));
  assert.equal((page.match(/<circle /g) || []).length, new Set(logs.map(([date]) => mondayOf(date))).size, "a point a week");
  // Each week's mean in the table is the mean of that week's logs (one log a week here).
  for (const [date, engagement] of logs)
    assert.match(page, new RegExp(`<td class="govuk-table__cell">${dateText(mondayOf(date))}</td><td class="govuk-table__cell govuk-table__cell--numeric">${engagement}\\.0</td>`));
  assert.match(page, /The last six weeks/);
});

test("only the placement's provider logs; nobody reaches another provider's placement by changing the id", async () => {
  const northgate = wp.client();
  await northgate.signIn("staff@northgate.example");
  assert.equal((await northgate.get("/placements/1/log")).status, 404);
  assert.equal((await northgate.post("/placements/1/log", { date: day(-1), period: "day", engagement: "3" })).status, 404);
  assert.equal((await northgate.get("/pupils/1/attendance")).status, 404);
  assert.equal((await tutor.get("/placements/2/log")).status, 404);
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  assert.equal((await school.get("/placements/1/log")).status, 403, "the school reads logs; it does not write them");
  assert.equal(wp.sql("SELECT COUNT(*) FROM progress_logs WHERE provider_id <> 5"), "0");
});

test("a serious incident reaches the home school's DSL", async () => {
  await tutor.get("/placements/1/log");
  const empty = await tutor.post("/placements/1/incidents", { happened_on: day(0), severity: "", description: "" });
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["severity", "description"]);
  assert.equal((await tutor.post("/placements/1/incidents", { happened_on: day(0), severity: "low", description: "Swore at a peer", incident_action: "Talked it through" })).status, 303);
  assert.equal(wp.sql("SELECT COUNT(*) FROM alerts WHERE kind = 'serious_incident'"), "0");
  assert.equal((await tutor.post("/placements/1/incidents", { happened_on: day(0), severity: "high", description: "Threatened staff with a chair" })).status, 303);
  assert.equal(wp.sql("SELECT for_role FROM alerts WHERE kind = 'serious_incident'"), "school_dsl");
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.match(decode((await dsl.get("/alerts")).text), /Aisha Walker was involved in a serious incident at Bridgeway/);
  assert.match(decode((await dsl.get("/pupils/1/attendance")).text), /Threatened staff with a chair/);
});
