// A provider's tutor takes the morning register for one group (a site): everyone starts present,
// one pupil is absent without a reason. The home school's DSL then finds the alert in their inbox.
// Each page is screenshotted and checked with axe-core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, recentRegisterDay, day } from "../support/waypoint.mjs";
import { checkAccessible, browserSession, fillDate } from "../support/browser.mjs";

const session = browserSession();

test("take a register for a group, and the DSL sees the unexplained absence", async () => {
  const client = session.wp.client();
  await client.signIn(DEMO.providerStaff);
  const date = await recentRegisterDay(client, "Daisy Murphy");

  const tutor = await session.signedIn(DEMO.providerStaff);
  await tutor.goto(`${session.wp.url}/register?date=${date}&session=am`);
  await tutor.getByLabel("Group").selectOption({ label: "Bridgeway Centre" });
  await tutor.getByRole("button", { name: "Show register" }).click();
  await checkAccessible(tutor, "register-group");
  assert.equal(await tutor.getByText("Callum Patel").count(), 0, "Callum is at the annexe");
  const daisy = tutor.getByRole("group", { name: /Daisy Murphy/ });
  assert.ok(await daisy.getByLabel("Present").isChecked(), "everyone starts present");
  await daisy.getByLabel("Absent").check();
  await daisy.getByLabel("Reason for absence").selectOption("N");
  await tutor.getByRole("button", { name: "Send the register" }).click();
  await tutor.getByText("Register sent to the pupils' schools").waitFor();
  await checkAccessible(tutor, "register-sent");
  assert.equal(session.wp.sql(`SELECT provider_code FROM attendance_marks WHERE pupil_id = 4 AND session_date = '${date}' AND session = 'am'`), "N");
  assert.equal(session.wp.sql(`SELECT provider_code FROM attendance_marks WHERE pupil_id = 1 AND session_date = '${date}' AND session = 'am'`), "B");

  const dsl = await session.signedIn(DEMO.dsl);
  await dsl.getByRole("link", { name: "Alerts" }).click();
  await checkAccessible(dsl, "dsl-alert-inbox");
  await dsl.getByRole("row", { name: /Daisy Murphy is absent without a reason/ }).getByRole("link").click();
  await checkAccessible(dsl, "dsl-alert");
  await dsl.getByLabel("What was done").selectOption("contacted_parent");
  await dsl.getByRole("button", { name: "Add to the log" }).click();
  await dsl.getByText("Contacted the parent or carer").first().waitFor();
  await checkAccessible(dsl, "dsl-alert-actioned");
});

test("a tutor records a safeguarding concern and only the DSL reads it", async () => {
  const tutor = await session.signedIn(DEMO.providerStaff);
  await tutor.goto(`${session.wp.url}/pupils/1`);
  await tutor.getByRole("link", { name: "Safeguarding concerns" }).click();
  await tutor.getByRole("link", { name: "Record a safeguarding concern" }).click();
  await tutor.getByRole("button", { name: "Record the concern" }).click();
  await tutor.waitForSelector(".govuk-error-summary");
  await checkAccessible(tutor, "concern-form-errors");
  await tutor.getByLabel("Kind of concern").selectOption("self_harm");
  await fillDate(tutor, "When it happened or you noticed it", day(0));
  await tutor.getByLabel("What you saw or heard").fill("Marks on her forearm; said \"it's nothing\".");
  await tutor.getByRole("button", { name: "Record the concern" }).click();
  await tutor.getByText("Concern recorded and passed to the designated safeguarding lead").waitFor();
  await checkAccessible(tutor, "concern-recorded");
  assert.equal(await tutor.getByText("Marks on her forearm").count(), 0);

  const dsl = await session.signedIn(DEMO.dsl);
  await dsl.goto(`${session.wp.url}/pupils/1/concerns`);
  await checkAccessible(dsl, "concern-list-dsl");
  await dsl.getByRole("row", { name: /Self-harm/ }).getByRole("link").click();
  await dsl.getByText("Marks on her forearm").waitFor();
  await dsl.getByLabel("Add a follow-up").fill("Spoke with Aisha and her father; referral to the school nurse");
  await dsl.getByRole("button", { name: "Add the follow-up" }).click();
  await dsl.getByText("Follow-up added").waitFor();
  await checkAccessible(dsl, "concern-dsl");
});

test("a tutor logs the day and the school sees the engagement chart with its table", async () => {
  const tutor = await session.signedIn(DEMO.providerStaff);
  await tutor.goto(`${session.wp.url}/placements/1`);
  await tutor.getByRole("link", { name: "Log progress or an incident" }).click();
  await tutor.getByRole("button", { name: "Save the log" }).click();
  await tutor.waitForSelector(".govuk-error-summary");
  await checkAccessible(tutor, "progress-log-errors");
  await tutor.getByLabel("4: Engaged for most of the time, with little support").check();
  await tutor.getByLabel("Work covered").fill("Reading comprehension; fractions");
  await tutor.getByRole("button", { name: "Save the log" }).click();
  await tutor.getByText("Saved and shared with the pupil's school").waitFor();
  await checkAccessible(tutor, "progress-logged");

  const school = await session.signedIn(DEMO.apLead);
  await school.goto(`${session.wp.url}/pupils/1/attendance`);
  assert.equal(await school.locator("svg.waypoint-chart circle").count(), 1);
  assert.ok(await school.getByRole("img", { name: "Engagement each week" }).isVisible());
  await checkAccessible(school, "pupil-attendance-engagement");
});
