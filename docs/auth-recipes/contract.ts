// Every recipe against the seam's contract (seam.ts); Auth.js is checked by tsconfig.authjs.json.
import * as betterAuth from "../../test/fixtures/better-auth/src/auth/index.ts";
import * as clerk from "./clerk.ts";
import * as luciaStyle from "./lucia-style.ts";
import type { AuthSeam } from "./seam.ts";
import * as supabase from "./supabase.ts";

export const recipes: Record<string, AuthSeam> = { betterAuth, clerk, luciaStyle, supabase };
