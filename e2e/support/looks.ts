import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { settle } from "./settle";

const viewports = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } } as const;
type Theme = "light" | "dark";
type Width = keyof typeof viewports;

/** The theme the page was loaded in: the app reads the glow-theme cookie, light without one. */
async function loadedTheme(page: Page): Promise<Theme> {
  const cookie = (await page.context().cookies(page.url())).find((candidate) => candidate.name === "glow-theme");
  return cookie?.value === "dark" ? "dark" : "light";
}

// axe-core itself, run in the page. @axe-core/playwright's AxeBuilder does the same checks but opens a
// second page per call to merge frame results (our pages have no frames): 9-11 s a call on the
// session history against 2 s this way, measured in the e2e run on this machine.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
type WindowWithAxe = Window & { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/** axe on the page as loaded (every rule axe runs by default): no serious or critical violation. */
async function expectNoSeriousViolations(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(axeSource);
  // Only violations are read, so axe need not collect every passing node.
  const results = await page.evaluate(() => (window as unknown as WindowWithAxe).axe.run(document, { resultTypes: ["violations"] }));
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${theme}: ${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
  expect(serious, serious.join("\n")).toEqual([]);
}

/**
 * Full-page screenshots at desktop and mobile widths in light and dark themes, attached to the
 * test's artifacts (test-results/), so every page is looked at, not only asserted on; and, unless
 * told otherwise, axe at the desktop width of each theme. One load per theme and width: the load the
 * test already made is the first look, and axe runs on the desktop loads the screenshots make.
 */
export async function lookAtEveryTheme(page: Page, testInfo: TestInfo, name: string, { axe = true }: { axe?: boolean } = {}): Promise<void> {
  const url = page.url();
  const original = page.viewportSize();
  const first = await loadedTheme(page);
  const second: Theme = first === "light" ? "dark" : "light";
  // Starting from the load in hand and ending at a desktop width, so a test can go on clicking.
  const looks: Array<[Theme, Width]> = [
    [first, "desktop"],
    [first, "mobile"],
    [second, "mobile"],
    [second, "desktop"],
  ];
  for (const [index, [theme, width]] of looks.entries()) {
    await page.setViewportSize(viewports[width]);
    if (index > 0) {
      await page.context().addCookies([{ name: "glow-theme", value: theme, url }]);
      await page.goto(url);
    }
    await settle(page);
    const path = testInfo.outputPath(`${name}-${width}-${theme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${width}-${theme}`, { path, contentType: "image/png" });
    if (axe && width === "desktop") await expectNoSeriousViolations(page, theme);
  }
  // Later loads in this test come back to the theme it started with.
  await page.context().addCookies([{ name: "glow-theme", value: first, url }]);
  if (original) await page.setViewportSize(original);
}
