import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, recentRegisterDay } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Two servers on one database, as a deployment with two processes behind a load balancer: the work
// between requests (alert sweeps, mail) is done by one of them at a time, so each alert is raised
// and mailed once; when the process doing it dies, the other takes it over by itself.
let sink;
let servers;
let killed; // the server that died: its files go once the other has stopped
before(async () => {
  // A slow mail server: each mail takes 600 ms to be accepted, so the first pass's eight mails take
  // longer than the lease (three sweeps, 3 s). The holder renews it while it works; before it did, the
  // other process took the lapsed lease mid-pass and sent the mail still waiting again.
  sink = await startSmtpSink({ acceptMs: 600 });
  const args = ["--smtp", sink.address, "--mail-from", "alerts@waypoint.example", "--sweep-seconds", "1"];
  const first = await startWaypoint({ args });
  servers = [first, await startWaypoint({ args, beside: first })];
});
after(async () => {
  for (const wp of servers.slice().reverse()) await wp.stop();
  killed?.cleanup();
  await sink.stop();
});

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function markAbsent(wp, session) {
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const date = await recentRegisterDay(tutor, "Aisha Walker");
  await tutor.get(`/register?date=${date}&session=${session}`);
  const sent = await tutor.post("/register", { date, session, pupil_id: "1", mark_1: "absent", reason_1: "N" });
  assert.equal(sent.status, 303);
  return wp.sql(`SELECT id FROM alerts WHERE kind = 'unexplained_absence' AND pupil_id = 1 AND session_date = '${date}' AND session = '${session}'`);
}

// Every mail the database says was sent reached the mail server, and none was sent twice by two
// processes at once. `inFlight`: mails a killed process may have handed to the mail server without
// living to record it, which the survivor then sends again (SMTP promises at least once, not once).
function assertSentOnce(wp, { inFlight = 0 } = {}) {
  const sent = Number(wp.sql("SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NOT NULL"));
  const distinct = new Set(sink.messages.map((m) => `${m.to}\n${m.data.slice(m.data.indexOf("\r\n\r\n"))}`)).size;
  assert.equal(distinct, sent, "every mail recorded as sent was delivered");
  assert.ok(sink.messages.length - distinct <= inFlight, `each mail sent once: ${sink.messages.length} delivered, ${distinct} different`);
}

test("two servers on one database raise and mail each alert once, and the work moves on when the process doing it dies", async () => {
  const [first] = servers;
  // An absence recorded through the second server is mailed by whichever holds the work.
  const morning = await markAbsent(servers[1], "am");
  assert.ok(morning, "raised");
  await sink.waitFor((m) => m.data.includes(`/alerts/${morning}\r\n`));
  await pause(3000); // three more sweeps on each server
  assertSentOnce(first);
  const holder = first.sql("SELECT holder FROM background_leases WHERE name = 'background work'");
  const working = servers.find((wp) => holder.split(":")[1] === String(wp.pid));
  assert.ok(working, `the lease is held by one of the two: ${holder}`);

  // The process doing the work dies without a word; the other takes over once its lease runs out.
  const survivor = servers.find((wp) => wp !== working);
  assert.equal((await working.signal("SIGKILL")).signal, "SIGKILL");
  servers = [survivor];
  killed = working;
  const afternoon = await markAbsent(survivor, "pm");
  await sink.waitFor((m) => m.data.includes(`/alerts/${afternoon}\r\n`), 20000);
  assert.equal(survivor.sql("SELECT holder FROM background_leases").split(":")[1], String(survivor.pid));
  await pause(2000);
  assertSentOnce(survivor, { inFlight: 1 });
});
