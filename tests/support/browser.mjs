// Debian's Chromium driven by playwright-core, and the accessibility check every page passes:
// axe-core with no serious or critical WCAG 2.2 AA violations, and a full-page screenshot of it in
// the folder WAYPOINT_SCREENSHOTS names, when it names one.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { after, before } from "node:test";
import { DEMO_PASSWORD, startWaypoint } from "./waypoint.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// Screenshots are for a person to look at, and nobody looks at CI's: a full-page one took 0.2 to
// 0.4 s of the browser's time a page, about as long as axe-core's checks of it.
const shots = process.env.WAYPOINT_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export async function newPage(browser) {
  // The page's own CSP forbids inline scripts; axe is injected by the test, so bypass it here only.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => assert.fail(`script error on ${page.url()}: ${e.message}`));
  return page;
}

export async function checkAccessible(page, name) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
  assert.ok(result.passes.length > 10, "axe checked the page");
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`), [], name);
}

export async function signIn(page, base, email) {
  await page.goto(base + "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(base + "/");
}

// One Waypoint server and one browser for a test file, started before its tests and stopped after
// them. `session.wp` and `session.browser` are set once the tests run.
export function browserSession({ args = [] } = {}) {
  const session = {
    newPage: () => newPage(session.browser),
    // A new page signed in as `email`.
    async signedIn(email) {
      const page = await newPage(session.browser);
      await signIn(page, session.wp.url, email);
      return page;
    },
  };
  before(async () => {
    session.wp = await startWaypoint({ args });
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.wp?.stop();
  });
  return session;
}

// Types an ISO date into GOV.UK's date input, found by its legend, as a person would: day, month
// and year in their own boxes, without leading zeros.
export async function fillDate(scope, legend, iso) {
  const [year, month, day] = iso.split("-");
  const group = scope.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year);
}
