// A provider's tutor records a restraint; the father reads it on his phone; the LA sees the count by
// provider. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("a tutor records a restraint, the father reads it on a phone, the LA sees the trend", async () => {
  const tutor = await session.signedIn(DEMO.providerStaff);
  await tutor.goto(session.wp.url + "/pupils/1/interventions");
  await tutor.locator("a.govuk-button", { hasText: "Record a restrictive intervention" }).click();
  await tutor.waitForSelector("h1:has-text('Record a restrictive intervention')");
  await tutor.getByRole("button", { name: "Record and tell the parents" }).click();
  await tutor.waitForSelector(".govuk-error-summary");
  await checkAccessible(tutor, "intervention-errors");
  await fillDate(tutor, "Date it happened", day(0));
  await tutor.getByLabel("Time it started").fill("13:45");
  await tutor.getByLabel("Where it happened").fill("Workshop, Bridgeway Centre");
  await tutor.getByLabel("Staff involved").fill("Ms Ward, Mr Cole");
  await tutor.getByLabel("What led up to it").fill("An argument over a tool turned into a fight");
  await tutor.getByLabel("What was tried to calm things first").fill("Calm talk and the quiet room");
  await tutor.getByLabel("Kind of intervention").selectOption("physical_restraint");
  await tutor.getByLabel("How long it lasted, in minutes").fill("4");
  await tutor.getByLabel("Why it was needed").selectOption("injury_to_others");
  await tutor.getByLabel("Injuries to the pupil or staff").fill("None");
  await tutor.getByLabel("Support given to the pupil afterwards").fill("Talked it through with her key worker");
  await tutor.getByRole("button", { name: "Record and tell the parents" }).click();
  await tutor.waitForSelector("text=Recorded, and the parents have been told");
  await checkAccessible(tutor, "interventions");
  await tutor.context().close();

  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.getByRole("link", { name: "Letters" }).first().click();
  await father.getByRole("link", { name: "A record of force or restraint used with your child" }).click();
  await father.waitForSelector("text=Physical restraint");
  await checkAccessible(father, "intervention-phone");
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.context().close();

  const officer = await session.signedIn(DEMO.laOfficer);
  await officer.getByRole("link", { name: "Restrictive interventions by provider" }).click();
  await officer.waitForSelector("text=Bridgeway Pupil Referral Unit");
  await checkAccessible(officer, "intervention-trend");
  await officer.context().close();
});
