import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, decode, day, weekdayDateText, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Aisha's school proposes a second placement, made with her parents' consent. Her father reads the
// terms in Waypoint and answers; the school sees each answer at once, with the terms as he saw
// them, and can still record a consent given on a signed form, saying how.
let wp, sink, lead, father, school, parent, placement, terms;
const api = (who, ...call) => wp.api(who === "lead" ? lead : father, ...call);

before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  lead = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  father = wp.cli(["token", "create", "--email", DEMO.parent]).stdout.trim();
  const site = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1"));
  terms = { site_ids: [site], provider_id: 7, legal_basis: "academy_powers", reason: "semh", objectives: "Build confidence in a small group", start_date: day(20), planned_end_date: day(100), paid_by: "school", report_to: "Mr Patel" };
  const made = await api("lead", "POST", "/pupils/1/placements", terms);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  placement = made.body.id;
  school = wp.client();
  await school.signIn(DEMO.apLead);
  parent = wp.client();
  await parent.signIn(DEMO.parent);
});
after(async () => {
  await wp.stop();
  await sink.stop();
});

test("no answer can be given before the school agrees the terms", async () => {
  const seen = await api("father", "GET", `/placements/${placement}/consent`);
  assert.equal(seen.status, 200);
  assert.equal(seen.body.can_answer, false, "a draft is not for answering");
  const early = await api("father", "POST", `/placements/${placement}/consent/answer`, { answer: "given", terms_version: seen.body.terms_version });
  assert.equal(early.status, 422);
  assert.equal(early.body.errors[0].field, "answer");
  assert.equal((await api("lead", "POST", `/placements/${placement}/agree`)).status, 200);
});

test("a parent reads the terms and refuses with a reason; the school sees it and consent is not there to start on", async () => {
  const page = parent;
  const form = decode((await page.get(`/placements/${placement}/consent`)).text);
  for (const want of ["Do you consent to this placement?", "On arrival, report to: Mr Patel", `From ${weekdayDateText(day(20))} to ${weekdayDateText(day(100))}`, "What it aims to achieve: Build confidence in a small group", "Reviewed every 6 weeks"])
    assert.ok(form.includes(want), want);
  const version = form.match(/name="terms_version" value="([0-9a-f]+)"/)[1];
  // Neither answer chosen, then a refusal with no reason: each named.
  const none = await page.post(`/placements/${placement}/consent/answer`, { terms_version: version });
  assert.equal(none.status, 422);
  assert.deepEqual(errorMessages(none.text).map((e) => e.field), ["answer"]);
  const bare = await page.post(`/placements/${placement}/consent/answer`, { answer: "refused", terms_version: version, comment: "  " });
  assert.deepEqual(errorMessages(bare.text).map((e) => e.field), ["comment"]);
  assert.match(decode(bare.text), /id="answer-refused"[^>]*checked/, "the choice is kept");
  const refused = await page.post(`/placements/${placement}/consent/answer`, { answer: "refused", terms_version: version, comment: "She does not want to travel that far" });
  assert.equal(refused.status, 303);
  const shown = decode((await school.get(`/placements/${placement}/consent`)).text);
  assert.match(shown, /Did not consent: Chris Walker/);
  assert.match(shown, /She does not want to travel that far/);
  assert.match(shown, /In Waypoint/);
  const told = await sink.waitFor((m) => m.to.includes("<ap.lead@oakfield.example>") && m.data.includes("answered a request for consent"));
  assert.match(told.data, new RegExp(`/placements/${placement}/consent`));
  assert.doesNotMatch(told.data, /Aisha/, "no child's name in the e-mail");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM placements WHERE id = ${placement} AND parent_consent_on IS NULL`), "1");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'placement.consent_answer' AND entity_id = '${placement}'`), "1");
});

test("terms changed while the parent read them are refused; then consent on the new terms is kept with them", async () => {
  const before = (await api("father", "GET", `/placements/${placement}/consent`)).body;
  const changed = await api("lead", "PUT", `/placements/${placement}`, { ...terms, objectives: "Build confidence and return to maths lessons" });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const stale = await api("father", "POST", `/placements/${placement}/consent/answer`, { answer: "given", terms_version: before.terms_version });
  assert.equal(stale.status, 422);
  assert.match(stale.body.errors[0].message, /changed the terms while you were reading/);
  const now = (await api("father", "GET", `/placements/${placement}/consent`)).body;
  assert.notEqual(now.terms_version, before.terms_version);
  assert.equal((await api("father", "POST", `/placements/${placement}/consent/answer`, { answer: "given", terms_version: now.terms_version })).status, 204);
  const kept = (await api("lead", "GET", `/placements/${placement}/consent`)).body.answers.at(-1);
  assert.equal(kept.answer, "given");
  assert.equal(kept.how, "waypoint");
  assert.equal(kept.terms_version, now.terms_version);
  assert.ok(kept.terms_shown.includes("What it aims to achieve: Build confidence and return to maths lessons"));
  assert.equal(wp.sql(`SELECT parent_consent_on FROM placements WHERE id = ${placement}`), day(0));
});

test("the school records a consent given on a signed form, saying how; it stands beside the parent's answers", async () => {
  await school.get(`/placements/${placement}`);
  const noHow = await school.post(`/placements/${placement}/consent`, { parent_consent_on: day(0), parent_consent_from: "Chris Walker" });
  assert.deepEqual(errorMessages(noHow.text).map((e) => e.field), ["parent_consent_how"]);
  const inWaypoint = await api("lead", "POST", `/placements/${placement}/consent`, { parent_consent_on: day(0), parent_consent_from: "Chris Walker", parent_consent_how: "waypoint" });
  assert.equal(inWaypoint.status, 422, "only the parent answers in Waypoint");
  assert.equal((await school.post(`/placements/${placement}/consent`, { parent_consent_on: day(0), parent_consent_from: "Dana Walker", parent_consent_how: "paper" })).status, 303);
  const answers = (await api("lead", "GET", `/placements/${placement}/consent`)).body.answers;
  assert.deepEqual(answers.map((a) => [a.answer, a.how, a.given_by]), [["refused", "waypoint", "Chris Walker"], ["given", "waypoint", "Chris Walker"], ["given", "paper", "Dana Walker"]]);
  const page = decode((await school.get(`/placements/${placement}/consent`)).text);
  assert.match(page, /Consented: Dana Walker/);
  assert.match(page, /On a signed form/);
  assert.doesNotMatch(page, /Do you consent to this placement\?/, "the school does not answer for the parent");
});

test("nobody else answers: the school may not, another family's parent gets 404, an off-site direction has no consent", async () => {
  const version = (await api("lead", "GET", `/placements/${placement}/consent`)).body.terms_version;
  assert.equal((await api("lead", "POST", `/placements/${placement}/consent/answer`, { answer: "given", terms_version: version })).status, 403);
  assert.equal((await api("father", "GET", "/placements/2/consent")).status, 404, "Ben's placement is not his");
  assert.equal((await api("father", "GET", "/placements/1/consent")).status, 404, "a direction has a notice instead");
  assert.equal((await api("father", "POST", "/placements/1/consent/answer", { answer: "given", terms_version: "x" })).status, 404);
});
