import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, decode, day, agreePlan, attendanceObjective, readXlsx } from "../support/waypoint.mjs";

// Daisy (placement 4) and Callum (placement 3) started at Bridgeway 6 days ago (in term time). Daisy goes back to
// Oakfield full time yesterday and her placement ends today; Callum moves on to another AP today.
// Aisha's (placement 1, started 40 days ago) is still running.
let wp;
let school;
const tokens = {};
const period = `from=${day(-60)}&to=${day(0)}`;
before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["user", "add", "--email", "lead@riverside.example", "--name", "Someone Else", "--role", "ap_lead", "--organisation-id", "3"], DEMO_PASSWORD + "\n");
  assert.equal(made.status, 0, made.stderr);
  for (const [who, email] of Object.entries({ school: DEMO.apLead, officer: DEMO.laOfficer, manager: DEMO.providerManager, riverside: "lead@riverside.example", parent: DEMO.parent, tutor: DEMO.providerStaff }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  await agreePlan(school, 4, [attendanceObjective(), { area: "suspensions", description: "No suspensions", baseline_value: "2", baseline_date: day(-6), baseline_source: "Oakfield records", target: "0", measure: "Suspensions a term", unit: "", target_date: day(100), responsible: "Head of year" }]);
  // Daisy's return: a review decides on it, she is back every day from yesterday, a first check.
  const review = await api("school", "POST", "/placements/4/reviews", { held_on: day(-1), attendees: ["pupil", "parents"], pupil_voice: "Ready", parent_voice: "Ready", objectives: [{ value: "70", change_reason: "From the school's register" }, { value: "0", change_reason: "None since the start" }], decision: "start_reintegration", next_review_on: day(27) });
  assert.equal(review.status, 201, JSON.stringify(review.body));
  assert.equal((await api("school", "PUT", "/placements/4/return", { criteria: [{ objective: 1, criterion: "On time every morning" }], steps: [{ starts_on: day(-1), days_at_school: [1, 2, 3, 4, 5] }], key_adult: "Ms Ali", responsibilities: "Oakfield" })).status, 200);
  assert.equal((await api("school", "POST", "/placements/4/return/steps/1")).status, 200);
  assert.equal((await api("school", "POST", "/placements/4/return/follow-ups", { number: 1, checked_on: day(0), attendance_percent: "96.5", suspensions: 0, engagement: 4, holding: "yes" })).status, 201);
  for (const [id, reason, destination] of [[4, "reintegrated", "home_school"], [3, "moved_on", "another_ap"]]) {
    const ended = await api("school", "POST", `/placements/${id}/end`, { ended_on: day(0), end_reason: reason, destination, pupil_assessment: "It helped", parent_view: "Grateful" });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
  }
});
after(async () => wp.stop());

const api = (who, ...call) => wp.api(tokens[who], ...call);
const figure = (body, key) => body.figures.find((f) => f.key === key);

test("the school's figures: started and ended, median length, back in mainstream, attendance and destinations, each with its pupils", async () => {
  const res = await api("school", "GET", `/outcomes?${period}`);
  assert.equal(res.status, 200);
  const started = wp.sql(`SELECT id FROM placements WHERE school_id = 2 AND status IN ('active', 'ended') AND COALESCE(activated_on, start_date) BETWEEN '${day(-60)}' AND '${day(0)}' ORDER BY COALESCE(activated_on, start_date), id`).split("\n").map(Number);
  assert.deepEqual(figure(res.body, "started").placement_ids.sort(), started.sort());
  assert.deepEqual(figure(res.body, "ended").placement_ids.sort(), [3, 4]);
  // Both started on the same day: 6 days ago in term time, earlier when the demo loads in a holiday.
  const ran = (Date.parse(day(0)) - Date.parse(wp.sql("SELECT start_date FROM placements WHERE id = 3"))) / 86400000;
  assert.equal(wp.sql("SELECT start_date FROM placements WHERE id = 4"), wp.sql("SELECT start_date FROM placements WHERE id = 3"));
  assert.equal(figure(res.body, "median_length").value, `${(ran / 7).toFixed(1)} weeks`, `both ran ${ran} days`);
  assert.equal(figure(res.body, "reintegrated").value, "1 of 2 (50.0%)");
  assert.deepEqual(figure(res.body, "reintegrated").placement_ids, [4]);
  assert.equal(figure(res.body, "attendance_before").value, "62.0% (1 pupil)", "Daisy's plan's baseline");
  assert.equal(figure(res.body, "attendance_after").value, "96.5% (1 pupil)");
  assert.equal(figure(res.body, "suspensions_before").value, "2 (1 pupil)");
  assert.equal(figure(res.body, "suspensions_after").value, "0 (1 pupil)");
  assert.equal(figure(res.body, "holding_12_weeks").value, "None to count", "the 12-week check is not due yet");
  assert.deepEqual(res.body.figures.filter((f) => f.key.startsWith("destination_")).map((f) => [f.key, f.placement_ids]),
    [["destination_home_school", [4]], ["destination_another_ap", [3]]]);
  assert.deepEqual(res.body.by_provider.map((p) => p.name), ["Bridgeway Pupil Referral Unit"]);

  // The figure's link lists the pupils behind it, and the read is audited.
  const page = decode((await school.get(`/outcomes/pupils?figure=reintegrated&${period}`)).text);
  assert.match(page, /<a class="govuk-link" href="\/placements\/4">Daisy Murphy<\/a>/);
  assert.doesNotMatch(page, /Callum Patel/);
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'outcomes.pupils' ORDER BY id DESC LIMIT 1"), /"pupil_ids":\[4\]/);
  assert.equal((await school.get(`/outcomes/pupils?figure=nonsense&${period}`)).status, 404);

  // The API lists the same pupils from the same presenter, and its read is audited too.
  const behind = await api("school", "GET", `/outcomes/pupils?figure=ended&${period}`);
  assert.equal(behind.status, 200);
  assert.equal(behind.body.figure.value, figure(res.body, "ended").value);
  assert.deepEqual(behind.body.placements.map((p) => [p.placement_id, p.pupil_name, p.destination]).sort(),
    [[3, "Callum Patel", "another_ap"], [4, "Daisy Murphy", "home_school"]]);
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'outcomes.pupils' ORDER BY id DESC LIMIT 1"), /"pupil_ids":\[\d+,\d+\]/);
  assert.equal((await api("school", "GET", `/outcomes/pupils?figure=nonsense&${period}`)).status, 404);
  assert.deepEqual((await api("riverside", "GET", `/outcomes/pupils?figure=ended&${period}`)).body.placements, []);
});

