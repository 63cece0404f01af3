import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day } from "../support/waypoint.mjs";

// The area's attendance over weeks gone by. On PostgreSQL the server keeps what the weeks before the
// current one add up to while their totals stand: a register taken late for one of those weeks, a
// mark changed there, and a mark taken away by something other than this server (here straight in
// the database, as a command or a second server would) each show at the officer's next request.
let wp;
const tokens = {};
const period = `from=${day(-70)}&to=${day(0)}`;
const api = (who, ...call) => wp.api(tokens[who], ...call);
const mondayOf = (iso) => {
  const d = new Date(iso + "T00:00:00Z");
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
};

before(async () => {
  wp = await startWaypoint();
  for (const [who, email] of Object.entries({ officer: DEMO.laOfficer, tutor: DEMO.providerStaff }))
    tokens[who] = wp.cli(["token", "create", "--email", email]).stdout.trim();
});
after(async () => wp.stop());

// Bridgeway's line in the area's attendance by provider: [possible, attended, unauthorised].
async function bridgeway() {
  const res = await api("officer", "GET", `/area?${period}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const line = res.body.attendance_by_provider.find((p) => p.name === "Bridgeway Pupil Referral Unit");
  return line ? [line.possible, line.attended, line.unauthorised] : [0, 0, 0];
}

// School days before this week on which Aisha is on Bridgeway's morning register, one a week.
async function daysInEarlierWeeks() {
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const thisWeek = mondayOf(day(0));
  const found = new Map();
  for (let offset = -1; offset >= -70 && found.size < 2; offset--) {
    const date = day(offset);
    if (mondayOf(date) === thisWeek || found.has(mondayOf(date))) continue;
    if ((await tutor.get(`/register?date=${date}&session=am`)).text.includes("Aisha Walker")) found.set(mondayOf(date), date);
  }
  assert.equal(found.size, 2, "the demo's placements run over at least two weeks before this one");
  return [...found.values()];
}

const send = async (date, mark, more = {}) => {
  const res = await api("tutor", "POST", "/register", { date, session: "am", marks: [{ pupil_id: 1, ...mark }], ...more });
  assert.equal(res.status, 200, JSON.stringify(res.body));
};

test("a late register, a changed mark and a mark taken away in weeks gone by each show at the next request", async () => {
  const [later, earlier] = await daysInEarlierWeeks();
  const [possible, attended, unauthorised] = await bridgeway();
  assert.deepEqual(await bridgeway(), [possible, attended, unauthorised], "the same figures when nothing changed");

  await send(later, { mark: "present" });
  assert.deepEqual(await bridgeway(), [possible + 1, attended + 1, unauthorised]);

  await send(earlier, { mark: "absent", absence_code: "N" });
  assert.deepEqual(await bridgeway(), [possible + 2, attended + 1, unauthorised + 1]);

  await send(later, { mark: "absent", absence_code: "N" }, { change_reason: "Marked present in error" });
  assert.deepEqual(await bridgeway(), [possible + 2, attended, unauthorised + 2]);

  wp.sql(`DELETE FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${earlier}' AND session = 'am'`);
  assert.deepEqual(await bridgeway(), [possible + 1, attended, unauthorised + 1]);
});
