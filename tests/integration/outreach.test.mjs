import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, day, dateText } from "../support/waypoint.mjs";

// Outreach to Ethan (pupil 5, Oakfield), referred to AP and not attending: Oakfield puts him on Jo
// Brennan's caseload (Bridgeway's tutor); she visits at home, assesses the barriers, plans and
// records sessions. Not seen twice in a row, or a worry, alerts Oakfield's DSL and Exeshire's officer.
// This server's caseloads hold at most 2 pupils, so a full caseload can be shown.
let wp, lead, worker, workerToken, leadToken, officerToken;
let caseId;
const text = async (client, path) => decode((await client.get(path)).text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const boxes = (field, iso) => {
  const [y, m, d] = iso.split("-");
  return { [`${field}-day`]: String(Number(d)), [`${field}-month`]: String(Number(m)), [`${field}-year`]: y };
};
const visit = (extra = {}) => ({ ...boxes("visited_on", day(0)), who_seen: "Nobody answered", child_seen: "no", worry: "no", next_step: "Call mum, then try again on Thursday", ...extra });

before(async () => {
  wp = await startWaypoint({ args: ["--outreach-caseload", "2"] });
  lead = wp.client();
  await lead.signIn(DEMO.apLead);
  worker = wp.client();
  await worker.signIn(DEMO.providerStaff);
  const token = (email) => wp.cli(["token", "create", "--email", email]).stdout.trim();
  workerToken = token(DEMO.providerStaff);
  leadToken = token(DEMO.apLead);
  officerToken = token(DEMO.laOfficer);
});
after(() => wp?.stop());

test("the school opens a case naming a worker; who may be a worker, and a full caseload, are refused by name", async () => {
  assert.equal((await worker.get("/pupils/5")).status, 404, "not Bridgeway's pupil, not yet on its tutor's caseload");
  await lead.get("/pupils/5/outreach");
  const blank = await lead.post("/pupils/5/outreach", {});
  assert.deepEqual(errorMessages(blank.text).map((e) => e.field), ["worker_email", "referred_because"]);
  const stranger = await lead.post("/pupils/5/outreach", { worker_email: "nobody@nowhere.example", referred_because: "not_attending" });
  assert.match(errorMessages(stranger.text)[0].message, /an outreach worker with a Waypoint account/);
  const staff = await lead.post("/pupils/5/outreach", { worker_email: DEMO.dsl, referred_because: "not_attending" });
  assert.deepEqual(errorMessages(staff.text).map((e) => e.field), ["worker_email"], "the school's own DSL is not an outreach worker");
  assert.equal(wp.sql("SELECT COUNT(*) FROM outreach_cases"), "0");

  const opened = await lead.post("/pupils/5/outreach", { worker_email: DEMO.providerStaff, referred_because: "not_attending" });
  assert.equal(opened.status, 303, JSON.stringify(errorMessages(opened.text)));
  caseId = Number(opened.headers.get("location").match(/\/outreach\/(\d+)/)[1]);
  assert.equal(wp.sql(`SELECT arranged_by_la FROM outreach_cases WHERE id = ${caseId}`), "0");
  assert.equal((await wp.api(leadToken, "POST", "/pupils/6/outreach", { worker_email: DEMO.providerStaff, referred_because: "missing_education" })).status, 201);
  const full = await wp.api(leadToken, "POST", "/pupils/7/outreach", { worker_email: DEMO.providerStaff, referred_because: "not_attending" });
  assert.equal(full.status, 422);
  assert.equal(full.body.errors[0].message, "Jo Brennan already has 2 pupils: a caseload holds at most 2");

  // The pupil's journey shows the outreach beside any placements; the school reads it, a parent does not.
  assert.match(await text(lead, "/pupils/5"), /Journey .* Tier 1 Outreach with Jo Brennan, Bridgeway Pupil Referral Unit Referred to AP and not attending/);
  assert.match(await text(lead, `/outreach/${caseId}?done=opened`), /Case opened: it is on the worker's caseload/);

  // The worker now sees Ethan, and has him on her caseload with his first visit due.
  assert.equal((await worker.get("/pupils/5")).status, 200);
  const caseload = await text(worker, "/outreach");
  assert.match(caseload, /2 of at most 2 children/);
  assert.match(caseload, /Ethan Khan Oakfield Academy None yet/);
  const api = (await wp.api(workerToken, "GET", "/outreach")).body;
  assert.equal(api.cases.length, 2);
  assert.equal(api.caseload_limit, 2);
});

test("a home visit needs its facts; a child not seen twice in a row alerts the DSL and the LA's officer at once", async () => {
  await worker.get(`/outreach/${caseId}/visits/new`);
  const blank = await worker.post(`/outreach/${caseId}/visits`, {});
  assert.deepEqual(errorMessages(blank.text).map((e) => e.field), ["visited_on", "who_seen", "child_seen", "worry", "next_step"]);
  const future = await worker.post(`/outreach/${caseId}/visits`, visit(boxes("visited_on", day(1))));
  assert.deepEqual(errorMessages(future.text).map((e) => e.field), ["visited_on"]);
  assert.equal(wp.sql("SELECT COUNT(*) FROM outreach_visits"), "0");

  const first = await worker.post(`/outreach/${caseId}/visits`, visit());
  assert.equal(first.status, 303);
  assert.match(first.headers.get("location"), /done=visit$/, "once is not twice");
  assert.equal(wp.sql("SELECT COUNT(*) FROM alerts WHERE kind LIKE 'outreach%'"), "0");
  const second = await wp.api(workerToken, "POST", `/outreach/${caseId}/visits`, { visited_on: day(0), who_seen: "Nobody answered again", child_seen: "no", worry: "no", next_step: "Ask the school to call" });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal(second.body.alert, "outreach_not_seen");
  assert.equal(wp.sql("SELECT for_role || '@' || for_organisation_id FROM alerts WHERE kind = 'outreach_not_seen' ORDER BY for_role"), "la_officer@1\nschool_dsl@2");

  for (const [email, who] of [[DEMO.dsl, "the DSL"], [DEMO.laOfficer, "the LA's officer"]]) {
    const c = wp.client();
    await c.signIn(email);
    assert.match(await text(c, "/alerts"), /Outreach: the child was not seen at two home visits in a row/, who);
  }
  const shown = await text(worker, `/outreach/${caseId}`);
  assert.match(shown, new RegExp(`${dateText(day(0))} Child not seen`));

  // A worry alerts even when the child was seen.
  const worried = await wp.api(workerToken, "POST", `/outreach/${caseId}/visits`, { visited_on: day(0), who_seen: "Ethan and his mum", child_seen: "yes", worry: "yes", safety_observed: "", next_step: "Tell the DSL" });
  assert.deepEqual(worried.body.errors.map((e) => e.field), ["safety_observed"]);
  const told = await wp.api(workerToken, "POST", `/outreach/${caseId}/visits`, { visited_on: day(0), who_seen: "Ethan and his mum", child_seen: "yes", worry: "yes", safety_observed: "No food in the house", next_step: "Tell the DSL" });
  assert.equal(told.body.alert, "outreach_worry");
  assert.equal(wp.sql("SELECT COUNT(*) FROM alerts WHERE kind = 'outreach_worry'"), "2");
});

test("the barrier assessment and the plan are refused field by field, then kept", async () => {
  await worker.get(`/outreach/${caseId}/barriers`);
  const noNotes = await worker.post(`/outreach/${caseId}/barriers`, { barriers: ["anxiety", "transport"], notes_transport: "Two buses" });
  assert.deepEqual(errorMessages(noNotes.text), [{ field: "notes_anxiety", message: "Say what you found about anxiety" }]);
  assert.match(decode(noNotes.text), /Two buses/, "what was typed stays");
  assert.equal((await worker.post(`/outreach/${caseId}/barriers`, { barriers: ["anxiety", "transport"], notes_anxiety: "Panics at the school gate", notes_transport: "Two buses" })).status, 303);

  await worker.get(`/outreach/${caseId}/plan`);
  const bad = await worker.post(`/outreach/${caseId}/plan`, { focus_1: "subject", weekday_1: "monday", session_1: "am", focus_2: "wellbeing", weekday_2: "saturday", session_2: "pm" });
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["subject_1", "weekday_2"]);
  assert.equal((await worker.post(`/outreach/${caseId}/plan`, { focus_1: "subject", subject_1: "Maths", weekday_1: "monday", session_1: "am", focus_2: "wellbeing", weekday_2: "wednesday", session_2: "pm" })).status, 303);
  const page = await text(worker, `/outreach/${caseId}`);
  assert.match(page, /Anxiety Panics at the school gate/);
  assert.match(page, /Monday Morning: Maths/);
  assert.match(page, /Wednesday Afternoon: Wellbeing/);
  const form = decode((await worker.get(`/outreach/${caseId}/plan`)).text);
  assert.match(form, /<option value="wednesday" selected>Wednesday<\/option>/, "the saved plan fills the form");
});

test("sessions count in the school's register: B for the school's outreach, K for the LA's, the absence code when missed", async () => {
  // The case opened weeks ago, so a past school day can be recorded.
  wp.sql(`UPDATE outreach_cases SET opened_on = '${day(-70)}'`);
  await worker.get(`/outreach/${caseId}`);
  let date;
  for (let offset = -1; offset >= -70 && !date; offset--) {
    const res = await worker.post(`/outreach/${caseId}/sessions`, { ...boxes("held_on", day(offset)), session: "am", focus: "wellbeing", attended: "yes" });
    if (res.status === 303) date = day(offset);
    else assert.match(errorMessages(res.text)[0].message, /is not a school day at Oakfield Academy/);
  }
  assert.ok(date, "a school day in the last ten weeks");
  const missed = await worker.post(`/outreach/${caseId}/sessions`, { ...boxes("held_on", date), session: "pm", focus: "subject", attended: "no" });
  assert.deepEqual(errorMessages(missed.text).map((e) => e.field), ["absence_code"]);
  assert.equal((await worker.post(`/outreach/${caseId}/sessions`, { ...boxes("held_on", date), session: "pm", focus: "subject", attended: "no", absence_code: "I" })).status, 303);
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 5");
  const csv = await fetch(`${wp.url}/attendance/export.csv?from=${day(-70)}&to=${day(0)}`, { headers: { cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  const lines = (await csv.text()).trim().split(/\r?\n/);
  assert.ok(lines.includes(`${upn},${date},am,B`), lines.join("\n"));
  assert.ok(lines.includes(`${upn},${date},pm,I`));

  // The LA arranges outreach for George (pupil 7) with its own officer as the worker: K.
  const la = await wp.api(officerToken, "POST", "/pupils/7/outreach", { worker_email: DEMO.laOfficer, referred_because: "missing_education" });
  assert.equal(la.status, 201, JSON.stringify(la.body));
  wp.sql(`UPDATE outreach_cases SET opened_on = '${day(-70)}' WHERE id = ${la.body.id}`);
  assert.equal((await wp.api(officerToken, "POST", `/outreach/${la.body.id}/sessions`, { held_on: date, session: "am", focus: "resilience", attended: "yes" })).status, 201);
  assert.equal(wp.sql(`SELECT school_code FROM outreach_sessions WHERE case_id = ${la.body.id}`), "K");

  // A second worker on Ethan: the school lists both cases, each worker only their own.
  const second = await wp.api(officerToken, "POST", "/pupils/5/outreach", { worker_email: DEMO.laOfficer, referred_because: "missing_education" });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal((await wp.api(leadToken, "GET", "/pupils/5/outreach")).body.cases.length, 2);
  assert.deepEqual((await wp.api(workerToken, "GET", "/pupils/5/outreach")).body.cases.map((x) => x.id), [caseId]);
  assert.equal((await wp.api(workerToken, "GET", `/outreach/${second.body.id}`)).status, 404);
  assert.match(await text(lead, "/pupils/5"), /Outreach with Jo Brennan.*Outreach with Alex Morgan/, "the school's journey shows both");
  assert.doesNotMatch(await text(worker, "/pupils/5"), /Outreach with Alex Morgan/, "the worker's shows her own");
  await lead.get(`/outreach/${second.body.id}`);
  const officerPage = wp.client();
  await officerPage.signIn(DEMO.laOfficer);
  await officerPage.get(`/outreach/${second.body.id}`);
  assert.equal((await officerPage.post(`/outreach/${second.body.id}/close`, { outcome: "moved_away" })).status, 303);
});

test("who reads and who works a case: the school reads, only the worker records, others' staff and parents are refused", async () => {
  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  assert.equal((await dsl.get(`/outreach/${caseId}`)).status, 200);
  assert.equal((await dsl.get(`/outreach/${caseId}/visits/new`)).status, 403);
  const manager = wp.cli(["token", "create", "--email", DEMO.providerManager]).stdout.trim();
  assert.equal((await wp.api(manager, "GET", `/outreach/${caseId}`)).status, 404, "Bridgeway's manager is not the worker");
  assert.equal((await wp.api(manager, "POST", `/outreach/${caseId}/visits`, {})).status, 404);
  const parent = wp.cli(["token", "create", "--email", DEMO.parent]).stdout.trim();
  assert.equal((await wp.api(parent, "GET", `/outreach/${caseId}`)).status, 404);
  assert.equal((await wp.api(workerToken, "GET", "/area/outreach")).status, 403);
  assert.equal((await worker.post(`/outreach/${caseId}/close`, { outcome: "placement" })).status, 403, "the school that arranged it closes it");
});

test("the LA sees caseloads, visits overdue and who moved on; a closed case leaves the worker's caseload and their sight", async () => {
  wp.sql(`UPDATE outreach_visits SET visited_on = '${day(-40)}'`);
  const area = (await wp.api(officerToken, "GET", "/area/outreach")).body;
  assert.deepEqual(area.workers.map((w) => [w.worker_name, w.open, w.full]).sort(), [["Alex Morgan", 1, false], ["Jo Brennan", 2, true]]);
  const ethan = area.open_cases.find((c) => c.id === caseId);
  assert.equal(ethan.overdue, true, JSON.stringify(ethan));
  assert.equal(area.open_cases[0].overdue, true, "overdue first");
  const officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  assert.match(await text(officer, "/area/outreach"), /Jo Brennan Bridgeway Pupil Referral Unit 2 \(full\)/);

  await lead.get(`/outreach/${caseId}`);
  const other = await lead.post(`/outreach/${caseId}/close`, { outcome: "other" });
  assert.deepEqual(errorMessages(other.text).map((e) => e.field), ["outcome_note"]);
  assert.equal((await lead.post(`/outreach/${caseId}/close`, { outcome: "placement" })).status, 303);
  const after = (await wp.api(officerToken, "GET", "/area/outreach")).body;
  assert.equal(after.to_placement, 1);
  assert.equal(after.closed, 2, "Ethan's placement, and the LA's second case closed as moved away");
  assert.equal((await wp.api(workerToken, "GET", "/outreach")).body.cases.length, 1);
  assert.equal((await worker.get("/pupils/5")).status, 404, "a closed case no longer opens the pupil's record");
  assert.equal(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'outreach.close'"), "2", "each closing audited");
});
