import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startWaypoint, DEMO, DEMO_PASSWORD, errorMessages } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("a demo user signs in with an HttpOnly, SameSite=Lax session cookie and sees their home page", async () => {
  const c = wp.client();
  const res = await c.signIn(DEMO.apLead);
  assert.equal(res.status, 303);
  assert.equal(res.location, "/");
  const cookie = res.headers.getSetCookie().find((s) => s.startsWith("waypoint_session="));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/); // not configured for TLS here
  const home = await c.get("/");
  assert.equal(home.status, 200);
  assert.match(home.text, /Welcome, Priya Shah/);
  assert.match(home.text, /School AP lead, Oakfield Academy/);
});

test("pages need a signed-in user: home redirects to sign-in, keeping where the user was going", async () => {
  const res = await wp.client().get("/pupils");
  assert.equal(res.status, 303);
  assert.equal(res.location, "/sign-in?next=%2Fpupils");
});

test("a wrong password and an unknown address get the same answer", async () => {
  const wrong = await wp.client().signIn(DEMO.dsl, "not the right password");
  const unknown = await wp.client().signIn("nobody@nowhere.example", "not the right password");
  assert.equal(wrong.status, 422);
  assert.equal(unknown.status, 422);
  assert.deepEqual(errorMessages(wrong.text), [{ field: "email", message: "Enter a correct email address and password" }]);
  assert.deepEqual(errorMessages(unknown.text), errorMessages(wrong.text));
  assert.doesNotMatch(wrong.text, /waypoint_session/);
});

test("empty fields are named in the error summary", async () => {
  const c = wp.client();
  await c.get("/sign-in");
  const res = await c.post("/sign-in", { email: "", password: "" });
  assert.equal(res.status, 422);
  assert.deepEqual(errorMessages(res.text).map((e) => e.field), ["email", "password"]);
  assert.match(res.text, /<title>Error: /);
});

// Signs in as a browser at another loopback address would (127.0.0.2, ...): its own cookies and CSRF
// token, over node:http, which can choose the address it connects from.
async function signInFrom(address, email, password = DEMO_PASSWORD) {
  const url = new URL(wp.url);
  const call = (method, path, body, cookie) => new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, localAddress: address,
      headers: { ...(cookie ? { cookie } : {}), ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}) } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
  const form = await call("GET", "/sign-in");
  const cookie = (form.headers["set-cookie"] || []).map((c) => c.split(";")[0]).join("; ");
  const csrf = form.text.match(/name="csrf_token" value="([0-9a-f]+)"/)[1];
  return call("POST", "/sign-in", new URLSearchParams({ csrf_token: csrf, email, password }).toString(), cookie);
}

// The throttling tests guess from addresses of their own, so their failures never hold back the
// other tests' sign-ins from 127.0.0.1, whatever the timing.
test("after three free failures an account must wait before its next try, answered at once without checking the password", async () => {
  for (const email of [DEMO.head, "ghost@nowhere.example"]) {
    for (let i = 0; i < 3; i++) assert.equal((await signInFrom("127.0.0.5", email, "wrong password " + i)).status, 422, email);
    const fourth = await signInFrom("127.0.0.5", email, "wrong password 3");
    assert.equal(fourth.status, 422, "the fourth is checked, and sets a wait of 2 seconds");
    const started = Date.now();
    const early = await signInFrom("127.0.0.5", email);  // even the right password is not looked at yet
    assert.ok(Date.now() - started < 1000, "answered at once: no server thread sleeps");
    assert.equal(early.status, 429, email);
    // Two seconds from the fourth failure, stored to the second: one or two seconds are left.
    assert.match(early.headers["retry-after"], /^[12]$/);
    assert.match(errorMessages(early.text)[0].message, /^There have been too many attempts to sign in\. Wait [12] seconds?, then try again$/);
  }
  await new Promise((r) => setTimeout(r, 2100));
  assert.equal((await signInFrom("127.0.0.5", DEMO.head)).status, 303, "the owner gets in once the wait is over");
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in.throttled'")) >= 2);
});

