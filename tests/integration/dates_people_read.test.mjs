import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startWaypoint, DEMO, day, decode } from "../support/waypoint.mjs";

// Every page each role can reach by following links, read as a person reads it: no date written
// as 2026-11-30. Dates stay ISO inside attributes (<time datetime>, form values, links), in files
// and in the API; those are not text on the page.

let wp;
before(async () => {
  wp = await startWaypoint();
  // Beyond the demo: a safeguarding concern and a part-time week, whose pages carry dates too.
  const tutor = wp.client();
  await tutor.signIn(DEMO.providerStaff);
  await tutor.get("/pupils/1/concerns/new");
  const concern = await tutor.post("/pupils/1/concerns", { category: "neglect", happened_on: day(-1), what_happened: "Hungry again", action_taken: "Gave breakfast" });
  assert.equal(concern.status, 303);
  const token = wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const week = await wp.api(token, "PUT", "/pupils/6/timetable", {
    slots: [{ day: "monday", start: "09:00", end: "12:00", where: "home_school" }],
    part_time: { reason: "Building up after a long absence", parent_agreed_on: day(-15), ends_on: day(20), review_dates: `${day(5)}, ${day(12)}` },
  });
  assert.equal(week.status, 200, JSON.stringify(week.body));
});
after(async () => wp.stop());

const PAGES_PER_ROLE = 400;
const skipped = /^\/(sign-out|static\/|api\/)|\.(csv|xlsx|pdf|json)(\?|$)|[?&]page=|\/admin\/audit\?/;

function visibleText(html) {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<style[\s\S]*?<\/style>/g, " ")
      .replace(/<textarea[\s\S]*?<\/textarea>/g, " ") // what a person typed, kept as typed
      .replace(/<code>[\s\S]*?<\/code>/g, " ") // a record's data as stored (the audit trail's detail)
      .replace(/<[^>]+>/g, " "),
  ).replace(/\s+/g, " ");
}

async function crawl(client) {
  const seen = new Set(["/"]);
  const queue = ["/"];
  const found = new Map(); // the first such date on each page, with the words around it
  while (queue.length && seen.size <= PAGES_PER_ROLE) {
    const path = queue.shift();
    const res = await client.get(path);
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
    const text = visibleText(res.text);
    const m = text.match(/\b\d{4}-\d{2}-\d{2}(?:\b|T)/);
    if (m) found.set(path, `…${text.slice(Math.max(0, m.index - 60), m.index + 20)}…`);
    for (const [, href] of res.text.matchAll(/href="(\/[^"#]*)/g)) {
      const link = decode(href);
      if (!seen.has(link) && !skipped.test(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return { found, pages: seen.size };
}

for (const [role, email] of Object.entries(DEMO)) {
  test(`every page the ${role} reaches writes dates as people read them`, async () => {
    const client = wp.client();
    await client.signIn(email);
    const { found, pages } = await crawl(client);
    assert.ok(pages > 3, `${role} reached only ${pages} pages`);
    assert.deepEqual(Object.fromEntries(found), {});
  });
}
