import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, decode, day, dateText, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Letters to parents. Aisha's father (the demo parent, with an account) is e-mailed when her review
// is recorded, and reads the summary in Waypoint; the school sees when he first read it. Ben's
// parents have no account: the notice of his direction waits to be posted, and the school records
// the day it went.
let wp, sink, school, parent, token;

before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  parent = wp.client();
  await parent.signIn(DEMO.parent);
});
after(async () => {
  await wp.stop();
  await sink.stop();
});

const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

test("a review summary is e-mailed to the carer with an account, without the child's name, and its first reading is kept", async () => {
  const held = await wp.api(token, "POST", "/placements/1/reviews", { held_on: day(0), attendees: ["pupil", "parents"], pupil_voice: "It is going well", parent_voice: "She is happier", objectives: [], decision: "continue", next_review_on: day(42) });
  assert.equal(held.status, 201, JSON.stringify(held.body));
  const review = held.body.id;
  const mail = await sink.waitFor((m) => m.to.includes("<parent@family.example>"));
  const [headers, body] = [mail.data.split("\r\n\r\n")[0], mail.data.split("\r\n\r\n").slice(1).join("\n")];
  assert.match(headers, /Subject: Waypoint: a letter from Oakfield Academy/);
  assert.doesNotMatch(mail.data, /Aisha|review/i, "nothing about the child in the e-mail");
  assert.match(body, /http:\/\/[^\s]+\/letters/);

  const mine = await text(parent, "/letters");
  assert.match(mine, new RegExp(`Summary of the review held on ${dateText(day(0))} About Aisha Walker\\. Sent .*New`));
  const listed = (await wp.api(token, "GET", "/pupils/1/letters")).body.letters;
  assert.deepEqual(listed.map((l) => [l.kind, l.to, l.channel, l.first_read_at]), [["review_summary", "Chris Walker", "waypoint", null]]);
  assert.ok(listed[0].sent_at, "sent the moment the review was recorded");
  assert.match(await text(school, "/pupils/1/letters"), /E-mail and Waypoint Sent .* First read Not yet/);

  assert.equal((await parent.get(`/reviews/${review}`)).status, 200);
  const read = wp.sql(`SELECT first_read_at FROM letters WHERE kind = 'review_summary' AND about_id = ${review}`);
  assert.match(read, /^\d{4}-\d\d-\d\dT/);
  await school.get(`/reviews/${review}`);  // the school reading it is not the parent reading it
  await parent.get(`/reviews/${review}`);  // nor is a second reading the first
  assert.equal(wp.sql(`SELECT first_read_at FROM letters WHERE kind = 'review_summary' AND about_id = ${review}`), read);
  assert.match(await text(parent, "/letters"), /You first read it/);
  assert.doesNotMatch(await text(school, "/pupils/1/letters"), /Not yet/);
});

async function directionForBen() {
  const site = wp.sql("SELECT id FROM provider_sites WHERE provider_id = 5 ORDER BY id LIMIT 1");
  await school.get("/pupils/2/placements/new?provider_id=5");
  const made = await school.post("/pupils/2/placements/new", { provider_id: "5", legal_basis: "off_site_direction", reason: "semh", objectives: "Settle", start_date: day(40), planned_end_date: day(100), site_ids: site, report_to: "Ms Ward", paid_by: "school" });
  const id = made.location.match(/^\/placements\/(\d+)/)[1];
  await school.get(`/placements/${id}`);
  await school.post(`/placements/${id}/agree`);
  await school.get("/pupils/2/contacts/new");
  await school.post("/pupils/2/contacts/new", { role: "parent", name: "Lee Hughes", relationship: "Father", parental_responsibility: "yes", phone: "07700 900400", address: "9 Quay Lane, Exeter EX2 4AN", preferred_contact: "post" });
  await school.get("/pupils/2/timetable");
  const week = { slot_count: "5" };
  ["monday", "tuesday", "wednesday", "thursday", "friday"].forEach((d, i) => Object.assign(week, { [`slot_${i + 1}_day`]: d, [`slot_${i + 1}_start`]: "08:45", [`slot_${i + 1}_end`]: "15:15", [`slot_${i + 1}_where`]: `placement:${id}` }));
  assert.equal((await school.post("/pupils/2/timetable", week)).status, 303);
  await school.get(`/placements/${id}`);
  assert.equal((await school.post(`/placements/${id}/notice`, { notice_sent_on: day(0) })).status, 303);
  // Correcting the date the notice went does not send it twice.
  assert.equal((await school.post(`/placements/${id}/notice`, { notice_sent_on: day(0) })).status, 303);
  return id;
}

