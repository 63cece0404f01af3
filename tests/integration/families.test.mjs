import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, addAreaWithSchool, DEMO, DEMO_PASSWORD, day, decode, errorMessages } from "../support/waypoint.mjs";
import { startSmtpSink } from "../support/smtp_sink.mjs";

// Ben (pupil 2, Oakfield) gets a father recorded with parental responsibility, who is invited,
// signs up and sees Ben and nobody else. The demo parent (Aisha's father) is invited by a second
// school for a child there, and then sees both children.
let wp, sink, lead, token, hillside;
const api = (who, ...call) => wp.api(who === "lead" ? token : hillside.token, ...call);
const carerPassword = "a long walk by the quiet river";

async function inviteMail(address) {
  const mail = await sink.waitFor((m) => m.to.includes(`<${address}>`) && !m.seen);
  mail.seen = true;
  return { mail, link: mail.data.match(/http:\/\/[^\s]+\/invitation\/([0-9a-f]+)/) };
}

async function addContact(who, pupil, contact) {
  const res = await api(who, "POST", `/pupils/${pupil}/contacts`, { role: "parent", relationship: "Father", preferred_contact: "email", phone: "07700 900123", parental_responsibility: true, ...contact });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

let samContact;
before(async () => {
  sink = await startSmtpSink();
  wp = await startWaypoint({ args: ["--smtp", sink.address, "--mail-from", "waypoint@oakfield.example", "--sweep-seconds", "1"] });
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  lead = wp.client();
  await lead.signIn(DEMO.apLead);
  samContact = await addContact("lead", 2, { name: "Sam Hughes", email: "sam.hughes@family.example" });
  const ids = await addAreaWithSchool(wp, { la: "Westmoor Borough Council", school: "Hillside School", urn: "149109", users: [["lead@hillside.example", "ap_lead", "school"]] });
  hillside = { ids, token: wp.cli(["token", "create", "--email", "lead@hillside.example"]).stdout.trim() };
});
after(async () => {
  await wp.stop();
  await sink.stop();
});

test("a school invites a father by e-mail; he sets a password through the link and sees only his child", async () => {
  const page = decode((await lead.get("/pupils/2/family")).text);
  assert.match(page, /Sam Hughes \(Father\)/);
  const sent = await lead.post("/pupils/2/family/invitations", { contact_id: String(samContact) });
  assert.equal(sent.status, 303);
  assert.equal(sent.location, "/pupils/2/family?done=invited");
  const { mail, link } = await inviteMail("sam.hughes@family.example");
  assert.match(mail.data, /Subject: Waypoint: an invitation from Oakfield Academy/);
  assert.doesNotMatch(mail.data.split("\r\n\r\n")[0], /Ben|Hughes/, "no child's name in the headers");
  assert.ok(link, mail.data);

  const carer = wp.client();
  const form = decode((await carer.get(`/invitation/${link[1]}`)).text);
  assert.match(form, /Oakfield Academy has invited Sam Hughes/);
  assert.match(form, /sam\.hughes@family\.example/);
  const weak = await carer.post(`/invitation/${link[1]}`, { password: "short", confirm_password: "short" });
  assert.equal(weak.status, 422);
  assert.deepEqual(errorMessages(weak.text).map((e) => e.field), ["password"]);
  const mismatch = await carer.post(`/invitation/${link[1]}`, { password: carerPassword, confirm_password: carerPassword + "!" });
  assert.deepEqual(errorMessages(mismatch.text), [{ field: "confirm_password", message: "The passwords do not match" }]);
  const made = await carer.post(`/invitation/${link[1]}`, { password: carerPassword, confirm_password: carerPassword });
  assert.equal(made.status, 303);
  assert.equal(made.location, "/sign-in?invited=1");
  assert.match(decode((await carer.get("/sign-in?invited=1")).text), /Your account is ready/);

  const used = await wp.client().get(`/invitation/${link[1]}`);
  assert.equal(used.status, 410);
  assert.match(decode(used.text), /This invitation has already been used/);

  await carer.signIn("sam.hughes@family.example", carerPassword);
  const list = decode((await carer.get("/pupils")).text);
  assert.match(list, /Ben/);
  assert.doesNotMatch(list, /Aisha/);
  const ben = decode((await carer.get("/pupils/2")).text);
  assert.match(ben, /Ben Hughes/);
  assert.doesNotMatch(ben, /Dana Hughes|07700 900202|Parents, carers and professionals/, "another carer's details are not his to see");
  for (const other of [1, 3, 4]) assert.equal((await carer.get(`/pupils/${other}`)).status, 404, `pupil ${other}`);
  assert.equal((await carer.get("/pupils/2/family")).status, 403, "a parent does not manage others' access");
  assert.equal(wp.sql("SELECT role || ' ' || organisation_id FROM users WHERE email = 'sam.hughes@family.example'"), `parent ${wp.sql("SELECT school_id FROM pupils WHERE id = 2")}`);
  const shown = decode((await lead.get("/pupils/2/family")).text);
  assert.match(shown, /Sam Hughes[\s\S]*Can see the record/);
  assert.match(shown, /Accepted/);
});

test("a carer of two children at two schools sees both, and nothing else", async () => {
  const kit = await api("hillside", "POST", "/pupils", { upn: "A123456789012", given_name: "Kit", family_name: "Walker", date_of_birth: "2012-05-01", gender: "M" });
  assert.equal(kit.status, 201, JSON.stringify(kit.body));
  const contact = await addContact("hillside", kit.body.id, { name: "Chris Walker", email: DEMO.parent });
  const sent = await api("hillside", "POST", `/pupils/${kit.body.id}/invitations`, { contact_id: contact });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.mailed, true);
  assert.equal(sent.body.link, undefined, "a mailed link is never shown to the school");
  const { link } = await inviteMail(DEMO.parent);
  const parent = wp.client();
  const form = decode((await parent.get(`/invitation/${link[1]}`)).text);
  assert.match(form, /You already have a Waypoint account/);
  assert.equal((await parent.post(`/invitation/${link[1]}`, {})).status, 303);
  await parent.signIn(DEMO.parent, DEMO_PASSWORD);
  const list = decode((await parent.get("/pupils")).text);
  assert.match(list, /Aisha/);
  assert.match(list, /Kit/);
  assert.doesNotMatch(list, /Ben|Callum|Daisy/);
  assert.equal((await parent.get(`/pupils/${kit.body.id}`)).status, 200);
  assert.equal((await parent.get("/pupils/2")).status, 404);
});

