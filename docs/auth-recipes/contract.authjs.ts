// The seam's contract (seam.ts), checked against the Auth.js recipe.
import * as authJs from "./authjs.ts";
import type { AuthSeam } from "./seam.ts";

export const recipe: AuthSeam = authJs;
