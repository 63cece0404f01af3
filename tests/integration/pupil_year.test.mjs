import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, dateText, decode } from "../support/waypoint.mjs";

// A pupil's year of attendance: the figures count every session of the last 365 days (the first of
// them included, the day before not), and the sessions are listed newest first, fifty to a page.
let wp;
let school;
const days = []; // the 30 weekdays marked, newest first
before(async () => {
  wp = await startWaypoint();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  // Aisha (pupil 1): 30 weekdays to yesterday, morning and afternoon, three N and two I among them;
  // one present mark 365 days ago and one N the day before that.
  const [placement, provider, home] = wp.sql("SELECT id, provider_id, school_id FROM placements WHERE pupil_id = 1 ORDER BY id LIMIT 1").split("|");
  const recorder = wp.sql(`SELECT id FROM users WHERE email = '${DEMO.providerStaff}'`);
  for (let offset = -1; days.length < 30; offset--) {
    const d = day(offset);
    if (![0, 6].includes(new Date(d + "T12:00:00Z").getUTCDay())) days.push(d);
  }
  const marks = [];
  days.forEach((d, i) => {
    for (const [j, session] of [[1, "pm"], [0, "am"]].entries()) {
      const n = i * 2 + j; // 0 is the newest session
      const code = [4, 5, 6].includes(n) ? "N" : [10, 11].includes(n) ? "I" : "B";
      marks.push([d, session[1], code]);
    }
  });
  marks.push([day(-365), "am", "B"], [day(-366), "am", "N"]);
  const values = marks
    .map(([d, s, code]) => `(1, ${placement}, ${provider}, ${home}, '${d}', '${s}', '${code === "B" ? "present" : "absent"}', 0, '${code === "B" ? "" : code}', '${code}', ${recorder}, '2026-01-01T09:00:00Z')`)
    .join(", ");
  wp.sql("DELETE FROM attendance_marks WHERE pupil_id = 1");
  wp.sql(`INSERT INTO attendance_marks (pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, provider_code, recorded_by, recorded_at) VALUES ${values}`);
});
after(async () => wp?.stop());

