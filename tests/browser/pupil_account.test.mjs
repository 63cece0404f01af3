// Aisha, in her own account on a phone: her week, then telling her school how it is going. Then
// the headteacher's choice and the school's page for her account. Each page is checked with
// axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

const fitsAPhone = async (page) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
};

test("a pupil sees her week and says how it is going, on a phone", async () => {
  const aisha = await session.signedIn(DEMO.pupil);
  await aisha.setViewportSize({ width: 375, height: 800 });
  await aisha.goto(session.wp.url + "/");
  await checkAccessible(aisha, "pupil-home-phone");
  await aisha.getByRole("link", { name: "Your week" }).click();
  await aisha.waitForSelector("h1:has-text('Your week')");
  assert.match(await aisha.locator("main").innerText(), /Bridgeway Pupil Referral Unit/);
  await checkAccessible(aisha, "pupil-week-phone");
  await fitsAPhone(aisha);
  await aisha.getByRole("link", { name: "Tell your school how it is going for you" }).click();
  await aisha.getByRole("button", { name: "Send to your school" }).click();
  await aisha.waitForSelector(".govuk-error-summary");
  await checkAccessible(aisha, "pupil-how-is-it-going-errors-phone");
  await aisha.getByLabel("Good", { exact: true }).check();
  await aisha.getByLabel("What helps you?").fill("Cooking on Wednesdays");
  await aisha.getByLabel("Not yet").check();
  await aisha.getByRole("button", { name: "Send to your school" }).click();
  await aisha.waitForSelector("text=Thank you. Your school can read it now");
  assert.match(await aisha.locator("main").innerText(), /Cooking on Wednesdays/);
  await checkAccessible(aisha, "pupil-how-is-it-going-phone");
  await fitsAPhone(aisha);
  await aisha.setViewportSize({ width: 1200, height: 900 });
  await checkAccessible(aisha, "pupil-how-is-it-going");
  await aisha.goto(session.wp.url + "/pupils/1/week");
  await checkAccessible(aisha, "pupil-week");
  await aisha.context().close();
});

test("the headteacher's choice and the school's page for a pupil's account", async () => {
  const head = await session.signedIn(DEMO.head);
  await head.goto(session.wp.url + "/");
  await head.getByRole("link", { name: "Pupils' own accounts" }).click();
  await head.waitForSelector('h1:has-text("Pupils\' own accounts")');
  await checkAccessible(head, "pupil-accounts-choice");
  await head.getByLabel("Yes").check();
  await head.getByRole("button", { name: "Save" }).click();
  await head.waitForSelector("text=Pupils of 11 and over can now be invited");
  await head.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/1/own-account");
  assert.match(await lead.locator("main").innerText(), /aisha\.walker@oakfield\.example[\s\S]*Aisha has an open account/);
  await checkAccessible(lead, "pupil-own-account");
  await lead.goto(session.wp.url + "/pupils/2");
  await lead.getByRole("link", { name: "Ben's own account" }).click();
  await lead.waitForSelector('h1:has-text("Ben\'s own account")');
  await lead.getByRole("button", { name: "Send the invitation" }).click();
  await lead.waitForSelector(".govuk-error-summary");
  await checkAccessible(lead, "pupil-own-account-errors");
  await lead.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(lead, "pupil-own-account-phone");
  await fitsAPhone(lead);
  await lead.context().close();
});
