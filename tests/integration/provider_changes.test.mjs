import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("the LA officer edits a provider's entry; bad input is named and the entry is unchanged", async () => {
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const form = await officer.get("/providers/7/edit");
  assert.equal(form.status, 200);
  assert.match(form.text, /value="Fresh Start Tutoring"/);
  assert.match(form.text, /id="key_stages-ks3" name="key_stages" type="checkbox" value="ks3" checked/);
  const bad = await officer.post("/providers/7/edit", { name: "Fresh Start Tutoring", kind: "tutor", contact_name: "Jo Brennan", contact_email: "broken", delivery: "in_person", capacity: "-3" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["contact_email", "capacity"]);
  assert.equal(wp.sql("SELECT contact_email FROM providers WHERE organisation_id = 7"), "jo@freshstart.example");
  const ok = await officer.post("/providers/7/edit", {
    name: "Fresh Start Tutoring Ltd", kind: "tutor", contact_name: "Jo Brennan", contact_email: "jo@freshstart.example",
    delivery: "both", capacity: "10", cost: "50", cost_unit: "session", key_stages: "ks3",
  });
  assert.equal(ok.status, 303);
  const page = decode((await officer.get("/providers/7")).text);
  assert.match(page, /Fresh Start Tutoring Ltd/);
  assert.match(page, /£50.00 per session/);
  assert.match(page, /In person and online/);
});

test("a provider's manager edits its own offer but not its registration, and not another provider", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  const form = await manager.get("/providers/5/edit");
  assert.equal(form.status, 200);
  assert.match(form.text, /kept by the local authority/);
  assert.doesNotMatch(form.text, /id="urn"/);
  const res = await manager.post("/providers/5/edit", {
    name: "Renamed by the provider", kind: "tutor", urn: "999999", contact_name: "Sam Taylor", contact_email: "sam@bridgeway.example",
    delivery: "in_person", capacity: "35",
  });
  assert.equal(res.status, 303);
  assert.equal(wp.sql("SELECT o.name || '|' || o.urn || '|' || p.provider_kind || '|' || p.capacity FROM providers p JOIN organisations o ON o.id = p.organisation_id WHERE p.organisation_id = 5"),
    "Bridgeway Pupil Referral Unit|149101|state_ap|35");
  assert.equal((await manager.get("/providers/6/edit")).status, 404);
  await manager.get("/providers/5");
  assert.equal((await manager.post("/providers/6/edit", { name: "x" })).status, 404);
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  assert.equal((await school.get("/providers/5/edit")).status, 403);
});

test("the API creates a provider, adds a site and checks, verifies one, with 422 field errors for bad input", async () => {
  const token = wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim();
  const call = (method, path, body) => fetch(wp.url + "/api/v1" + path, {
    method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const notJson = await call("POST", "/providers", "{not json");
  assert.equal(notJson.status, 422);
  assert.deepEqual(await notJson.json(), { errors: [{ field: "body", message: "The body must be a JSON object" }] });
  const bad = await call("POST", "/providers", { name: "Quay School", kind: "state_ap", contact_name: "A", contact_email: "a@quay.example", delivery: "in_person" });
  assert.equal(bad.status, 422);
  assert.deepEqual((await bad.json()).errors.map((e) => e.field), ["urn"]);
  const made = await call("POST", "/providers", {
    name: "Quay School", kind: "state_ap", urn: 149401, contact_name: "A", contact_email: "a@quay.example", delivery: "in_person",
    key_stages: ["ks3"], subjects: ["English", "maths"], capacity: 12,
  });
  assert.equal(made.status, 201);
  const { id } = await made.json();
  const site = await call("POST", `/providers/${id}/sites`, { name: "Quay", address: "1 Quay", postcode: "ex2 4an", relationship: "main" });
  assert.equal(site.status, 201);
  const badCheck = await call("POST", `/providers/${id}/checks`, { check_type: "insurance", outcome: "maybe", completed_on: "2026-02-30" });
  assert.deepEqual((await badCheck.json()).errors.map((e) => e.field), ["outcome", "completed_on"]);
  const check = await call("POST", `/providers/${id}/checks`, { check_type: "insurance", outcome: "met", completed_on: "2026-10-01" });
  assert.equal(check.status, 201);
  const entry = await (await fetch(wp.url + `/api/v1/providers/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  assert.equal(entry.sites[0].postcode, "EX2 4AN");
  assert.equal(entry.checks[0].verified, true, "recorded by the LA, a check is verified at once");
  assert.equal(entry.standing.code, "not_approved");
  const updated = await call("PUT", `/providers/${id}`, { name: "Quay School", kind: "state_ap", urn: "149401", contact_name: "B", contact_email: "b@quay.example", delivery: "in_person" });
  assert.equal(updated.status, 200);
  assert.equal((await updated.json()).contact.name, "B");

  const managerToken = wp.cli(["token", "create", "--email", DEMO.providerManager]).stdout.trim();
  const submitted = await fetch(wp.url + "/api/v1/providers/5/checks", {
    method: "POST", headers: { authorization: `Bearer ${managerToken}` }, body: JSON.stringify({ check_type: "qa_visit", outcome: "met", completed_on: "2026-10-01" }),
  });
  assert.equal(submitted.status, 201);
  const checkId = (await submitted.json()).id;
  assert.equal((await call("POST", `/providers/6/checks/${checkId}/verify`, {})).status, 404, "the check belongs to provider 5");
  const verified = await call("POST", `/providers/5/checks/${checkId}/verify`, {});
  assert.equal(verified.status, 200);
  assert.ok((await verified.json()).checks.find((c) => c.id === checkId).verified);
  const refused = await fetch(wp.url + "/api/v1/providers/6/sites", {
    method: "POST", headers: { authorization: `Bearer ${managerToken}` }, body: JSON.stringify({ name: "x", address: "y", postcode: "EX1 1AA", relationship: "main" }),
  });
  assert.equal(refused.status, 404, "another provider's entry is not the manager's to know about");
});

test("a provider's history says who changed what, and is read only within scope", async () => {
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  await officer.get("/providers/6/edit");
  const form = {
    name: "Northgate College", kind: "fe_college", ukprn: "10049102", contact_name: "Ravi Patel",
    contact_email: "ap@northgate.example", contact_phone: "01392 000999", delivery: "in_person", capacity: "25",
    cost: "70", cost_unit: "day", key_stages: ["ks4", "post16"], specialisms: ["vocational"], age_from: "11", age_to: "18",
    subjects: "English, maths", qualifications: "Functional Skills, BTEC", courses: "construction, motor vehicle, hair and beauty",
  };
  const body = new URLSearchParams({ csrf_token: officer.csrf });
  for (const [k, v] of Object.entries(form)) for (const x of [].concat(v)) body.append(k, x);
  const res = await officer.request("POST", "/providers/6/edit", { form: body });
  assert.equal(res.status, 303);
  await officer.get("/providers/6");
  assert.equal((await officer.post("/providers/6/sites", { site_name: "Matford Centre", address: "Matford Lane, Exeter", postcode: "ex2 8aa", relationship: "satellite" })).status, 303);

  const history = decode((await officer.get("/providers/6/history")).text);
  const rows = [...history.matchAll(/<td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows[0], ["Alex Morgan, Exeshire County Council", "Site added: Matford Centre, EX2 8AA"]);
  assert.equal(rows[1][1], "Details changed: Contact phone, Places");

  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  assert.equal((await manager.get("/providers/5/history")).status, 200, "its own entry");
  assert.equal((await manager.get("/providers/6/history")).status, 404, "another provider's");
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/providers/6/history")).status, 404);
});
