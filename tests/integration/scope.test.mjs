import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

// Demo pupils: ids 1-8 at Oakfield (1 is the demo parent's child), 9-14 Riverside, 15-20 St Anne's.
const OAKFIELD = [1, 2, 3, 4, 5, 6, 7, 8];
const OTHER_SCHOOLS = [9, 14, 15, 20];

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

async function statusOf(c, ids) {
  const out = {};
  for (const id of ids) out[id] = (await c.get(`/pupils/${id}`)).status;
  return out;
}

const all = (ids, status) => Object.fromEntries(ids.map((id) => [id, status]));

for (const [role, email] of [["AP lead", DEMO.apLead], ["DSL", DEMO.dsl], ["headteacher", DEMO.head]]) {
  test(`a school ${role} sees their own school's pupils and not another school's`, async () => {
    const c = wp.client();
    await c.signIn(email);
    assert.deepEqual(await statusOf(c, OAKFIELD), all(OAKFIELD, 200));
    assert.deepEqual(await statusOf(c, OTHER_SCHOOLS), all(OTHER_SCHOOLS, 404));
    const list = await c.get("/pupils");
    assert.equal((list.text.match(/href="\/pupils\/\d+"/g) || []).length, 8);
  });
}

test("a parent sees only their own child", async () => {
  const c = wp.client();
  await c.signIn(DEMO.parent);
  assert.equal((await c.get("/pupils/1")).status, 200);
  assert.deepEqual(await statusOf(c, [2, 9, 15]), all([2, 9, 15], 404));
  const list = await c.get("/pupils");
  assert.deepEqual(list.text.match(/href="\/pupils\/\d+"/g), ['href="/pupils/1"']);
});

test("an LA officer sees every pupil in the area", async () => {
  const c = wp.client();
  await c.signIn(DEMO.laOfficer);
  assert.deepEqual(await statusOf(c, [1, 9, 20]), all([1, 9, 20], 200));
});

for (const [role, email] of [["manager", DEMO.providerManager], ["staff", DEMO.providerStaff]]) {
  test(`provider ${role} see only the pupils placed with them`, async () => {
    const c = wp.client();
    await c.signIn(email);
    // Pupil 1 is placed at Bridgeway; pupil 2's placement elsewhere is a draft; 9 and 15 are at other schools.
    assert.deepEqual(await statusOf(c, [1, 2, 9, 15]), { 1: 200, 2: 404, 9: 404, 15: 404 });
    const list = await c.get("/pupils");
    assert.match(list.text, /Walker, Aisha/);
    assert.doesNotMatch(list.text, /Hughes, Ben/);
  });
}

test("an administrator runs accounts, not children's records", async () => {
  const c = wp.client();
  await c.signIn(DEMO.admin);
  assert.equal((await c.get("/pupils/1")).status, 404);
  assert.equal((await c.get("/pupils")).status, 403);
});

test("ids that are not numbers are simply not found", async () => {
  const c = wp.client();
  await c.signIn(DEMO.apLead);
  for (const id of ["abc", "-1", "0", "1.5", "99999999999999999999"]) assert.equal((await c.get(`/pupils/${id}`)).status, 404, id);
});

test("a refused look at another school's pupil is on the audit trail, and so is a permitted one", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  await school.get("/pupils/12");
  await school.get("/pupils/3");
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  const refused = await admin.get("/admin/audit?pupil_id=12");
  assert.equal(refused.status, 200);
  assert.match(refused.text, /pupil\.view_refused/);
  const seen = await admin.get("/admin/audit?pupil_id=3");
  assert.match(seen.text, /<td class="govuk-table__cell">pupil\.view<\/td>/);
});

test("a school user is refused the administrators' pages, and the refusal is audited", async () => {
  const c = wp.client();
  await c.signIn(DEMO.head);
  for (const path of ["/admin/users", "/admin/organisations", "/admin/audit", "/admin/users/1"]) {
    assert.equal((await c.get(path)).status, 403, path);
  }
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  const trail = await admin.get("/admin/audit?user=3");
  assert.match(trail.text, /user\.list_refused/, "the envelope's refusal, for the policy's administer");
  assert.match(trail.text, /organisation\.list_refused/);
  assert.match(trail.text, /user\.view_refused/);
  assert.match(trail.text, /audit\.search_refused/);
});
