/**
 * The auth seam's contract, checked against every recipe: src/middleware.ts calls
 * `getSession(request)` and puts `user` and `demo` on Astro.locals. A recipe whose getSession
 * drifts from this shape fails `npm run check`.
 */
import * as authJs from "./authjs.ts";
import * as betterAuth from "../../test/fixtures/better-auth/src/auth/index.ts";
import * as clerk from "./clerk.ts";
import * as luciaStyle from "./lucia-style.ts";
import * as supabase from "./supabase.ts";

interface AuthSeam {
  getSession(request: Request): Promise<{ user: { email: string }; demo: boolean } | null>;
}

export const recipes: Record<string, AuthSeam> = { authJs, betterAuth, clerk, luciaStyle, supabase };