const figure = (page, name) => page.match(new RegExp(`${name}</dt><dd class="govuk-summary-list__value">([^<]+)<`))?.[1];
const rows = (page) => [...page.matchAll(/<td class="govuk-table__cell"><span class="waypoint-nowrap">([^<]+)<\/span>, ([a-z]+)<\/td><td class="govuk-table__cell">([A-Z])/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

test("the year's figures count all 61 sessions in it; the sessions are listed fifty to a page, newest first", async () => {
  const first = decode((await school.get("/pupils/1/attendance")).text);
  assert.equal(figure(first, "Possible sessions"), "61");
  assert.equal(figure(first, "Attended"), "56");
  assert.equal(figure(first, "Authorised absence"), "2");
  assert.equal(figure(first, "Unauthorised absence"), "3");
  assert.equal(figure(first, "Attendance"), "91.8%");
  const listed = rows(first);
  assert.equal(listed.length, 50);
  assert.equal(listed[0], `${dateText(days[0])} afternoon B`);
  assert.equal(listed[4], `${dateText(days[2])} afternoon N`);
  assert.equal(listed[11], `${dateText(days[5])} morning I`);
  assert.match(first, /href="\/pupils\/1\/attendance\?page=2" rel="next"/);
  assert.doesNotMatch(first, /rel="prev"/);

  const second = decode((await school.get("/pupils/1/attendance?page=2")).text);
  assert.equal(figure(second, "Possible sessions"), "61", "every page counts the whole year");
  const rest = rows(second);
  assert.equal(rest.length, 11);
  assert.equal(rest[0], `${dateText(days[25])} afternoon B`);
  assert.equal(rest.at(-1), `${dateText(day(-365))} morning B`, "365 days ago is in the year; the day before is not");
  assert.match(second, /href="\/pupils\/1\/attendance\?page=1" rel="prev"/);
  assert.doesNotMatch(second, /rel="next"/);

  const beyond = decode((await school.get("/pupils/1/attendance?page=3")).text);
  assert.equal(rows(beyond).length, 0);
  assert.match(beyond, /There are no earlier sessions in the last year\./);
  assert.doesNotMatch(beyond, /No sessions recorded yet/);
});

test("the calendar shows the last six weeks' codes whichever page of sessions is open", async () => {
  const calendarCodes = (page) => [...page.matchAll(/<strong class="govuk-tag [^"]*" title="[^"]*">([A-Z])<\/strong>/g)].length;
  const newest = decode((await school.get("/pupils/1/attendance")).text);
  const older = decode((await school.get("/pupils/1/attendance?page=2")).text);
  // Six weeks to this one hold the newest 25 to 30 weekdays of the 30 marked.
  const shown = calendarCodes(newest);
  assert.ok(shown >= 50 && shown <= 60, `${shown} codes in the calendar`);
  assert.equal(calendarCodes(older), shown);
  // Each code under its own day and session, in the colour of what it counts as.
  const codeOf = (n) => ([4, 5, 6].includes(n) ? "N" : [10, 11].includes(n) ? "I" : "B");
  const colour = { N: "govuk-tag--red", I: "govuk-tag--grey", B: "govuk-tag--green" };
  const cells = [...newest.matchAll(/<span class="govuk-visually-hidden">([^<]*) (Morning|Afternoon): <\/span><strong class="govuk-tag ([^"]*)" title="\2">([A-Z])<\/strong>/g)];
  assert.equal(cells.length, shown);
  for (const [, date, session, tag, code] of cells) {
    const i = days.findIndex((d) => dateText(d) === date);
    assert.ok(i >= 0, `${date} is a day marked`);
    const expected = codeOf(i * 2 + (session === "Morning" ? 1 : 0));
    assert.deepEqual([code, tag], [expected, colour[expected]], `${date} ${session}`);
  }
});

test("the API gives every session of the year with the same figures", async () => {
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const res = await wp.api(token, "GET", "/pupils/1/attendance");
  assert.equal(res.status, 200);
  assert.equal(res.body.marks.length, 61);
  assert.deepEqual([res.body.possible, res.body.attended, res.body.authorised, res.body.unauthorised], [61, 56, 2, 3]);
  assert.equal(res.body.marks[0].date, days[0]);
  assert.equal(res.body.marks[0].mark.code, "B");
});

test("the provider sees the same year of its own sessions; a parent sees their child's, not another's", async () => {
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const page = decode((await tutor.get("/pupils/1/attendance")).text);
  assert.equal(figure(page, "Possible sessions"), "61");
  assert.equal(rows(page).length, 50);
  const parent = wp.client();
  await parent.signIn(DEMO.parent);
  assert.equal(figure(decode((await parent.get("/pupils/1/attendance?page=2")).text), "Possible sessions"), "61");
  assert.equal((await parent.get("/pupils/2/attendance?page=2")).status, 404);
});

test("with every mark inside the year, the figures are the same (on SQLite, from the placement's running totals)", async () => {
  wp.sql(`DELETE FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${day(-366)}'`);
  const page = decode((await school.get("/pupils/1/attendance")).text);
  assert.deepEqual(
    ["Possible sessions", "Attended", "Authorised absence", "Unauthorised absence", "Attendance"].map((name) => figure(page, name)),
    ["61", "56", "2", "3", "91.8%"],
  );
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  assert.equal(figure(decode((await tutor.get("/pupils/1/attendance")).text), "Unauthorised absence"), "3");
  // A mark the school corrects moves between the figures at once.
  wp.sql(`UPDATE attendance_marks SET school_code = 'I' WHERE pupil_id = 1 AND session_date = '${days[2]}' AND session = 'pm'`);
  const corrected = decode((await school.get("/pupils/1/attendance")).text);
  assert.deepEqual([figure(corrected, "Authorised absence"), figure(corrected, "Unauthorised absence")], ["3", "2"]);
});
