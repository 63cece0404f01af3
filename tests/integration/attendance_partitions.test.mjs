import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, engine, recentRegisterDay } from "../support/waypoint.mjs";

// On PostgreSQL, attendance marks are partitioned by academic year (migration 0050): a register's
// marks land in their year's partition, a read bounded by dates touches only its years, the totals
// still follow every mark, and a mark outside the years made lands in the default partition. The
// embedded engine keeps one table.
const postgres = engine === "postgres";
let wp;
before(async () => {
  wp = await startWaypoint();
});
after(() => wp?.stop());

// "2026_27" for a day from 1 September 2026 to 31 August 2027.
const yearOf = (iso) => {
  const [y, m] = iso.split("-").map(Number);
  const first = m >= 9 ? y : y - 1;
  return `${first}_${String((first + 1) % 100).padStart(2, "0")}`;
};

test("the marks table is partitioned by academic year, from 2015-16 to 2039-40 and a default", { skip: !postgres && "PostgreSQL only" }, () => {
  const leaves = wp.sql("SELECT relid::regclass::text FROM pg_partition_tree('attendance_marks') WHERE isleaf ORDER BY 1").split("\n");
  assert.equal(leaves.length, 26);
  assert.equal(leaves[0], "attendance_marks_2015_16");
  assert.ok(leaves.includes("attendance_marks_2039_40"));
  assert.ok(leaves.includes("attendance_marks_other_years"));
  assert.equal(wp.sql("SELECT COUNT(*) FROM attendance_marks_other_years"), "0", "the demo's marks are all in their years");
});

test("a register's marks land in their year's partition and the totals follow them", { skip: !postgres && "PostgreSQL only" }, async () => {
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  const date = await recentRegisterDay(tutor, "Aisha Walker");
  const total = () => Number(wp.sql("SELECT COALESCE(SUM(sessions), 0) FROM attendance_code_totals WHERE placement_id = 1") || 0);
  const week = () => Number(wp.sql("SELECT COALESCE(SUM(sessions), 0) FROM attendance_week_totals WHERE placement_id = 1") || 0);
  wp.sql(`DELETE FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'am'`);
  const [before, beforeWeek] = [total(), week()];
  await tutor.get(`/register?date=${date}&session=am`);
  assert.equal((await tutor.post("/register", { date, session: "am", pupil_id: "1", mark_1: "present" })).status, 303);
  assert.equal(wp.sql(`SELECT tableoid::regclass::text FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'am'`), `attendance_marks_${yearOf(date)}`);
  assert.equal(total(), before + 1, "the code totals follow a mark sent through the partitioned table");
  assert.equal(week(), beforeWeek + 1, "and so do the week totals");

  const plan = wp.sql(`EXPLAIN SELECT COUNT(*) FROM attendance_marks WHERE school_id = 2 AND session_date >= '${day(-7)}' AND session_date <= '${day(0)}'`);
  const touched = [...new Set(plan.match(/attendance_marks_(\d{4}_\d{2}|other_years)/g))];
  assert.ok(touched.length <= 2 && touched.includes(`attendance_marks_${yearOf(day(0))}`), `a week's read touches its year only: ${touched}`);

  wp.sql(`INSERT INTO attendance_marks (pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, provider_code, recorded_by, recorded_at) VALUES (1, 1, 5, 2, '2041-01-07', 'am', 'present', 0, '', 'B', 5, '2041-01-07T09:00:00Z')`);
  assert.equal(wp.sql("SELECT COUNT(*) FROM attendance_marks_other_years"), "1", "a year not made yet still has a place");
});

