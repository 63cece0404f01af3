// The demo father opens his daughter's week on his phone: where she should be each day, who to
// call at the provider, what happens next, attendance this half term in words, the plan and the
// notice. Her school sees the same page. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("a parent sees his child's week, contacts and what is next on a phone", async () => {
  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.getByRole("link", { name: "Aisha's week" }).click();
  await father.waitForSelector("h1:has-text(\"Aisha's week\")");
  const text = await father.locator("main").innerText();
  for (const want of [/This week|Next week/, /Who to contact/, /08:45 to 15:15 at Bridgeway Pupil Referral Unit, 12 Mill Lane/, /Phone\s+01392 000101/, /What happens next/, /Attendance this half term/, /The plan at Bridgeway Pupil Referral Unit/, /Notice of the direction to attend Bridgeway Pupil Referral Unit/])
    assert.match(text, want);
  assert.doesNotMatch(text, /concern/i, "a parent is never shown safeguarding concerns");
  await checkAccessible(father, "child-week-phone");
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.setViewportSize({ width: 1100, height: 900 });
  await checkAccessible(father, "child-week");
  await father.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/1");
  await lead.getByRole("link", { name: "Aisha's week as the family sees it" }).click();
  await lead.waitForSelector("text=This is the page Aisha's parents and carers see");
  await checkAccessible(lead, "child-week-school");
  await lead.context().close();
});

test("a parent reads a placement's terms on a phone and consents; the school sees his answer", async () => {
  const token = session.wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const site = Number(session.wp.sql("SELECT id FROM provider_sites WHERE provider_id = 7 ORDER BY id LIMIT 1"));
  const made = await session.wp.api(token, "POST", "/pupils/1/placements", { site_ids: [site], provider_id: 7, legal_basis: "academy_powers", reason: "semh", objectives: "Build confidence in a small group", start_date: day(20), planned_end_date: day(100), paid_by: "school", report_to: "Mr Patel" });
  assert.equal(made.status, 201);
  assert.equal((await session.wp.api(token, "POST", `/placements/${made.body.id}/agree`)).status, 200);

  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.goto(session.wp.url + "/pupils/1/week");
  await father.getByRole("link", { name: "Read the terms and answer" }).click();
  await father.waitForSelector("text=Do you consent to this placement?");
  await checkAccessible(father, "consent-phone");
  await father.getByRole("button", { name: "Send my answer" }).click();
  await father.waitForSelector(".govuk-error-summary");
  await checkAccessible(father, "consent-errors-phone");
  await father.getByLabel("Yes, I consent to these terms").check();
  await father.getByRole("button", { name: "Send my answer" }).click();
  await father.waitForSelector("text=Your answer has been sent to the school");
  await checkAccessible(father, "consent-answered-phone");
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + `/placements/${made.body.id}`);
  assert.match(await lead.locator("main").innerText(), /Parents consented .* \(Chris Walker\)/);
  await lead.getByRole("link", { name: "The terms and every answer" }).click();
  await lead.waitForSelector("text=Consented: Chris Walker");
  await checkAccessible(lead, "consent-answers");
  await lead.context().close();
});

test("a parent's letters on a phone, and the school's list of who was sent what", async () => {
  const token = session.wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const contact = await session.wp.api(token, "POST", "/pupils/1/contacts", { role: "parent", name: "Sam Walker", relationship: "Mother", parental_responsibility: true, address: "2 Bridge Street, Exeter EX1 1AA", phone: "07700 900300", preferred_contact: "post" });
  assert.equal(contact.status, 201);
  const held = await session.wp.api(token, "POST", "/placements/1/reviews", { held_on: day(0), attendees: ["pupil", "parents"], pupil_voice: "Good", parent_voice: "Happier", objectives: [], decision: "continue", next_review_on: day(42) });
  assert.equal(held.status, 201, JSON.stringify(held.body));

  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.getByRole("link", { name: "Letters" }).first().click();
  await father.waitForSelector("h1:has-text('Letters')");
  await checkAccessible(father, "letters-phone");
  await father.getByRole("link", { name: /Summary of the review held on/ }).click();
  await father.waitForURL(/\/reviews\/\d+$/);
  await father.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/1");
  await lead.getByRole("link", { name: /Letters to parents and carers/ }).click();
  await lead.waitForSelector("text=E-mail and Waypoint");
  assert.doesNotMatch(await lead.locator("main").innerText(), /First read\s+Not yet/);
  await checkAccessible(lead, "pupil-letters");
  await lead.getByRole("button", { name: "Record as posted to Sam Walker" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await fillDate(lead.locator("form", { has: lead.getByRole("button", { name: /Record as posted/ }) }), "Date posted", day(0));
  await lead.getByRole("button", { name: "Record as posted to Sam Walker" }).click();
  await lead.waitForSelector("text=Recorded as posted");
  await lead.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(lead, "pupil-letters-phone");
  await lead.context().close();
});
