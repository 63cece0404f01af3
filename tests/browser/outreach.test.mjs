// Outreach on a phone: Oakfield puts Ethan on Bridgeway's tutor's caseload; she records a home visit
// at phone width, assesses the barriers and plans sessions; the LA sees the caseloads; Oakfield adds
// its own unit. Each page is checked with axe-core and kept as a screenshot, at desktop and phone width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();
const phone = { width: 375, height: 800 };

async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= phone.width, `${page.url()} is ${width} px wide on a phone`);
}

test("a school opens an outreach case; the worker records a home visit on a phone; the LA sees the caseloads", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/5");
  await lead.getByRole("link", { name: "Outreach", exact: true }).click();
  await lead.waitForSelector("h1:has-text('Outreach for Ethan Khan')");
  await lead.getByRole("button", { name: "Open the case" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "outreach-open-errors");
  await lead.getByLabel("Referred to AP and not attending").check();
  await lead.getByLabel("Outreach worker's email address").fill(DEMO.providerStaff);
  await lead.getByRole("button", { name: "Open the case" }).click();
  await lead.waitForSelector("h1:has-text('Ethan Khan')");
  await checkAccessible(lead, "outreach-case-opened");
  await lead.context().close();

  const worker = await session.signedIn(DEMO.providerStaff);
  await worker.setViewportSize(phone);
  await worker.goto(session.wp.url + "/outreach");
  await checkAccessible(worker, "outreach-caseload-phone");
  await fitsThePhone(worker);
  await worker.getByRole("link", { name: "Ethan Khan" }).click();
  await worker.getByRole("link", { name: "Record a home visit" }).click();
  await worker.getByRole("button", { name: "Save the visit" }).click();
  await worker.waitForSelector(".govuk-error-summary");
  await checkAccessible(worker, "outreach-visit-errors-phone");
  await fitsThePhone(worker);
  await fillDate(worker, "Date of the visit", day(0));
  await worker.getByLabel("Who did you see?").fill("Ethan and his mum, at the door");
  await worker.getByRole("group", { name: "Did you see Ethan?" }).getByLabel("Yes").check();
  await worker.getByLabel("Barriers you found (optional)").fill("Worried about the bus; has not left the house for a week");
  await worker.getByRole("group", { name: "Did the visit find a safeguarding worry?" }).getByLabel("No").check();
  await worker.getByLabel("Next step").fill("Walk to the bus stop together on Thursday");
  await checkAccessible(worker, "outreach-visit-form-phone");
  await worker.getByRole("button", { name: "Save the visit" }).click();
  await worker.waitForSelector("text=Walk to the bus stop together on Thursday");
  assert.match(await worker.locator("main").innerText(), /Child seen/);
  await checkAccessible(worker, "outreach-case-phone");
  await fitsThePhone(worker);

  await worker.getByRole("link", { name: "Assess the barriers" }).click();
  await worker.getByLabel("Anxiety").check();
  await worker.getByRole("textbox").first().fill("Panics at the thought of the school gate");
  await worker.getByRole("button", { name: "Save the assessment" }).click();
  await worker.waitForSelector("text=Panics at the thought of the school gate");
  await worker.getByRole("link", { name: "Plan the sessions" }).click();
  await checkAccessible(worker, "outreach-plan-phone");
  await fitsThePhone(worker);
  await worker.getByLabel("Session 1 works on").selectOption("wellbeing");
  await worker.getByRole("button", { name: "Save the plan" }).click();
  await worker.waitForSelector(".govuk-error-summary");
  await checkAccessible(worker, "outreach-plan-errors-phone");
  const first = worker.getByRole("group", { name: "Session 1" });
  await first.getByLabel("Day").selectOption("monday");
  await first.getByLabel("Morning or afternoon").selectOption("am");
  await worker.getByRole("button", { name: "Save the plan" }).click();
  await worker.waitForSelector("text=Monday Morning: Wellbeing");
  await worker.setViewportSize({ width: 1100, height: 900 });
  await checkAccessible(worker, "outreach-case");
  await worker.context().close();

  const officer = await session.signedIn(DEMO.laOfficer);
  await officer.getByRole("link", { name: "Outreach in your area" }).click();
  await officer.waitForSelector("text=Jo Brennan");
  await checkAccessible(officer, "outreach-area");
  await officer.setViewportSize(phone);
  await checkAccessible(officer, "outreach-area-phone");
  await officer.context().close();
});

test("a school adds its own unit for Tier 1 support", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await lead.getByRole("link", { name: "Your school's own units" }).click();
  await lead.getByRole("button", { name: "Add the unit" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "school-units-errors");
  await lead.getByLabel("Name of the unit").fill("The Base");
  await lead.getByLabel("Room or building where pupils are taught").fill("Block C");
  await lead.getByLabel("School's address").fill("Oak Road, Exeter");
  await lead.getByLabel("Postcode").fill("EX4 4AA");
  await lead.getByLabel("Person who runs the unit").fill("Lee Grant");
  await lead.getByLabel("Their email address").fill("base@oakfield.example");
  await lead.getByRole("button", { name: "Add the unit" }).click();
  await lead.waitForSelector("text=Unit added");
  await checkAccessible(lead, "school-units");
  await lead.setViewportSize(phone);
  await checkAccessible(lead, "school-units-phone");
  await fitsThePhone(lead);
  await lead.goto(session.wp.url + "/pupils/6");
  await checkAccessible(lead, "pupil-journey-phone");
  await lead.context().close();
});
