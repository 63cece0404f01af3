// An AP lead records a monitoring visit to Bridgeway on a phone, then the LA officer reads the
// area's visits. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("an AP lead records a visit on a phone; the LA sees it across its area", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await lead.setViewportSize({ width: 375, height: 800 });
  await lead.goto(session.wp.url + "/placements/1");
  await lead.getByRole("link", { name: "Visits", exact: true }).click();
  await lead.waitForSelector("h1:has-text('Visits to Bridgeway Pupil Referral Unit')");
  await lead.getByRole("button", { name: "Record the visit" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "visits-errors-phone");
  await fillDate(lead, "Date of the visit", day(0));
  await lead.getByLabel("Who visited").fill("Priya Shah, AP lead");
  await lead.getByLabel("Yes").check();
  await lead.getByLabel("What was seen").fill("Aisha on task in a GCSE maths lesson");
  await lead.getByLabel("Action 1").fill("Send the register by 10am each day");
  await lead.getByLabel("Who owns it").first().fill("Sam Taylor");
  await fillDate(lead.locator(".govuk-inset-text").first(), "Due by", day(7));
  await lead.getByRole("button", { name: "Record the visit" }).click();
  await lead.waitForSelector("text=Visit recorded");
  assert.match(await lead.locator("main").innerText(), /Send the register by 10am each day: Sam Taylor/);
  await checkAccessible(lead, "visits-phone");
  const width = await lead.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await lead.setViewportSize({ width: 1200, height: 900 });
  await checkAccessible(lead, "visits");
  await lead.context().close();

  const officer = await session.signedIn(DEMO.laOfficer);
  await officer.goto(session.wp.url + "/");
  await officer.getByRole("link", { name: "Visits to providers" }).click();
  await officer.waitForSelector("h1:has-text('Visits to providers')");
  assert.match(await officer.locator("main").innerText(), /Aisha Walker/);
  await checkAccessible(officer, "area-visits");
  await officer.context().close();
});