test("a statement planned once for any day reads one year when given its year's bounds as constants", { skip: !postgres && "PostgreSQL only" }, () => {
  // The server plans its named statements once (force_generic_plan). With only parameters for the
  // dates, such a plan holds every year and prunes them as it starts, having locked each one and its
  // indexes; the marks' reads add the year's bounds as constants (store::marks_years), so the plan
  // itself holds the one year.
  const planned = (bounds) => wp.sql(`SET plan_cache_mode = force_generic_plan;
    PREPARE marks_on(bigint, text) AS SELECT COUNT(*) FROM attendance_marks WHERE provider_id = $1 AND session_date = $2${bounds};
    EXPLAIN EXECUTE marks_on(5, '${day(0)}'); DEALLOCATE marks_on; RESET plan_cache_mode`);
  const first = Number(yearOf(day(0)).slice(0, 4));
  const bounded = planned(` AND session_date >= '${first}-09-01' AND session_date < '${first + 1}-09-01'`);
  assert.deepEqual([...new Set(bounded.match(/attendance_marks_(\d{4}_\d{2}|other_years)/g))], [`attendance_marks_${yearOf(day(0))}`], bounded);
  assert.doesNotMatch(bounded, /Subplans Removed/);
  assert.match(planned(""), /Subplans Removed: 2\d/, "without them the plan holds every year");
});

test("retention drops a whole year past its date at once, taking its marks out of the totals; a held pupil's year stays", { skip: !postgres && "PostgreSQL only" }, () => {
  // Pupil 1's marks at placement 1; pupil 3's at its own placement (a mark is its placement's pupil's).
  const held = wp.sql("SELECT id FROM placements WHERE pupil_id = 3 AND provider_id = 5 AND school_id = 2 ORDER BY id LIMIT 1");
  assert.ok(held, "the demo has a placement for pupil 3");
  const placements = `placement_id IN (1, ${held})`;
  const codeTotal = () => Number(wp.sql(`SELECT COALESCE(SUM(sessions), 0) FROM attendance_code_totals WHERE ${placements}`));
  const weekTotal = () => Number(wp.sql(`SELECT COALESCE(SUM(sessions), 0) FROM attendance_week_totals WHERE ${placements}`));
  const [codes, weeks] = [codeTotal(), weekTotal()];
  const mark = (pupil, placement, date) => `(${pupil}, ${placement}, 5, 2, '${date}', 'am', 'present', 0, '', 'B', 5, '${date}T09:00:00Z')`;
  const columns = "(pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, provider_code, recorded_by, recorded_at)";
  wp.sql(`INSERT INTO attendance_marks ${columns} VALUES ${mark(1, 1, "2016-10-03")}, ${mark(1, 1, "2017-03-06")}`);
  wp.sql(`INSERT INTO attendance_marks ${columns} VALUES ${mark(3, held, "2017-10-02")}`);
  assert.equal(codeTotal(), codes + 3);
  assert.equal(weekTotal(), weeks + 3);
  const upn = wp.sql("SELECT upn FROM pupils WHERE id = 3");
  const asOf = (date, args) => {
    const saved = process.env.WAYPOINT_TODAY;
    process.env.WAYPOINT_TODAY = date;
    try {
      return wp.cli(args);
    } finally {
      if (saved === undefined) delete process.env.WAYPOINT_TODAY;
      else process.env.WAYPOINT_TODAY = saved;
    }
  };
  assert.equal(asOf("2024-09-02", ["retention", "hold", "--pupil", upn, "--reason", "Subject access request 2024/3"]).status, 0);
  // Six years after 31 August 2018 the 2016-17 and 2017-18 years are past; pupil 3's hold keeps 2017-18.
  const run = asOf("2024-09-02", ["retention", "run"]);
  assert.equal(run.status, 0, run.stderr);
  const leaves = wp.sql("SELECT relid::regclass::text FROM pg_partition_tree('attendance_marks') WHERE isleaf").split("\n");
  assert.ok(!leaves.includes("attendance_marks_2016_17"), "the year went whole");
  assert.ok(leaves.includes("attendance_marks_2017_18"), "a year with a held pupil's marks stays");
  assert.equal(wp.sql("SELECT COUNT(*) FROM attendance_marks WHERE session_date < '2018-09-01'"), "1");
  assert.equal(codeTotal(), codes + 1, "the dropped year's marks left the code totals");
  assert.equal(weekTotal(), weeks + 1, "and the week totals");
  assert.match(run.stdout, /disposed of: attendance registers, .*: 2 records/);
});