test("the owner signing in from another address is not held back by someone else's guesses", async () => {
  for (let i = 0; i < 6; i++) await signInFrom("127.0.0.6", DEMO.dsl, "guess " + i);
  assert.equal((await signInFrom("127.0.0.6", DEMO.dsl)).status, 429);
  const owner = await signInFrom("127.0.0.2", DEMO.dsl);
  assert.equal(owner.status, 303);
  assert.equal(owner.headers.location, "/");
});

test("one address guessing at many accounts (spraying) slows after ten failures", async () => {
  for (let i = 0; i < 10; i++) assert.equal((await signInFrom("127.0.0.3", `person${i}@oakfield.example`, "Winter2026!")).status, 422, `account ${i}`);
  assert.equal((await signInFrom("127.0.0.3", "person10@oakfield.example", "Winter2026!")).status, 422, "the eleventh is checked and sets a wait");
  const next = await signInFrom("127.0.0.3", DEMO.laOfficer);
  assert.equal(next.status, 429, "a fresh account from the same address waits too");
  assert.equal((await signInFrom("127.0.0.4", DEMO.laOfficer)).status, 303, "other addresses are not affected");
});

test("a form without the CSRF token is refused and changes nothing", async () => {
  const c = wp.client();
  await c.signIn(DEMO.laOfficer);
  const refused = await c.request("POST", "/sign-out", { form: { csrf_token: "0".repeat(64) } });
  assert.equal(refused.status, 403);
  assert.match(refused.text, /This form could not be sent/);
  assert.equal((await c.get("/")).status, 200, "still signed in");
  const missing = await c.request("POST", "/sign-out", { form: {} });
  assert.equal(missing.status, 403);
  // A sign-in posted from elsewhere, with no token cookie at all, is refused too.
  const cold = await wp.client().request("POST", "/sign-in", { form: { email: DEMO.apLead, password: "x" } });
  assert.equal(cold.status, 403);
});

test("signing out ends the session on the server, not just in the browser", async () => {
  const c = wp.client();
  await c.signIn(DEMO.parent);
  const stolen = c.cookies.get("waypoint_session");
  await c.get("/"); // the sign-out button is on every page, with the session's token
  const out = await c.post("/sign-out");
  assert.equal(out.status, 303);
  assert.equal(out.location, "/sign-in?signed_out=1");
  const replay = wp.client();
  replay.cookies.set("waypoint_session", stolen);
  assert.equal((await replay.get("/")).status, 303);
});

test("next= cannot send the user to another site after sign-in", async () => {
  const c = wp.client();
  await c.get("/sign-in?next=//evil.example/");
  const res = await c.post("/sign-in", { email: DEMO.apLead, password: "waypoint demo sign-in", next: "//evil.example/" });
  assert.equal(res.location, "/");
});

test("a password stored with the earlier 64 MiB setting still signs in, and is stored again at 19 MiB without counting as a change", async () => {
  // The demo password hashed with libsodium's "interactive" setting, as accounts made before were.
  const older = "$argon2id$v=19$m=65536,t=2,p=1$KbW1zSlw5GcaUVad9gro6A$PR+9lnxFUCut7LvfnUe4PO/bQ50hUCYr9Otaz7Sj0BE";
  wp.sql(`UPDATE users SET password_hash = '${older}' WHERE email = '${DEMO.head}'`);
  const changedBefore = wp.sql(`SELECT password_changed_at FROM users WHERE email = '${DEMO.head}'`);
  const res = await wp.client().signIn(DEMO.head);
  assert.equal(res.status, 303);
  const now = wp.sql(`SELECT password_hash FROM users WHERE email = '${DEMO.head}'`);
  assert.match(now, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(wp.sql(`SELECT password_changed_at FROM users WHERE email = '${DEMO.head}'`), changedBefore);
  assert.equal((await wp.client().signIn(DEMO.head)).status, 303, "the new hash lets them in");
});
