import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startWaypoint, DEMO, day } from "../support/waypoint.mjs";


let wp;
const tokens = {};
before(async () => {
  wp = await startWaypoint();
  for (const [role, email] of Object.entries({ school: DEMO.apLead, provider: DEMO.providerManager, parent: DEMO.parent, officer: DEMO.laOfficer }))
    tokens[role] = wp.cli(["token", "create", "--email", email]).stdout.trim();
});
after(async () => wp.stop());

const api = (who, ...call) => wp.api(tokens[who], ...call);

test("a placement is proposed, agreed, timetabled, noticed and planned through the API, within scope", async () => {
  const site = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1"));
  const bad = await api("school", "POST", "/pupils/4/placements", { provider_id: 5, legal_basis: "off_site_direction", start_date: "soon" });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.errors.some((e) => e.field === "start_date"));

  const made = await api("school", "POST", "/pupils/4/placements", {
    provider_id: 5, legal_basis: "off_site_direction", reason: "semh", objectives: "Re-engage", start_date: day(30),
    planned_end_date: day(90), site_ids: [site], report_to: "Ms Ward", paid_by: "school",
  });
  assert.equal(made.status, 201);
  const id = made.body.id;
  const proposed = (await api("school", "GET", `/placements/${id}`)).body;
  assert.equal(proposed.tier, 2, "no tier given: Tier 2 for social, emotional and mental health needs");
  // A change sends the fields a placement takes; the rest of what GET gives (its status, names and
  // labels) is the server's, and sending them back is refused rather than silently ignored.
  const terms = Object.fromEntries(["provider_id", "legal_basis", "reason", "tier", "reason_detail", "objectives", "start_date", "planned_end_date", "site_ids", "cost", "cost_unit", "paid_by", "report_to", "breaks", "review_interval_weeks", "first_review_on"].filter((k) => proposed[k] !== null && proposed[k] !== undefined).map((k) => [k, proposed[k]]));
  const readOnly = await api("school", "PUT", `/placements/${id}`, { ...terms, status: "active" });
  assert.equal(readOnly.status, 422);
  assert.deepEqual(readOnly.body.errors, [{ field: "status", message: '"status" is not a field this request takes' }]);
  for (const tier of [0, 4, "Tier 1"]) {
    const refused = await api("school", "PUT", `/placements/${id}`, { ...terms, tier });
    assert.equal(refused.status, 422, `tier ${tier}`);
    assert.deepEqual(refused.body.errors.map((e) => e.field), ["tier"]);
  }
  assert.equal((await api("school", "GET", `/placements/${id}`)).body.tier, 2, "a refused change saved nothing");
  assert.equal((await api("school", "PUT", `/placements/${id}`, { ...terms, tier: 3 })).body.tier, 3);
  assert.equal((await api("provider", "GET", `/placements/${id}`)).status, 404, "a draft is not the provider's");
  const agreed = await api("school", "POST", `/placements/${id}/agree`);
  assert.equal(agreed.body.status, "awaiting");
  assert.deepEqual(agreed.body.blockers.map((b) => b.field), ["start_date", "notice_sent_on"], "its first day is a month away");
  assert.equal((await api("provider", "GET", `/placements/${id}`)).status, 200);

  const week = await api("school", "PUT", "/pupils/4/timetable", {
    slots: ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => ({ day: d, start: "08:45", end: "15:15", where: `placement:${id}` })),
  });
  assert.equal(week.status, 200);
  assert.equal(week.body.minutes, 1950);
  assert.equal(week.body.full_time, true);

  const notice = await api("school", "GET", `/placements/${id}/notice`);
  assert.equal(notice.body.days_per_week, 5);
  assert.deepEqual(notice.body.sessions[0], { day: "Monday", times: "08:45 to 15:15" });
  assert.ok(notice.body.missing.some((m) => m.includes("parents")), "pupil 4 has no parent recorded yet");

  const plan = await api("school", "PUT", `/placements/${id}/plan`, {
    objectives: [{ area: "engagement", description: "Join in lessons", baseline_value: "2 of 5", baseline_date: day(-7), baseline_source: "Teacher log", target: "4 of 5", measure: "Engagement scale", target_date: day(60), responsible: "Tutor" }],
    monitoring: "Weekly", curriculum_fit: "Core subjects", pupil_views: "Keen", parent_views: "Agree",
  });
  assert.equal(plan.status, 200);
  assert.equal(plan.body.plan.status, "draft");
  assert.equal((await api("school", "POST", `/placements/${id}/plan/agree`)).body.plan.status, "agreed");
  assert.equal((await api("provider", "PUT", `/placements/${id}/plan`, {})).status, 403);

  const list = await api("provider", "GET", "/placements");
  assert.ok(list.body.items.every((p) => p.provider_id === 5));
  assert.equal((await api("provider", "GET", "/pupils/2")).status, 404);
  assert.equal((await api("parent", "GET", `/placements/${id}`)).status, 404);
  const own = await api("parent", "GET", "/pupils/1");
  assert.equal(own.body.placements[0].provider_name, "Bridgeway Pupil Referral Unit");
});

test("pupils come in through the API from a CTF, and the registration list is the LA's", async () => {
  const ctf = readFileSync(new URL("../fixtures/ctf-pupils.xml", import.meta.url), "utf8");
  const res = await api("school", "POST", "/pupils/import", ctf, "application/xml");
  assert.equal(res.status, 200);
  assert.equal(res.body.created, 2);
  assert.deepEqual(res.body.rejected.map((r) => r.line), [2]);
  assert.equal((await api("provider", "POST", "/pupils/import", ctf, "application/xml")).status, 403);
  assert.equal((await api("officer", "GET", "/registration-threshold")).status, 200);
  assert.equal((await api("school", "GET", "/registration-threshold")).status, 403);
  const doc = await (await fetch(wp.url + "/api/v1/openapi.json")).json();
  for (const path of ["/placements/{id}", "/pupils/{id}/timetable", "/placements/{id}/plan", "/pupils/import", "/registration-threshold"])
    assert.ok(doc.paths[path], path);
});
