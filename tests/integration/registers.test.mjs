import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, errorMessages, decode, day, recentRegisterDay } from "../support/waypoint.mjs";

// Aisha (pupil 1) is at Bridgeway Monday to Thursday, 08:45 to 15:15, under an off-site direction.

let wp;
let tutor;
let date; // a recent school day on which Aisha is expected at Bridgeway
before(async () => {
  wp = await startWaypoint();
  tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  date = await recentRegisterDay(tutor, "Aisha Walker");
});
after(async () => wp.stop());

const code = () => wp.sql(`SELECT provider_code FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'am'`);
const send = async (fields) => {
  await tutor.get(`/register?date=${date}&session=am`);
  return tutor.post("/register", { date, session: "am", pupil_id: "1", ...fields });
};

test("a provider takes the register; present at a school-arranged placement is B for the home school", async () => {
  const page = decode((await tutor.get(`/register?date=${date}&session=am`)).text);
  assert.match(page, /The register opens at 08:45 and closes at 09:15/);
  assert.equal((await send({ mark_1: "present" })).status, 303);
  assert.equal(code(), "B");
});

test("changing a mark already sent needs a reason, and is audited", async () => {
  const refused = await send({ mark_1: "late", minutes_1: "10" });
  assert.equal(refused.status, 422);
  assert.deepEqual(errorMessages(refused.text), [{ field: "change_reason", message: "Say why the marks already sent are being changed" }]);
  assert.equal((await send({ mark_1: "late", minutes_1: "29", change_reason: "Came in at 09:14" })).status, 303);
  assert.equal(code(), "B", "late before the register closed at 09:15");
  assert.equal((await send({ mark_1: "late", minutes_1: "30", change_reason: "Arrived at 09:15 by taxi" })).status, 303);
  assert.equal(code(), "U");
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'register.mark_change' ORDER BY id DESC LIMIT 1"), /"from":"B".*"to":"U"/);
  assert.equal(wp.sql("SELECT changed_reason FROM attendance_marks WHERE pupil_id = 1 AND session = 'am' AND session_date = '" + date + "'"), "Arrived at 09:15 by taxi");
});

test("sending a register again with the same marks changes nothing: each mark keeps who recorded it and when", async () => {
  const recorded = () => wp.sql(`SELECT recorded_by || ' ' || recorded_at || ' ' || provider_code FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'am'`);
  const before = recorded();
  const manager = wp.client();
  await manager.signIn(DEMO.providerManager);
  await manager.get(`/register?date=${date}&session=am`);
  const again = await manager.post("/register", { date, session: "am", pupil_id: "1", mark_1: "late", minutes_1: "30" });
  assert.equal(again.status, 303, "the same mark needs no reason");
  assert.equal(recorded(), before, "the tutor's mark stands as recorded");
});

test("bad marks are refused by pupil and nothing changes", async () => {
  const before = code();
  const bad = await send({ mark_1: "absent", reason_1: "G", change_reason: "x" });
  assert.deepEqual(errorMessages(bad.text), [{ field: "reason_1", message: "Aisha Walker: select the reason for the absence" }]);
  // Each message also stands by its box, which points to it.
  assert.match(bad.text, /<p id="reason_1-error" class="govuk-error-message">/);
  assert.match(bad.text, /<select class="govuk-select govuk-select--error" id="reason_1" name="reason_1" aria-describedby="reason_1-error">/);
  // G is not a reason a provider gives: the select offers them all again, none chosen.
  const select = bad.text.match(/id="reason_1" name="reason_1"[^>]*>([\s\S]*?)<\/select>/)[1];
  assert.doesNotMatch(select, / selected/);
  assert.match(select, /<option value="I">/);
  const minutes = await send({ mark_1: "late", minutes_1: "lots", change_reason: "x" });
  assert.deepEqual(errorMessages(minutes.text).map((e) => e.field), ["minutes_1"]);
  assert.match(minutes.text, /<p id="minutes_1-error" class="govuk-error-message">/);
  assert.match(minutes.text, /id="minutes_1" name="minutes_1" type="text" value="lots" aria-describedby="minutes_1-error"/);
  const notAnId = await tutor.post("/register", { date, session: "am", pupil_id: "abc", mark_abc: "present" });
  assert.equal(notAnId.status, 422, "an id that is not a number is refused, not dropped");
  assert.deepEqual(errorMessages(notAnId.text).map((e) => e.field), ["pupil_id"]);
  const stranger = await tutor.post("/register", { date, session: "am", pupil_id: "2", mark_2: "present" });
  assert.deepEqual(errorMessages(stranger.text), [{ field: "mark_2", message: "This pupil is not placed with you for this session" }]);
  assert.equal(wp.sql(`SELECT COUNT(*) FROM attendance_marks WHERE pupil_id = 2`), "0");
  const future = await tutor.post("/register", { date: day(1), session: "am", pupil_id: "1", mark_1: "present" });
  assert.equal(future.status, 422);
  assert.equal(code(), before);
});

