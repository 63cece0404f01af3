// Bridgeway's manager sends a regular report on Aisha's placement from Waypoint's draft, on a phone,
// and the school reads it. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("a provider sends its report from the draft; the school reads it", async () => {
  session.wp.sql(`UPDATE placements SET activated_on = '${day(-120)}' WHERE id = 1`);
  const manager = await session.signedIn(DEMO.providerManager);
  await manager.setViewportSize({ width: 375, height: 800 });
  await manager.goto(session.wp.url + "/");
  await checkAccessible(manager, "provider-home-reports-phone");
  await manager.goto(session.wp.url + "/placements/1/reports");
  await manager.getByRole("link", { name: "Write this period's report" }).click();
  await manager.getByRole("button", { name: "Send the report" }).click();
  await manager.waitForSelector(".govuk-error-summary");
  await checkAccessible(manager, "report-draft-errors-phone");
  await manager.getByLabel("Your comment on the period").fill("A settled week: Aisha worked well with her tutor");
  await manager.getByRole("button", { name: "Send the report" }).click();
  await manager.waitForSelector("text=Report sent to the school");
  await checkAccessible(manager, "reports-phone");
  const width = await manager.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await manager.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/placements/1");
  await lead.getByRole("link", { name: "Provider's reports" }).click();
  assert.match(await lead.locator("main").innerText(), /A settled week: Aisha worked well with her tutor/);
  await checkAccessible(lead, "reports");
  await lead.context().close();
});
