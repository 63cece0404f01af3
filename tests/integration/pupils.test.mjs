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
