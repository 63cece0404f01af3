// The LA takes a provider out of the directory in Debian's Chromium, on a desktop and a phone:
// the form with its error, then the provider's page saying it has left. Each page is checked with
// axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("an LA officer takes a provider out of the directory, on a desktop and a phone", async () => {
  const page = await session.signedIn(DEMO.laOfficer);
  await page.goto(session.wp.url + "/providers/8");
  const button = page.getByRole("button", { name: "Take out of the directory" });
  await button.click();
  await page.waitForSelector(".govuk-error-summary");
  assert.match(await page.locator(".govuk-error-summary").innerText(), /Say why the provider is leaving the directory/);
  await checkAccessible(page, "la-officer-provider-leave-errors");
  await page.getByLabel("Why it is leaving the directory").fill("Closed at the end of the summer term");
  await page.getByRole("button", { name: "Take out of the directory" }).click();
  await page.waitForSelector("text=This provider left the directory on");
  await checkAccessible(page, "la-officer-provider-left");
  await page.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(page, "la-officer-provider-left-phone");
  await page.context().close();
});
