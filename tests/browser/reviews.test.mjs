// The AP lead finds Aisha's review due on the home page, records it (a mistake first, then the
// whole review), and her father reads the summary. Each page is screenshotted and checked with axe-core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("run a review end to end: due on the home page, recorded, read by the parent", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await checkAccessible(lead, "home-reviews-due");
  await lead.locator("#reviews-due").getByRole("link", { name: "Aisha Walker" }).click();
  // Due in 2 days in term time; already due when the demo started her before a holiday.
  await lead.getByText(/^(Due soon|Due today|Overdue)$/).first().waitFor();
  await checkAccessible(lead, "placement-reviews");
  await lead.getByRole("link", { name: "Record a review" }).click();
  await lead.getByRole("button", { name: "Record the review" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "review-form-errors");
  await lead.getByLabel("The pupil", { exact: true }).check();
  await lead.getByLabel("Parents or carers").check();
  await lead.getByLabel("The provider").check();
  await lead.getByLabel("What the pupil said").fill("I like the workshop mornings and want to do my GCSEs.");
  await lead.getByLabel("What the parents said").fill("Calmer at home; worried about the journey.");
  await lead.getByLabel("Continue the placement as planned").check();
  await lead.getByRole("button", { name: "Record the review" }).click();
  await lead.getByText("The review is recorded").waitFor();
  await checkAccessible(lead, "review-summary");
  const id = session.wp.sql("SELECT id FROM reviews WHERE placement_id = 1");
  assert.equal(session.wp.sql("SELECT decision || '|' || attendees FROM reviews"), "continue|pupil,parents,provider");

  const parent = await session.signedIn(DEMO.parent);
  await parent.goto(`${session.wp.url}/reviews/${id}`);
  await parent.getByText("worried about the journey").waitFor();
  await checkAccessible(parent, "review-summary-parent");
  const download = parent.waitForEvent("download");
  await parent.getByRole("link", { name: "Download this summary as a PDF" }).click();
  assert.match((await download).suggestedFilename(), /^review-\d{4}-\d{2}-\d{2}\.pdf$/);
});

test("start a reintegration: a review decides on it, the plan is written and its step goes into the timetable", async () => {
  const today = day(0);
  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(`${session.wp.url}/placements/4/reviews/new`);
  await lead.getByLabel("The pupil", { exact: true }).check();
  await lead.getByLabel("Parents or carers").check();
  await lead.getByLabel("What the pupil said").fill("I want to be back with my form.");
  await lead.getByLabel("What the parents said").fill("Ready, with the key adult in place.");
  await lead.getByLabel("Start the return to school").check();
  await lead.getByRole("button", { name: "Record the review" }).click();
  await lead.getByRole("link", { name: "The plan for the return to school" }).click();
  await lead.getByRole("link", { name: "Write the plan for the return" }).click();
  await lead.getByRole("button", { name: "Save the plan for the return" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "return-plan-errors");
  const first = lead.getByRole("group", { name: "Criterion 1" });
  await first.getByLabel("What shows the pupil is ready").fill("Settled and on time every morning for two weeks");
  const step = lead.getByRole("group", { name: "Step 1", exact: true });
  await fillDate(step, "First day of the step", today);
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) await step.getByLabel(day).check();
  await lead.getByLabel("Key adult at the home school").fill("Ms Ali, learning mentor");
  await lead.getByLabel("Who does what").fill("Bridgeway sends the behaviour plan; Oakfield meets Daisy at the gate; her mother rings on Fridays.");
  await lead.getByRole("button", { name: "Save the plan for the return" }).click();
  await lead.getByText("Saved and shared").waitFor();
  await checkAccessible(lead, "return-plan");
  await lead.getByRole("button", { name: "Put step 1 into the timetable" }).click();
  await lead.getByText("Back full time from").waitFor();
  await checkAccessible(lead, "return-follow-ups");
  assert.equal(session.wp.sql("SELECT COUNT(*) FROM timetable_slots WHERE pupil_id = 4 AND setting <> 'home_school'"), "0");
});
