import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

// Letters go to families whose names are written in many alphabets. Aisha (pupil 1, on an off-site
// direction) is renamed Łukasz Wiśniewski and given carers named in Romanian, Arabic and Bengali;
// the notice to parents and the school's AP list, read back from the PDF, hold each name exactly.
let wp, token, school;
const names = ["Łukasz Wiśniewski", "Ștefan Popescu", "محمد", "রহমান"];

function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "letter-"));
  try {
    writeFileSync(join(dir, "letter.pdf"), bytes);
    const read = spawnSync("pdftotext", ["-enc", "UTF-8", join(dir, "letter.pdf"), "-"], { encoding: "utf8" });
    assert.equal(read.status, 0, read.stderr);
    return read.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pdf(path) {
  const res = await fetch(wp.url + path, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.status, 200, path);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  return pdfText(Buffer.from(await res.arrayBuffer()));
}

before(async () => {
  wp = await startWaypoint();
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  const pupil = (await wp.api(token, "GET", "/pupils/1")).body;
  const renamed = await wp.api(token, "PUT", "/pupils/1", {
    upn: pupil.upn, given_name: "Łukasz", family_name: "Wiśniewski", date_of_birth: pupil.date_of_birth, gender: pupil.gender,
    needs: pupil.needs, looked_after: pupil.looked_after, child_in_need: pupil.child_in_need, child_protection_plan: pupil.child_protection_plan,
  });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  for (const name of names.slice(1)) {
    const added = await wp.api(token, "POST", "/pupils/1/contacts", { role: "parent", name, relationship: "Parent", address: "4 Orchard Close, Exeter", phone: "07700 900123", preferred_contact: "phone", parental_responsibility: true });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
});
after(() => wp?.stop());

test("the notice to parents prints every family's name as written, in any alphabet", async () => {
  const text = await pdf("/placements/1/notice.pdf");
  for (const name of names) assert.ok(text.includes(name), `${name} in\n${text}`);
  assert.ok(!text.includes("?"), `no character was replaced in\n${text}`);
});

test("the AP list the school gives Ofsted prints the pupil's name as written", async () => {
  const text = await pdf("/returns/ap-list.pdf");
  assert.ok(text.includes("Wiśniewski"), text);
});
