import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startWaypoint, DEMO, DEMO_PASSWORD, day, agreePlan, attendanceObjective, engine } from "../support/waypoint.mjs";

// Every role of another area (Westshire, with a school, a provider and a user in every role) tries
// every API route that takes an id with the demo area's ids (Exeshire's pupil, placement, alert,
// concern, review, provider, letter, intervention, data request, challenge, outreach case), by GET, POST and PUT. Each is refused as if the record did not exist,
// nothing changes, and each refusal is one entry on the audit trail.
const openapi = JSON.parse(readFileSync(fileURLToPath(new URL("../../resources/openapi.json", import.meta.url)), "utf8"));
const roles = ["ap_lead", "school_dsl", "headteacher", "provider_manager", "provider_staff", "la_officer", "la_designated_officer", "parent", "pupil"];

let wp;
const tokens = {};
const ids = {};

// Rows of every table but the ones each request writes to by design (the trail and its head, with
// each year of the trail on PostgreSQL; sessions, token use), and the entries on the trail, counted in
// one query: { rows, trail }. One query a look, as each starts a database client.
let countAll;
function look() {
  if (!countAll) {
    const skip = "('audit_events', 'audit_chain_head', 'sessions', 'api_tokens', 'sign_in_attempts', 'schema_migrations', 'outbound_mail')";
    const tables = wp.sql(engine === "postgres"
      ? `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ${skip} AND table_name NOT LIKE 'audit\\_events\\_%' ORDER BY 1`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ${skip} ORDER BY name`);
    countAll = ["SELECT 'trail:' || COUNT(*) FROM audit_events", ...tables.split("\n").map((t) => `SELECT '${t}:' || COUNT(*) FROM ${t}`)].join(" UNION ALL ");
  }
  const lines = wp.sql(countAll).split("\n");
  const trail = lines.find((l) => l.startsWith("trail:"));
  return { rows: lines.filter((l) => l !== trail).join("\n"), trail: Number(trail.slice("trail:".length)) };
}

before(async () => {
  wp = await startWaypoint();
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  await admin.get("/admin/organisations/new");
  await admin.post("/admin/organisations/new", { kind: "la", name: "Westshire", urn: "", parent_id: "" });
  const la = wp.sql("SELECT id FROM organisations WHERE name = 'Westshire'");
  await admin.get("/admin/organisations/new");
  await admin.post("/admin/organisations/new", { kind: "school", name: "Westshire High", urn: "149777", parent_id: la });
  await admin.get("/admin/organisations/new");
  await admin.post("/admin/organisations/new", { kind: "provider", name: "Tamar Learning", urn: "", parent_id: la });
  const school = wp.sql("SELECT id FROM organisations WHERE name = 'Westshire High'");
  const provider = wp.sql("SELECT id FROM organisations WHERE name = 'Tamar Learning'");
  assert.ok(la && school && provider, "Westshire is set up");
  const org = { ap_lead: school, school_dsl: school, headteacher: school, parent: school, pupil: school, provider_manager: provider, provider_staff: provider, la_officer: la, la_designated_officer: la };
  for (const role of roles) {
    const email = `${role}@westshire.example`;
    const made = wp.cli(["user", "add", "--email", email, "--name", role, "--role", role, "--organisation-id", org[role]], DEMO_PASSWORD + "\n");
    assert.equal(made.status, 0, made.stderr);
    tokens[role] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  }

  // Exeshire's records: Aisha (pupil 1) and her placement at Bridgeway (provider 5), with an agreed
  // plan, a review, a concern and the DSL's alert about it.
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  const demo = (email) => wp.cli(["token", "create", "--email", email]).stdout.trim();
  const leadToken = demo(DEMO.apLead);
  ids.pupil = "1";
  ids.placement = wp.sql("SELECT id FROM placements WHERE pupil_id = 1");
  ids.provider = "5";
  await agreePlan(lead, ids.placement, [attendanceObjective()]);
  const review = await wp.api(leadToken, "POST", `/placements/${ids.placement}/reviews`, {
    held_on: day(0), attendees: ["pupil", "parents"], pupil_voice: "Fine", parent_voice: "Good",
    objectives: [{ value: "50", change_reason: "From the school's own register" }], decision: "continue", next_review_on: day(42),
  });
  assert.equal(review.status, 201, JSON.stringify(review.body));
  ids.review = String(review.body.id);
  ids.letter = wp.sql("SELECT MIN(id) FROM letters");  // the review's summary, sent to Aisha's father
  const restraint = await wp.api(leadToken, "POST", "/pupils/1/interventions", { date: day(0), time: "10:00", place: "Hall", staff: "Mr Cole", led_up_to: "A fight", de_escalation: "Talk", kind: "other_force", minutes: 2, reason: "injury_to_others", injuries: "None", support_afterwards: "Talk" });
  assert.equal(restraint.status, 201, JSON.stringify(restraint.body));
  ids.intervention = String(restraint.body.id);
  const asked = await wp.api(demo(DEMO.parent), "POST", "/pupils/1/data-requests", { kind: "access" });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  ids.dataRequest = String(asked.body.id);
  const concern = await wp.api(demo(DEMO.providerStaff), "POST", "/pupils/1/concerns", { category: "neglect", happened_on: day(0), what_happened: "Hungry" });
  ids.concern = String(concern.body.id);
  ids.alert = wp.sql("SELECT id FROM alerts ORDER BY id DESC LIMIT 1");
  const challenge = await wp.api(leadToken, "POST", `/placements/${ids.placement}/challenges`, { category: "communication", what_happened: "No reply to e-mails", asked_for: "A weekly call", answer_by: day(59) });
  assert.equal(challenge.status, 201, JSON.stringify(challenge.body));
  ids.challenge = String(challenge.body.id);
  const outreach = await wp.api(leadToken, "POST", "/pupils/2/outreach", { worker_email: DEMO.providerStaff, referred_because: "not_attending" });
  assert.equal(outreach.status, 201, JSON.stringify(outreach.body));
  ids.outreach = String(outreach.body.id);
  ids.check = String((await wp.api(demo(DEMO.providerManager), "POST", "/providers/5/checks", { check_type: "qa_visit", outcome: "met", completed_on: day(-1) })).body.id);
});
after(async () => wp.stop());

// The id a path's {id} names, by the noun before it.
function fill(path) {
  const noun = path.split("/")[1];
  const first = { pupils: ids.pupil, placements: ids.placement, providers: ids.provider, alerts: ids.alert, concerns: ids.concern, reviews: ids.review, letters: ids.letter, interventions: ids.intervention, "data-requests": ids.dataRequest, challenges: ids.challenge, outreach: ids.outreach }[noun];
  // {user}: the demo parent's account (7), Aisha's father.
  return path.replace("{id}", first).replace("{check}", ids.check).replace("{step}", "1").replace("{user}", "7");
}

// The directory of providers is open to schools and LA officers everywhere (a provider's details
// are not children's data): they read another area's entry, and are forbidden (403) to change it.
// A school may record its own check of any provider: it is that school's own acceptance (201).
function expected(role, method, path) {
  const directory = ["ap_lead", "school_dsl", "headteacher", "la_officer"].includes(role);
  if (!path.startsWith("/providers/") || !directory) return 404;
  if (method === "get") return 200;
  if (path === "/providers/{id}/checks" && ["ap_lead", "headteacher"].includes(role)) return 201;
  return 403;
}

const routes = Object.entries(openapi.paths).filter(([p]) => p.includes("{"))
  .flatMap(([p, ops]) => Object.keys(ops).filter((m) => ["get", "post", "put"].includes(m)).map((m) => [m, p]));

test("the published API has routes with ids to try", () => assert.ok(routes.length >= 40, `${routes.length} routes`));

for (const role of roles) {
  test(`${role} of another area gets 404 for another organisation's ids on every route, changes nothing, and each refusal is audited once`, async () => {
    const unexpected = [];
    // What one route's request left is what the next one starts from.
    let before = look();
    for (const [method, path] of routes) {
      const want = expected(role, method, path);
      const body = method === "get" ? undefined : path === "/providers/{id}/checks" ? { check_type: "insurance", outcome: "met", completed_on: day(-1) } : {};
      const res = await wp.api(tokens[role], method.toUpperCase(), fill(path), body);
      const after = look();
      const audited = after.trail - before.trail;
      if (res.status !== want) unexpected.push(`${method.toUpperCase()} ${path}: ${res.status}, expected ${want}`);
      if ((want === 404 || want === 403) && after.rows !== before.rows) unexpected.push(`${method.toUpperCase()} ${path}: something changed`);
      if ((want === 404 || want === 403) && audited !== 1) unexpected.push(`${method.toUpperCase()} ${path}: ${audited} audit entries`);
      before = after;
    }
    assert.deepEqual(unexpected, []);
  });
}
