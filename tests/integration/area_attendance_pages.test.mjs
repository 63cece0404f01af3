import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode } from "../support/waypoint.mjs";

// The area page shows attendance by provider and by school a page at a time: an area has hundreds
// of schools. Thirty more schools of the demo's LA, each with pupils marked on the last five school
// days, make the table by school longer than a page; the API and the CSV still give every row.
let wp;
let officer;
const period = `from=${day(-14)}&to=${day(0)}`;

before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["bench-data", "attendance", "--schools", "30", "--placements", "60", "--school-days", "5"]);
  assert.equal(made.status, 0, made.stderr);
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

// The names in one attendance table of the page, and what its pager offers.
async function tablePage(query, id) {
  const page = await officer.get(`/area?${period}${query}`);
  assert.equal(page.status, 200);
  const table = page.text.match(new RegExp(`<table class="govuk-table" id="${id}">([\\s\\S]*?)</table>[\\s\\S]*?(?=<table|<p class="govuk-body waypoint-no-print">)`));
  assert.ok(table, `the page has the table ${id}`);
  const names = [...table[1].matchAll(/<th scope="row" class="govuk-table__header">([^<]*)<\/th>/g)].map((m) => decode(m[1]));
  const links = Object.fromEntries([...table[0].matchAll(/href="([^"]*)" rel="(prev|next)"/g)].map((m) => [m[2], decode(m[1])]));
  const shown = table[0].match(/Showing (\d+) to (\d+) of (\d+) (\w+)/)?.slice(1) ?? null;
  return { names, links, shown };
}

test("attendance by school comes 25 schools a page, each page's links keeping the period and the other table's page", async () => {
  const all = (await wp.api(wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim(), "GET", `/area?${period}`)).body;
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