test("only a provider's staff take registers", async () => {
  for (const email of [DEMO.apLead, DEMO.parent, DEMO.laOfficer]) {
    const c = wp.client();
    await c.signIn(email);
    assert.equal((await c.get("/register")).status, 403, email);
  }
});

test("the school exports the codes it will send to its information system, matching the marks", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 1");
  const res = await fetch(`${wp.url}/attendance/export.csv?from=${day(-70)}&to=${day(0)}`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.status, 200);
  const lines = (await res.text()).trim().split(/\r?\n/);
  assert.equal(lines[0], "UPN,Date,Session,Code");
  const expected = wp.sql(`SELECT p.upn || ',' || m.session_date || ',' || m.session || ',' || COALESCE(m.school_code, m.provider_code) FROM attendance_marks m JOIN pupils p ON p.id = m.pupil_id WHERE m.school_id = 2 ORDER BY m.session_date, m.session, p.upn`).split("\n");
  assert.deepEqual(lines.slice(1), expected);
  assert.ok(lines.includes(`${upn},${date},am,U`));
  const bad = await school.get(`/attendance/export.csv?from=${day(0)}&to=${day(-1)}`);
  assert.equal(bad.status, 422);

  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const api = await (await fetch(`${wp.url}/api/v1/attendance?from=${day(-70)}&to=${day(0)}`, { headers: { authorization: `Bearer ${token}` } })).json();
  assert.deepEqual(api.items.map((i) => `${i.upn},${i.date},${i.session},${i.code}`), expected);
  const providerToken = wp.cli(["token", "create", "--email", DEMO.providerManager]).stdout.trim();
  assert.equal((await fetch(`${wp.url}/api/v1/attendance?from=${day(-70)}&to=${day(0)}`, { headers: { authorization: `Bearer ${providerToken}` } })).status, 403);
});