test("a notice to parents without an account waits to be posted; the school records the day it went", async () => {
  const placement = await directionForBen();
  const letters = (await wp.api(token, "GET", "/pupils/2/letters")).body.letters;
  assert.deepEqual(letters.map((l) => [l.kind, l.to, l.channel, l.address, l.sent_at]).sort(), [
    ["direction_notice", "Dana Hughes", "post", "", null],
    ["direction_notice", "Lee Hughes", "post", "9 Quay Lane, Exeter EX2 4AN", null],
  ]);
  assert.ok(letters.every((l) => l.document === `/placements/${placement}/notice`));
  const page = await text(school, "/pupils/2/letters");
  assert.match(page, /By post to 9 Quay Lane, Exeter EX2 4AN Sent To post/);
  assert.match(page, /By post to \(no address recorded\)/);
  const lee = letters.find((l) => l.to === "Lee Hughes").id;
  const bad = await school.post(`/letters/${lee}/posted`, { pupil_id: "2", letter_id: String(lee), [`posted_on_${lee}-day`]: "31", [`posted_on_${lee}-month`]: "2", [`posted_on_${lee}-year`]: "2026" });
  assert.equal(bad.status, 422);
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["posted_on"]);
  assert.match(decode(bad.text), /name="posted_on-day"[^>]*value="31"/, "the date comes back as typed");
  const ahead = await wp.api(token, "POST", `/letters/${lee}/posted`, { posted_on: day(1) });
  assert.equal(ahead.status, 422);
  const [y, m, d] = day(0).split("-");
  const posted = await school.post(`/letters/${lee}/posted`, { pupil_id: "2", letter_id: String(lee), [`posted_on_${lee}-day`]: d, [`posted_on_${lee}-month`]: m, [`posted_on_${lee}-year`]: y });
  assert.equal(posted.status, 303);
  assert.match(await text(school, "/pupils/2/letters"), new RegExp(`By post to 9 Quay Lane, Exeter EX2 4AN Sent Posted ${dateText(day(0))}`));
  assert.equal((await wp.api(token, "POST", `/letters/${lee}/posted`, { posted_on: day(0) })).status, 422, "posted once");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'letter.posted' AND entity_id = '${lee}'`), "1");
  assert.ok(!sink.messages.some((m) => m.data.includes("Hughes")), "no e-mail to a parent without an account");
});

test("nobody else sees a child's letters or records them as posted", async () => {
  const letter = wp.sql("SELECT MIN(id) FROM letters WHERE pupil_id = 2");
  for (const [who, status] of [[DEMO.providerStaff, 403], [DEMO.laOfficer, 403], [DEMO.parent, 404]]) {
    const c = wp.client();
    await c.signIn(who);
    assert.equal((await c.get("/pupils/2/letters")).status, status, who);
  }
  assert.equal((await parent.get("/pupils/1/letters")).status, 403, "a parent reads their own letters, not the school's list");
  const fatherToken = wp.cli(["token", "create", "--email", DEMO.parent]).stdout.trim();
  assert.equal((await wp.api(fatherToken, "POST", `/letters/${letter}/posted`, { posted_on: day(0) })).status, 404);
  const own = (await wp.api(fatherToken, "GET", "/letters")).body.letters;
  assert.ok(own.length >= 1 && own.every((l) => l.pupil_name === "Aisha Walker"), "only his own letters");
  assert.equal((await wp.api(token, "GET", "/letters")).status, 403, "staff have no letters of their own");
});
