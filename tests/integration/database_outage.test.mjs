import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, engine } from "../support/waypoint.mjs";
import { stopCluster } from "../support/postgres_cluster.mjs";

// PostgreSQL restarted under a running Waypoint: requests while it is away are told to try again
// (503), never shown the 500 page, and the service recovers by itself when the database is back.
let wp;
before(async () => (wp = await startWaypoint()));
after(async () => wp.stop());

test("/readyz says whether the database answers; /healthz only that the server does", async () => {
  const ready = await fetch(wp.url + "/readyz");
  assert.equal(ready.status, 200);
  assert.equal(await ready.text(), "ready\n");
  assert.equal((await fetch(wp.url + "/healthz")).status, 200);
});

test("while PostgreSQL restarts, signed-in pages answer 503 with Retry-After, and then recover without restarting Waypoint", { skip: engine !== "postgres" && "PostgreSQL only" }, async () => {
  const c = wp.client();
  await c.signIn(DEMO.apLead);
  // Several requests, so the pool holds connections made before the restart.
  await Promise.all(["/", "/pupils", "/placements", "/providers"].map(async (p) => assert.equal((await c.get(p)).status, 200, p)));

  const start = stopCluster();
  let restarted = false;
  try {
    const away = await c.get("/pupils");
    assert.equal(away.status, 503);
    assert.equal(away.headers.get("retry-after"), "5");
    assert.match(away.text, /Waypoint cannot reach its database just now/);
    assert.equal((await fetch(wp.url + "/readyz")).status, 503);
    assert.equal((await fetch(wp.url + "/healthz")).status, 200, "the process itself is alive");
    start();
    restarted = true;

    const seen = [];
    const deadline = Date.now() + 20000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await c.get("/pupils")).status;
      seen.push(status);
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200, `recovered by itself; saw ${seen.join(", ")}`);
    assert.ok(seen.every((s) => s === 200 || s === 503), `only 503 while recovering, never 500: ${seen.join(", ")}`);
    assert.equal((await fetch(wp.url + "/readyz")).status, 200);
    for (const p of ["/", "/placements", "/providers"]) assert.equal((await c.get(p)).status, 200, p);
  } finally {
    if (!restarted) start();
  }
});