test("an unexplained absence raises an alert for the home school's DSL, naming the social worker, closed only with an outcome", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  await school.get("/pupils/1/contacts/new");
  await school.post("/pupils/1/contacts/new", { role: "social_worker", name: "Kim Ashworth", phone: "01392 000301", preferred_contact: "phone" });

  await tutor.get(`/register?date=${date}&session=pm`);
  assert.equal((await tutor.post("/register", { date, session: "pm", pupil_id: "1", mark_1: "absent", reason_1: "N" })).status, 303);
  await tutor.get(`/register?date=${date}&session=pm`);
  await tutor.post("/register", { date, session: "pm", pupil_id: "1", mark_1: "absent", reason_1: "N" }); // sent again: one alert
  assert.equal(wp.sql("SELECT COUNT(*) FROM alerts WHERE pupil_id = 1 AND kind = 'unexplained_absence'"), "1");
  // The reason sent shows as chosen on Aisha's row; every other row offers the same reasons, none chosen.
  const selects = [...(await tutor.get(`/register?date=${date}&session=pm`)).text.matchAll(/<select[^>]*id="reason_(\d+)"[^>]*>([\s\S]*?)<\/select>/g)];
  const offered = (html) => [...html.matchAll(/<option value="(\w*)"/g)].map((m) => m[1]);
  const chosen = (html) => [...html.matchAll(/<option value="(\w*)" selected/g)].map((m) => m[1]);
  const aisha = selects.find((m) => m[1] === "1");
  assert.deepEqual(chosen(aisha[2]), ["N"]);
  assert.ok(offered(aisha[2]).length > 5 && offered(aisha[2]).includes("I"));
  for (const [, id, html] of selects.filter((m) => m[1] !== "1")) {
    assert.deepEqual(chosen(html), [], `pupil ${id}`);
    assert.deepEqual(offered(html), offered(aisha[2]), `pupil ${id}`);
  }

  const dsl = wp.client();
  await dsl.signIn(DEMO.dsl);
  const inbox = decode((await dsl.get("/alerts")).text);
  assert.match(inbox, new RegExp(`Aisha Walker is absent without a reason from Bridgeway Pupil Referral Unit on the afternoon of ${date}\\. Social worker: Kim Ashworth, 01392 000301\\.`));
  const id = inbox.match(/href="\/alerts\/(\d+)"/)[1];

  // The AP lead and the provider do not see it; another role's id is simply not found.
  assert.doesNotMatch(decode((await school.get("/alerts")).text), /Aisha Walker is absent/);
  assert.equal((await school.get(`/alerts/${id}`)).status, 404);

  await dsl.get(`/alerts/${id}`);
  const noOutcome = await dsl.post(`/alerts/${id}/close`, {});
  assert.deepEqual(errorMessages(noOutcome.text), [{ field: "outcome", message: "Select the outcome: an alert is closed only with one" }]);
  assert.equal((await dsl.post(`/alerts/${id}/actions`, { action: "contacted_parent", note: "No answer; left a message" })).status, 303);
  assert.equal((await dsl.post(`/alerts/${id}/actions`, { action: "reported_to_social_worker" })).status, 303);
  assert.equal((await dsl.post(`/alerts/${id}/close`, { outcome: "pupil_safe", note: "Seen at home by the social worker" })).status, 303);
  const closed = decode((await dsl.get(`/alerts/${id}`)).text);
  assert.match(closed, /Closed (\d{1,2}:\d\d[ap]m|midday|midnight) on \d{1,2} [A-Z][a-z]+ \d{4}<\/strong> Pupil seen and safe/);
  assert.match(closed, /Contacted the parent or carer \(Mark Evans\)\. No answer; left a message/);
  assert.equal((await dsl.post(`/alerts/${id}/actions`, { action: "home_visit" })).status, 422, "closed: the log is complete");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM audit_events WHERE entity = 'alert' AND entity_id = ${id} AND action IN ('alert.raise', 'alert.action', 'alert.close')`), "4");
});

test("the home school changes a code with a reason; the provider's mark is kept and the export follows the school", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  await school.get("/pupils/1/attendance");
  const bad = await school.post("/pupils/1/attendance/correct", { date, session: "pm", code: "Q", reason: "" });
  assert.deepEqual(errorMessages(bad.text).map((e) => e.field), ["code", "reason"]);
  assert.equal((await school.post("/pupils/1/attendance/correct", { date, session: "pm", code: "I", reason: "Mother rang: ill" })).status, 303);
  assert.equal(wp.sql(`SELECT provider_code || '|' || school_code || '|' || school_reason FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'pm'`), "N|I|Mother rang: ill");
  const page = decode((await school.get("/pupils/1/attendance")).text);
  assert.match(page, /I <span class="govuk-hint">\(provider: N\)<\/span>/);
  // Two possible sessions on that day, both missed (U and I): severe absence.
  assert.match(page, /Severe absence/);
  const csv = await (await fetch(`${wp.url}/attendance/export.csv?from=${date}&to=${date}`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } })).text();
  assert.match(csv, new RegExp(`,${date},pm,I`));

  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/pupils/1/attendance")).status, 200);
  assert.equal((await parent.post("/pupils/1/attendance/correct", { date, session: "pm", code: "B", reason: "x" })).status, 403);
  assert.equal((await tutor.post("/pupils/1/attendance/correct", { date, session: "pm", code: "B", reason: "x" })).status, 403);
  assert.equal((await parent.get("/pupils/2/attendance")).status, 404);
  assert.match(wp.sql("SELECT detail FROM audit_events WHERE action = 'attendance.correct'"), /"from":"N".*"to":"I"/);
});

test("the school's today board shows where each pupil should be and whether the register is in", async () => {
  const school = wp.client();
  await school.signIn(DEMO.apLead);
  const expectedToday = /Aisha Walker/.test((await tutor.get(`/register?date=${day(0)}&session=am`)).text);
  const board = decode((await school.get("/today")).text);
  if (!expectedToday) {
    // A weekend, a holiday or Aisha's day at school: she is not on the board, though another pupil
    // may be (Callum is at Bridgeway's Annexe every weekday morning), and the board says how many are.
    const listed = [...board.matchAll(/href="\/pupils\/\d+\/attendance">([^<]+)</g)].map((m) => m[1]);
    assert.ok(!listed.includes("Aisha Walker"), `Aisha is listed on a day she is not expected: ${listed}`);
    if (listed.length === 0) assert.match(board, /None of your pupils is expected at a provider today/);
    else assert.match(board, new RegExp(`${listed.length} of your pupils ${listed.length === 1 ? "is" : "are"} expected at a provider today`));
  } else {
    assert.match(board, /Aisha Walker<\/a><\/td>\s*<td class="govuk-table__cell"><a class="govuk-link" href="\/placements\/1">Bridgeway Pupil Referral Unit/);
    assert.match(board, /Morning from 08:45: <strong class="govuk-tag govuk-tag--grey">Register not in/);
    await tutor.post("/register", { date: day(0), session: "am", pupil_id: "1", mark_1: "absent", reason_1: "N" });
    const after = decode((await school.get("/today")).text);
    assert.match(after, /Morning from 08:45: <strong class="govuk-tag govuk-tag--red">N<\/strong> Reason not yet given/);
    assert.match(after, /Absent without a reason: 1/);
  }
  for (const c of [tutor]) assert.equal((await c.get("/today")).status, 403);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal((await parent.get("/today")).status, 403);
});

test("a register is taken a group (a site) at a time: everyone starts present and only the exceptions change", async () => {
  // A day on which both sites have pupils: Aisha at the centre, Callum at the annexe.
  const when = await recentRegisterDay(tutor, "Callum Patel", "Aisha Walker");
  const annexe = wp.sql("SELECT id FROM provider_sites WHERE name = 'Bridgeway Annexe'");
  const all = decode((await tutor.get(`/register?date=${when}&session=am`)).text);
  assert.match(all, /<option value="">Everyone expected<\/option>/);
  assert.match(all, new RegExp(`<option value="${annexe}">Bridgeway Annexe</option>`));
  const group = decode((await tutor.get(`/register?date=${when}&session=am&group=${annexe}`)).text);
  assert.match(group, /Callum Patel/);
  assert.doesNotMatch(group, /Aisha Walker/, "Aisha is at the centre, not the annexe");
  assert.match(group, /id="mark_3" name="mark_3" type="radio" value="present" checked/, "present to start with");
  const before = wp.sql(`SELECT COUNT(*) FROM attendance_marks WHERE session_date = '${when}' AND session = 'am' AND pupil_id <> 3`);
  const sent = await tutor.post("/register", { date: when, session: "am", group: annexe, pupil_id: "3", mark_3: "present" });
  assert.equal(sent.status, 303);
  assert.match(sent.location, new RegExp(`group=${annexe}`));
  assert.equal(wp.sql(`SELECT provider_code FROM attendance_marks WHERE pupil_id = 3 AND session_date = '${when}' AND session = 'am'`), "B");
  assert.equal(wp.sql(`SELECT COUNT(*) FROM attendance_marks WHERE session_date = '${when}' AND session = 'am' AND pupil_id <> 3`), before, "the rest of the register is untouched");
  assert.match(decode((await tutor.get(`/register?date=${when}&session=am&group=${annexe}`)).text), /Taken/);
  // A group that is not one of the provider's sites shows everyone rather than nobody.
  assert.match(decode((await tutor.get(`/register?date=${when}&session=am&group=999`)).text), /Callum Patel/);
});

test("a day that is not real keeps the register page, with the error by the Day box as typed", async () => {
  // Typed into GOV.UK's day, month and year boxes; a link with ?date=2026-02-30 is read the same.
  for (const query of ["date-day=30&date-month=2&date-year=2026", "date=2026-02-30"]) {
    const page = await tutor.get(`/register?${query}&session=am`);
    assert.equal(page.status, 422);
    assert.deepEqual(errorMessages(page.text), [{ field: "date", message: "Date must be a real date" }]);
    assert.match(page.text, /id="date" name="date-day" type="text" inputmode="numeric" value="30"/);
    assert.match(page.text, /id="date-month" name="date-month" type="text" inputmode="numeric" value="2"/);
    assert.match(page.text, /id="date-year" name="date-year" type="text" inputmode="numeric" value="2026"/);
    assert.match(page.text, /<button type="submit"[^>]*>Show register<\/button>/);
  }
  const words = await tutor.get("/register?date-day=1&date-month=Dec&date-year=2026&session=am");
  assert.deepEqual(errorMessages(words.text), [{ field: "date", message: "Date must be a real date" }]);
  assert.match(words.text, /id="date-month" name="date-month" type="text" inputmode="numeric" value="Dec"/);
});

test("each placement's sessions by code, which outcomes read, follow every mark sent, changed and corrected", async () => {
  // By now this file has sent registers, changed marks with a reason and had the school correct a code.
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM attendance_marks WHERE school_code IS NOT NULL")) > 0, "a correction was made");
  const totals = wp.sql("SELECT placement_id || ':' || code || ':' || sessions FROM attendance_code_totals WHERE sessions > 0 ORDER BY placement_id, code");
  const counted = wp.sql("SELECT placement_id || ':' || COALESCE(school_code, provider_code) || ':' || COUNT(*) FROM attendance_marks GROUP BY placement_id, COALESCE(school_code, provider_code) ORDER BY placement_id, COALESCE(school_code, provider_code)");
  assert.ok(counted.length > 0);
  assert.equal(totals, counted);
  assert.equal(wp.sql("SELECT COUNT(*) FROM attendance_code_totals WHERE sessions < 0"), "0");

  // The same by school and week (from Monday), which the LA's picture of its area reads.
  const monday = (iso) => {
    const d = new Date(iso + "T12:00:00Z");
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const byWeek = new Map();
  for (const line of wp.sql("SELECT school_id || '|' || session_date || '|' || placement_id || '|' || COALESCE(school_code, provider_code) FROM attendance_marks").split("\n")) {
    const [school, date, placement, code] = line.split("|");
    const key = [school, monday(date), placement, code].join(":");
    byWeek.set(key, (byWeek.get(key) ?? 0) + 1);
  }
  const weekly = wp.sql("SELECT school_id || ':' || week_start || ':' || placement_id || ':' || code || ':' || sessions FROM attendance_week_totals WHERE sessions > 0").split("\n").sort();
  assert.deepEqual(weekly, [...byWeek].map(([key, n]) => `${key}:${n}`).sort());
  assert.equal(wp.sql("SELECT COUNT(*) FROM attendance_week_totals WHERE sessions < 0"), "0");
});

test("a pupil is not expected on a day their own school closes, or its local authority closes its schools", async () => {
  const when = await recentRegisterDay(tutor, "Aisha Walker");
  const register = async () => decode((await tutor.get(`/register?date=${when}&session=am`)).text);
  // Someone of the school or the LA closes the day on their calendar page, as they would.
  const closeAs = async (email, reason) => {
    const c = wp.client();
    await c.signIn(email);
    await c.get("/calendar");
    assert.equal((await c.post("/calendar/closures", { closure_day: when, closure_reason: reason })).status, 303);
  };
  await closeAs(DEMO.apLead, "Polling station");
  assert.doesNotMatch(await register(), /Aisha Walker/, "Oakfield is closed that day");
  wp.sql(`DELETE FROM calendar_closures WHERE day = '${when}'`);
  assert.match(await register(), /Aisha Walker/);
  await closeAs(DEMO.laOfficer, "Snow: every school closed");
  assert.doesNotMatch(await register(), /Aisha Walker/, "the LA closed its schools that day");
  wp.sql(`DELETE FROM calendar_closures WHERE day = '${when}'`);
  assert.match(await register(), /Aisha Walker/);
});
