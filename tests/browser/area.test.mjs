// The LA officer's picture of the area in Debian's Chromium, on a desktop and a phone: from the
// home page to the figures, to the children behind one, and a filter refused with its field named.
// Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("an LA officer sees where the area's children are and follows a figure to them", async () => {
  const page = await session.signedIn(DEMO.laOfficer);
  await page.goto(session.wp.url + "/");
  await page.getByRole("link", { name: "Where are our children?" }).click();
  await page.waitForSelector("h1:has-text('Where are our children?')");
  assert.match(await page.locator(".govuk-body-l").first().innerText(), /^This half term, /);
  const running = page.locator("#area-status tr[data-figure=status_active] a");
  assert.equal(await running.innerText().then((t) => t.split(/\s/)[0]), "3");
  await checkAccessible(page, "la-officer-area");
  await running.click();
  await page.waitForSelector("h1:has-text('Running')");
  assert.equal(await page.locator("#area-pupils tbody tr").count(), 3);
  await checkAccessible(page, "la-officer-area-running");

  // The services around a pupil, on their record as the officer reads it.
  await page.goto(session.wp.url + "/pupils/3");
  assert.match(await page.locator("#contacts + dl").innerText(), /Children's social care, involved since \d{1,2} \w+ \d{4}/);
  await checkAccessible(page, "la-officer-pupil-services");

  await page.goto(session.wp.url + "/area?from=soon&to=2026-11-30");
  await page.waitForSelector(".govuk-error-summary");
  assert.match(await page.locator(".govuk-error-summary").innerText(), /From must be a real date/);
  await checkAccessible(page, "la-officer-area-errors");

  await page.goto(session.wp.url + "/area");
  await page.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(page, "la-officer-area-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await page.context().close();
});
