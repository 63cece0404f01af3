import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode, dateText, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Pupils' own accounts at Oakfield. The headteacher chooses whether the school gives them at all;
// Ben (pupil 2) is invited at his school address from his 11th birthday, sets a password, sees his
// own week and nobody else's, says how it is going (the AP lead hears at once and sees it as said
// "In Waypoint"), asks for a copy of his record, and loses access the moment the school ends the
// account. The demo pupil, Aisha, signs in to her week at Bridgeway.
let wp, sink, head, lead;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const benPassword = "my bike is green and fast";

const today = day(0);
// The day, as YYYY-MM-DD, `years` before today (29 February falls back to the 28th), moved on `days`.
const yearsAgo = (years, days = 0) => {
  const [y, m, d] = today.split("-").map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  [head, lead] = [wp.client(), wp.client()];
  await head.signIn(DEMO.head);
  await lead.signIn(DEMO.apLead);
});
after(async () => {
  await wp?.stop();
  await sink?.stop();
});

test("the headteacher chooses whether the school gives pupils accounts; while it does not, nobody is invited", async () => {
  assert.match(await text(head, "/"), /Pupils' own accounts/);
  assert.doesNotMatch(await text(lead, "/"), /Pupils' own accounts/, "the headteacher's choice");
  assert.equal((await lead.get("/school/pupil-accounts")).status, 403);
  const page = decode((await head.get("/school/pupil-accounts")).text);
  assert.match(page, /value="yes" checked/, "the demo school has chosen to");
  const nonsense = await head.post("/school/pupil-accounts", { allowed: "maybe" });
  assert.equal(nonsense.status, 422);
  assert.deepEqual(errorMessages(nonsense.text).map((e) => e.field), ["allowed"]);
  assert.equal((await head.post("/school/pupil-accounts", { allowed: "no" })).status, 303);
  assert.match(await text(head, "/school/pupil-accounts?done=chosen"), /No more pupils can be invited/);

  await lead.get("/pupils/2/own-account");
  const refused = await lead.post("/pupils/2/own-account/invitations", { email: "ben.hughes@oakfield.example" });
  assert.equal(refused.status, 422);
  assert.deepEqual(errorMessages(refused.text), [{ field: "email", message: "The school does not give pupils their own accounts. The headteacher can choose to, on the school's settings" }]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM pupil_invitations"), "0");
  assert.equal((await head.post("/school/pupil-accounts", { allowed: "yes" })).status, 303);
  assert.equal(wp.sql("SELECT action FROM audit_events WHERE action LIKE 'pupil_accounts.choose%' ORDER BY id DESC LIMIT 1"), "pupil_accounts.choose");
});

test("a pupil is invited from their 11th birthday, at a school address only", async () => {
  wp.sql(`UPDATE pupils SET date_of_birth = '${yearsAgo(11, 1)}' WHERE id = 2`);
  await lead.get("/pupils/2/own-account");
  const young = await lead.post("/pupils/2/own-account/invitations", { email: "ben.hughes@oakfield.example" });
  assert.deepEqual(errorMessages(young.text), [{ field: "email", message: `Pupils can have their own account from the age of 11. Ben can be invited from ${dateText(day(1))}` }]);
  wp.sql(`UPDATE pupils SET date_of_birth = '${yearsAgo(11)}' WHERE id = 2`);  // 11 today
  const personal = await lead.post("/pupils/2/own-account/invitations", { email: "ben.h@mail.example" });
  assert.deepEqual(errorMessages(personal.text), [{ field: "email", message: "Use the pupil's school email address, ending @oakfield.example, not a personal one" }]);
  const lookalike = await lead.post("/pupils/2/own-account/invitations", { email: "ben@notoakfield.example" });
  assert.deepEqual(errorMessages(lookalike.text).map((e) => e.field), ["email"]);
  const staff = await lead.post("/pupils/2/own-account/invitations", { email: "dsl@oakfield.example" });
  assert.deepEqual(errorMessages(staff.text), [{ field: "email", message: "This email address already belongs to another Waypoint account" }]);
  const sent = await lead.post("/pupils/2/own-account/invitations", { email: " Ben.Hughes@Pupils.Oakfield.example " });
  assert.equal(sent.status, 303, sent.text);
  assert.equal(sent.location, "/pupils/2/own-account?done=invited");
  assert.equal(wp.sql("SELECT email FROM pupil_invitations WHERE pupil_id = 2"), "ben.hughes@pupils.oakfield.example");
});

test("the pupil sets a password, sees their own week and nothing of anyone else's, and tells the school how it is going", async () => {
  const mail = await sink.waitFor((m) => m.to.includes("<ben.hughes@pupils.oakfield.example>"));
  const headers = mail.data.split("\r\n\r\n")[0];
  assert.match(headers, /Subject: Waypoint: your own account/);
  assert.doesNotMatch(headers, /Ben|Hughes/);
  const link = mail.data.match(/http:\/\/[^\s]+\/invitation\/([0-9a-f]+)/);
  assert.ok(link, mail.data);
  const ben = wp.client();
  assert.match(await text(ben, `/invitation/${link[1]}`), /Hello Ben Hughes\. Oakfield Academy has given you your own Waypoint account/);
  assert.equal((await ben.post(`/invitation/${link[1]}`, { password: benPassword, confirm_password: benPassword })).status, 303);
  assert.equal((await wp.client().get(`/invitation/${link[1]}`)).status, 410, "the link works once");
  assert.equal(wp.sql("SELECT role FROM users WHERE email = 'ben.hughes@pupils.oakfield.example'"), "pupil");

  await ben.signIn("ben.hughes@pupils.oakfield.example", benPassword);
  const home = await text(ben, "/");
  assert.match(home, /Your week/);
  assert.match(home, /How is it going\?/);
  assert.doesNotMatch(home, /Your school's pupils|Alerts|Placements/);
  const week = await text(ben, "/pupils/2/week");
  assert.match(week, /Your week/);
  assert.match(week, /Tell your school how it is going for you/);
  for (const path of ["/pupils/1/week", "/pupils/3/week", "/pupils/1/how-is-it-going", "/pupils/3/data-rights"])
    assert.equal((await ben.get(path)).status, 404, path);
  for (const path of ["/pupils/2", "/pupils/2/family", "/pupils/2/own-account", "/pupils", "/placements", "/alerts", "/pupils/2/interventions"])
    assert.ok([403, 404].includes((await ben.get(path)).status), `${path} is not the pupil's`);

  await ben.get("/pupils/2/how-is-it-going");
  const blank = await ben.post("/pupils/2/how-is-it-going", { helps: "x".repeat(10) });
  assert.equal(blank.status, 422);
  assert.deepEqual(errorMessages(blank.text), [
    { field: "feeling", message: "Select how you feel it is going" },
    { field: "back_to_school", message: "Select whether you want to go back to school" },
  ]);
  assert.match(decode(blank.text), /x{10}<\/textarea>/, "what was typed stays");
  const said = await ben.post("/pupils/2/how-is-it-going", { feeling: "good", helps: "Mr Brennan explains maths slowly", does_not_help: "", wants_next: "More football", back_to_school: "not_yet", how: "told_staff", answered_on: "2020-01-01" });
  assert.equal(said.status, 303);
  assert.match(await text(ben, "/pupils/2/how-is-it-going?done=sent"), /Thank you\. Your school can read it now.*Mr Brennan explains maths slowly/);
  assert.equal(wp.sql("SELECT how || ' ' || answered_on FROM pupil_voices WHERE pupil_id = 2"), `in_waypoint ${today}`, "today and in Waypoint, whatever was sent");
  const told = await sink.waitFor((m) => m.to.includes(`<${DEMO.apLead}>`) && /a pupil has said how it is going/.test(m.data));
  assert.doesNotMatch(told.data, /Ben|Hughes/);
  assert.match(await text(lead, "/pupils/2/voice"), /Mr Brennan explains maths slowly .* In Waypoint, recorded by Ben Hughes/);

  // The school cannot answer for him in Waypoint.
  assert.equal((await lead.get("/pupils/2/how-is-it-going")).status, 200, "the school may read what he said there");
  assert.equal((await lead.post("/pupils/2/how-is-it-going", { feeling: "good", back_to_school: "yes" })).status, 403);
});

test("the pupil asks for a copy of their own record, and the headteacher sees it with its clock", async () => {
  const ben = wp.client();
  await ben.signIn("ben.hughes@pupils.oakfield.example", benPassword);
  await ben.get("/pupils/2/data-rights");
  assert.equal((await ben.post("/pupils/2/data-rights", { kind: "access" })).status, 303);
  assert.equal(wp.sql("SELECT u.role FROM data_requests d JOIN users u ON u.id = d.made_by WHERE d.pupil_id = 2"), "pupil");
  assert.match(await text(head, "/data-requests"), /Ben Hughes/);
});

test("ending the pupil's account shuts their access at once; a new invitation can open it again", async () => {
  const ben = wp.client();
  await ben.signIn("ben.hughes@pupils.oakfield.example", benPassword);
  assert.equal((await ben.get("/pupils/2/week")).status, 200);
  const user = wp.sql("SELECT id FROM users WHERE email = 'ben.hughes@pupils.oakfield.example'");
  await lead.get("/pupils/2/own-account");
  const twice = await lead.post("/pupils/2/own-account/invitations", { email: "ben.h2@oakfield.example" });
  assert.deepEqual(errorMessages(twice.text), [{ field: "email", message: "Ben has an open account. End it before inviting them again" }]);
  const noReason = await lead.post(`/pupils/2/own-account/${user}/end`, { reason: "  " });
  assert.deepEqual(errorMessages(noReason.text).map((e) => e.field), ["reason"]);
  assert.equal((await lead.post(`/pupils/2/own-account/${user}/end`, { reason: "Asked by the pupil" })).status, 303);
  assert.equal((await ben.get("/pupils/2/week")).status, 404);
  assert.doesNotMatch(await text(ben, "/"), /Your week/);
  assert.match(await text(lead, "/pupils/2/own-account"), /Ended .* Asked by the pupil/);

  await lead.get("/pupils/2/own-account");
  assert.equal((await lead.post("/pupils/2/own-account/invitations", { email: "ben.hughes@pupils.oakfield.example" })).status, 303);
  const toBen = () => sink.messages.filter((m) => m.to.includes("<ben.hughes@pupils.oakfield.example>"));
  await sink.waitFor(() => toBen().length === 2);
  const latest = toBen().pop().data.match(/\/invitation\/([0-9a-f]+)/)[1];
  const reopen = wp.client();
  assert.match(await text(reopen, `/invitation/${latest}`), /You had a Waypoint account at this address before/);
  assert.equal((await reopen.post(`/invitation/${latest}`, {})).status, 303);
  assert.equal((await ben.get("/pupils/2/week")).status, 200, "the same password, the account open again");
});

test("the API: the school invites and ends; wrong types are refused naming the field", async () => {
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const shown = await wp.api(token, "GET", "/pupils/2/own-account");
  assert.equal(shown.status, 200);
  assert.equal(shown.body.school_gives_accounts, true);
  assert.equal(shown.body.accounts[0].current, true);
  const wrong = await wp.api(token, "POST", "/pupils/2/own-account/invitations", { email: 12 });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.errors[0].field, "email");
  const control = await wp.api(token, "POST", "/pupils/2/own-account/invitations", { email: "ben\u0007@oakfield.example" });
  assert.equal(control.status, 422);
  assert.equal(control.body.errors[0].field, "email");
  const ended = await wp.api(token, "POST", `/pupils/2/own-account/${shown.body.accounts[0].user_id}/end`, { reason: "Left the school" });
  assert.equal(ended.status, 204);
  assert.equal((await wp.api(token, "POST", `/pupils/2/own-account/${shown.body.accounts[0].user_id}/end`, { reason: "Again" })).status, 404, "nothing live to end");
});

test("the demo pupil signs in to her own week at Bridgeway", async () => {
  const aisha = wp.client();
  await aisha.signIn(DEMO.pupil);
  const week = await text(aisha, "/pupils/1/week");
  assert.match(week, /Your week/);
  assert.match(week, /Bridgeway Pupil Referral Unit/);
  assert.doesNotMatch(week, /parents and carers see/);
  assert.equal((await aisha.get("/pupils/1")).status, 403);
  assert.equal((await aisha.get("/pupils/2/week")).status, 404);
});
