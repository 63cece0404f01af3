import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, decode, day, dateText, weekdayDateText, recentRegisterDay } from "../support/waypoint.mjs";

// The family's page for a child: the demo father (a carer of Aisha, pupil 1) reads her week, who
// to call, what is next and her attendance in words; the school sees the same page; nobody else
// does. Freya (pupil 6) is put on a part-time timetable, whose end and reviews come next.
let wp, token, parent, school;

before(async () => {
  wp = await startWaypoint();
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  parent = wp.client();
  await parent.signIn(DEMO.parent);
  school = wp.client();
  await school.signIn(DEMO.apLead);
});
after(() => wp?.stop());

const text = async (client, path) => {
  const res = await client.get(path);
  assert.equal(res.status, 200, path);
  return decode(res.text).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
};

test("a parent's home page leads to each child's week", async () => {
  const home = decode((await parent.get("/")).text);
  assert.match(home, /href="\/pupils\/1\/week"[^>]*>Aisha's week</);
  assert.doesNotMatch(home, /Ben's week/, "only their own children");
});

test("the week names where the child should be each day, the provider's phone and what is next", async () => {
  const page = await text(parent, "/pupils/1/week");
  assert.match(page, /Aisha's week/);
  // Monday to Friday of this week, or of the next at a weekend, each named with its weekday.
  const raw = decode((await parent.get("/pupils/1/week")).text);
  const week = [...raw.matchAll(/<dt class="govuk-summary-list__key"><time datetime="(\d{4}-\d\d-\d\d)">([^<]+)</g)].slice(0, 5);
  assert.equal(week.length, 5, "five school weekdays");
  for (const [, iso, shown] of week) assert.equal(shown, weekdayDateText(iso));
  assert.equal(new Date(week[0][1] + "T12:00:00Z").getUTCDay(), 1, "the week starts on a Monday");
  assert.ok(week[0][1] <= day(2) && week[4][1] >= day(0), `the week shown (${week[0][1]}) is this one or the coming one`);
  for (const want of [/Who to contact Bridgeway Pupil Referral Unit/, /Phone 01392 000101/, /12 Mill Lane, Exeter, EX2 4AB/, /What happens next/, /Review of the placement at Bridgeway Pupil Referral Unit/, /Notice of the direction to attend Bridgeway Pupil Referral Unit/, /Open it to tell the school you have read it/])
    assert.match(page, want);
  for (const never of [/concern/i, /Unique pupil number/, /Ben Hughes/, /staff/i]) assert.doesNotMatch(page, never);
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'child.week' AND entity_id = '1'")) >= 2, "each read is audited");
});

test("attendance this half term is in words, and an absence without a reason shows as one", async () => {
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const date = await recentRegisterDay(tutor, "Aisha Walker");
  for (const [session, mark] of [["am", { mark: "present" }], ["pm", { mark: "absent", absence_code: "N" }]]) {
    const tutorToken = wp.cli(["token", "create", "--email", DEMO.providerStaff]).stdout.trim();
    const sent = await wp.api(tutorToken, "POST", "/register", { date, session, marks: [{ pupil_id: 1, ...mark }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
  }
  const page = await text(parent, "/pupils/1/week");
  const since = page.match(/(?:Since|since) (\d{1,2} [A-Z][a-z]+ \d{4})/);
  assert.ok(since, page);
  if (page.includes("No attendance recorded since")) {
    // The register day fell before this half term began: it is not this half term's.
    assert.ok(Date.parse(since[1]) > Date.parse(date), `${date} is before ${since[1]}`);
  } else {
    assert.match(page, new RegExp(`${weekdayDateText(date)} Morning: There Afternoon: Absent: Reason not yet given`));
    assert.match(page, /Aisha attended 1 of 2 sessions \(50\.0%\)/);
  }
});

test("the school sees what the family sees; a part-time timetable's end and reviews come next", async () => {
  const seen = await text(school, "/pupils/1/week");
  assert.match(seen, /This is the page Aisha's parents and carers see/);
  assert.doesNotMatch(seen, /Open it to tell the school/, "only a parent is asked to say they read it");
  const week = await wp.api(token, "PUT", "/pupils/6/timetable", {
    slots: [{ day: "monday", start: "09:00", end: "12:00", where: "home_school" }],
    part_time: { reason: "Building up after a long absence", parent_agreed_on: day(-15), ends_on: day(30), review_dates: day(9) },
  });
  assert.equal(week.status, 200, JSON.stringify(week.body));
  const page = await text(school, "/pupils/6/week");
  const next = page.slice(page.indexOf("What happens next"), page.indexOf("Attendance this half term"));
  assert.match(next, new RegExp(`${weekdayDateText(day(9))} Review of the part-time timetable ${weekdayDateText(day(30))} Back to a full-time timetable`));
  // Monday is timetabled and Tuesday to Friday are empty, unless the school is closed that day.
  const thisWeek = page.slice(page.search(/(This|Next) week \d/), page.indexOf("Who to contact") + "Who to contact".length);
  const days = [...thisWeek.matchAll(/(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ \d{4} (?:Today )?(.+?)(?= (?:Monday|Tuesday|Wednesday|Thursday|Friday) \d| Who to contact)/g)];
  assert.equal(days.length, 5, page);
  assert.match(days[0][2], /^(09:00 to 12:00 at Oakfield Academy|No school)$/);
  for (const d of days.slice(1)) assert.match(d[2], /^(No lessons: the part-time timetable has none this day|No school)$/);
});

test("nobody else sees a child's week: other parents and organisations get 404, the provider and LA are refused", async () => {
  for (const [who, status] of [[DEMO.providerStaff, 403], [DEMO.laOfficer, 403], [DEMO.designatedOfficer, 403]]) {
    const c = wp.client();
    await c.signIn(who);
    assert.equal((await c.get("/pupils/1/week")).status, status, who);
  }
  // The father is no carer of Ben; and no pupil 99999 exists.
  assert.equal((await parent.get("/pupils/2/week")).status, 404);
  assert.equal((await parent.get("/pupils/99999/week")).status, 404);
  assert.ok(Number(wp.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'child.week_refused'")) >= 5, "refusals are audited");
});
