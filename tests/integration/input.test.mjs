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
