import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startWaypoint, DEMO, errorMessages, decode } from "../support/waypoint.mjs";

const ctf = readFileSync(new URL("../fixtures/ctf-pupils.xml", import.meta.url));

let wp;
let school;
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(async () => wp.stop());

const pupils = () => wp.sql("SELECT COUNT(*) FROM pupils");

test("a CTF with a bad pupil imports the rest and reports the bad one; a second import adds nobody", async () => {
  const before = Number(pupils());
  await school.get("/pupils/import");
  const res = await school.upload("/pupils/import", {}, { file: { name: "oakfield.xml", bytes: ctf, type: "application/xml" } });
  assert.equal(res.status, 200);
  const page = decode(res.text);
  assert.match(page, /Imported: 2 added, 0 updated, 1 rejected/);
  assert.match(page, /<td class="govuk-table__cell">2<\/td><td class="govuk-table__cell">A12345678901X<\/td>/);
  assert.equal(Number(pupils()), before + 2);
  assert.equal(wp.sql("SELECT needs || '|' || looked_after FROM pupils WHERE upn = 'K999400124031'"), "ehc_plan|1");
  assert.equal(wp.sql("SELECT family_name FROM pupils WHERE upn = 'Z999400124032'"), "Shéridan");

  const again = decode((await school.upload("/pupils/import", {}, { file: { name: "oakfield.xml", bytes: ctf, type: "application/xml" } })).text);
  assert.match(again, /Imported: 0 added, 2 updated, 1 rejected/);
  assert.equal(Number(pupils()), before + 2);
});

