import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, recentRegisterDay } from "../support/waypoint.mjs";

// Input that keeps its meaning: a value of the wrong type, too long, or with characters that would
// hide or reorder text is refused with its field named, and nothing already saved changes.
let wp;
const tokens = {};
const api = (who, ...call) => wp.api(tokens[who], ...call);
const pupil = { upn: "A123456789012", given_name: "Zofia", family_name: "Nowak", date_of_birth: "2012-05-01", gender: "F" };
const pupils = () => wp.sql("SELECT COUNT(*) FROM pupils");
const fields = (res) => res.body.errors.map((e) => e.field);

before(async () => {
  wp = await startWaypoint();
  for (const [who, email] of Object.entries({ lead: DEMO.apLead, tutor: DEMO.providerStaff }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
});
after(async () => wp.stop());

test("a field of the wrong type is refused by name, never dropped", async () => {
  const before = pupils();
  const res = await api("lead", "POST", "/pupils", { ...pupil, looked_after: "true" });
  assert.equal(res.status, 422);
  assert.deepEqual(res.body.errors, [{ field: "looked_after", message: "Looked after must be true or false" }]);
  for (const [field, value] of [["given_name", { first: "Zofia" }], ["needs", "semh"], ["child_in_need", 1], ["family_name", true]]) {
    const r = await api("lead", "POST", "/pupils", { ...pupil, [field]: value });
    assert.equal(r.status, 422, field);
    assert.deepEqual(fields(r), [field]);
  }
  assert.equal(pupils(), before);
  const ok = await api("lead", "POST", "/pupils", { ...pupil, looked_after: true, needs: ["semh"] });
  assert.equal(ok.status, 201);
  assert.equal(wp.sql(`SELECT looked_after FROM pupils WHERE id = ${ok.body.id}`), "1");
});

test("names have a length limit and refuse control and direction-changing characters, in the API and the pages", async () => {
  const before = pupils();
  const cases = [
    ["x".repeat(10000), "Given name must be 100 characters or fewer"],
    ["Zo\u0007fia", "Given name must be one line, without control characters"],
    ["Zofia\nNowak", "Given name must be one line, without control characters"],
    ["Zofia\u202Eexe.gnp", "Given name must not contain characters that change the direction of the text around them"],
  ];
  for (const [name, message] of cases) {
    const r = await api("lead", "POST", "/pupils", { ...pupil, upn: "B123456789012", given_name: name });
    assert.equal(r.status, 422, JSON.stringify(name));
    assert.deepEqual(r.body.errors, [{ field: "given_name", message }]);
  }
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  await lead.get("/pupils/new");
  const page = await lead.post("/pupils/new", { upn: "B123456789012", given_name: "Zofia\u2067", family_name: "Nowak", date_of_birth: "2012-05-01", gender: "F" });
  assert.equal(page.status, 422);
  assert.deepEqual(errorMessages(page.text), [{ field: "given_name", message: "Given name must not contain characters that change the direction of the text around them" }]);
  assert.equal(pupils(), before);
  const phone = await api("lead", "POST", "/pupils/1/contacts", { role: "parent", name: "A Parent", relationship: "Mother", phone: "0".repeat(31) });
  assert.equal(phone.status, 422);
  assert.deepEqual(fields(phone), ["phone"]);
});

test("a field the request does not take is refused by name, at any depth, and nothing is saved", async () => {
  const when = await (async () => { const c = wp.client(); await c.signIn(DEMO.providerStaff); return recentRegisterDay(c, "Aisha Walker"); })();
  const marks = () => wp.sql("SELECT COUNT(*) FROM attendance_marks");
  const before = [pupils(), marks()];
  const misspelt = await api("lead", "POST", "/pupils", { ...pupil, lookedafter: true });
  assert.equal(misspelt.status, 422);
  assert.deepEqual(misspelt.body.errors, [{ field: "lookedafter", message: '"lookedafter" is not a field this request takes' }]);
  const note = await api("tutor", "POST", "/register", { date: when, session: "am", marks: [{ pupil_id: 1, mark: "present" }, { pupil_id: 1, mark: "present", note: "came in with mum" }] });
  assert.equal(note.status, 422);
  assert.deepEqual(fields(note), ["marks[1].note"]);
  // An operation that takes no body refuses any field sent with it.
  const agree = await api("lead", "POST", "/placements/1/agree", { reason: "agreed on the phone" });
  assert.equal(agree.status, 422);
  assert.deepEqual(fields(agree), ["reason"]);
  assert.deepEqual([pupils(), marks()], before);
});

test("an entry of a list that cannot be read is refused by name, not left out", async () => {
  const main = Number(wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1"));
  const site = await api("lead", "POST", "/pupils/2/placements", { provider_id: 5, legal_basis: "off_site_direction", reason: "semh", objectives: "Re-engage", start_date: "2027-01-04", planned_end_date: "2027-03-26", site_ids: [main, "the main site"], paid_by: "school", report_to: "Ms Ward" });
  assert.equal(site.status, 422);
  assert.deepEqual(fields(site), ["site_ids"]);
  const value = await api("tutor", "POST", "/placements/1/progress", { date: "2026-11-23", period: "am", engagement: 4, values: [{ objective_id: "maths", value: "3" }] });
  assert.equal(value.status, 422);
  assert.deepEqual(fields(value), ["values[0].objective_id"]);
  const step = await api("lead", "PUT", "/placements/1/return", { criteria: [], steps: [{ starts_on: "2027-01-04", days_at_school: [1, "Tuesday"] }], key_adult: "Ms Ali" });
  assert.equal(step.status, 422);
  assert.deepEqual(fields(step), ["steps[0].days_at_school"]);
});

test("a register sent without its date, session or marks, or with malformed marks, is refused and records nothing", async () => {
  const when = await (async () => { const c = wp.client(); await c.signIn(DEMO.providerStaff); return recentRegisterDay(c, "Aisha Walker"); })();
  const marks = () => wp.sql("SELECT COUNT(*) FROM attendance_marks");
  const before = marks();
  const empty = await api("tutor", "POST", "/register", {});
  assert.equal(empty.status, 422);
  assert.deepEqual(fields(empty), ["date", "session", "marks"]);
  const malformed = await api("tutor", "POST", "/register", { date: when, session: "am", marks: [{ mark: "present" }, "present", { pupil_id: "one", mark: "present" }, { pupil_id: 1 }] });
  assert.equal(malformed.status, 422);
  assert.deepEqual(fields(malformed), ["marks[1]", "marks[0].pupil_id", "marks[1].pupil_id", "marks[1].mark", "marks[2].pupil_id", "marks[3].mark"]);
  const notList = await api("tutor", "POST", "/register", { date: when, session: "am", marks: { pupil_id: 1 } });
  assert.deepEqual(fields(notList), ["marks"]);
  assert.equal(marks(), before);
  const ok = await api("tutor", "POST", "/register", { date: when, session: "am", marks: [{ pupil_id: 1, mark: "present" }] });
  assert.equal(ok.status, 200);
  assert.equal(Number(marks()), Number(before) + 1);
});
