import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages } from "../support/waypoint.mjs";

let wp;
let admin;
before(async () => {
  wp = await startWaypoint();
  admin = wp.client();
  await admin.signIn(DEMO.admin);
});
after(async () => wp.stop());

test("adding a user with bad input names every field and saves nothing", async () => {
  const before = wp.sql("SELECT COUNT(*) FROM users");
  await admin.get("/admin/users/new");
  const res = await admin.post("/admin/users/new", {
    display_name: "",
    email: "not-an-email",
    role: "wizard",
    organisation_id: "999",
    password: "short",
  });
  assert.equal(res.status, 422);
  // In the order the form asks, as the GOV.UK error summary should be.
  const fields = errorMessages(res.text).map((e) => e.field);
  assert.deepEqual(fields, ["display_name", "email", "role", "organisation_id", "password"]);
  assert.doesNotMatch(res.text, /value="short"/, "a password is never echoed back");
  assert.equal(wp.sql("SELECT COUNT(*) FROM users"), before);
});

test("a role must match its organisation's kind", async () => {
  await admin.get("/admin/users/new");
  const res = await admin.post("/admin/users/new", {
    display_name: "Pat Doe",
    email: "pat@oakfield.example",
    role: "provider_staff",
    organisation_id: "2", // Oakfield Academy, a school
    password: "a long enough passphrase",
  });
  assert.equal(res.status, 422);
  assert.match(errorMessages(res.text)[0].message, /must belong to a Provider/);
});

test("an added user can sign in; a duplicate address is refused", async () => {
  const form = {
    display_name: "Pat Doe",
    email: "Pat@Oakfield.example",
    role: "ap_lead",
    organisation_id: "2",
    password: "a long enough passphrase",
  };
  await admin.get("/admin/users/new");
  const res = await admin.post("/admin/users/new", form);
  assert.equal(res.status, 303);
  const pat = wp.client();
  assert.equal((await pat.signIn("pat@oakfield.example", "a long enough passphrase")).status, 303);
  await admin.get("/admin/users/new");
  const again = await admin.post("/admin/users/new", form);
  assert.equal(again.status, 422);
  assert.match(errorMessages(again.text)[0].message, /already exists/);
});

test("disabling an account signs the person out at once; enabling lets them back", async () => {
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.get("/")).status, 200);
  await admin.get("/admin/users/2");
  assert.equal((await admin.post("/admin/users/2/disable")).status, 303);
  assert.equal((await dsl.get("/")).status, 303);
  assert.equal((await wp.client().signIn(DEMO.dsl)).status, 422);
  await admin.get("/admin/users/2");
  await admin.post("/admin/users/2/enable");
  assert.equal((await wp.client().signIn(DEMO.dsl)).status, 303);
});

test("an administrator cannot disable their own account", async () => {
  await admin.get("/admin/users/8");
  const res = await admin.post("/admin/users/8/disable");
  assert.equal(res.status, 422);
  assert.equal(wp.sql("SELECT COUNT(*) FROM users WHERE id = 8 AND disabled_at IS NULL"), "1");
});

test("resetting a password checks the policy and signs the user out", async () => {
  await admin.get("/admin/users/6");
  const weak = await admin.post("/admin/users/6/password", { password: "password1234" });
  assert.equal(weak.status, 422);
  assert.match(errorMessages(weak.text)[0].message, /too common/);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  await admin.get("/admin/users/6");
  assert.equal((await admin.post("/admin/users/6/password", { password: "correct mule battery fence" })).status, 303);
  assert.equal((await officer.get("/")).status, 303);
  assert.equal((await wp.client().signIn(DEMO.laOfficer, "correct mule battery fence")).status, 303);
});

test("adding an organisation: a school needs its local authority and a well-formed URN", async () => {
  await admin.get("/admin/organisations/new");
  const bad = await admin.post("/admin/organisations/new", { kind: "school", name: "  ", urn: "12ab", parent_id: "" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["name", "parent_id", "urn"]);
  const clash = await admin.post("/admin/organisations/new", { kind: "school", name: "Copy", urn: "149001", parent_id: "1" });
  assert.match(errorMessages(clash.text)[0].message, /already has URN 149001/);
  const ok = await admin.post("/admin/organisations/new", { kind: "school", name: "Hillside School", urn: "149009", parent_id: "1" });
  assert.equal(ok.status, 303);
  assert.match((await admin.get("/admin/organisations")).text, /Hillside School/);
});

test("the user list is paginated", async () => {
  for (let i = 0; i < 45; i++) {
    await admin.get("/admin/users/new");
    await admin.post("/admin/users/new", {
      display_name: `Zz Tutor ${String(i).padStart(2, "0")}`,
      email: `tutor${i}@bridgeway.example`,
      role: "provider_staff",
      organisation_id: "5",
      password: "a long enough passphrase",
    });
  }
  const first = await admin.get("/admin/users");
  assert.match(first.text, /href="\/admin\/users\?page=2"/);
  const second = await admin.get("/admin/users?page=2");
  assert.match(second.text, /Zz Tutor 44/);
  assert.doesNotMatch(first.text, /Zz Tutor 44/);
});
