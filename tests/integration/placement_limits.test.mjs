import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, dateText } from "../support/waypoint.mjs";

// A deployment where DfE's planned limits and the LA-approved provider rule are in force from today
// (settings until regulations commence them). The demo's Fresh Start Tutoring (7) is a tutor, not a
// school, its standing lapsed; Ethan (pupil 5) is placed there full time for 17 weeks.
let wp;
let token;
let id;
const api = (...call) => wp.api(token, ...call);
const weekAt = (placement, days) =>
  api("PUT", "/pupils/5/timetable", {
    slots: ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => ({ day: d, start: "08:45", end: "15:15", where: days.includes(d) ? `placement:${placement}` : "home_school" })),
  });

before(async () => {
  wp = await startWaypoint({ args: ["--ap-time-limits-from", day(0), "--la-approved-providers-from", day(0)] });
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const site = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1"));
  const made = await api("POST", "/pupils/5/placements", { site_ids: [site], provider_id: 7, legal_basis: "academy_powers", reason: "semh", objectives: "Re-engage with learning", start_date: day(0), planned_end_date: day(118), paid_by: "school" });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  id = made.body.id;
  assert.equal((await api("POST", `/placements/${id}/agree`)).status, 200);
  assert.equal((await weekAt(id, ["monday", "tuesday", "wednesday", "thursday", "friday"])).status, 200);
  assert.equal((await api("POST", `/placements/${id}/consent`, { parent_consent_on: day(0), parent_consent_from: "Jo Evans", parent_consent_how: "paper" })).status, 200);
});
after(async () => wp.stop());

test("in force, the limits and the LA-approved rule stop a start that no reason can lift, and the page says so", async () => {
  const refused = await api("POST", `/placements/${id}/start`, { override_reason: "The only tutor with a place" });
  assert.equal(refused.status, 422);
  const messages = Object.fromEntries(refused.body.errors.map((e) => [e.field, e.message]));
  assert.deepEqual(Object.keys(messages).sort(), ["override_reason", "planned_end_date"]);
  assert.equal(messages.override_reason, `The provider is Lapsed: since ${dateText(day(0))} a placement starts only at a provider the local authority has approved`);
  assert.match(messages.planned_end_date, /planned for 119 days at 10 sessions a week/);
  assert.equal(wp.sql(`SELECT status FROM placements WHERE id = ${id}`), "awaiting", "nothing saved");

  const shown = (await api("GET", `/placements/${id}`)).body;
  assert.ok(shown.rules_applied.some((r) => r.startsWith(`Time limits for providers that are not schools (in force from ${dateText(day(0))})`)), JSON.stringify(shown.rules_applied));
  assert.ok(shown.blockers.some((b) => b.field === "override_reason" && !b.overridable));
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  const page = (await school.get(`/placements/${id}`)).text;
  assert.match(page, /The rules on the placement&#39;s first day|The rules on the placement's first day/);
  assert.match(page, /Only providers the local authority has approved \(in force from/);

  // Two days a week alongside school is within the limits however long it runs; the provider still is not approved.
  assert.equal((await weekAt(id, ["monday", "tuesday"])).status, 200);
  const still = await api("POST", `/placements/${id}/start`, { override_reason: "The only tutor with a place" });
  assert.deepEqual(still.body.errors.map((e) => e.field), ["override_reason"]);
});

test("the LA's picture flags the placements past the limit in force, not those two days a week alongside school", async () => {
  // A deployment whose limits commence in 85 days: a full-time placement at the tutor starts today
  // (its standing overridden with a reason, as the law still allows), and is seen 90 days on.
  const now = await startWaypoint({ args: ["--ap-time-limits-from", day(85)] });
  const later = await startWaypoint({ beside: now, args: ["--today", day(90), "--ap-time-limits-from", day(85)] });
  try {
    const lead = now.cli(["token", "create", "--email", DEMO.apLead, "--days", "365"]).stdout.trim();
    const officer = now.cli(["token", "create", "--email", DEMO.laOfficer, "--days", "365"]).stdout.trim();
    const site = Number(now.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1"));
    const made = await now.api(lead, "POST", "/pupils/5/placements", { site_ids: [site], provider_id: 7, legal_basis: "academy_powers", reason: "semh", objectives: "Re-engage", start_date: day(0), planned_end_date: day(200), paid_by: "school" });
    const placement = made.body.id;
    await now.api(lead, "POST", `/placements/${placement}/agree`);
    const week = (days) => now.api(lead, "PUT", "/pupils/5/timetable", { slots: ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => ({ day: d, start: "08:45", end: "15:15", where: days.includes(d) ? `placement:${placement}` : "home_school" })) });
    assert.equal((await week(["monday", "tuesday", "wednesday"])).status, 200);
    await now.api(lead, "POST", `/placements/${placement}/consent`, { parent_consent_on: day(0), parent_consent_from: "Jo Evans", parent_consent_how: "paper" });
    const started = await now.api(lead, "POST", `/placements/${placement}/start`, { override_reason: "Checks booked for next week" });
    assert.equal(started.status, 200, JSON.stringify(started.body));

    const figure = async () => {
      const area = await later.api(officer, "GET", "/area");
      return area.body.groups.find((g) => g.key === "attention").figures.find((f) => f.key === "past_12_weeks");
    };
    const past = await figure();
    assert.equal(past.label, `Past the 12-week limit in force since ${dateText(day(85))}: more than 4 sessions a week at a provider that is not a school`);
    assert.equal(past.count, 1, "90 days at 6 sessions a week");
    assert.equal((await week(["monday", "tuesday"])).status, 200);
    assert.equal((await figure()).count, 0, "4 sessions a week alongside school is within the limit");
    // Today, before the limits commence, the figure is DfE's plan; the placement is not yet 12 weeks old.
    const today = (await now.api(officer, "GET", "/area")).body.groups.find((g) => g.key === "attention").figures.find((f) => f.key === "past_12_weeks");
    assert.equal(today.label, "Running longer than 12 weeks at a provider that is not a school (the limit DfE plans)");
  } finally {
    await later.stop();
    await now.stop();
  }
});

test("a commencement day that is not a date stops the server, naming the setting", async () => {
  const res = wp.cli(["serve", "--listen", "127.0.0.1:0", "--ap-time-limits-from", "next September"], "", { timeout: 20000 });
  assert.notEqual(res.status, 0);
  assert.match(res.stderr + res.stdout, /--ap-time-limits-from must be a date, like 2027-09-01/);
});
