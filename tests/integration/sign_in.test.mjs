import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages } from "../support/waypoint.mjs";

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

test("five failures lock the address, even against the right password, and an unknown address locks alike", async () => {
  for (const email of [DEMO.head, "ghost@nowhere.example"]) {
    const c = wp.client();
    const started = Date.now();
    let last;
    for (let i = 0; i < 5; i++) last = await c.signIn(email, "wrong password " + i);
    assert.equal(last.status, 429, email);
    assert.ok(Date.now() - started >= 1500, "answers slow down after the third failure");
    const locked = await c.signIn(email);
    assert.equal(locked.status, 429);
    assert.match(errorMessages(locked.text)[0].message, /too many attempts/);
  }
  // Another address is not affected.
  assert.equal((await wp.client().signIn(DEMO.dsl)).status, 303);
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
