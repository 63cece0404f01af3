import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("changing a password: each rule is named against its field and nothing changes", async () => {
  const c = wp.client();
  await c.signIn(DEMO.providerManager);
  await c.get("/account");
  const res = await c.post("/account/password", { current_password: "wrong", new_password: "short", confirm_password: "" });
  assert.equal(res.status, 422);
  assert.deepEqual(errorMessages(res.text), [
    { field: "current_password", message: "Current password is not correct" },
    { field: "new_password", message: "Password must be 12 characters or more" },
  ]);
  const mismatch = await c.post("/account/password", {
    current_password: "waypoint demo sign-in",
    new_password: "river stone lantern",
    confirm_password: "river stone lanterns",
  });
  assert.deepEqual(errorMessages(mismatch.text), [{ field: "confirm_password", message: "New passwords do not match" }]);
  assert.equal((await wp.client().signIn(DEMO.providerManager)).status, 303, "old password still works");
});

test("a changed password works at once, the old one does not, and other sessions end", async () => {
  const here = wp.client();
  const elsewhere = wp.client();
  await here.signIn(DEMO.head);
  await elsewhere.signIn(DEMO.head);
  await here.get("/account");
  const res = await here.post("/account/password", {
    current_password: "waypoint demo sign-in",
    new_password: "river stone lantern",
    confirm_password: "river stone lantern",
  });
  assert.equal(res.status, 303);
  assert.equal((await here.get("/account?changed=1")).status, 200, "this session carries on");
  assert.equal((await elsewhere.get("/")).status, 303, "the other session is over");
  assert.equal((await wp.client().signIn(DEMO.head)).status, 422);
  assert.equal((await wp.client().signIn(DEMO.head, "river stone lantern")).status, 303);
});
