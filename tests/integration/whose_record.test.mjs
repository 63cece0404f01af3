import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, decode, day } from "../support/waypoint.mjs";

// Whose record it is: a second local authority, Westshire, with a school and a provider of its
// own, beside the demo's Exeshire. Each organisation keeps its own records, whatever the ids.
let wp;
const west = {};
const tokens = {};
const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const count = (sql) => Number(wp.sql(sql));
const refusals = (action) => count(`SELECT COUNT(*) FROM audit_events WHERE action = '${action}_refused'`);
const api = (who, ...call) => wp.api(tokens[who], ...call);

before(async () => {
  wp = await startWaypoint();
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  await admin.get("/admin/organisations/new");
  assert.equal((await admin.post("/admin/organisations/new", { kind: "la", name: "Westshire", urn: "", parent_id: "" })).status, 303);
  west.la = wp.sql("SELECT id FROM organisations WHERE name = 'Westshire'");
  await admin.get("/admin/organisations/new");
  assert.equal((await admin.post("/admin/organisations/new", { kind: "school", name: "Westshire High", urn: "149777", parent_id: west.la })).status, 303);
  west.school = wp.sql("SELECT id FROM organisations WHERE name = 'Westshire High'");
  for (const [email, role, org] of [["officer@westshire.example", "la_officer", west.la], ["ap.lead@westshire.example", "ap_lead", west.school]]) {
    const made = wp.cli(["user", "add", "--email", email, "--name", email.split("@")[0], "--role", role, "--organisation-id", org], DEMO_PASSWORD + "\n");
    assert.equal(made.status, 0, made.stderr);
  }
  for (const [who, email] of Object.entries({ westOfficer: "officer@westshire.example", westLead: "ap.lead@westshire.example", officer: DEMO.laOfficer, lead: DEMO.apLead, manager: DEMO.providerManager, tutor: DEMO.providerStaff, dsl: DEMO.dsl }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  const made = await api("westOfficer", "POST", "/providers", { name: "Tamar Learning", kind: "unregistered", contact_name: "T", contact_email: "t@tamar.example", delivery: "in_person" });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  west.provider = made.body.id;
});
after(async () => wp.stop());

test("only the provider's own LA verifies its checks; a school's check is that school's own acceptance", async () => {
  const checks = () => count(`SELECT COUNT(*) FROM provider_checks WHERE provider_id = ${west.provider}`);
  const standing = () => wp.sql(`SELECT standing FROM providers WHERE organisation_id = ${west.provider}`);
  const before = standing();
  const insurance = { check_type: "insurance", outcome: "met", completed_on: day(-3) };

  const byLead = await api("lead", "POST", `/providers/${west.provider}/checks`, insurance);
  assert.equal(byLead.status, 201);
  assert.equal(checks(), 0, "the school's check is not the provider's");
  assert.equal(standing(), before);
  assert.match(wp.sql(`SELECT notes FROM provider_acceptances WHERE provider_id = ${west.provider} AND school_id = 2`), /insurance: met on/);
  const seen = (await api("westLead", "GET", `/providers/${west.provider}`)).body;
  assert.equal(seen.checks.length, 0, "another school sees nothing of it");

  const refusedBefore = refusals("provider.check_record") + refusals("provider.evidence_submit");
  assert.equal((await api("officer", "POST", `/providers/${west.provider}/checks`, insurance)).status, 403, "another area's LA");
  assert.equal(checks(), 0);
  assert.equal(refusals("provider.check_record") + refusals("provider.evidence_submit"), refusedBefore + 1, "the refusal is audited");

  const own = await api("westOfficer", "POST", `/providers/${west.provider}/checks`, insurance);
  assert.equal(own.status, 201);
  assert.equal(checks(), 1);
  const submitted = await api("manager", "POST", "/providers/5/checks", { check_type: "qa_visit", outcome: "met", completed_on: day(-2) });
  assert.equal(submitted.status, 201);
  for (const who of ["lead", "westOfficer", "westLead"]) {
    const verify = await api(who, "POST", `/providers/5/checks/${submitted.body.id}/verify`, {});
    assert.equal(verify.status, 403, who);
  }
  assert.equal(wp.sql(`SELECT COUNT(*) FROM provider_checks WHERE verified_by IS NULL AND id = ${submitted.body.id}`), "1");
  assert.equal(refusals("provider.check_verify"), 3);
  assert.equal((await api("officer", "POST", `/providers/5/checks/${submitted.body.id}/verify`, {})).status, 200);
});

test("evidence files download only for the provider, its LA and schools placing pupils there", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  await manager.get("/providers/5");
  const sent = await manager.upload("/providers/5/checks", { check_type: "insurance", outcome: "met", completed_on: day(-1) },
    { evidence: { name: "insurance.pdf", bytes: pdf, type: "application/pdf" } });
  assert.equal(sent.status, 303);
  const file = wp.sql("SELECT id FROM provider_check_files ORDER BY id DESC LIMIT 1");
  const download = async (email) => {
    const c = wp.client();
    await c.signIn(email);
    return (await c.get(`/providers/5/evidence/${file}`)).status;
  };
  assert.equal(await download(DEMO.providerManager), 200);
  assert.equal(await download(DEMO.laOfficer), 200);
  assert.equal(await download(DEMO.apLead), 200, "Oakfield has Aisha placed at Bridgeway");
  const before = refusals("provider.evidence_download");
  for (const email of [DEMO.dsl, "ap.lead@westshire.example", "officer@westshire.example"]) assert.equal(await download(email), 403, email);
  assert.equal(await download(DEMO.providerStaff), 403);
  assert.equal(refusals("provider.evidence_download"), before + 4);
  const page = decode((await (async () => { const c = wp.client(); await c.signIn("ap.lead@westshire.example"); return c.get("/providers/5"); })()).text);
  assert.doesNotMatch(page, /evidence\//, "no link to what cannot be downloaded");
});

test("an LA's GIAS import never changes another LA's provider that has the same URN", async () => {
  const urn = wp.sql("SELECT urn FROM organisations WHERE kind = 'provider' AND parent_id = 1 AND urn IS NOT NULL ORDER BY id LIMIT 1");
  const name = wp.sql(`SELECT name FROM organisations WHERE urn = '${urn}'`);
  const csv = `URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),UKPRN,Street,Town,Postcode\n${urn},879,Westshire,Renamed By Westshire,Pupil referral unit,Open,,1 High St,Plymouth,PL1 1AA\n`;
  const officer = wp.client();
  await officer.signIn("officer@westshire.example");
  await officer.get("/providers/import");
  const res = await officer.upload("/providers/import", {}, { file: { name: "extract.csv", bytes: Buffer.from(csv), type: "text/csv" } });
  assert.equal(res.status, 200);
  assert.match(decode(res.text), new RegExp(`URN ${urn} is ${name}, in another local authority's directory: it was left as it is`));
  assert.equal(wp.sql(`SELECT name FROM organisations WHERE urn = '${urn}'`), name);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM provider_sites WHERE postcode = 'PL1 1AA'`), "0");
});

test("refused writes to alerts and providers leave one audit entry each", async () => {
  const made = await api("tutor", "POST", "/pupils/1/concerns", { category: "neglect", happened_on: day(0), what_happened: "Hungry" });
  assert.equal(made.status, 201);
  const alert = wp.sql("SELECT id FROM alerts WHERE kind = 'safeguarding_concern' ORDER BY id DESC LIMIT 1");
  const actionsBefore = count(`SELECT COUNT(*) FROM alert_actions WHERE alert_id = ${alert}`);
  assert.equal((await api("lead", "POST", `/alerts/${alert}/actions`, { action: "home_visit", note: "" })).status, 404, "the DSL's alert, not the AP lead's");
  assert.equal((await api("westOfficer", "POST", `/alerts/${alert}/close`, { outcome: "pupil_safe" })).status, 404);
  assert.equal(count(`SELECT COUNT(*) FROM alert_actions WHERE alert_id = ${alert}`), actionsBefore);
  assert.equal(count(`SELECT COUNT(*) FROM audit_events WHERE action = 'alert.action_refused' AND entity_id = ${alert}`), 1);
  assert.equal(count(`SELECT COUNT(*) FROM audit_events WHERE action = 'alert.close_refused' AND entity_id = ${alert}`), 1);
  assert.equal((await api("dsl", "POST", `/alerts/${alert}/actions`, { action: "home_visit", note: "" })).status, 201);

  const name = wp.sql("SELECT name FROM organisations WHERE id = 5");
  const put = await api("lead", "PUT", "/providers/5", { name: "Mine now", kind: "state_ap", contact_name: "X", contact_email: "x@x.example", delivery: "in_person" });
  assert.equal(put.status, 403);
  assert.equal(wp.sql("SELECT name FROM organisations WHERE id = 5"), name);
  assert.equal(count("SELECT COUNT(*) FROM audit_events WHERE action = 'provider.update_refused' AND entity_id = 5"), 1);
  assert.equal(count("SELECT COUNT(*) FROM audit_events WHERE action = 'access.refused'"), 0, "refused once, by the envelope, not again by the web layer");
});
