import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, decode, day, weekdayDateText, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Bridgeway (Aisha's provider) records a restraint. Her father is told the same day, by e-mail and
// in Waypoint, and reads the record; her school and the LA see it; the LA sees the count by
// provider. Every statutory item is required, each named when missing.
let wp, sink, tutor, school, parent, officer, tokens = {};
const record = { date: day(0), time: "13:45", place: "Workshop, Bridgeway Centre", staff: "Ms Ward (head of centre), Mr Cole (tutor)", led_up_to: "An argument over a tool turned into a fight", de_escalation: "Calm talk, offered the quiet room, asked the other pupil to leave", kind: "physical_restraint", minutes: "4", reason: "injury_to_others", reason_detail: "", injuries: "None", support_afterwards: "Talked it through with her key worker; called home" };

before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  for (const [who, email] of [["tutor", DEMO.providerStaff], ["lead", DEMO.apLead], ["parent", DEMO.parent], ["officer", DEMO.laOfficer], ["manager", DEMO.providerManager]])
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  [tutor, school, parent, officer] = [wp.client(), wp.client(), wp.client(), wp.client()];
  await tutor.signIn(DEMO.providerStaff);
  await school.signIn(DEMO.apLead);
  await parent.signIn(DEMO.parent);
  await officer.signIn(DEMO.laOfficer);
});
after(async () => {
  await wp.stop();
  await sink.stop();
});

const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("every statutory item is required, each named; a date ahead or a length of 0 or 241 minutes is refused", async () => {
  await tutor.get("/pupils/1/interventions/new");
  const empty = await tutor.post("/pupils/1/interventions/new", {});
  assert.equal(empty.status, 422);
  assert.deepEqual(errorMessages(empty.text).map((e) => e.field), ["date", "time", "place", "staff", "led_up_to", "de_escalation", "kind", "minutes", "reason", "injuries", "support_afterwards"]);
  for (const [change, field] of [[{ date: day(1) }, "date"], [{ minutes: "0" }, "minutes"], [{ minutes: "241" }, "minutes"], [{ time: "25:00" }, "time"], [{ kind: "handcuffs" }, "kind"], [{ injuries: "   " }, "injuries"]]) {
    const res = await wp.api(tokens.tutor, "POST", "/pupils/1/interventions", { ...record, ...change });
    assert.equal(res.status, 422, JSON.stringify(change));
    assert.deepEqual(res.body.errors.map((e) => e.field), [field], JSON.stringify(change));
  }
  assert.equal(wp.sql("SELECT COUNT(*) FROM restrictive_interventions"), "0", "nothing half-recorded");
});

test("the provider records one; the parent is told the same day and reads it; the school and the LA see it", async () => {
  const [y, m, d] = day(0).split("-");
  const { date, ...rest } = record;
  assert.equal(date, day(0));
  const made = await tutor.post("/pupils/1/interventions/new", { ...rest, "date-day": d, "date-month": m, "date-year": y });
  assert.equal(made.status, 303);
  const id = wp.sql("SELECT MAX(id) FROM restrictive_interventions");
  assert.equal(wp.sql(`SELECT pupil_sen FROM restrictive_interventions WHERE id = ${id}`), "SEN support", "her needs as they were that day");
  const mail = await sink.waitFor((x) => x.to.includes("<parent@family.example>"));
  assert.match(mail.data, /Subject: Waypoint: a letter from Oakfield Academy/);
  assert.doesNotMatch(mail.data, /Aisha|restrain/i);
  assert.match(await text(parent, "/letters"), /A record of force or restraint used with your child About Aisha Walker/);
  // Recorded by the provider, it reaches the school's AP lead and DSL at once, without the child's name.
  for (const address of ["ap.lead@oakfield.example", "dsl@oakfield.example"]) {
    const told = await sink.waitFor((x) => x.to.includes(`<${address}>`) && x.data.includes("restrictive intervention was recorded"));
    assert.match(told.data, new RegExp(`/interventions/${id}`));
    assert.doesNotMatch(told.data, /Aisha/);
  }
  const seen = await text(parent, `/interventions/${id}`);
  for (const want of [`${weekdayDateText(day(0))} at 13:45, for 4 minutes`, "Physical restraint", "An argument over a tool", "To stop the pupil injuring someone else", "Injuries None", "Talked it through with her key worker", "Bridgeway Pupil Referral Unit"])
    assert.ok(seen.includes(want), `${want} in ${seen}`);
  assert.match(wp.sql(`SELECT first_read_at FROM letters WHERE kind = 'restrictive_intervention' AND about_id = ${id}`), /^\d{4}-/);
  assert.match(await text(school, "/pupils/1/interventions"), /Physical restraint, /);
  assert.equal((await wp.api(tokens.officer, "GET", "/pupils/1/interventions")).body.interventions.length, 1);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'intervention.record' AND entity_id = '${id}'`), "1");
});

test("the LA sees the count by provider and month; the school records its own, which the provider does not see", async () => {
  const own = await wp.api(tokens.lead, "POST", "/pupils/1/interventions", { ...record, place: "Oakfield corridor", kind: "other_force", minutes: "2", reason: "disorder" });
  assert.equal(own.status, 201, JSON.stringify(own.body));
  await new Promise((r) => setTimeout(r, 1500));  // a sweep of the mail queue
  assert.ok(!sink.messages.some((x) => x.data.includes(`/interventions/${own.body.id}`)), "the school is not told of its own record");
  const trend = await text(officer, "/area/interventions");
  assert.match(trend, /Bridgeway Pupil Referral Unit( \d+)+ 1 /);
  assert.match(trend, /Oakfield Academy( \d+)+ 1 /);
  const monthName = new Date(day(0) + "T12:00:00Z").toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  assert.ok(trend.includes(monthName), monthName);
  const mine = (await wp.api(tokens.manager, "GET", "/pupils/1/interventions")).body.interventions;
  assert.deepEqual(mine.map((x) => x.recorded_by_organisation), ["Bridgeway Pupil Referral Unit"], "a provider sees its own");
  assert.equal((await wp.api(tokens.manager, "GET", `/interventions/${own.body.id}`)).status, 404);
  assert.equal((await wp.api(tokens.lead, "GET", `/interventions/${own.body.id}`)).status, 200);
});

test("nobody records for a child who is not theirs; a parent and the LA read but do not record; others get 404", async () => {
  assert.equal((await wp.api(tokens.parent, "POST", "/pupils/1/interventions", record)).status, 403);
  assert.equal((await wp.api(tokens.officer, "POST", "/pupils/1/interventions", record)).status, 403);
  assert.equal((await wp.api(tokens.tutor, "POST", "/pupils/2/interventions", record)).status, 404, "Ben is not placed at Bridgeway");
  assert.equal((await wp.api(tokens.parent, "GET", "/pupils/2/interventions")).status, 404);
  assert.equal((await wp.api(tokens.lead, "GET", "/area/interventions")).status, 404, "no such API route");
  assert.equal((await school.get("/area/interventions")).status, 403);
});
