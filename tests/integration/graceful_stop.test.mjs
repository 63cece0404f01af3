import { test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:net";
import { startWaypoint } from "../support/waypoint.mjs";

// Stopping with SIGTERM, as a service manager does: no new connections, the request in flight is
// answered, then the process ends cleanly.
test("SIGTERM lets the request in flight finish, refuses new connections and exits with 0", async () => {
  const wp = await startWaypoint();
  const { hostname, port } = new URL(wp.url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once("connect", resolve));
  let answer = "";
  socket.on("data", (d) => (answer += d));
  const closed = new Promise((resolve) => socket.once("close", resolve));
  // Half a request: the server is reading its body when the signal comes.
  const body = "email=nobody%40example.org&password=x";
  socket.write(`POST /sign-in HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`);
  socket.write(body.slice(0, 10));
  await new Promise((r) => setTimeout(r, 300));

  const exited = wp.signal("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await assert.rejects(fetch(wp.url + "/healthz"), "a new connection is not served once stopping");
  socket.write(body.slice(10));
  await closed;
  assert.match(answer, /^HTTP\/1\.1 (403|422|200|303) /, `the request in flight was answered: ${answer.slice(0, 60)}`);
  const { code, signal } = await exited;
  assert.equal(code, 0, `exited with ${code ?? signal}\n${wp.stderr()}`);
  await wp.stop();  // only tidies up now: the process has ended
});