test("a parent asks for a review from the placement page; it lands on the AP lead's list", async () => {
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  const page = decode((await parent.get("/placements/1")).text);
  assert.match(page, /Ask for a review/);
  const asked = await parent.post("/placements/1/reviews/ask", {});
  assert.equal(asked.status, 303);
  assert.equal(asked.location, "/placements/1?done=review_asked");
  assert.match(decode((await parent.get(asked.location)).text), /Your request for a review has gone to the school/);
  assert.equal(wp.sql("SELECT requested_by || '|' || requester_name || '|' || requested_on FROM review_requests WHERE placement_id = 1"), `parent|Chris Walker|${day(0)}`);
  const reviews = decode((await lead.get("/placements/1/reviews")).text);
  assert.match(reviews, /A parent or carer: Chris Walker/);
  // Staff record requests on a parent's behalf their own way; a parent asks only for their own child.
  assert.equal((await lead.post("/placements/1/reviews/ask", {})).status, 403);
  assert.doesNotMatch(decode((await lead.get("/placements/1")).text), /Ask for a review/);
  const sam = wp.client();
  await sam.signIn("sam.hughes@family.example", carerPassword);
  await sam.get("/pupils");
  assert.equal((await sam.post("/placements/1/reviews/ask", {})).status, 404);
  const parentToken = wp.cli(["token", "create", "--email", DEMO.parent]).stdout.trim();
  const byApi = await wp.api(parentToken, "POST", "/placements/1/reviews/ask");
  assert.equal(byApi.status, 201);
  assert.ok("owed_on" in byApi.body);
});

