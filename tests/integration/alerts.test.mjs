import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, DEMO_PASSWORD, decode, day, recentRegisterDay, weekdayDateText } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Aisha (pupil 1, Oakfield Academy) is at Bridgeway Monday to Thursday, 08:45 to 15:15. The demo
// has no marks for her, so the server's first sweep finds her missing education.

let wp;
let sink;
let tutor;
let date; // a recent school day on which Aisha is expected at Bridgeway
before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "alerts@waypoint.example", "--sweep-seconds", "1"] });
  tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  date = await recentRegisterDay(tutor, "Aisha Walker");
});
after(async () => {
  await wp.stop();
  await sink.stop();
});

const signedIn = async (email) => {
  const c = wp.client();
  await c.signIn(email);
  return c;
};
const sweep = (at) => {
  const r = wp.cli(["alerts", "sweep", "--at", at, "--smtp", sink.address, "--public-url", wp.url]);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.match(/Raised (\d+) alerts for registers not taken and (\d+)/).slice(1).map(Number);
};
const alertId = (where) => wp.sql(`SELECT id FROM alerts WHERE ${where}`);

test("an unexplained absence reaches the DSL's inbox and an e-mail, which names no child, reaches the mail server", async () => {
  await tutor.get(`/register?date=${date}&session=am`);
  assert.equal((await tutor.post("/register", { date, session: "am", pupil_id: "1", mark_1: "absent", reason_1: "N" })).status, 303);
  const id = alertId(`kind = 'unexplained_absence' AND pupil_id = 1 AND session_date = '${date}'`);
  const mail = await sink.waitFor((m) => m.to.includes("<dsl@oakfield.example>") && m.data.includes(`/alerts/${id}\r\n`));
  assert.equal(mail.from, "<alerts@waypoint.example>");
  assert.match(mail.data, /^Subject: Waypoint: a new alert for Oakfield Academy\r$/m);
  assert.match(mail.data, /Unexplained absence/);
  assert.doesNotMatch(mail.data, /Aisha|Walker/, "no child is named in the mail");
  assert.equal(wp.sql(`SELECT to_address FROM outbound_mail WHERE body LIKE '%/alerts/${id}%'`), "dsl@oakfield.example", "the DSL only");
  for (let i = 0; i < 50 && wp.sql(`SELECT COUNT(*) FROM outbound_mail WHERE body LIKE '%/alerts/${id}%' AND sent_at IS NOT NULL`) !== "1"; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(wp.sql(`SELECT COUNT(*) FROM outbound_mail WHERE body LIKE '%/alerts/${id}%' AND sent_at IS NOT NULL`), "1", "recorded as sent");
  const link = mail.data.match(/(http:\/\/\S+\/alerts\/\d+)/)[1];
  assert.ok(link.startsWith(wp.url), "the link points at this server");
  const dsl = await signedIn(DEMO.dsl);
  assert.match(decode((await dsl.get(link.slice(wp.url.length))).text), /Aisha Walker is absent without a reason from Bridgeway/);
});

test("a register not taken 30 minutes after it opens raises one alert for the provider and one for the school, to the minute", async () => {
  sweep(`${date}T12:45`); // the morning's, for any pupil still unmarked
  const before = Number(wp.sql("SELECT COUNT(*) FROM alerts WHERE kind = 'register_not_taken'"));
  assert.doesNotMatch(wp.sql(`SELECT summary FROM alerts WHERE kind = 'register_not_taken' AND session_date = '${date}' AND session = 'am'`), /Aisha/, "her morning mark is in");
  assert.equal(sweep(`${date}T12:59`)[0], 0, "the afternoon register opened at 12:30: not yet");
  assert.equal(sweep(`${date}T13:00`)[0], 2);
  assert.equal(sweep(`${date}T13:01`)[0], 0, "raised once");
  assert.equal(Number(wp.sql("SELECT COUNT(*) FROM alerts WHERE kind = 'register_not_taken'")), before + 2);
  const forSchool = alertId(`kind = 'register_not_taken' AND session_date = '${date}' AND session = 'pm' AND for_role = 'ap_lead'`);
  const forProvider = alertId(`kind = 'register_not_taken' AND session_date = '${date}' AND session = 'pm' AND for_role = 'provider_staff'`);

  const apLead = await signedIn(DEMO.apLead);
  assert.match(decode((await apLead.get("/alerts")).text), new RegExp(`The afternoon register at Bridgeway Pupil Referral Unit on ${weekdayDateText(date)} \\(open from 12:30\\) has no mark for Oakfield Academy's pupils? Aisha Walker`));
  assert.equal((await apLead.get(`/alerts/${forProvider}`)).status, 404);
  const manager = await signedIn(DEMO.providerManager);
  const page = decode((await manager.get(`/alerts/${forProvider}`)).text);
  assert.match(page, /Register not taken/);
  assert.match(page, new RegExp(`href="/register\\?date=${date}&amp;session=pm"|href="/register\\?date=${date}&session=pm"`));
  assert.equal((await tutor.get(`/alerts/${forProvider}`)).status, 200);
  assert.equal((await tutor.get(`/alerts/${forSchool}`)).status, 404);
  const dsl = await signedIn(DEMO.dsl);
  assert.equal((await dsl.get(`/alerts/${forSchool}`)).status, 404, "the school's is for its AP lead");

  const mailed = wp.sql(`SELECT to_address FROM outbound_mail WHERE body LIKE '%/alerts/${forProvider}%' ORDER BY to_address`).split("\n");
  assert.deepEqual(mailed, ["manager@bridgeway.example", "tutor@bridgeway.example"]);

});

test("no register alert on a day the pupil's school is closed, by its own closure or its LA's", async () => {
  // Three more days Aisha is expected at Bridgeway, found before any is closed.
  const days = [];
  for (let offset = -1; offset >= -40 && days.length < 4; offset--) {
    const d = day(offset);
    if (d !== date && (await tutor.get(`/register?date=${d}&session=am`)).text.includes("Aisha Walker")) days.push(d);
  }
  const [ownClosure, areaClosure, open] = days;
  wp.sql(`INSERT INTO calendar_closures (organisation_id, day, reason) VALUES (2, '${ownClosure}', 'Staff training day')`);
  wp.sql(`INSERT INTO calendar_closures (organisation_id, day, reason) VALUES (1, '${areaClosure}', 'Polling day')`);
  for (const d of [ownClosure, areaClosure, open]) sweep(`${d}T16:00`);
  const oakfield = (d) => Number(wp.sql(`SELECT COUNT(*) FROM alerts WHERE kind = 'register_not_taken' AND school_id = 2 AND session_date = '${d}'`));
  assert.equal(oakfield(ownClosure), 0, "Oakfield's training day");
  assert.equal(oakfield(areaClosure), 0, "the LA's closure, which Oakfield follows");
  assert.equal(oakfield(open), 4, "a day Oakfield is open: the morning's and afternoon's, for the school and the provider");
});

test("another provider's staff cannot read a provider's alert by changing the id", async () => {
  const made = wp.cli(["user", "add", "--email", "staff@northgate.example", "--name", "Nia Northgate", "--role", "provider_staff", "--organisation-id", "6"], DEMO_PASSWORD + "\n");
  assert.equal(made.status, 0, made.stderr);
  const other = await signedIn("staff@northgate.example");
  for (const id of wp.sql("SELECT id FROM alerts").split("\n")) assert.equal((await other.get(`/alerts/${id}`)).status, 404, id);
  assert.doesNotMatch(decode((await other.get("/alerts")).text), /Aisha/);
});

test("a pupil with no attendance on 10 school days they were expected raises a children-missing-education alert for the LA", async () => {
  const id = alertId("kind = 'missing_education' AND pupil_id = 1");
  assert.ok(id, "raised by the server's own sweep");
  const officer = await signedIn(DEMO.laOfficer);
  const inbox = decode((await officer.get("/alerts")).text);
  assert.match(inbox, /Children missing education/);
  assert.match(inbox, /Aisha Walker, on the roll of Oakfield Academy and placed at Bridgeway Pupil Referral Unit, has attended no session on the last 10 school days/);
  await sink.waitFor((m) => m.to.includes("<officer@exeshire.example>") && m.data.includes(`/alerts/${id}\r\n`));
  for (const email of [DEMO.apLead, DEMO.dsl, DEMO.providerManager, DEMO.parent]) {
    const c = await signedIn(email);
    assert.equal((await c.get(`/alerts/${id}`)).status, 404, email);
  }
  assert.deepEqual(sweep(`${day(0)}T07:00`), [0, 0], "raised once for the run");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'alert.raise' AND user_id IS NULL AND entity_id = " + id), "1");
});

test("the sweep's time must be a real time in England", () => {
  const r = wp.cli(["alerts", "sweep", "--at", "2026-11-23 09:20"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--at must be a time in England, like 2026-11-23T09:20/);
});
