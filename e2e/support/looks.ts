import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

const viewports = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } } as const;

/**
 * Full-page screenshots at desktop and mobile widths in light and dark themes, attached to the
 * test's artifacts (test-results/), so every page is looked at, not only asserted on.
 */
export async function screenshotEveryLook(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const url = page.url();
  const original = page.viewportSize();
  for (const theme of ["light", "dark"] as const) {
    await page.context().addCookies([{ name: "glow-theme", value: theme, url }]);
    for (const [label, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const path = testInfo.outputPath(`${name}-${label}-${theme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`${name}-${label}-${theme}`, { path, contentType: "image/png" });
    }
  }
  await page.context().addCookies([{ name: "glow-theme", value: "light", url }]);
  if (original) await page.setViewportSize(original);
  await page.goto(url);
}

/** axe on the current page in both themes: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const url = page.url();
  for (const theme of ["light", "dark"] as const) {
    await page.context().addCookies([{ name: "glow-theme", value: theme, url }]);
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${theme}: ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
    expect(serious, serious.join("\n")).toEqual([]);
  }
  await page.context().addCookies([{ name: "glow-theme", value: "light", url }]);
  await page.goto(url);
}
