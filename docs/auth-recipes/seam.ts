/**
 * The auth seam's contract: src/middleware.ts calls `getSession(request)` and puts `user` and
 * `demo` on Astro.locals. contract.ts and contract.authjs.ts hold every recipe to it.
 */
export interface AuthSeam {
  getSession(request: Request): Promise<{ user: { email: string }; demo: boolean } | null>;
}
