// The DSL sets up an authenticator at their first sign-in, signs in with a code from it, then with
// a recovery code, in Debian's Chromium; each page screenshotted and checked with axe-core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEMO, DEMO_PASSWORD } from "../support/waypoint.mjs";
import { checkAccessible, browserSession } from "../support/browser.mjs";
import { totp } from "../support/totp.mjs";

const session = browserSession({ args: ["--second-factor-roles", "school_dsl,la_officer,la_designated_officer,administrator"] });

async function password(page) {
  await page.goto(session.wp.url + "/sign-in");
  await page.getByLabel("Email address").fill(DEMO.dsl);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

let key;
let recovery;

test("the DSL sets up an authenticator before anything else and keeps the recovery codes", async () => {
  const page = await session.newPage();
  await password(page);
  await page.waitForURL(session.wp.url + "/account/second-factor");
  await assert.doesNotReject(page.getByRole("img", { name: "QR code of your authenticator key" }).waitFor());
  await checkAccessible(page, "second-factor-set-up");
  key = (await page.locator("#totp-key").textContent()).trim();
  await page.getByLabel("Code", { exact: true }).fill("12345");
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.waitForSelector(".govuk-error-summary");
  await checkAccessible(page, "second-factor-set-up-error");
  await page.getByLabel("Code", { exact: true }).fill(totp(key));
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("heading", { name: "Your authenticator is set up" }).waitFor();
  recovery = await page.locator("#recovery-codes code").allTextContents();
  assert.equal(recovery.length, 10);
  await checkAccessible(page, "second-factor-recovery-codes");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
  await page.context().close();
});

test("the DSL signs in with a code from the app, and again with a recovery code", async () => {
  const page = await session.newPage();
  await password(page);
  await page.waitForURL(session.wp.url + "/sign-in/second-factor");
  await checkAccessible(page, "second-factor-code");
  await page.getByLabel("Code", { exact: true }).fill(totp(key, Date.now(), 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
  await page.context().close();

  const lost = await session.newPage();
  await password(lost);
  await lost.waitForURL(session.wp.url + "/sign-in/second-factor");
  await lost.getByLabel("Code", { exact: true }).fill(recovery[0]);
  await lost.getByRole("button", { name: "Continue" }).click();
  await lost.getByText("You have 9 unused recovery codes").waitFor();
  await checkAccessible(lost, "second-factor-after-recovery-code");
  await lost.goto(session.wp.url + "/alerts");
  await lost.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(new URL(lost.url()).pathname, "/alerts");
  await lost.context().close();
});
