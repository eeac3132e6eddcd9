/** A same-site path to go to after sign-in; anything that could leave the site becomes `fallback`. */
export function safeNextPath(next: string | null | undefined, fallback = "/support"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  // Control characters could smuggle a scheme or host past the checks above.
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = "http://site.invalid";
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
