import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startWaypoint, DEMO, day, decode } from "../support/waypoint.mjs";

// Freya (pupil 6) on a part-time week at Oakfield: Monday and Tuesday mornings only, from two weeks
// ago. Oakfield keeps its own term around today, so its school days are the weekdays that are not
// bank holidays, whatever the date the suite runs on.
let wp, school, token;
const api = (...call) => wp.api(token, ...call);
const week = (part_time) =>
  api("PUT", "/pupils/6/timetable", {
    slots: ["monday", "tuesday"].map((d) => ({ day: d, start: "09:00", end: "12:00", where: "home_school" })),
    part_time: { reason: "Building up after a long absence", parent_agreed_on: day(-15), ends_on: day(10), review_dates: day(5), ...part_time },
  });
const bankHolidays = new Set(readFileSync(new URL("../../resources/bank-holidays-england.txt", import.meta.url), "utf8").match(/\d{4}-\d\d-\d\d/g));

before(async () => {
  wp = await startWaypoint();
  token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  school = wp.client();
  await school.signIn(DEMO.apLead);
  await school.get("/calendar");
  const term = await school.post("/calendar/terms", { term_name: "This term", first_day: day(-40), last_day: day(40) });
  assert.equal(term.status, 303);
});
after(async () => wp.stop());

test("a part-time timetable starts on a real day no later than its end, and the LA sees the start", async () => {
  for (const [starts_on, message] of [["2026-02-30", "Start date must be a real date, like 2026-11-23"], [day(11), "Start date must be on or before the date the pupil is back to full time"]]) {
    const refused = await week({ starts_on });
    assert.equal(refused.status, 422, starts_on);
    assert.deepEqual(refused.body.errors, [{ field: "part_time_starts_on", message }]);
  }
  assert.equal(wp.sql("SELECT COUNT(*) FROM part_time_arrangements WHERE pupil_id = 6"), "0", "nothing saved");
  const saved = await week({ starts_on: day(-14) });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal((await api("GET", "/pupils/6/timetable")).body.part_time.starts_on, day(-14));
  const officer = wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim();
  const listed = await wp.api(officer, "GET", "/area/pupils?figure=part_time");
  assert.equal(listed.body.pupils.find((p) => p.pupil_id === 6).part_time_starts_on, day(-14));
  // Left blank, it starts the day it is saved.
  assert.equal((await week({ starts_on: "" })).status, 200);
  assert.equal(wp.sql("SELECT starts_on FROM part_time_arrangements WHERE pupil_id = 6"), day(0));
  assert.equal((await week({ starts_on: day(-14) })).status, 200);
  const page = decode((await school.get("/pupils/6/timetable")).text);
  assert.match(page, /Date the part-time timetable starts/);
});

test("the sessions a part-time week leaves out are C2 in the school's attendance export", async () => {
  assert.equal((await week({ starts_on: day(-14) })).status, 200);
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 6");
  const res = await fetch(`${wp.url}/attendance/export.csv?from=${day(-20)}&to=${day(3)}`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  assert.equal(res.status, 200);
  const rows = (await res.text()).trim().split(/\r?\n/).slice(1).filter((l) => l.startsWith(`${upn},`));
  // From its start to today (registers are not taken ahead): Mondays and Tuesdays in the afternoon,
  // other weekdays all day, never on a bank holiday.
  const expected = [];
  for (let offset = -14; offset <= 0; ++offset) {
    const date = day(offset);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || bankHolidays.has(date)) continue;
    for (const session of weekday === 1 || weekday === 2 ? ["pm"] : ["am", "pm"]) expected.push(`${upn},${date},${session},C2`);
  }
  assert.ok(expected.length >= 5, "a fortnight holds school days even at Christmas");
  assert.deepEqual(rows, expected);
  // Pupils on a full week have none.
  const full = wp.sql("SELECT upn FROM pupils WHERE id = 1");
  assert.ok(!(await (await fetch(`${wp.url}/attendance/export.csv?from=${day(-20)}&to=${day(0)}`, { headers: { cookie: [...school.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } })).text()).includes(`${full},${day(0)},am,C2`));
});
