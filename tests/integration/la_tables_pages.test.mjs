import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day } from "../support/waypoint.mjs";
import { pagedTable } from "../support/paged_tables.mjs";

// The LA's pages show their tables by school and by provider a page at a time, each with its own
// pager: an area has hundreds of schools. Thirty more schools of the demo's LA, each with
// placements started and pupils marked on the last five school days, make each table by school
// longer than a page; the API and the CSV still give every row.
let wp;
let officer;
let token;
const period = `from=${day(-14)}&to=${day(0)}`;
// Reaching back far enough for every placement's start, whatever the holidays before today.
const outcomesPeriod = `from=${day(-40)}&to=${day(0)}`;

before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["bench-data", "attendance", "--schools", "30", "--placements", "60", "--school-days", "5"]);
  assert.equal(made.status, 0, made.stderr);
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
  token = wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim();
});
after(async () => wp.stop());

// One table of the area page, or of the outcomes page, for the period.
const tablePage = (query, id) => pagedTable(officer, `/area?${period}${query}`, id);
const outcomesTable = (query, id) => pagedTable(officer, `/outcomes?${outcomesPeriod}${query}`, id);

test("attendance by school comes 25 schools a page, each page's links keeping the period and the other table's page", async () => {
  const all = (await wp.api(token, "GET", `/area?${period}`)).body;
  const schools = all.attendance_by_school.map((s) => s.name);
  const n = schools.length;
  assert.ok(n > 25 && n <= 50, `${n} schools: more than a page, not more than two`);

  const first = await tablePage("", "area-attendance-schools");
  assert.deepEqual(first.names, schools.slice(0, 25));
  assert.deepEqual(first.shown, ["1", "25", `${n}`, "schools"]);
  assert.equal(first.links.prev, undefined);
  assert.equal(first.links.next, `/area?${period}&schools_page=2#area-attendance-schools`);

  const second = await tablePage("&schools_page=2&providers_page=2", "area-attendance-schools");
  assert.deepEqual(second.names, schools.slice(25));
  assert.deepEqual(second.shown, ["26", `${n}`, `${n}`, "schools"]);
  assert.equal(second.links.prev, `/area?${period}&providers_page=2&schools_page=1#area-attendance-schools`);
  assert.equal(second.links.next, undefined);

  // A page past the end shows the last; a page that is not a number, the first.
  assert.deepEqual((await tablePage("&schools_page=40", "area-attendance-schools")).names, schools.slice(25));
  assert.deepEqual((await tablePage("&schools_page=two", "area-attendance-schools")).names, schools.slice(0, 25));

  // Providers fit on one page: no pager, no "Showing", every provider.
  const providers = await tablePage("&schools_page=2", "area-attendance-providers");
  assert.deepEqual(providers.names, all.attendance_by_provider.map((p) => p.name));
  assert.ok(providers.names.length > 1 && providers.names.length <= 25);
  assert.deepEqual([providers.shown, providers.links], [null, {}]);

  // The CSV is every school's, whichever page was shown.
  const csv = await officer.get(`/area.csv?${period}&schools_page=2`);
  assert.equal(csv.status, 200);
  const inCsv = csv.text.split(/\r?\n/).filter((l) => l.startsWith("Attendance by school,") && l.includes(",Pupils,"));
  assert.deepEqual(inCsv.map((l) => l.split(",")[1]), schools);
});

test("outcomes by school come 25 schools a page, each page's links keeping the period and the other table's page", async () => {
  const all = (await wp.api(token, "GET", `/outcomes?${outcomesPeriod}`)).body;
  const schools = all.by_school.map((s) => s.name);
  const n = schools.length;
  assert.ok(n > 25 && n <= 50, `${n} schools: more than a page, not more than two`);
  // Each school's figures are its own placements': together they are the area's.
  const started = (figures) => figures.find((f) => f.key === "started").pupils;
  for (const s of all.by_school) assert.ok(started(s.figures) > 0, `${s.name} started placements`);
  assert.equal(all.by_school.reduce((sum, s) => sum + started(s.figures), 0), started(all.figures));
  assert.equal(all.by_provider.reduce((sum, p) => sum + started(p.figures), 0), started(all.figures));

  const first = await outcomesTable("", "outcome-schools");
  assert.deepEqual(first.names, schools.slice(0, 25));
  assert.deepEqual(first.shown, ["1", "25", `${n}`, "schools"]);
  assert.equal(first.links.prev, undefined);
  assert.equal(first.links.next, `/outcomes?${outcomesPeriod}&schools_page=2#outcome-schools`);

  const second = await outcomesTable("&schools_page=2&providers_page=3", "outcome-schools");
  assert.deepEqual(second.names, schools.slice(25));
  assert.deepEqual(second.shown, ["26", `${n}`, `${n}`, "schools"]);
  assert.equal(second.links.prev, `/outcomes?${outcomesPeriod}&providers_page=3&schools_page=1#outcome-schools`);
  assert.equal(second.links.next, undefined);

  // A page past the end shows the last; one that is not a number, or too big to be one, the first.
  assert.deepEqual((await outcomesTable("&schools_page=40", "outcome-schools")).names, schools.slice(25));
  assert.deepEqual((await outcomesTable("&schools_page=%3Cb%3E", "outcome-schools")).names, schools.slice(0, 25));
  assert.deepEqual((await outcomesTable("&schools_page=99999999999", "outcome-schools")).names, schools.slice(0, 25));

  // Providers fit on one page: no pager, no "Showing", every provider, whatever page was asked of it.
  const providers = await outcomesTable("&schools_page=2&providers_page=3", "outcome-providers");
  assert.deepEqual(providers.names, all.by_provider.map((p) => p.name));
  assert.ok(providers.names.length > 1 && providers.names.length <= 25);
  assert.deepEqual([providers.shown, providers.links], [null, {}]);

  // The CSV is every school's, whichever page was shown.
  const csv = await officer.get(`/outcomes.csv?${outcomesPeriod}&schools_page=2`);
  assert.equal(csv.status, 200);
  const inCsv = new Set(csv.text.split(/\r?\n/).filter((l) => l.includes(",Placements started,")).map((l) => l.split(",")[0]));
  for (const s of schools) assert.ok(inCsv.has(s), `${s} in the CSV`);
});