test("a CSV names its columns; a pupil on another school's roll is refused; a broken file changes nothing", async () => {
  const riverside = wp.sql("SELECT upn FROM pupils WHERE id = 9");
  const csv = `UPN,Forename,Surname,DOB,Gender\n${riverside},Isaac,Clarke,2017-05-01,M\nK999400124031,Tobi,Okoro,14/10/2012,M\n`;
  const res = decode((await school.upload("/pupils/import", {}, { file: { name: "pupils.csv", bytes: Buffer.from(csv), type: "text/csv" } })).text);
  assert.match(res, /Imported: 0 added, 1 updated, 1 rejected/);
  assert.match(res, /is on another school&#39;s roll|is on another school's roll/);
  assert.equal(wp.sql("SELECT school_id FROM pupils WHERE id = 9"), "3");

  const before = pupils();
  const noHeader = await school.upload("/pupils/import", {}, { file: { name: "x.csv", bytes: Buffer.from("a,b\n1,2\n"), type: "text/csv" } });
  assert.equal(noHeader.status, 422);
  assert.deepEqual(errorMessages(noHeader.text).map((e) => e.field), ["file"]);
  const broken = await school.upload("/pupils/import", {}, { file: { name: "x.xml", bytes: Buffer.from("<CTfile><CTFpupilData>"), type: "application/xml" } });
  assert.equal(broken.status, 422);
  assert.match(decode(broken.text), /its XML is broken/);
  const none = await school.post("/pupils/import");
  assert.equal(none.status, 422);
  assert.deepEqual(errorMessages(none.text), [{ field: "file", message: "Select a CTF or CSV file of pupils" }]);
  assert.equal(pupils(), before);
});

test("only the school imports its pupils", async () => {
  for (const email of [DEMO.parent, DEMO.providerManager, DEMO.laOfficer, DEMO.dsl]) {
    const c = wp.client();
    await c.signIn(email);
    await c.get("/");
    const res = await c.upload("/pupils/import", {}, { file: { name: "oakfield.xml", bytes: ctf, type: "application/xml" } });
    assert.equal(res.status, 403, email);
  }
});

test("a carer's preferred language and need of an interpreter are kept and shown to whoever contacts them", async () => {
  await school.get("/pupils/3/contacts/new");
  const carer = { role: "carer", name: "Ana Popescu", relationship: "Foster carer", phone: "07700 900333", preferred_contact: "phone" };
  const noLanguage = await school.post("/pupils/3/contacts/new", { ...carer, needs_interpreter: "yes" });
  assert.equal(noLanguage.status, 422);
  assert.deepEqual(errorMessages(noLanguage.text), [{ field: "preferred_language", message: "Enter the language they need an interpreter for" }]);
  assert.match(noLanguage.text, /id="needs_interpreter" name="needs_interpreter" type="checkbox" value="yes" checked/, "the box stays ticked");
  const tooLong = await school.post("/pupils/3/contacts/new", { ...carer, preferred_language: "R".repeat(101) });
  assert.deepEqual(errorMessages(tooLong.text).map((e) => e.field), ["preferred_language"]);
  const saved = await school.post("/pupils/3/contacts/new", { ...carer, preferred_language: " Romanian ", needs_interpreter: "yes" });
  assert.equal(saved.status, 303);
  assert.match(decode((await school.get("/pupils/3")).text), /Ana Popescu[\s\S]*Needs a Romanian interpreter/);
  // The demo's Dana Hughes prefers Polish and needs an interpreter; Chris Walker prefers English.
  assert.match(decode((await school.get("/pupils/2")).text), /Dana Hughes[\s\S]*Needs a Polish interpreter/);
  assert.match(decode((await school.get("/pupils/1")).text), /Prefers Email, in English/);
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const record = await wp.api(token, "GET", "/pupils/3");
  const ana = record.body.contacts.find((k) => k.name === "Ana Popescu");
  assert.deepEqual([ana.preferred_language, ana.needs_interpreter], ["Romanian", true]);
  const wrongType = await wp.api(token, "POST", "/pupils/3/contacts", { ...carer, preferred_language: "Welsh", needs_interpreter: "yes" });
  assert.equal(wrongType.status, 422);
  assert.deepEqual(wrongType.body.errors.map((e) => e.field), ["needs_interpreter"]);
});

test("a pupil's details and contacts: bad input names the field and keeps what was saved", async () => {
  await school.get("/pupils/2/edit");
  const bad = await school.post("/pupils/2/edit", { upn: "B999400124002", given_name: "", family_name: "Hughes", date_of_birth: "2012-02-30", gender: "M", needs: "semh" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["upn", "given_name", "date_of_birth"]);
  assert.equal(wp.sql("SELECT given_name FROM pupils WHERE id = 2"), "Ben");
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 2");
  const ok = await school.post("/pupils/2/edit", { upn, given_name: "Ben", family_name: "Hughes", date_of_birth: "2012-06-08", gender: "M", needs: "ehc_plan", looked_after: "yes" });
  assert.equal(ok.status, 303);
  assert.equal(wp.sql("SELECT needs || '|' || looked_after FROM pupils WHERE id = 2"), "ehc_plan|1");

  await school.get("/pupils/2/contacts/new");
  const contact = await school.post("/pupils/2/contacts/new", { role: "social_worker", name: "Kim Ashworth", preferred_contact: "email" });
  assert.deepEqual(errorMessages(contact.text).map((e) => e.field), ["phone", "preferred_contact"]);
  assert.equal((await school.post("/pupils/2/contacts/new", { role: "social_worker", name: "Kim Ashworth", email: "kim@exeshire.example", preferred_contact: "email" })).status, 303);
  assert.match(decode((await school.get("/pupils/2")).text), /Social worker[\s\S]*Kim Ashworth/);

  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/pupils/1/edit")).status, 403);
  assert.equal((await parent.post("/pupils/2/contacts/new", { role: "parent", name: "X", phone: "1", preferred_contact: "phone" })).status, 404);
});

// Searching the list: thirty more pupils at Aisha's school to page through ("Searchable 00" to
// "Searchable 29") and one whose names have letters beyond English ones, added before the first
// search test.
let searchable;
const addSearchable = () => {
  if (searchable) return;
  searchable = true;
  const home = wp.sql("SELECT school_id FROM pupils WHERE id = 1");
  const rows = Array.from({ length: 30 }, (_, i) => {
    const n = String(i).padStart(2, "0");
    return `(${home}, 'S9994001250${n}', 'Pupil', 'Searchable ${n}', '2012-05-01', 'F', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`;
  });
  rows.push(`(${home}, 'S999400125099', 'Zoë', 'Łukasiewicz', '2012-05-01', 'F', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`);
  wp.sql(`INSERT INTO pupils (school_id, upn, given_name, family_name, date_of_birth, gender, created_at, updated_at) VALUES ${rows.join(", ")}`);
};

const listed = (html) => [...html.matchAll(/<a class="govuk-link" href="\/pupils\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);

test("words of a name in any order and case, or a UPN, find the pupil; nothing else is listed", async () => {
  addSearchable();
  for (const q of ["walker", "WALKER aisha", "Walker, Aisha", "w999400124001"]) {
    const page = decode((await school.get(`/pupils?q=${encodeURIComponent(q)}`)).text);
    assert.deepEqual(listed(page), ["Walker, Aisha"], q);
    assert.match(page, new RegExp(`id="q" name="q" type="search" value="${q}"`), "the search stays in its box");
  }
  // Letters beyond English ones are found as written (PostgreSQL folds their case too; SQLite does not).
  for (const q of ["zoë Łukasiewicz", "ZOë"]) assert.deepEqual(listed(decode((await school.get(`/pupils?q=${encodeURIComponent(q)}`)).text)), ["Łukasiewicz, Zoë"], q);
  // % and _ are letters to find, not wildcards: no name holds them.
  for (const q of ["%", "a_sha"]) {
    const page = decode((await school.get(`/pupils?q=${encodeURIComponent(q)}`)).text);
    assert.deepEqual(listed(page), [], q);
    assert.match(page, /No pupil's name or UPN has every word of/);
  }
  const audit = wp.sql("SELECT detail FROM audit_events WHERE action = 'pupil.list' ORDER BY id DESC LIMIT 1");
  assert.match(audit, /"search":"a_sha"/);
});

test("a search pages like the list, keeping the search in its links", async () => {
  addSearchable();
  const first = decode((await school.get("/pupils?q=searchable")).text);
  assert.equal(listed(first).length, 25);
  assert.equal(listed(first)[0], "Searchable 00, Pupil");
  assert.match(first, /href="\/pupils\?q=searchable&page=2" rel="next"/);
  const second = decode((await school.get("/pupils?q=searchable&page=2")).text);
  assert.deepEqual(listed(second), ["Searchable 25, Pupil", "Searchable 26, Pupil", "Searchable 27, Pupil", "Searchable 28, Pupil", "Searchable 29, Pupil"]);
});

test("a search finds only pupils the person may see", async () => {
  addSearchable();
  // Isaac Clarke is at another school: Oakfield's AP lead does not find him; his LA officer does.
  const other = wp.sql("SELECT given_name || ' ' || family_name FROM pupils WHERE school_id <> (SELECT school_id FROM pupils WHERE id = 1) ORDER BY id LIMIT 1");
  assert.deepEqual(listed(decode((await school.get(`/pupils?q=${encodeURIComponent(other)}`)).text)), []);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  const [given, family] = other.split(" ");
  assert.deepEqual(listed(decode((await officer.get(`/pupils?q=${encodeURIComponent(other)}`)).text)), [`${family}, ${given}`]);
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  assert.deepEqual(listed(decode((await tutor.get("/pupils?q=searchable")).text)), [], "not placed with the provider");
});

test("a search too long to be a name is refused, naming the box; the API searches the same way", async () => {
  const long = await school.get(`/pupils?q=${"a".repeat(101)}`);
  assert.equal(long.status, 422);
  assert.deepEqual(errorMessages(long.text), [{ field: "q", message: "Search must be 100 characters or fewer" }]);
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const api = await wp.api(token, "GET", "/pupils?q=aisha%20walker");
  assert.equal(api.status, 200);
  assert.deepEqual(api.body.items.map((p) => p.id), [1]);
  assert.equal((await wp.api(token, "GET", `/pupils?q=${"a".repeat(101)}`)).status, 422);
});
