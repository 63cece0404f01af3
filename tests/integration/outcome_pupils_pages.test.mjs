import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode } from "../support/waypoint.mjs";

// The placements behind an outcomes figure come 25 to a page: an LA's "started" can be every one of
// its placements. Sixty more placements in the demo's LA, started in the last weeks, make the
// officer's list longer than two pages; the API still gives every one.
let wp;
let officer;
let token;
const period = `from=${day(-60)}&to=${day(0)}`;

before(async () => {
  wp = await startWaypoint();
  const made = wp.cli(["bench-data", "attendance", "--schools", "30", "--placements", "60", "--school-days", "5"]);
  assert.equal(made.status, 0, made.stderr);
  token = wp.cli(["token", "create", "--email", DEMO.laOfficer]).stdout.trim();
  officer = wp.client();
  await officer.signIn(DEMO.laOfficer);
});
after(async () => wp.stop());

// The placements a page lists, in order, with its count line and its pager's links.
async function listed(query) {
  const page = await officer.get(`/outcomes/pupils?figure=started&${period}${query}`);
  assert.equal(page.status, 200);
  const table = page.text.match(/<table class="govuk-table" id="outcome-pupils">([\s\S]*?)<\/table>/);
  assert.ok(table, "the page has the table of placements");
  const ids = [...table[1].matchAll(/href="\/placements\/(\d+)"/g)].map((m) => Number(m[1]));
  const links = Object.fromEntries([...page.text.matchAll(/href="([^"]*)" rel="(prev|next)"/g)].map((m) => [m[2], decode(m[1])]));
  const shown = page.text.match(/Showing (\d+) to (\d+) of (\d+) placements/)?.slice(1).map(Number) ?? null;
  return { ids, links, shown };
}

test("the placements behind a figure come 25 to a page, in the API's order, each link keeping the figure and the period", async () => {
  const all = await wp.api(token, "GET", `/outcomes/pupils?figure=started&${period}`);
  assert.equal(all.status, 200);
  const ids = all.body.placements.map((p) => p.placement_id);
  const n = ids.length;
  assert.ok(n > 50 && n <= 75, `${n} placements started: more than two pages, not more than three`);

  const first = await listed("");
  assert.deepEqual(first.ids, ids.slice(0, 25));
  assert.deepEqual(first.shown, [1, 25, n]);
  assert.equal(first.links.prev, undefined);
  assert.equal(first.links.next, `/outcomes/pupils?figure=started&${period}&page=2`);

  const second = await listed("&page=2");
  assert.deepEqual(second.ids, ids.slice(25, 50));
  assert.deepEqual(second.shown, [26, 50, n]);
  assert.equal(second.links.prev, `/outcomes/pupils?figure=started&${period}&page=1`);
  assert.equal(second.links.next, `/outcomes/pupils?figure=started&${period}&page=3`);

  const third = await listed("&page=3");
  assert.deepEqual(third.ids, ids.slice(50));
  assert.deepEqual(third.shown, [51, n, n]);
  assert.equal(third.links.next, undefined);

  // A page past the end shows the last; a page that is not a number, the first.
  assert.deepEqual((await listed("&page=40")).ids, ids.slice(50));
  assert.deepEqual((await listed("&page=two")).ids, ids.slice(0, 25));
});

test("a figure with few placements is one page, with no pager and no count line", async () => {
  // Oakfield's own figures: the sixty are at other schools of the area.
  const lead = wp.client();
  await lead.signIn(DEMO.apLead);
  const all = await wp.api(wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim(), "GET", `/outcomes?${period}`);
  const small = all.body.figures.find((f) => f.key === "started");
  assert.ok(small.placement_ids.length > 0 && small.placement_ids.length <= 25, `${small.placement_ids.length} started at Oakfield`);
  const page = await lead.get(`/outcomes/pupils?figure=started&${period}`);
  assert.equal(page.status, 200);
  const ids = [...page.text.matchAll(/href="\/placements\/(\d+)"/g)].map((m) => Number(m[1]));
  assert.deepEqual(ids.sort((a, b) => a - b), [...small.placement_ids].sort((a, b) => a - b));
  assert.doesNotMatch(page.text, /govuk-pagination|Showing \d+ to/);
});
