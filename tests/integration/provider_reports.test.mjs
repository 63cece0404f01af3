import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Bridgeway's regular reports on Aisha's placement (1), which started four months ago (so that, on
// any date, its first weeks lie in term and are long overdue): each week's is drafted from the
// records, sent with the provider's comment, received by the school by e-mail and in Waypoint; late ones are flagged to the provider and then to the school; the parents see them
// only once the school shares them.
let wp, sink, lead, manager, parent, tokens;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  wp.sql(`UPDATE placements SET activated_on = '${day(-120)}' WHERE id = 1`);
  [lead, manager, parent] = [wp.client(), wp.client(), wp.client()];
  await lead.signIn(DEMO.apLead);
  await manager.signIn(DEMO.providerManager);
  await parent.signIn(DEMO.parent);
  tokens = Object.fromEntries(["apLead", "providerManager", "parent", "pupil"].map((k) => [k, wp.cli(["token", "create", "--email", DEMO[k]]).stdout.trim()]));
});
after(async () => {
  await wp?.stop();
  await sink?.stop();
});

test("a month without reports: late to the provider and to the school; the provider sends the first from its draft", async () => {
  const shown = (await wp.api(tokens.apLead, "GET", "/placements/1/reports")).body;
  assert.equal(shown.report_every, "week");
  assert.equal(shown.next.late, true, JSON.stringify(shown.next));
  assert.equal(shown.next.state, "Late: the school has been told");
  assert.match(await text(lead, "/"), /Providers' reports that are late .* Aisha Walker/);
  assert.match(await text(manager, "/"), /Reports to send .* Aisha Walker .* Late: the school has been told/);

  const draft = await text(manager, "/placements/1/reports/new");
  for (const heading of ["Attendance and punctuality", "Engagement", "Behaviour and incidents", "Progress against the plan", "In the pupil's own words"])
    assert.ok(draft.includes(heading), heading);
  const bare = await manager.post("/placements/1/reports", { period_to: shown.next.period_to, comment: " " });
  assert.deepEqual(errorMessages(bare.text).map((e) => e.field), ["comment"]);
  assert.equal((await manager.post("/placements/1/reports", { period_to: shown.next.period_to, comment: "A settled first week; Aisha is getting to know her tutor" })).status, 303);
  assert.equal((await manager.post("/placements/1/reports", { period_to: shown.next.period_to, comment: "Again" })).status, 422, "sent once");
  const mail = await sink.waitFor((m) => m.to.includes(`<${DEMO.apLead}>`) && /a provider has sent its report/.test(m.data));
  assert.doesNotMatch(mail.data, /Aisha|Walker/);
  const after = (await wp.api(tokens.apLead, "GET", "/placements/1/reports")).body;
  assert.equal(after.reports.length, 1);
  assert.equal(after.reports[0].comment, "A settled first week; Aisha is getting to know her tutor");
  assert.equal(after.reports[0].sections[0].heading, "Attendance and punctuality");
  assert.ok(after.next.period_from > shown.next.period_to, "the next period follows");
  assert.equal((await lead.post("/placements/1/reports", { period_to: after.next.period_to, comment: "From the school" })).status, 403, "the provider sends its own");
});

test("the parents see the reports once the school shares them, and are told by e-mail", async () => {
  assert.equal((await parent.get("/placements/1/reports")).status, 403, "not shared");
  assert.doesNotMatch(await text(parent, "/pupils/1/week"), /Reports from Bridgeway/);
  await lead.get("/placements/1/reports");
  const wrong = await lead.post("/placements/1/report-schedule", { report_every: "daily", reports_to_parents: "maybe" });
  assert.deepEqual(errorMessages(wrong.text).map((e) => e.field), ["report_every", "reports_to_parents"]);
  assert.equal((await lead.post("/placements/1/report-schedule", { report_every: "week", reports_to_parents: "yes" })).status, 303);
  assert.equal((await manager.post("/placements/1/report-schedule", { report_every: "half_term", reports_to_parents: "no" })).status, 403);
  assert.match(await text(parent, "/placements/1/reports"), /None yet/, "the report sent before sharing stays the school's");
  const next = (await wp.api(tokens.providerManager, "GET", "/placements/1/reports")).body.next;
  const sent = await wp.api(tokens.providerManager, "POST", "/placements/1/reports", { period_to: next.period_to, comment: "Aisha came every day this week" });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.match(await text(parent, "/placements/1/reports"), /Aisha came every day this week/);
  assert.match(await text(parent, "/pupils/1/week"), /Reports from Bridgeway Pupil Referral Unit on how it is going/);
  const told = await sink.waitFor((m) => m.to.includes("<parent@family.example>") && /a report from Bridgeway/.test(m.data));
  assert.doesNotMatch(told.data.split("\r\n\r\n")[0], /Aisha|Walker/);
  assert.equal((await wp.api(tokens.pupil, "GET", "/placements/1/reports")).status, 403);
  const typed = await wp.api(tokens.providerManager, "POST", "/placements/1/reports", { period_to: next.period_to, comment: { text: 1 } });
  assert.equal(typed.status, 422);
  assert.equal(typed.body.errors[0].field, "comment");
});

test("the provider's reports appear at the next review beside the logs", async () => {
  const form = await text(lead, "/placements/1/reviews/new");
  assert.match(form, /The provider's reports since/);
  assert.match(form, /A settled first week; Aisha is getting to know her tutor/);
  assert.match(form, /Aisha came every day this week/);
});
