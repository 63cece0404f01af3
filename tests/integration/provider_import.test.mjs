import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startWaypoint, DEMO, errorMessages, decode } from "../support/waypoint.mjs";

// A Windows-1252 extract with GIAS's headers: two AP rows to add, one already held (Bridgeway),
// and three to skip (not AP, closed, and a URN that is one of our schools).
const extractPath = fileURLToPath(new URL("../fixtures/gias-extract.csv", import.meta.url));
const extract = readFileSync(extractPath);

let wp;
let officer;
before(async () => {
  wp = await startWaypoint();
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

test("an uploaded extract imports the good rows and reports each skipped one with its line and reason", async () => {
  await officer.get("/providers/import");
  const res = await officer.upload("/providers/import", {}, { file: { name: "extract.csv", bytes: extract, type: "text/csv" } });
  assert.equal(res.status, 200);
  const text = decode(res.text);
  assert.match(text, /Imported: 2 added, 1 updated, 3 skipped/);
  assert.match(text, /<td class="govuk-table__cell">4<\/td><td class="govuk-table__cell">149303<\/td><td class="govuk-table__cell">"Community school" is not a kind/);
  assert.match(text, /Status is "Closed", not open/);
  assert.match(text, /URN 149001 belongs to Oakfield Academy, which is not a provider/);
  // Windows-1252's curly apostrophe arrives as UTF-8, and the address became the main site.
  const id = wp.sql("SELECT id FROM organisations WHERE urn = '149301'");
  const page = decode((await officer.get(`/providers/${id}`)).text);
  assert.match(page, /St Ann\u2019s Pupil Referral Unit/);
  assert.match(page, /2 Quay Hill, Exeter, EX2 4AN/);
  assert.match(page, /Not approved/);
});

test("importing the same extract again adds nothing", async () => {
  const before = wp.sql("SELECT COUNT(*) FROM providers");
  const sites = wp.sql("SELECT COUNT(*) FROM provider_sites");
  await officer.get("/providers/import");
  const res = await officer.upload("/providers/import", {}, { file: { name: "extract.csv", bytes: extract, type: "text/csv" } });
  assert.match(decode(res.text), /Imported: 0 added, 3 updated, 3 skipped/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM providers"), before);
  assert.equal(wp.sql("SELECT COUNT(*) FROM provider_sites"), sites);
});

test("no file, or a file that is not an extract, is a clear error and changes nothing", async () => {
  const before = wp.sql("SELECT COUNT(*) FROM providers");
  await officer.get("/providers/import");
  const none = await officer.upload("/providers/import", {}, {});
  assert.equal(none.status, 422);
  assert.deepEqual(errorMessages(none.text), [{ field: "file", message: "Select a GIAS extract to import" }]);
  const wrong = await officer.upload("/providers/import", {}, { file: { name: "photo.csv", bytes: Buffer.from("Name,Age\nA,1\n"), type: "text/csv" } });
  assert.equal(wrong.status, 422);
  assert.match(errorMessages(wrong.text)[0].message, /no URN column/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM providers"), before);
});

test("only an LA officer may import, and an upload without the CSRF token is refused", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  await school.get("/");
  const refused = await school.upload("/providers/import", {}, { file: { name: "x.csv", bytes: extract, type: "text/csv" } });
  assert.equal(refused.status, 403);
  const forged = wp.client();
  await forged.signIn(DEMO.laOfficer);
  forged.csrf = "0".repeat(64);
  assert.equal((await forged.upload("/providers/import", {}, { file: { name: "x.csv", bytes: extract, type: "text/csv" } })).status, 403);
});

test("the command line imports as a named LA officer, and refuses anyone else", () => {
  const ok = wp.cli(["import", "gias", "--file", extractPath, "--as", DEMO.laOfficer]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Created 0, updated 3, skipped 3/);
  assert.match(ok.stdout, /line 6 \(URN 149304\): Status is "Closed", not open/);
  const denied = wp.cli(["import", "gias", "--file", extractPath, "--as", DEMO.apLead]);
  assert.equal(denied.status, 3);
});