test("a parent says in Waypoint that they have read the notice; the school sees who and when", async () => {
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  const notice = decode((await parent.get("/placements/1/notice")).text);
  assert.match(notice, /I have read this notice/);
  const read = await parent.post("/placements/1/notice/acknowledge", {});
  assert.equal(read.status, 303);
  assert.equal(read.location, "/placements/1/notice?done=acknowledged");
  const after = decode((await parent.get(read.location)).text);
  assert.match(after, /The school can see that you have read the notice/);
  assert.doesNotMatch(after, /I have read this notice/, "asked once");
  assert.equal((await parent.post("/placements/1/notice/acknowledge", {})).status, 303);
  const sent = wp.sql("SELECT notice_sent_on FROM placements WHERE id = 1");
  assert.equal(wp.sql(`SELECT COUNT(*) || '|' || MIN(notice_sent_on) FROM notice_acknowledgements WHERE placement_id = 1`), `1|${sent}`);
  const school = decode((await lead.get("/placements/1/notice")).text);
  assert.match(school, new RegExp(`Read in Waypoint[\\s\\S]*Chris Walker, <time datetime="\\d{4}-\\d\\d-\\d\\dT[^"]+">[^<]+</time>`));
  assert.doesNotMatch(school, /I have read this notice/);
  assert.equal((await lead.post("/placements/1/notice/acknowledge", {})).status, 403);
  const parentToken = wp.cli(["token", "create", "--email", DEMO.parent]).stdout.trim();
  assert.equal((await wp.api(parentToken, "POST", "/placements/1/notice/acknowledge")).status, 204);
  assert.equal((await wp.api(parentToken, "POST", "/placements/2/notice/acknowledge")).status, 404, "not his child's");
});

test("bad invitations are refused by name; another school's pupils are not there to invite", async () => {
  const professional = await api("lead", "POST", "/pupils/2/contacts", { role: "social_worker", name: "Jo Bell", relationship: "Social worker", preferred_contact: "email", email: "jo.bell@exeshire.example", phone: "", parental_responsibility: false });
  assert.equal(professional.status, 201, JSON.stringify(professional.body));
  const noRight = await addContact("lead", 2, { name: "Alex Hughes", relationship: "Uncle", role: "carer", email: "alex@family.example", parental_responsibility: false });
  const noEmail = await addContact("lead", 2, { name: "Pat Hughes", email: "", preferred_contact: "phone" });
  const staffAddress = await addContact("lead", 2, { name: "Lee Hughes", email: DEMO.head });
  for (const [contact, message] of [
    ["", "Select a parent or carer from the pupil's contacts"],
    [9999, "Select a parent or carer from the pupil's contacts"],
    [professional.body.id, "Only a parent or carer can be invited"],
    [noRight, "Only a parent or carer with parental responsibility can be invited. Record it on their contact first"],
    [noEmail, "Add their email address to their contact first"],
    [staffAddress, "This email address belongs to a Waypoint account that is not a parent's. Use the carer's own address"],
  ]) {
    const res = await api("lead", "POST", "/pupils/2/invitations", { contact_id: contact });
    assert.equal(res.status, 422, String(contact));
    assert.deepEqual(res.body.errors, [{ field: "contact_id", message }]);
  }
  assert.equal((await api("lead", "POST", "/pupils/2/invitations", { contact_id: true })).status, 422);
  // Another school's staff, a provider's, the LA's and a parent reach no one's family page here.
  assert.equal((await api("hillside", "POST", "/pupils/2/invitations", { contact_id: samContact })).status, 404);
  assert.equal((await api("hillside", "GET", "/pupils/2/family")).status, 404);
  for (const [who, status] of [[DEMO.providerStaff, 404], [DEMO.laOfficer, 403], [DEMO.parent, 404], [DEMO.admin, 404]]) {
    const c = wp.client();
    await c.signIn(who);
    assert.equal((await c.get("/pupils/2/family")).status, status, who);
  }
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'family.invite_refused'"), "1", "the refusal is audited");
  // Sam (in the first test), Hillside's lead and the four roles above.
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'family.view_refused'"), "6");
});

