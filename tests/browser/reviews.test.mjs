// The AP lead finds Aisha's review due on the home page, records it (a mistake first, then the
// whole review), and her father reads the summary. Each page is screenshotted and checked with axe-core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("run a review end to end: due on the home page, recorded, read by the parent", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await checkAccessible(lead, "home-reviews-due");
  await lead.locator("#reviews-due").getByRole("link", { name: "Aisha Walker" }).click();
  await lead.getByText("Due soon").waitFor();
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
