import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { startWaypoint, DEMO, errorMessages, decode, day } from "../support/waypoint.mjs";

// Bridgeway (5) is the demo provider manager's; Northgate (6) is someone else's.
const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")]);
const today = day(0);
const check = { check_type: "insurance", outcome: "met", completed_on: today };

let wp;
let officer;
before(async () => {
  wp = await startWaypoint({ args: ["--evidence-limit-mb", "1"] });
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

const counts = () => [wp.sql("SELECT COUNT(*) FROM provider_checks"), wp.sql("SELECT COUNT(*) FROM provider_check_files"), wp.sql("SELECT COUNT(*) FROM evidence_contents")];

test("a file that is too large, or not a PDF or image, is refused by name and nothing is stored", async () => {
  const before = counts();
  await officer.get("/providers/6");
  const big = await officer.upload("/providers/6/checks", check, {
    evidence: { name: "huge.pdf", bytes: Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]), type: "application/pdf" },
  });
  assert.equal(big.status, 422);
  assert.deepEqual(errorMessages(big.text), [{ field: "evidence", message: "The selected file must be smaller than 1 MB" }]);
  const fake = await officer.upload("/providers/6/checks", check, {
    evidence: { name: "policy.pdf", bytes: Buffer.from("MZ\x90\x00 this is a program"), type: "application/pdf" },
  });
  assert.equal(fake.status, 422);
  assert.deepEqual(errorMessages(fake.text), [{ field: "evidence", message: "The selected file must be a PDF, JPG or PNG" }]);
  assert.deepEqual(counts(), before);
});

test("a provider uploads evidence for its own check; it is stored with its content hash", async () => {
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  await manager.get("/providers/5");
  const sent = await manager.upload("/providers/5/checks", check, { evidence: { name: "C:\\docs\\insurance.pdf", bytes: pdf, type: "application/pdf" } });
  assert.equal(sent.status, 303);
  const hash = createHash("blake2b512").update(pdf).digest("hex"); // only to show it is not this one
  const stored = wp.sql("SELECT content_hash || '|' || filename || '|' || content_type FROM provider_check_files ORDER BY id DESC LIMIT 1");
  const [storedHash, filename, type] = stored.split("|");
  assert.match(storedHash, /^[0-9a-f]{64}$/);
  assert.notEqual(storedHash, hash.slice(0, 64));
  assert.equal(filename, "insurance.pdf");
  assert.equal(type, "application/pdf");
  // Not verified yet: it is the provider's own submission.
  assert.equal(wp.sql("SELECT COUNT(*) FROM provider_checks k JOIN provider_check_files f ON f.check_id = k.id WHERE k.verified_by IS NULL"), "1");
});

test("the LA downloads the same bytes, and the download is audited; other providers cannot", async () => {
  const page = decode((await officer.get("/providers/5")).text);
  const link = page.match(/href="(\/providers\/5\/evidence\/(\d+))">insurance\.pdf/);
  assert.ok(link, "the check lists its file");
  const res = await fetch(wp.url + link[1], { headers: { cookie: `waypoint_session=${officer.cookies.get("waypoint_session")}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  assert.match(res.headers.get("content-disposition"), /attachment; filename="insurance.pdf"/);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), pdf);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'provider.evidence_download' AND entity_id = ${link[2]}`), "1");

  const staff = wp.client();
  await staff.signIn(DEMO.providerStaff); // Bridgeway's own staff neither verify nor submit evidence
  assert.equal((await staff.get(link[1])).status, 403);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get(link[1])).status, 404);
  assert.equal((await officer.get(`/providers/6/evidence/${link[2]}`)).status, 404, "a file is only found under its own provider");
});

test("a deployment sets how long a type of check stays valid; a bad setting stops the server with its reason", async () => {
  const own = await startWaypoint({ args: ["--check-validity", "insurance=90"] });
  try {
    const la = own.client();
    await la.signIn(DEMO.laOfficer);
    await la.get("/providers/6");
    assert.equal((await la.upload("/providers/6/checks", { check_type: "insurance", outcome: "met", completed_on: "2026-10-01" }, {})).status, 303);
    assert.equal(own.sql("SELECT expires_on FROM provider_checks WHERE provider_id = 6 AND check_type = 'insurance' ORDER BY id DESC LIMIT 1"), "2026-12-29");
  } finally {
    await own.stop();
  }
  const refused = wp.cli(["serve", "--listen", "127.0.0.1:0", "--check-validity", "insurance=forever"]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /check validity for insurance must be a number of days from 1 to 3660/);
});
