// The demo father opens his daughter's week on his phone: where she should be each day, who to
// call at the provider, what happens next, attendance this half term in words, the plan and the
// notice. Her school sees the same page. Each page is checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();

test("a parent sees his child's week, contacts and what is next on a phone", async () => {
  const father = await session.signedIn(DEMO.parent);
  await father.setViewportSize({ width: 375, height: 800 });
  await father.getByRole("link", { name: "Aisha's week" }).click();
  await father.waitForSelector("h1:has-text(\"Aisha's week\")");
  const text = await father.locator("main").innerText();
  for (const want of [/This week|Next week/, /Who to contact/, /08:45 to 15:15 at Bridgeway Pupil Referral Unit, 12 Mill Lane/, /Phone\s+01392 000101/, /What happens next/, /Attendance this half term/, /The plan at Bridgeway Pupil Referral Unit/, /Notice of the direction to attend Bridgeway Pupil Referral Unit/])
    assert.match(text, want);
  assert.doesNotMatch(text, /concern/i, "a parent is never shown safeguarding concerns");
  await checkAccessible(father, "child-week-phone");
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.setViewportSize({ width: 1100, height: 900 });
  await checkAccessible(father, "child-week");
  await father.context().close();

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/1");
  await lead.getByRole("link", { name: "Aisha's week as the family sees it" }).click();
  await lead.waitForSelector("text=This is the page Aisha's parents and carers see");
  await checkAccessible(lead, "child-week-school");
  await lead.context().close();
});
