// The school records what Aisha said of how it is going. Each page is checked with axe-core and
// kept as a screenshot, at desktop and phone width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("an AP lead records a pupil's own answers", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/1");
  await lead.getByRole("link", { name: "In Aisha's words" }).click();
  await lead.getByRole("button", { name: "Record their answers" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "pupil-voice-errors");
  await fillDate(lead, "Date they said it", day(0));
  await lead.getByLabel("How do they feel it is going?").selectOption("good");
  await lead.getByLabel("What helps?").fill("The workshop mornings");
  await lead.getByLabel("What does not help?").fill("The long bus ride");
  await lead.getByLabel("What do they want next?").fill("More maths");
  await lead.getByLabel("Do they want to go back to school?").selectOption("not_yet");
  await lead.getByLabel("How did they give their answers?").selectOption("told_staff");
  await lead.getByRole("button", { name: "Record their answers" }).click();
  await lead.waitForSelector("text=Recorded: the next review shows it");
  assert.match(await lead.locator("main").innerText(), /The long bus ride/);
  await checkAccessible(lead, "pupil-voice");
  await lead.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(lead, "pupil-voice-phone");
  const width = await lead.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await lead.context().close();
});
