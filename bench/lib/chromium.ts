import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../../test/e2e/support/chromium.ts";
import { SESSION_HINT_COOKIE } from "../../src/auth/session-hint-cookie.ts";

/** Debian's Chromium, headless, with the test suite's flags (no sandbox, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}

/** Chromium's version string, for the report. */
export function chromiumVersion(browser: Browser): string {
  return browser.version();
}

/** A fresh context (empty cache) that carries the demo session cookie for the site, and the header's hint. */
export async function signedInContext(
  browser: Browser,
  siteUrl: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  const eq = cookie.indexOf("=");
  await context.addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      url: siteUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
    // The header's signed-in hint, as the sign-in sets it: else the token's answer sets it, and the header changes mid-measure.
    { name: SESSION_HINT_COOKIE, value: "1", url: siteUrl, sameSite: "Lax" },
  ]);
  return context;
}

/** Slow 4G as Lighthouse defines it: 150 ms round trip, 1.6 Mbps down, 750 Kbps up. */
export const SLOW_4G = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750 };

/** How many times slower than this machine Chromium runs the page (`BENCH_CPU`; 1 by default). */
export const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 1);
// Checked here, so a bad value stops the run before its builds rather than after.
if (!(CPU_SLOWDOWN >= 1))
  throw new Error(`BENCH_CPU must be a number of 1 or more, not ${process.env.BENCH_CPU}`);

/**
 * Applies network emulation to one page through the DevTools protocol (unless `network` is null:
 * the link is modelled outside the browser), and CPU_SLOWDOWN when it is over 1 (4 is
 * Lighthouse's mobile preset).
 */
export async function emulateNetwork(page: Page, network: typeof SLOW_4G | null = SLOW_4G) {
  const cdp = await page.context().newCDPSession(page);
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: (network.downloadKbps * 1000) / 8,
      uploadThroughput: (network.uploadKbps * 1000) / 8,
    });
  }
  if (CPU_SLOWDOWN > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}
