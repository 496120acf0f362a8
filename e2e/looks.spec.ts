// The accessibility check every "looks right" test relies on runs axe-core in the page itself: it
// must still fail when a page has a serious violation, or those tests would pass on anything.
import { expect, test } from "./fixtures";
import { lookAtEveryTheme } from "./support/looks";
import { settle } from "./support/settle";

test("the look check fails on a page with a serious axe violation", async ({ adminPage: page }, testInfo) => {
  await page.goto("/groups");
  await settle(page);
  // Added after hydration, so React keeps it: light grey on white is far below 4.5:1.
  await page.evaluate(() => {
    const faint = document.createElement("p");
    faint.textContent = "faint text";
    faint.style.color = "#eeeeee";
    faint.style.background = "#ffffff";
    document.body.append(faint);
  });
  await expect(lookAtEveryTheme(page, testInfo, "axe-probe")).rejects.toThrow(/color-contrast \(serious\)/);
});
