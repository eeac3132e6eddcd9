import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { cloudflareCompat } from "../../src/cloudflare-compat.ts";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "helpdesky-cf-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe("cloudflareCompat", () => {
  test.each([
    ["wrangler.jsonc", '{\n  // the Worker\n  "compatibility_flags": ["nodejs_compat"]\n}'],
    ["wrangler.json", '{"compatibility_flags":["nodejs_als","nodejs_compat_v2"]}'],
    ["wrangler.toml", 'name = "x"\ncompatibility_flags = [ "nodejs_compat" ]\n'],
  ])("accepts %s with the flag", (file, text) => {
    expect(cloudflareCompat(site({ [file]: text })).kind).toBe("ok");
  });

  test.each([
    ["no wrangler config", {}],
    [
      "a config without the flag",
      { "wrangler.jsonc": '{ "compatibility_flags": ["nodejs_als"] }' },
    ],
    [
      "a commented-out flag",
      { "wrangler.jsonc": '{\n  // "compatibility_flags": ["nodejs_compat"],\n}' },
    ],
    ["the flag elsewhere", { "wrangler.toml": 'name = "nodejs_compat"\n' }],
  ])("refuses %s, naming the flag and the alternatives", (_label, files) => {
    const compat = cloudflareCompat(site(files));
    expect(compat.kind).toBe("missing");
    if (compat.kind !== "missing") return;
    expect(compat.message).toContain("nodejs_compat");
    expect(compat.hint).toContain('"compatibility_flags": ["nodejs_compat"]');
    expect(compat.hint).toContain("CONTACT_WEBHOOK_URL");
  });
});
