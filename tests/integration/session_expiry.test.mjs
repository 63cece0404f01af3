import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { startWaypoint, DEMO } from "../support/waypoint.mjs";

let wp;
before(async () => (wp = await startWaypoint({ args: ["--session-idle-seconds", "2", "--session-absolute-seconds", "5"] })));
after(async () => wp.stop());

test("a session left idle past the limit is over", async () => {
  const c = wp.client();
  await c.signIn(DEMO.apLead);
  assert.equal((await c.get("/")).status, 200);
  await sleep(3000);
  const res = await c.get("/");
  assert.equal(res.status, 303);
  assert.match(res.location, /^\/sign-in/);
});
