// A school's returns in Debian's Chromium, on a desktop and a phone: the census from the home page,
// a census refused by name, and the AP list for an inspection. Each page is checked with axe-core
// and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("an AP lead checks the census's AP items and prints the AP list for an inspection", async () => {
  const page = await session.signedIn(DEMO.apLead);
  await page.goto(session.wp.url + "/");
  await page.getByRole("link", { name: "School census: AP placements" }).click();
  await page.waitForSelector("h1:has-text('School census: alternative provision placements')");
  assert.ok((await page.locator("#census-rows tbody tr").count()) >= 3, "the demo's running placements");
  assert.match(await page.locator("#census-rows").innerText(), /URN 149101/);
  await checkAccessible(page, "ap-lead-school-census");

  await page.goto(session.wp.url + "/returns/school-census?term=winter&year=2026");
  await page.waitForSelector(".govuk-error-summary");
  assert.match(await page.locator(".govuk-error-summary").innerText(), /Select the autumn, spring or summer census/);
  await checkAccessible(page, "ap-lead-school-census-errors");

  await page.goto(session.wp.url + "/");
  await page.getByRole("link", { name: "Your AP list for an inspection" }).click();
  await page.waitForSelector("h1:has-text('Alternative provision used by Oakfield Academy')");
  assert.match(await page.locator("main").innerText(), /Registered school \(URN 149101\)/);
  assert.match(await page.getByRole("link", { name: "Download it as a PDF" }).getAttribute("href"), /ap-list\.pdf$/);
  await checkAccessible(page, "ap-lead-ap-list");

  await page.setViewportSize({ width: 375, height: 800 });
  for (const [path, name] of [["/returns/ap-list", "ap-lead-ap-list-phone"], ["/returns/school-census", "ap-lead-school-census-phone"]]) {
    await page.goto(session.wp.url + path);
    await checkAccessible(page, name);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${path} is ${width} px wide on a phone`);
  }
  await page.context().close();
});

test("an LA officer checks the January AP census from the home page", async () => {
  const page = await session.signedIn(DEMO.laOfficer);
  await page.goto(session.wp.url + "/");
  await page.getByRole("link", { name: "Alternative provision census (January)" }).click();
  await page.waitForSelector("h1:has-text('Alternative provision census (January)')");
  assert.match(await page.locator("main").innerText(), /January \d{4} census\s+Census day \d{1,2} January \d{4}/);
  await checkAccessible(page, "la-officer-ap-census");
  await page.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(page, "la-officer-ap-census-phone");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await page.context().close();
});
