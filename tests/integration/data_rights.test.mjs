import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWaypoint, DEMO, decode, day, dateText, errorMessages } from "../support/waypoint.mjs";

// Aisha's father asks for a copy of her record and complains about how her address was shared. The
// school's headteacher, its data protection lead, sees both with their clocks, acknowledges the
// complaint, extends the request with a reason, and closes each; the father sees every step.
let wp, parent, head, lead;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const monthLater = (iso, months) => {
  const [y, m, d] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
};

async function pdfTextOf(client, path) {
  const res = await fetch(wp.url + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.status, 200, path);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  const dir = mkdtempSync(join(tmpdir(), "copy-"));
  try {
    writeFileSync(join(dir, "copy.pdf"), Buffer.from(await res.arrayBuffer()));
    const read = spawnSync("pdftotext", ["-enc", "UTF-8", join(dir, "copy.pdf"), "-"], { encoding: "utf8" });
    assert.equal(read.status, 0, read.stderr);
    return read.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

before(async () => {
  wp = await startWaypoint();
  [parent, head, lead] = [wp.client(), wp.client(), wp.client()];
  await parent.signIn(DEMO.parent);
  await head.signIn(DEMO.head);
  await lead.signIn(DEMO.apLead);
});
after(() => wp?.stop());

test("a parent asks for a copy and complains; each needs what it needs", async () => {
  await parent.get("/pupils/1/data-rights");
  const none = await parent.post("/pupils/1/data-rights", {});
  assert.deepEqual(errorMessages(none.text).map((e) => e.field), ["kind"]);
  const bare = await parent.post("/pupils/1/data-rights", { kind: "complaint", details: " " });
  assert.deepEqual(errorMessages(bare.text).map((e) => e.field), ["details"]);
  assert.equal((await parent.post("/pupils/1/data-rights", { kind: "access" })).status, 303);
  assert.equal((await parent.post("/pupils/1/data-rights", { kind: "complaint", details: "My address was given to the provider without asking me" })).status, 303);
  const mine = await text(parent, "/pupils/1/data-rights");
  assert.match(mine, new RegExp(`A copy of the record, sent ${dateText(day(0))} .* Received\\. Due by ${dateText(monthLater(day(0), 1))}`));
  assert.match(mine, new RegExp(`A data protection complaint, sent ${dateText(day(0))} .* Received\\. Due by ${dateText(day(30))}`));
});

test("the headteacher sees each with its clock, acknowledges, extends with a reason and closes", async () => {
  const list = await text(head, "/data-requests");
  assert.match(list, /A copy of the record about Aisha Walker Chris Walker .* \d+ days left/);
  assert.match(list, /A data protection complaint about Aisha Walker Chris Walker .* 30 days left/);
  const [access, complaint] = wp.sql("SELECT id FROM data_requests ORDER BY id").split("\n");
  await head.get(`/data-requests/${complaint}`);
  assert.equal((await head.post(`/data-requests/${complaint}/acknowledge`)).status, 303);
  assert.doesNotMatch(await text(head, `/data-requests/${complaint}`), /Acknowledge by/);
  const noOutcome = await head.post(`/data-requests/${complaint}/close`, { summary: "We have spoken to the provider" });
  assert.deepEqual(errorMessages(noOutcome.text).map((e) => e.field), ["outcome"]);
  assert.equal((await head.post(`/data-requests/${complaint}/close`, { outcome: "partly_upheld", summary: "The provider needed the address for transport; we should have told you first" })).status, 303);

  const page = await text(head, `/data-requests/${access}`);
  assert.match(page, /It names these other people/);
  assert.doesNotMatch(page, /Chris Walker \(Parents/, "the person asking is not a third party to themselves");
  // An outreach worker's record is in the copy; what a visit observed of the child's safety is not.
  const token = (email) => wp.cli(["token", "create", "--email", email]).stdout.trim();
  const outreach = await wp.api(token(DEMO.apLead), "POST", "/pupils/1/outreach", { worker_email: DEMO.providerStaff, referred_because: "not_attending" });
  assert.equal(outreach.status, 201, JSON.stringify(outreach.body));
  const visited = await wp.api(token(DEMO.providerStaff), "POST", `/outreach/${outreach.body.id}/visits`, { visited_on: day(0), who_seen: "Aisha and her dad", child_seen: "yes", worry: "yes", safety_observed: "A bruise on her arm", next_step: "Walk to the bus together" });
  assert.equal(visited.status, 201, JSON.stringify(visited.body));
  const copy = JSON.parse((await head.get(`/data-requests/${access}/record.json`)).text);
  assert.equal(copy.pupil, "Aisha Walker");
  const outreachLines = copy.sections.find((x) => x.heading === "Outreach").lines;
  assert.ok(outreachLines.some((l) => l.startsWith(`Home visit ${dateText(day(0))}: saw Aisha and her dad; the child was seen`)), JSON.stringify(outreachLines));
  assert.ok(!JSON.stringify(copy).includes("bruise"), "the safeguarding observation stays with the DSL");
  assert.ok(copy.third_parties.some((t) => t.name === "Jo Brennan" && t.where === "Outreach: the worker"), JSON.stringify(copy.third_parties));
  assert.deepEqual(copy.sections.map((x) => x.heading), ["Details", "Parents, carers and professionals", "Placements", "Outreach", "Reviews", "Attendance", "Restrictive interventions", "In the pupil's own words", "Letters sent"]);
  assert.ok(copy.sections[2].lines.some((l) => l.startsWith("Bridgeway Pupil Referral Unit")), JSON.stringify(copy.sections[2]));
  assert.ok(copy.third_parties.every((t) => t.name !== "Chris Walker" && t.name !== "Aisha Walker"));
  const pdf = await fetch(`${wp.url}/data-requests/${access}/record.pdf`, { headers: { cookie: [...head.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.equal((await head.get(`/data-requests/${access}/released.json`)).status, 404, "nothing released yet");
  const noReason = await head.post(`/data-requests/${access}/extend`, { reason: "" });
  assert.deepEqual(errorMessages(noReason.text).map((e) => e.field), ["reason"]);
  assert.equal((await head.post(`/data-requests/${access}/extend`, { reason: "Records held by three providers" })).status, 303);
  assert.match(await text(head, `/data-requests/${access}`), new RegExp(`Answer by ${dateText(monthLater(day(0), 3))}`));
  assert.equal((await head.post(`/data-requests/${access}/extend`, { reason: "Again" })).status, 422, "extended once");
  assert.equal((await head.post(`/data-requests/${access}/close`, { summary: "The whole record, by e-mail; nothing withheld" })).status, 303);
  const released = JSON.parse((await head.get(`/data-requests/${access}/released.json`)).text);
  assert.deepEqual(released.sections.map((x) => x.heading), copy.sections.map((x) => x.heading), "what was released is kept");

  const mine = await text(parent, "/pupils/1/data-rights");
  assert.match(mine, /Answered .*: Partly upheld The provider needed the address for transport/);
  assert.match(mine, /Extended Records held by three providers/);
  assert.match(mine, /The whole record, by e-mail; nothing withheld/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action IN ('data_request.make', 'data_request.acknowledge', 'data_request.extend', 'data_request.close')"), "6");
});

test("the lead withholds a person the copy names; the copy released names them nowhere, and the parent downloads it", async () => {
  const [fatherToken, headToken, leadToken] = [DEMO.parent, DEMO.head, DEMO.apLead].map((e) => wp.cli(["token", "create", "--email", e]).stdout.trim());
  const worker = await wp.api(leadToken, "POST", "/pupils/1/contacts", { role: "social_worker", name: "Ștefan Popescu", relationship: "Social worker", phone: "01392 000222", preferred_contact: "phone" });
  assert.equal(worker.status, 201, JSON.stringify(worker.body));
  const made = await wp.api(fatherToken, "POST", "/pupils/1/data-requests", { kind: "access" });
  assert.equal(made.status, 201);
  const id = made.body.id;
  const copy = (await wp.api(headToken, "GET", `/data-requests/${id}/copy`)).body;
  assert.ok(copy.third_parties.length > 0, JSON.stringify(copy));
  const withheld = "Ștefan Popescu";
  assert.ok(copy.third_parties.some((t) => t.name === withheld), JSON.stringify(copy.third_parties));
  assert.ok(JSON.stringify(copy.sections).includes(withheld), "the copy names him before");

  const page = decode((await head.get(`/data-requests/${id}`)).text);
  assert.match(page, /Withhold any of these people from the copy released\?/);
  const stranger = await head.post(`/data-requests/${id}/close`, { summary: "Sent", withheld: "Somebody Not In It" });
  assert.equal(stranger.status, 422);
  assert.deepEqual(errorMessages(stranger.text).map((e) => e.field), ["withheld"]);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM data_requests WHERE id = ${id} AND closed_at IS NULL`), "1", "nothing closed");
  assert.equal((await head.post(`/data-requests/${id}/close`, { summary: `Released; withheld one person, a third party`, withheld })).status, 303);

  const released = (await wp.api(headToken, "GET", `/data-requests/${id}/released`)).body;
  assert.deepEqual(released.withheld.map((w) => w.name), [withheld]);
  assert.ok(!JSON.stringify(released.sections).includes(withheld), "no mention of them is left");
  assert.ok(JSON.stringify(released.sections).includes("[name withheld]"));
  assert.ok(released.third_parties.every((t) => t.name !== withheld));

  assert.match(await text(parent, "/pupils/1/data-rights"), /Download your copy \(PDF\)/);
  const printed = await pdfTextOf(parent, `/data-requests/${id}/copy.pdf`);
  assert.match(printed, /Your copy of the record/);
  assert.match(printed, /\[name withheld\]/);
  assert.ok(!printed.includes(withheld), "the printed copy names them nowhere");
  const mine = await wp.api(fatherToken, "GET", `/data-requests/${id}/my-copy`);
  assert.equal(mine.status, 200);
  assert.deepEqual(mine.body.withheld.map((w) => w.name), [withheld]);
  assert.equal((await head.get(`/data-requests/${id}/copy.pdf`)).status, 404, "the requester's own download");
  assert.equal(wp.sql(`SELECT detail FROM audit_events WHERE action = 'data_request.close' AND entity_id = ${id}`).includes(withheld), true, "the trail says who was withheld");
});

test("the lead's steps in the API: acknowledge, extend with a reason, close; wrong types name the field", async () => {
  const [fatherToken, headToken, leadToken] = [DEMO.parent, DEMO.head, DEMO.apLead].map((e) => wp.cli(["token", "create", "--email", e]).stdout.trim());
  const id = (await wp.api(fatherToken, "POST", "/pupils/1/data-requests", { kind: "access" })).body.id;
  assert.equal((await wp.api(leadToken, "POST", `/data-requests/${id}/acknowledge`, {})).status, 403);
  assert.equal((await wp.api(headToken, "POST", `/data-requests/${id}/acknowledge`, {})).status, 204);
  const wrong = await wp.api(headToken, "POST", `/data-requests/${id}/extend`, { reason: { why: 1 } });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.errors[0].field, "reason");
  assert.equal((await wp.api(headToken, "POST", `/data-requests/${id}/extend`, { reason: "Three providers hold parts of it" })).status, 204);
  const notAList = await wp.api(headToken, "POST", `/data-requests/${id}/close`, { summary: "Sent", withheld: "Sam" });
  assert.equal(notAList.status, 422);
  assert.equal(notAList.body.errors[0].field, "withheld");
  assert.equal((await wp.api(headToken, "POST", `/data-requests/${id}/close`, { summary: "Sent in full", withheld: [] })).status, 204);
  assert.equal((await wp.api(headToken, "GET", `/data-requests/${id}`)).body.open, false);
  assert.equal((await wp.api(fatherToken, "GET", `/data-requests/${id}/released`)).status, 403, "the lead's view");
});

test("the API: a parent makes and reads their own requests; the headteacher lists the school's", async () => {
  const [fatherToken, headToken, leadToken] = [DEMO.parent, DEMO.head, DEMO.apLead].map((e) => wp.cli(["token", "create", "--email", e]).stdout.trim());
  const bad = await wp.api(fatherToken, "POST", "/pupils/1/data-requests", { kind: "complaint", details: ["a", 1] });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].field, "details");
  const made = await wp.api(fatherToken, "POST", "/pupils/1/data-requests", { kind: "complaint", details: "Please correct her date of birth" });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const mine = (await wp.api(fatherToken, "GET", "/pupils/1/data-requests")).body.requests;
  assert.equal(mine[0].details, "Please correct her date of birth");
  assert.equal(mine[0].clock, "30 days left");
  const all = (await wp.api(headToken, "GET", "/data-requests")).body.requests;
  assert.ok(all.some((r) => r.id === made.body.id && r.open));
  assert.equal((await wp.api(headToken, "GET", `/data-requests/${made.body.id}`)).body.kind_label, "A data protection complaint");
  assert.equal((await wp.api(leadToken, "GET", "/data-requests")).status, 403);
  assert.equal((await wp.api(fatherToken, "GET", "/pupils/2/data-requests")).status, 404);
});

test("only the headteacher handles them; other staff are refused; another family's parent gets 404", async () => {
  const access = wp.sql("SELECT MIN(id) FROM data_requests");
  assert.equal((await lead.get("/data-requests")).status, 403);
  assert.equal((await lead.get(`/data-requests/${access}`)).status, 403);
  assert.equal((await lead.get(`/data-requests/${access}/record.json`)).status, 403);
  assert.equal((await parent.get(`/data-requests/${access}/record.json`)).status, 403);
  assert.equal((await parent.get(`/data-requests/${access}`)).status, 403);
  assert.equal((await parent.get("/pupils/2/data-rights")).status, 404);
  assert.equal((await lead.get("/pupils/1/data-rights")).status, 403, "staff do not make a parent's request");
});
