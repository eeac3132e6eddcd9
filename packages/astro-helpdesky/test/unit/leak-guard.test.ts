import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { findClientVisibleCopies } from "../../src/guards/client-visible-copies.ts";
import { findLeaks, secretNeedles } from "../../src/guards/find-leaks.ts";
import { envDirOf, loadEnvLikeVite, type EnvEntry } from "../../src/guards/load-env.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "helpdesky-guard-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const env = (vars: Record<string, string>) =>
  new Map<string, EnvEntry>(
    Object.entries(vars).map(([name, value]) => [name, { value, source: ".env" }]),
  );

describe("loadEnvLikeVite", () => {
  test("reads .env, .env.local, .env.<mode>, .env.<mode>.local in rising priority; the environment wins", () => {
    const dir = folder({
      ".env": "A=env\nB=env\nC=env\nD=env\nE=env\n",
      ".env.local": "B=local\nC=local\nD=local\n",
      ".env.production": "C=production\nD=production\n",
      ".env.production.local": "D=production.local\n",
      ".env.development": "A=development\n",
    });
    const loaded = loadEnvLikeVite("production", dir, { E: "shell" });
    expect(
      Object.fromEntries(
        [...loaded].map(([name, entry]) => [name, `${entry.value} (${entry.source})`]),
      ),
    ).toEqual({
      A: "env (.env)",
      B: "local (.env.local)",
      C: "production (.env.production)",
      D: "production.local (.env.production.local)",
      E: "shell (the environment)",
    });
  });

  test("reports a file's variable under the file when Astro has copied it into the environment", () => {
    const dir = folder({ ".env": "A=same\n" });
    expect(loadEnvLikeVite("production", dir, { A: "same" }).get("A")?.source).toBe(".env");
  });

  test("reads no file when envDir is false", () => {
    expect(loadEnvLikeVite("production", false, { A: "1" }).size).toBe(1);
  });

  test("resolves vite.envDir against the root", () => {
    expect(envDirOf("/site", undefined)).toBe("/site");
    expect(envDirOf("/site", "config/env")).toBe("/site/config/env");
    expect(envDirOf("/site", false)).toBe(false);
  });
});

describe("findClientVisibleCopies", () => {
  test.each([
    ["PUBLIC_HELPDESKY_HMAC_SECRET", "HELPDESKY_HMAC_SECRET"],
    ["VITE_HELPDESKY_HMAC_SECRET", "HELPDESKY_HMAC_SECRET"],
    ["NEXT_PUBLIC_HELPDESKY_HMAC_SECRET", "HELPDESKY_HMAC_SECRET"],
    ["NEXT_PUBLIC_HELPDESKY_SECRET", "HELPDESKY_HMAC_SECRET"],
    ["public_helpdesky_secret_key", "helpdesky_secret_key"],
  ])("flags %s and suggests %s", (name, rename) => {
    expect(findClientVisibleCopies(env({ [name]: "x" }))).toEqual([
      { name, source: ".env", rename },
    ]);
  });

  test.each([
    "HELPDESKY_HMAC_SECRET",
    "PUBLIC_HELPDESKY_HELPDESK_ID",
    "PUBLIC_STRIPE_SECRET",
    "MY_PUBLIC_HELPDESKY_SECRET",
  ])("leaves %s alone", (name) => {
    expect(findClientVisibleCopies(env({ [name]: "x" }))).toEqual([]);
  });
});

describe("findLeaks", () => {
  const SECRET = "hdh_secret_canary_unit_4b1d";

  test("searches for the secret and its trimmed form, never for a too-short one", () => {
    expect(secretNeedles(` ${SECRET}\n`)).toEqual([` ${SECRET}\n`, SECRET]);
    expect(secretNeedles(SECRET)).toEqual([SECRET]);
    expect(secretNeedles("short")).toEqual([]);
    expect(secretNeedles(undefined)).toEqual([]);
  });

  test("splits hits into downloadable files and server code, in text and binary files alike", () => {
    const root = folder({
      "dist/client/index.html": `<p>${SECRET}</p>`,
      "dist/client/_astro/app.js.map": Buffer.concat([
        Buffer.from([0, 1, 2]),
        Buffer.from(SECRET),
        Buffer.from([3]),
      ]),
      "dist/client/clean.js": "console.log(1)",
      "dist/server/chunks/page.mjs": `const key = "${SECRET}";`,
      "dist/server/entry.mjs": "export {}",
    });
    const leaks = findLeaks(
      {
        roots: [join(root, "dist"), join(root, "dist/client")],
        publicDirs: [join(root, "dist/client")],
        base: root,
      },
      [SECRET],
    );
    expect(leaks).toEqual({
      publicFiles: ["dist/client/_astro/app.js.map", "dist/client/index.html"],
      serverFiles: ["dist/server/chunks/page.mjs"],
    });
  });

  test("finds nothing without a secret, or in folders that do not exist", () => {
    const root = folder({ "dist/x.js": SECRET });
    expect(findLeaks({ roots: [join(root, "dist")], publicDirs: [], base: root }, [])).toEqual({
      publicFiles: [],
      serverFiles: [],
    });
    expect(
      findLeaks({ roots: [join(root, "nope")], publicDirs: [], base: root }, [SECRET]),
    ).toEqual({ publicFiles: [], serverFiles: [] });
  });
});
