// Signs in as every demo role in Debian's Chromium, looks at the pages each role uses, takes a
// screenshot of each and checks it with axe-core: no serious or critical WCAG 2.2 AA violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, day } from "../support/waypoint.mjs";
import { checkAccessible, signIn as signInAt, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

const newPage = () => session.newPage();
const signIn = (page, email) => signInAt(page, session.wp.url, email);

test("the sign-in page, with and without errors", async () => {
  const page = await newPage();
  await page.goto(session.wp.url + "/sign-in");
  await checkAccessible(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector(".govuk-error-summary");
  // The summary takes focus (govuk-frontend's script ran) and links to the fields.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("govuk-error-summary")), true);
  await checkAccessible(page, "sign-in-errors");
  await page.context().close();
});

const roles = [
  ["ap-lead", DEMO.apLead, ["/pupils", "/pupils/1", "/account", "/providers/7", "/placements", "/placements/1", "/placements/2", "/pupils/1/timetable", "/pupils/new", "/pupils/import", "/pupils/1/contacts/new", "/calendar", "/providers/running-out", "/pupils/1/attendance", "/today", "/outcomes", "/outcomes/pupils?figure=started"]],
  ["dsl", DEMO.dsl, ["/pupils", "/alerts"]],
  ["headteacher", DEMO.head, []],
  ["provider-manager", DEMO.providerManager, ["/pupils", "/providers/5", "/providers/5/edit", "/providers/5/history", "/placements", "/placements/1", "/pupils/1/timetable"]],
  ["provider-staff", DEMO.providerStaff, ["/register", "/register?session=pm"]],
  ["la-officer", DEMO.laOfficer, ["/pupils", "/providers", "/providers/8", "/providers/new", "/providers/running-out", "/providers/import", "/providers/7/edit", "/providers/7/history", "/placements", "/registration-threshold", "/calendar", "/outcomes"]],
  ["parent", DEMO.parent, ["/pupils", "/pupils/1", "/placements/1", "/placements/1/notice", "/placements/1/plan", "/pupils/1/attendance"]],
  ["administrator", DEMO.admin, ["/admin/organisations", "/admin/organisations/new", "/admin/users", "/admin/users/new", "/admin/users/1", "/admin/audit", "/admin/retention"]],
];

for (const [name, email, paths] of roles) {
  test(`${name}: home page and their pages`, async () => {
    const page = await newPage();
    await signIn(page, email);
    await assert.doesNotReject(page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor());
    await checkAccessible(page, `${name}-home`);
    for (const path of paths) {
      const res = await page.goto(session.wp.url + path);
      assert.equal(res.status(), 200, path);
      await checkAccessible(page, `${name}${path.replaceAll("/", "-")}`);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signed_out=1/);
    await page.context().close();
  });
}

test("an administrator's form with errors, and the 404 and 403 pages", async () => {
  const page = await newPage();
  await signIn(page, DEMO.admin);
  await page.goto(session.wp.url + "/admin/users/new");
  await page.getByRole("button", { name: "Add user" }).click();
  await page.waitForSelector(".govuk-error-summary");
  await checkAccessible(page, "administrator-user-errors");
  const missing = await page.goto(session.wp.url + "/pupils/999");
  assert.equal(missing.status(), 404);
  await checkAccessible(page, "not-found");
  await page.context().close();
  const school = await newPage();
  await signIn(school, DEMO.apLead);
  const refused = await school.goto(session.wp.url + "/admin/users");
  assert.equal(refused.status(), 403);
  await checkAccessible(school, "forbidden");
  await school.context().close();
});

test("filter the provider directory and open a profile", async () => {
  const page = await newPage();
  await signIn(page, DEMO.apLead);
  await page.getByRole("link", { name: "Providers" }).first().click();
  await page.getByLabel("Specialism").selectOption("school_avoidance");
  await page.getByLabel("Key stage").selectOption("ks2");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/specialism=school_avoidance/);
  const rows = page.locator("table.govuk-table tbody tr");
  assert.equal(await rows.count(), 1);
  await checkAccessible(page, "directory-filtered");
  await page.getByRole("link", { name: "Fresh Start Tutoring" }).click();
  await page.getByRole("heading", { level: 1, name: "Fresh Start Tutoring" }).waitFor();
  assert.match(await page.locator(".govuk-tag").first().innerText(), /Lapsed/i);
  await checkAccessible(page, "provider-profile");
  await page.context().close();
});

test("an LA officer's provider form with errors, and a check recorded on a profile", async () => {
  const page = await newPage();
  await signIn(page, DEMO.laOfficer);
  await page.goto(session.wp.url + "/providers/new");
  await page.getByRole("button", { name: "Add provider" }).click();
  await page.waitForSelector(".govuk-error-summary");
  await checkAccessible(page, "provider-new-errors");
  await page.goto(session.wp.url + "/providers/8");
  await page.getByText("Record a check").click();
  await page.getByLabel("Check", { exact: true }).selectOption("insurance");
  await page.getByLabel("Outcome").selectOption("met");
  await fillDate(page, "Date of the check", day(0));
  await page.getByRole("button", { name: "Save check" }).click();
  await page.waitForURL(/done=check/);
  await checkAccessible(page, "provider-check-recorded");
  await page.context().close();
});
