// A father asks for a copy of his daughter's record on his phone; the headteacher sees it with its
// clock. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("a parent asks for a copy of the record; the headteacher sees its clock", async () => {
  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.goto(session.wp.url + "/pupils/1/week");
  await father.getByRole("link", { name: /Ask for a copy of Aisha's record/ }).click();
  await father.getByRole("button", { name: "Send to the school" }).click();
  await father.waitForSelector(".govuk-error-summary");
  await checkAccessible(father, "data-rights-errors-phone");
  await father.getByLabel("Ask for a copy of the record").check();
  await father.getByRole("button", { name: "Send to the school" }).click();
  await father.waitForSelector("text=Your request has gone to the school's data protection lead");
  await checkAccessible(father, "data-rights-phone");
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.context().close();

  const head = await session.signedIn(DEMO.head);
  await head.getByRole("link", { name: "Data protection requests" }).click();
  await head.getByRole("link", { name: "A copy of the record about Aisha Walker" }).click();
  await head.waitForSelector("text=Answer by");
  await checkAccessible(head, "data-request");
  await head.context().close();
});
