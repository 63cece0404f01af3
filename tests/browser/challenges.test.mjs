// Oakfield challenges Bridgeway about Aisha's placement, and Bridgeway's manager answers on a phone.
// Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("a school challenges a provider; the provider answers on a phone", async () => {
  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/placements/1");
  await lead.getByRole("link", { name: "Challenges", exact: true }).click();
  await lead.waitForSelector("h1:has-text('Challenges to Bridgeway Pupil Referral Unit')");
  await lead.getByRole("button", { name: "Send the challenge" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "challenge-errors");
  await lead.getByLabel("Attendance not reported").check();
  await lead.getByLabel("What happened").fill("No registers sent on Monday or Tuesday");
  await lead.getByLabel("What you are asking the provider to do").fill("Send each register by 10am");
  await lead.getByRole("button", { name: "Send the challenge" }).click();
  await lead.waitForSelector("text=Challenge sent to Bridgeway Pupil Referral Unit");
  await checkAccessible(lead, "challenges");
  await lead.context().close();

  const manager = await session.signedIn(DEMO.providerManager);
  await manager.setViewportSize({ width: 375, height: 800 });
  await manager.goto(session.wp.url + "/placements/1/challenges");
  await manager.getByRole("link", { name: "Attendance not reported" }).click();
  await manager.getByLabel("The provider's answer").fill("Our tutor was off sick; the office sends them now");
  await manager.getByRole("button", { name: "Send the answer" }).click();
  await manager.waitForSelector("text=Our tutor was off sick");
  assert.match(await manager.locator("main").innerText(), /Answered/);
  await checkAccessible(manager, "challenge-answered-phone");
  const width = await manager.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await manager.context().close();
});