test("the CSV and XLSX hold exactly the rows of the page", async () => {
  const html = decode((await school.get(`/outcomes?${period}`)).text);
  assert.match(html, /<svg class="waypoint-chart"[^>]*role="img" aria-labelledby="attendance-chart-title attendance-chart-desc"/);
  assert.match(html, /aria-labelledby="destinations-chart-title destinations-chart-desc"/);
  const table = html.match(/<table class="govuk-table" id="outcome-figures">([\s\S]*?)<\/table>/)[1];
  const pageRows = [...table.matchAll(/<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">([^<]*)<\/th><td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell">(?:<a[^>]*>)?(\d+)/g)]
    .map((m) => ["Oakfield Academy", m[1], m[2], m[3]]);
  assert.ok(pageRows.length >= 12, `${pageRows.length} rows on the page`);

  const csv = await school.get(`/outcomes.csv?${period}`);
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines[0], "Scope,Figure,Value,Pupils");
  const parse = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, 4);
  const csvRows = lines.slice(1).map(parse).filter((r) => r[0] === "Oakfield Academy");
  assert.deepEqual(csvRows, pageRows);

  const res = await fetch(`${wp.url}/outcomes.xlsx?${period}`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const { strings, sheet } = readXlsx(Buffer.from(await res.arrayBuffer()));
  const decodeXml = (s) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  const shared = [...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1]));
  for (const [, label, value] of pageRows) {
    assert.ok(shared.includes(label), label);
    assert.ok(shared.includes(value), value);
  }
  assert.equal((sheet.match(/<row /g) || []).length, lines.length, "as many rows as the CSV");
});

test("each scope sees only its own: the LA its area by school, the provider its own placements, another school nothing of Oakfield's", async () => {
  const la = await api("officer", "GET", `/outcomes?${period}`);
  assert.equal(la.status, 200);
  assert.equal(la.body.scope, "Exeshire County Council");
  assert.deepEqual(la.body.by_school.map((s) => s.name), ["Oakfield Academy"]);
  assert.deepEqual(figure(la.body, "ended").placement_ids.sort(), [3, 4]);
  const provider = await api("manager", "GET", `/outcomes?${period}`);
  assert.equal(provider.body.scope, "Bridgeway Pupil Referral Unit");
  assert.deepEqual(figure(provider.body, "ended").placement_ids.sort(), [3, 4]);
  assert.deepEqual(provider.body.by_provider, []);
  const riverside = await api("riverside", "GET", `/outcomes?${period}`);
  assert.equal(riverside.status, 200);
  assert.deepEqual(figure(riverside.body, "started").placement_ids, []);
  const rc = wp.client();
  await rc.signIn("lead@riverside.example");
  assert.doesNotMatch(decode((await rc.get(`/outcomes/pupils?figure=ended&${period}`)).text), /Daisy Murphy/);
  for (const who of ["parent", "tutor"]) assert.equal((await api(who, "GET", `/outcomes?${period}`)).status, 403, who);

  // A period the wrong way round, or not a date, is named.
  const bad = await school.get("/outcomes?from=2026-02-30&to=soon");
  assert.equal(bad.status, 422);
  assert.match(decode(bad.text), /From must be a real date/);
  const backwards = await api("school", "GET", `/outcomes?from=${day(0)}&to=${day(-1)}`);
  assert.equal(backwards.status, 422);
  assert.equal(backwards.body.errors[0].field, "to");
});
