import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../../../test/e2e/support/chromium.ts";

/** Debian's Chromium, with the e2e suite's options (loopback only); `close()` it in an `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * The text a visitor sees under `root`, line by line: the browser's `innerText`, which leaves out
 * what is not rendered (`hidden`, `display: none`) and what the visitor typed. Read through
 * Playwright's own script world, so it works on a page with JavaScript turned off.
 */
export async function visibleTexts(page: Page, root = "body"): Promise<string[]> {
  const text = await page.locator(root).first().innerText();
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * What is wrong with the page's ids: each id used twice, and each label that does not name a
 * field of its own form by `for`. Empty when every id is unique and every label is tied.
 */
export function idProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const element of document.querySelectorAll("[id]")) {
      if (seen.has(element.id)) problems.push(`duplicate id ${element.id}`);
      seen.add(element.id);
    }
    for (const label of document.querySelectorAll("label")) {
      const field = label.control;
      if (!field || !label.htmlFor) problems.push(`label "${label.textContent}" names no field`);
      else if (field.closest("form") !== label.closest("form"))
        problems.push(`label "${label.textContent}" names a field of another form`);
    }
    return problems;
  });
}
