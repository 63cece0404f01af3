// A school invites a father to Waypoint, and he sets up his account on his phone, in Debian's
// Chromium. This Waypoint sends no mail, so the school is shown the link to pass on. Each page is
// checked with axe-core and kept as a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";

const session = browserSession();
const password = "a long walk by the quiet river";

test("a school invites a father, who sets his password on a phone and then sees his son", async () => {
  const token = session.wp.cli(["token", "create", "--email", DEMO.apLead]).stdout.trim();
  const contact = await session.wp.api(token, "POST", "/pupils/2/contacts", { role: "parent", name: "Sam Hughes", relationship: "Father", parental_responsibility: true, email: "sam.hughes@family.example", phone: "", preferred_contact: "email" });
  assert.equal(contact.status, 201);

  const lead = await session.signedIn(DEMO.apLead);
  await lead.goto(session.wp.url + "/pupils/2");
  await lead.getByRole("link", { name: /Parents and carers in Waypoint/ }).click();
  await lead.waitForSelector("h1:has-text('Parents and carers in Waypoint')");
  await checkAccessible(lead, "family-access");
  await lead.getByRole("button", { name: "Send an invitation to Sam Hughes" }).click();
  await lead.waitForSelector("text=Invitation made");
  const link = (await lead.locator("main code").innerText()).trim();
  assert.match(link, /\/invitation\/[0-9a-f]+$/);
  await checkAccessible(lead, "family-access-link");
  await lead.setViewportSize({ width: 375, height: 800 });
  await checkAccessible(lead, "family-access-phone");
  await lead.context().close();

  const father = await session.newPage();
  await father.setViewportSize({ width: 375, height: 800 });
  await father.goto(session.wp.url + new URL(link).pathname);
  assert.match(await father.locator("main").innerText(), /Oakfield Academy has invited Sam Hughes/);
  await checkAccessible(father, "invitation-phone");
  await father.getByLabel("Create a password").fill("too short");
  await father.getByLabel("Type the password again").fill("too short");
  await father.getByRole("button", { name: "Create your account" }).click();
  await father.waitForSelector(".govuk-error-summary");
  await checkAccessible(father, "invitation-errors-phone");
  await father.getByLabel("Create a password").fill(password);
  await father.getByLabel("Type the password again").fill(password);
  await father.getByRole("button", { name: "Create your account" }).click();
  await father.waitForURL(/\/sign-in\?invited=1$/);
  assert.match(await father.locator("main").innerText(), /Your account is ready/);
  await checkAccessible(father, "invitation-accepted-phone");
  await father.getByLabel("Email address").fill("sam.hughes@family.example");
  await father.getByLabel("Password").fill(password);
  await father.getByRole("button", { name: "Sign in" }).click();
  await father.waitForURL(session.wp.url + "/");
  await father.goto(session.wp.url + "/pupils");
  assert.match(await father.locator("main").innerText(), /Ben/);
  const width = await father.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `the page is ${width} px wide on a phone`);
  await father.context().close();
});
