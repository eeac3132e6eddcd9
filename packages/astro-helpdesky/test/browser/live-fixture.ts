import type { Page } from "@playwright/test";
import { startBuiltScenario, type RunningServer } from "../scenario.ts";

/** The cookie the client-router fixture's middleware reads the signed-in user from. */
export const USER_COOKIE = "fixture_user";
/** The cookie that makes that middleware throw (`throw`) or stall (`slow`) on the token request. */
export const HOSTILE_COOKIE = "fixture_hostile";

/**
 * Starts the client-router fixture in live mode, with the fixture's own `fake-ticket-center.js`
 * as Helpdesky's script: it renders a panel, adds a node to <body>, a window listener and a timer.
 */
export function startClientRouterSite(): Promise<RunningServer> {
  return startBuiltScenario("client-router", {
    HELPDESKY_HMAC_SECRET: "hdh_secret_client_router_fixture",
    HELPDESKY_HELPDESK_ID: "fixture-desk",
    HELPDESKY_SCRIPT_URL: "/fake-ticket-center.js",
  });
}

export async function setCookie(page: Page, server: RunningServer, name: string, value: string) {
  await page.context().addCookies([{ name, value, url: server.origin }]);
}

export async function signIn(page: Page, server: RunningServer, email: string) {
  await setCookie(page, server, USER_COOKIE, email);
}
