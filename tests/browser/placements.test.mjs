// A school's AP lead refers a pupil: places them with a provider, agrees the placement and records
// the notice, builds the whole week and writes the plan. Each page is screenshotted and checked
// with axe-core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("refer a pupil, place them, build the timetable and write the plan", async () => {
  const page = await session.signedIn(DEMO.apLead);
  await page.goto(session.wp.url + "/pupils/5");
  await checkAccessible(page, "pupil-record");
  await page.getByRole("link", { name: /Place .* with a provider/ }).click();
  await page.getByLabel("Provider name").fill("Bridgeway");
  await page.getByRole("button", { name: "Search" }).click();
  await checkAccessible(page, "placement-choose-provider");
  await page.getByRole("link", { name: "Choose Bridgeway Pupil Referral Unit" }).click();

  await page.getByRole("button", { name: "Save as a draft" }).click();
  await page.waitForSelector(".govuk-error-summary");
  await checkAccessible(page, "placement-form-errors");
  await page.getByLabel("Legal basis").selectOption("off_site_direction");
  await page.getByLabel("Main reason for the placement").selectOption("at_risk_of_exclusion");
  await page.getByLabel("Objectives of the placement").fill("Reduce suspensions; keep up GCSE English and maths");
  await fillDate(page, "First day", day(21));
  await fillDate(page, "Planned last day", day(120));
  await page.getByLabel("Bridgeway Centre").check();
  await page.getByLabel("Person the pupil reports to on arrival").fill("Ms Ward");
  await page.getByLabel("Who pays").selectOption("school");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await page.waitForURL(/\/placements\/\d+\?done=created/);
  const placement = page.url().match(/\/placements\/(\d+)/)[1];
  await checkAccessible(page, "placement-draft");

  await page.getByRole("button", { name: "Agree the placement" }).click();
  await page.waitForURL(/done=agreed/);

  // The notice needs the parents it goes to and the session times before it is sent.
  await page.goto(session.wp.url + "/pupils/5/contacts/new");
  await page.getByLabel("Who they are").selectOption("parent");
  await page.getByLabel("Full name").fill("Farah Khan");
  await page.getByLabel("Relationship to the pupil or organisation (optional)").fill("Mother");
  await page.getByLabel("Has parental responsibility").check();
  await page.getByLabel("Phone number (optional)").fill("07700 900505");
  await page.getByLabel("How they prefer to be contacted").selectOption("phone");
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.waitForURL(/done=contact/);

  await page.goto(session.wp.url + "/pupils/5/timetable");
  const days = ["monday", "tuesday", "wednesday", "thursday", "friday"];
  for (const [i, d] of days.entries()) {
    await page.locator(`#slot_${i + 1}_day`).selectOption(d);
    await page.locator(`#slot_${i + 1}_start`).fill("08:45");
    await page.locator(`#slot_${i + 1}_end`).fill("15:15");
    await page.locator(`#slot_${i + 1}_where`).selectOption(i < 3 ? `placement:${placement}` : "home_school");
  }
  await page.getByRole("button", { name: "Save the week" }).click();
  await page.waitForURL(/done=saved/);
  assert.match(await page.locator("main").innerText(), /32 hours 30 minutes of a full-time week/);
  await checkAccessible(page, "timetable-saved");

  await page.goto(session.wp.url + `/placements/${placement}`);
  await fillDate(page, "Date the notice was sent to the parents", day(0));
  await page.getByRole("button", { name: "Record the notice" }).click();
  await page.waitForURL(/done=notice/);
  assert.match(await page.locator("main").innerText(), /Earliest start: \d{1,2} [A-Z][a-z]+ \d{4}/);
  await checkAccessible(page, "placement-awaiting");

  await page.goto(session.wp.url + `/placements/${placement}/notice`);
  assert.match(await page.locator("main").innerText(), /Monday: 08:45 to 15:15/);
  await checkAccessible(page, "notice-to-parents");

  await page.goto(session.wp.url + `/placements/${placement}/plan`);
  await page.locator("#objective_1_area").selectOption("suspensions");
  await page.locator("#objective_1_description").fill("No suspensions this term");
  await page.locator("#objective_1_baseline_value").fill("3 last term");
  await fillDate(page.getByRole("group", { name: "Objective 1", exact: true }), "Date of the baseline", day(-30));
  await page.locator("#objective_1_baseline_source").fill("School behaviour records");
  await page.locator("#objective_1_target").fill("0");
  await page.locator("#objective_1_measure").fill("Suspensions recorded");
  await fillDate(page.getByRole("group", { name: "Objective 1", exact: true }), "Date to reach the target", day(100));
  await page.locator("#objective_1_responsible").fill("Head of centre");
  await page.getByLabel("How progress will be assessed and monitored").fill("Weekly behaviour log; review every 6 weeks");
  await page.getByLabel("How the plan fits the pupil's curriculum and qualifications").fill("GCSE English and maths continue");
  await page.getByLabel("The pupil's views").fill("Wants a fresh start");
  await page.getByLabel("The parents' views").fill("Supportive");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await page.waitForURL(/done=saved/);
  await page.getByRole("button", { name: "Agree version 1" }).click();
  await page.waitForURL(/done=agreed/);
  assert.match(await page.locator("main").innerText(), /Agreed/);
  await checkAccessible(page, "plan-agreed");
  await page.context().close();
});

test("the LA officer's registration-threshold list and the placements list", async () => {
  const page = await session.signedIn(DEMO.laOfficer);
  await page.goto(session.wp.url + "/registration-threshold");
  await checkAccessible(page, "registration-threshold");
  await page.goto(session.wp.url + "/placements");
  assert.ok((await page.locator("table.govuk-table tbody tr").count()) >= 2);
  await checkAccessible(page, "placements-list");
  await page.context().close();
});
