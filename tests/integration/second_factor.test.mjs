import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode } from "../support/waypoint.mjs";
import { totp, base32Decode } from "../support/totp.mjs";

// The second factor as a deployment has it by default: the DSL, LA roles and administrators must set
// up an authenticator; others may.
let wp;
before(async () => (wp = await startWaypoint({ args: ["--second-factor-roles", "school_dsl,la_officer,la_designated_officer,administrator"] })));
after(async () => wp.stop());

let key;
let recovery;

test("the DSL must set up an authenticator before anything else, with a QR code, the key and recovery codes shown once", async () => {
  const dsl = wp.client();
  const signedIn = await dsl.signIn(DEMO.dsl);
  assert.equal(signedIn.status, 303);
  const home = await dsl.get("/");
  assert.equal(home.status, 303);
  assert.equal(home.location, "/account/second-factor");
  assert.equal((await dsl.get("/pupils/1")).location, "/account/second-factor", "no record until it is set up");
  const page = decode((await dsl.get("/account/second-factor")).text);
  assert.match(page, /<svg[^>]+role="img" aria-label="QR code of your authenticator key"/);
  key = page.match(/id="totp-key">([A-Z2-7 ]+)</)[1];
  assert.equal(key.replace(/ /g, "").length, 32, "160 bits");
  const wrong = await dsl.post("/account/second-factor", { code: "000000" === totp(key) ? "111111" : "000000" });
  assert.equal(wrong.status, 422);
  assert.equal(errorMessages(wrong.text)[0].field, "code");
  const done = await dsl.post("/account/second-factor", { code: totp(key) });
  assert.equal(done.status, 200);
  recovery = [...decode(done.text).matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
  assert.equal(recovery.length, 10);
  assert.equal(wp.sql("SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '%-%'"), "0", "kept only as hashes");
  // The key is sealed with the deployment's key file: the database alone does not give it away.
  const stored = wp.sql(`SELECT totp_secret FROM users WHERE email = '${DEMO.dsl}'`);
  assert.match(stored, /^sealed1:[0-9a-f]+$/);
  const keyHex = base32Decode(key).toString("hex");
  assert.ok(!stored.includes(keyHex), "not the key in hex");
  assert.equal((await dsl.get("/")).status, 200, "signed in now");
  assert.doesNotMatch(decode((await dsl.get("/account/second-factor")).text), new RegExp(recovery[0]), "never shown again");
});

test("signing in again asks for a code; a code is accepted once; a recovery code signs in once", async () => {
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.get("/alerts")).location, "/sign-in/second-factor");
  await dsl.get("/sign-in/second-factor");
  const replay = await dsl.post("/sign-in/second-factor", { code: totp(key, Date.now(), -1) });
  assert.equal(replay.status, 422, "a code from the step already used at enrolment, or before, is refused");
  // The code is made once and sent twice: made again, it could be the step after (a 30-second step
  // can end between the two sends on a slow machine), which no one has used yet.
  const ahead = totp(key, Date.now(), 1);
  const next = await dsl.post("/sign-in/second-factor", { code: ahead });
  assert.equal(next.status, 303, "the next step's code (a phone a little fast) is accepted");
  assert.equal((await dsl.get("/alerts")).status, 200);

  const again = wp.client();
  await again.signIn(DEMO.dsl);
  await again.get("/sign-in/second-factor");
  assert.equal((await again.post("/sign-in/second-factor", { code: ahead })).status, 422, "the same code twice");
  const byRecovery = await again.post("/sign-in/second-factor", { code: recovery[0].toUpperCase() });
  assert.equal(byRecovery.status, 303);
  assert.match(decode((await again.get(byRecovery.location)).text), /You have 9 unused recovery codes/);
  const third = wp.client();
  await third.signIn(DEMO.dsl);
  await third.get("/sign-in/second-factor");
  assert.equal((await third.post("/sign-in/second-factor", { code: recovery[0] })).status, 422, "each recovery code works once");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.second_factor_failed'"), "3");
});

test("wrong codes slow down like wrong passwords", async () => {
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  await dsl.get("/sign-in/second-factor");
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await dsl.post("/sign-in/second-factor", { code: "abcde-fghij" })).status);
  assert.equal(statuses.at(-1), 429);
  assert.equal((await dsl.get("/pupils")).location, "/sign-in/second-factor");
});

test("roles that need none sign in with their password; an API token is not held back", async () => {
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  assert.equal((await lead.get("/")).status, 200);
  const token = wp.cli(["token", "create", "--email", DEMO.laOfficer, "--label", "Returns"]).stdout.trim();
  assert.equal((await wp.api(token, "GET", "/me")).status, 200);
});

test("an administrator removes the authenticator of someone who lost it; they set up a new one at their next sign-in", async () => {
  const enrol = async (client) => {
    const key = decode((await client.get("/account/second-factor")).text).match(/id="totp-key">([A-Z2-7 ]+)</)[1];
    assert.equal((await client.post("/account/second-factor", { code: totp(key) })).status, 200);
  };
  const user = wp.sql(`SELECT id FROM users WHERE email = '${DEMO.laOfficer}'`);
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  await enrol(officer);
  const admin = wp.client();
  await admin.signIn(DEMO.admin);
  await enrol(admin);  // the administrator's own role needs one first
  await admin.get(`/admin/users/${user}`);
  const removed = await admin.post(`/admin/users/${user}/second-factor/reset`);
  assert.equal(removed.status, 303);
  assert.match(decode((await admin.get(removed.location)).text), /Authenticator removed/);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM recovery_codes WHERE user_id = ${user}`), "0");
  assert.match((await officer.get("/pupils")).location, /^\/sign-in/, "signed out");
  const back = wp.client();
  await back.signIn(DEMO.laOfficer);
  assert.equal((await back.get("/")).location, "/account/second-factor", "sets up again");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'user.second_factor_reset'"), "1");
});
