import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, engine } from "../support/waypoint.mjs";

// The benchmarks' data generators load marks in bulk (store/attendance/bulk_mark_load): the marks
// table's indexes, keys and triggers are set aside and made again, and the totals added at the end.
// Whatever was set aside must come back exactly, on every year's partition, and the totals must be
// what the triggers would have kept.
const postgres = engine === "postgres";
let wp;
before(async () => (wp = await startWaypoint()));
after(() => wp?.stop());

// What the marks table is made of, names aside (a partition's index is named when it is made).
const shape = () =>
  postgres
    ? wp.sql(`SELECT regexp_replace(pg_get_indexdef(indexrelid), 'INDEX \\S+ ', 'INDEX ') || ' ' || indisvalid FROM pg_index WHERE indrelid = 'attendance_marks'::regclass
              UNION ALL SELECT contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'attendance_marks'::regclass
              UNION ALL SELECT tgname || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid = 'attendance_marks'::regclass AND NOT tgisinternal
              UNION ALL SELECT 'week totals ' || pg_get_indexdef(indexrelid) || ' ' || indisvalid FROM pg_index WHERE indrelid = 'attendance_week_totals'::regclass ORDER BY 1`)
    : wp.sql("SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name = 'attendance_marks' ORDER BY 1");

const week = postgres ? "attendance_week_of(session_date)" : "date(session_date, '-6 days', 'weekday 1')";
const totalsAgree = () => {
  const codes = "SELECT placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks GROUP BY 1, 2";
  const weeks = `SELECT school_id, ${week}, placement_id, COALESCE(school_code, provider_code), COUNT(*) FROM attendance_marks GROUP BY 1, 2, 3, 4`;
  const kept = "SELECT placement_id, code, sessions FROM attendance_code_totals WHERE sessions <> 0";
  const keptWeeks = "SELECT school_id, week_start, placement_id, code, sessions FROM attendance_week_totals WHERE sessions <> 0";
  for (const [a, b] of [[codes, kept], [kept, codes], [weeks, keptWeeks], [keptWeeks, weeks]])
    assert.equal(wp.sql(`SELECT COUNT(*) FROM (${a} EXCEPT ${b}) x`), "0", `${a} EXCEPT ${b}`);
  if (!postgres) return;
  // Each area's week with totals has moved its number, so a server's sums of past weeks are read
  // again (PostgreSQL keeps the weeks' numbers; SQLite adds a half term up at each request).
  const areaWeeks = "SELECT DISTINCT sc.parent_id, t.week_start FROM attendance_week_totals t JOIN organisations sc ON sc.id = t.school_id";
  assert.equal(wp.sql(`SELECT COUNT(*) FROM (${areaWeeks} EXCEPT SELECT la_id, week_start FROM attendance_week_revisions) x`), "0");
};

test("bench-data providers makes directory providers of every kind, each with its checks", () => {
  const before = Number(wp.sql("SELECT COUNT(*) FROM providers"));
  const made = wp.cli(["bench-data", "providers", "--count", "60", "--checks-each", "3"]);
  assert.equal(made.status, 0, made.stderr);
  assert.equal(Number(wp.sql("SELECT COUNT(*) FROM providers")), before + 60);
  const bench = "FROM providers p JOIN organisations o ON o.id = p.organisation_id WHERE o.name LIKE 'Bench provider %'";
  assert.equal(wp.sql(`SELECT COUNT(DISTINCT provider_kind) ${bench}`), "8", "every kind the directory lists");
  assert.equal(wp.sql(`SELECT COUNT(*) ${bench} AND p.provider_kind = 'school_unit'`), "0", "a school's own unit is its school's");
  assert.equal(wp.sql(`SELECT COUNT(*) ${bench} AND (SELECT COUNT(*) FROM provider_checks k WHERE k.provider_id = o.id) <> 3`), "0");
});

test("bench-data attendance loads its marks in bulk and leaves the table as it was made, with totals that match", () => {
  const before = shape();
  const marksBefore = Number(wp.sql("SELECT COUNT(*) FROM attendance_marks"));
  const made = wp.cli(["bench-data", "attendance", "--schools", "4", "--placements", "40", "--school-days", "6"]);
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /Added 4 schools, 40 placements and 480 marks \(the marks, their indexes and totals in [\d.]+ s: \d+ a second\)/);
  assert.equal(Number(wp.sql("SELECT COUNT(*) FROM attendance_marks")), marksBefore + 480);
  assert.equal(shape(), before);
  totalsAgree();
  if (postgres) {
    // Every year has every index of the whole, not only the whole (an index made "ON ONLY" would not).
    const wanted = Number(wp.sql("SELECT COUNT(*) FROM pg_index WHERE indrelid = 'attendance_marks'::regclass"));
    const short = wp.sql(`SELECT t.relid::regclass::text FROM pg_partition_tree('attendance_marks') t WHERE t.isleaf
                          AND (SELECT COUNT(*) FROM pg_index i WHERE i.indrelid = t.relid) <> ${wanted}`);
    assert.equal(short, "", "years without every index");
    const plan = wp.sql("EXPLAIN SELECT * FROM attendance_marks WHERE provider_id = 5 AND session_date = '2026-11-30' AND session = 'am'");
    assert.doesNotMatch(plan, /Seq Scan/);
  }
  // The triggers are back: a mark written now is counted.
  const total = () => Number(wp.sql("SELECT COALESCE(SUM(sessions), 0) FROM attendance_code_totals WHERE placement_id = 1"));
  const was = total();
  wp.sql("INSERT INTO attendance_marks (pupil_id, placement_id, provider_id, school_id, session_date, session, mark, minutes_late, absence_code, provider_code, recorded_by, recorded_at) VALUES (1, 1, 5, 2, '2027-06-07', 'am', 'present', 0, '', 'B', 5, '2027-06-07T09:00:00Z')");
  assert.equal(total(), was + 1);
});

test("bench-data national makes authorities, schools and providers once, and each year of pupils once", () => {
  const args = ["bench-data", "national", "--las", "4", "--schools", "20", "--pupils", "60", "--school-days", "5"];
  const las = Number(wp.sql("SELECT COUNT(*) FROM organisations WHERE kind = 'la'"));
  const first = wp.cli([...args, "--years", "1"]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^Added \d+ local authorities, \d+ schools, \d+ providers, 1 years of pupils \(60 placements\) and 600 marks/);
  assert.equal(Number(wp.sql("SELECT COUNT(*) FROM organisations WHERE kind = 'la'")), Math.max(las, 4));
  assert.equal(wp.sql("SELECT COUNT(*) FROM placements p JOIN providers v ON v.organisation_id = p.provider_id WHERE p.status = 'active' AND p.provider_id = 5 AND p.pupil_id IN (SELECT id FROM pupils WHERE family_name LIKE 'Bench 1000%')"), "30", "thirty of the newest year at Bridgeway");
  const second = wp.cli([...args, "--years", "3"]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /^Added 0 local authorities, 0 schools, 0 providers, 2 years of pupils \(120 placements\) and 1200 marks/);
  assert.equal(wp.sql("SELECT COUNT(*) FROM placements WHERE status = 'ended' AND pupil_id IN (SELECT id FROM pupils WHERE family_name LIKE 'Bench 1_0%')"), "120", "the older years have ended");
  const again = wp.cli([...args, "--years", "3"]);
  assert.match(again.stdout, /0 years of pupils \(0 placements\) and 0 marks/);
  totalsAgree();
  const refused = wp.cli(["bench-data", "national", "--las", "5", "--schools", "4"]);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stdout + refused.stderr, /schools: --schools must be at least --las/);
});