test("a new invitation replaces one still waiting; a link that has run out is refused with its time", async () => {
  await lead.post("/pupils/2/family/invitations", { contact_id: String(samContact) });
  const first = (await inviteMail("sam.hughes@family.example")).link[1];
  await lead.post("/pupils/2/family/invitations", { contact_id: String(samContact) });
  const second = (await inviteMail("sam.hughes@family.example")).link[1];
  const replaced = await wp.client().get(`/invitation/${first}`);
  assert.equal(replaced.status, 410);
  assert.match(decode(replaced.text), /The school has sent a newer one or withdrawn it/);
  assert.equal((await wp.client().get(`/invitation/${second}`)).status, 200);
  assert.equal((await wp.client().get("/invitation/0123abcd")).status, 410);
  // Eight days on, the same database: the 7-day link has run out.
  const later = await startWaypoint({ beside: wp, args: ["--today", day(8)] });
  try {
    const runOut = await later.client().get(`/invitation/${second}`);
    assert.equal(runOut.status, 410);
    assert.match(decode(runOut.text), /This invitation ran out at \d{1,2}:\d\d[ap]m on \d{1,2} [A-Z][a-z]+ \d{4}\. Ask the school to send you a new one/);
  } finally {
    await later.signal("SIGTERM");
  }
  await lead.signIn(DEMO.apLead);
});

test("the school ends a father's access with a reason, and it ends at once", async () => {
  const carer = wp.client();
  await carer.signIn("sam.hughes@family.example", carerPassword);
  assert.equal((await carer.get("/pupils/2")).status, 200);
  const user = wp.sql("SELECT id FROM users WHERE email = 'sam.hughes@family.example'");
  await lead.get("/pupils/2/family");
  const noReason = await lead.post(`/pupils/2/family/${user}/end`, { reason: "  " });
  assert.equal(noReason.status, 422);
  assert.deepEqual(errorMessages(noReason.text).map((e) => e.field), ["reason"]);
  const ended = await lead.post(`/pupils/2/family/${user}/end`, { reason: "Court order" });
  assert.equal(ended.status, 303);
  assert.equal((await carer.get("/pupils/2")).status, 404);
  assert.doesNotMatch(decode((await carer.get("/pupils")).text), /Ben/);
  const page = decode((await lead.get("/pupils/2/family")).text);
  assert.match(page, /Access ended[\s\S]*Court order/);
  assert.equal((await lead.post(`/pupils/2/family/${user}/end`, { reason: "Again" })).status, 404, "nothing left to end");
  assert.equal(wp.sql(`SELECT detail FROM audit_events WHERE action = 'family.end_access' AND entity_id = ${user}`), `{"reason":"Court order","user_id":${user}}`);
  const api_view = await api("lead", "GET", "/pupils/2/family");
  assert.deepEqual(api_view.body.carers.map((c) => [c.name, c.current, c.end_reason]), [["Sam Hughes", false, "Court order"]]);
});

test("without mail, the school is given the link to pass on, once", async () => {
  const quiet = await startWaypoint();
  try {
    const t = quiet.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
    const contact = await quiet.api(t, "POST", "/pupils/2/contacts", { role: "parent", name: "Dana Hughes", relationship: "Mother", parental_responsibility: true, email: "dana@family.example", phone: "", preferred_contact: "email" });
    const res = await quiet.api(t, "POST", "/pupils/2/invitations", { contact_id: contact.body.id });
    assert.equal(res.status, 201);
    assert.equal(res.body.mailed, false);
    assert.match(res.body.link, /\/invitation\/[0-9a-f]{32,}$/);
    assert.equal((await quiet.client().get(new URL(res.body.link).pathname)).status, 200);
    const raw = res.body.link.split("/").pop();
    assert.equal(quiet.sql(`SELECT COUNT(*) FROM family_invitations WHERE token_hash = '${raw}'`), "0", "only the token's hash is kept");
  } finally {
    await quiet.stop();
  }
});
