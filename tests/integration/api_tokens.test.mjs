import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, now } from "../support/waypoint.mjs";

// API tokens: named, listed with their last use, running out, revoked by their owner or an
// administrator, and all revoked by a password reset.
let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

const me = (token) => wp.api(token, "GET", "/me");
const signedIn = async (email) => {
  const c = wp.client();
  await c.signIn(email);
  return c;
};
const makeToken = async (client, fields) => {
  await client.get("/account");
  const res = await client.post("/account/tokens", fields);
  const token = decode(res.text).match(/id="new-token">(wp_[0-9a-f]+)</);
  return { res, token: token && token[1] };
};

test("a user makes a named token on their account page, sees it once, and its last use is listed", async () => {
  const lead = await signedIn(DEMO.apLead);
  const { res, token } = await makeToken(lead, { label: "MIS attendance export", days: "" });
  assert.equal(res.status, 200);
  assert.ok(token, "the token is shown");
  assert.match(decode(res.text), /it will not be shown again/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE 'wp_%'"), "0", "stored only as its hash");
  const expires = wp.sql("SELECT expires_at FROM api_tokens WHERE label = 'MIS attendance export'");
  assert.equal(expires.slice(0, 10), new Date(now() + 90 * 86400000).toISOString().slice(0, 10), "90 days by default");
  let page = decode((await lead.get("/account")).text);
  assert.doesNotMatch(page, new RegExp(token), "never shown again");
  assert.match(page, /MIS attendance export<\/td><td class="govuk-table__cell">Never</);
  assert.equal((await me(token)).body.email, DEMO.apLead);
  page = decode((await lead.get("/account")).text);
  assert.doesNotMatch(page, /MIS attendance export<\/td><td class="govuk-table__cell">Never</, "the use is listed");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'api_token.create'"), "1");
});

test("a token needs a name and runs out within a year; bad input is named", async () => {
  const lead = await signedIn(DEMO.apLead);
  const before = wp.sql("SELECT COUNT(*) FROM api_tokens");
  for (const [fields, errors] of [
    [{ label: "", days: "" }, ["label"]],
    [{ label: "x", days: "0" }, ["days"]],
    [{ label: "x", days: "366" }, ["days"]],
    [{ label: "x", days: "ninety" }, ["days"]],
    [{ label: "x".repeat(101), days: "" }, ["label"]],
  ]) {
    const { res } = await makeToken(lead, fields);
    assert.equal(res.status, 422);
    assert.deepEqual(errorMessages(res.text).map((e) => e.field), errors, JSON.stringify(fields));
  }
  assert.equal(wp.sql("SELECT COUNT(*) FROM api_tokens"), before);
  const { token } = await makeToken(lead, { label: "A week", days: "7" });
  assert.equal(wp.sql("SELECT substr(expires_at, 1, 10) FROM api_tokens WHERE label = 'A week'"), new Date(now() + 7 * 86400000).toISOString().slice(0, 10));
  wp.sql("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00Z' WHERE label = 'A week'");
  assert.equal((await me(token)).status, 401, "a token that has run out no longer works");
});

test("the owner revokes a token; nobody else can, and they are told it does not exist", async () => {
  const lead = await signedIn(DEMO.apLead);
  const { token } = await makeToken(lead, { label: "To revoke", days: "" });
  const id = wp.sql("SELECT id FROM api_tokens WHERE label = 'To revoke'");
  const other = await signedIn(DEMO.head);
  await other.get("/account");
  assert.equal((await other.post(`/account/tokens/${id}/revoke`)).status, 404);
  assert.equal((await me(token)).status, 200);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'api_token.revoke_refused'"), "1");
  await lead.get("/account");
  const revoked = await lead.post(`/account/tokens/${id}/revoke`);
  assert.equal(revoked.status, 303);
  assert.match(decode((await lead.get(revoked.location)).text), /The token has been revoked/);
  assert.equal((await me(token)).status, 401);
});

test("an administrator sees a user's tokens and revokes one; a password reset revokes them all", async () => {
  const first = wp.cli(["token", "create", "--email", DEMO.providerStaff, "--label", "Register app"]).stdout.trim();
  const second = wp.cli(["token", "create", "--email", DEMO.providerStaff, "--label", "Spare", "--days", "30"]).stdout.trim();
  assert.equal(wp.cli(["token", "create", "--email", DEMO.providerStaff, "--label", "Too long", "--days", "400"]).status, 2);
  const user = wp.sql(`SELECT id FROM users WHERE email = '${DEMO.providerStaff}'`);
  const admin = await signedIn(DEMO.admin);
  const page = decode((await admin.get(`/admin/users/${user}`)).text);
  assert.match(page, /Register app/);
  assert.match(page, /Spare/);
  const spare = wp.sql("SELECT id FROM api_tokens WHERE label = 'Spare'");
  assert.equal((await admin.post(`/admin/users/${user}/tokens/${spare}/revoke`)).status, 303);
  assert.equal((await me(second)).status, 401);
  assert.equal((await me(first)).status, 200);
  await admin.get(`/admin/users/${user}`);
  const reset = await admin.post(`/admin/users/${user}/password`, { password: "a brand new long passphrase" });
  assert.equal(reset.status, 303);
  assert.equal((await me(first)).status, 401, "revoked by the reset");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM api_tokens WHERE user_id = ${user} AND revoked_at IS NULL`), "0");
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'user.reset_password' ORDER BY id DESC LIMIT 1"), /"tokens_revoked":1/);
});

test("changing one's own password revokes one's tokens too", async () => {
  const head = await signedIn(DEMO.head);
  const { token } = await makeToken(head, { label: "Mine", days: "" });
  await head.get("/account");
  const changed = await head.post("/account/password", { current_password: "waypoint demo sign-in", new_password: "another long passphrase here", confirm_password: "another long passphrase here" });
  assert.equal(changed.status, 303);
  assert.equal((await me(token)).status, 401);
});
