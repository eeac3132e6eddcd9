import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, test } from "vitest";

// The recipes' type check must catch a library API that moved: each case compiles a recipe with
// docs/auth-recipes/tsconfig*.json as `npm run check` does (which checks them as committed), with
// one API renamed in memory (nothing on disk changes), and expects an error naming it.
const ROOT = new URL("../../", import.meta.url).pathname;

function errorsOf(tsconfig: string, file: string, rename: [from: string, to: string]): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}${tsconfig}`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  )!;
  const target = `${ROOT}${file}`;
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, languageVersion, ...rest) => {
    if (name !== target) return getSourceFile(name, languageVersion, ...rest);
    const source = readFileSync(target, "utf8");
    expect(source, `${file} uses ${rename[0]}`).toContain(rename[0]);
    return ts.createSourceFile(name, source.replaceAll(rename[0], rename[1]), languageVersion);
  };
  const program = ts.createProgram([target], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("the auth recipes' type check", () => {
  test("runs in npm run check, for every recipe config", () => {
    const check = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts.check as string;
    expect(check).toContain("tsc --noEmit -p docs/auth-recipes ");
    expect(check).toContain("tsc --noEmit -p docs/auth-recipes/tsconfig.authjs.json");
  });

  test.each([
    [
      "Clerk",
      "docs/auth-recipes/tsconfig.json",
      "docs/auth-recipes/clerk.ts",
      ["users.getUser(", "users.getUserById("],
      "getUserById",
    ],
    [
      "Supabase",
      "docs/auth-recipes/tsconfig.json",
      "docs/auth-recipes/supabase.ts",
      ["email_confirmed_at", "email_verified_at"],
      "email_verified_at",
    ],
    [
      "Better Auth",
      "docs/auth-recipes/tsconfig.json",
      "test/fixtures/better-auth/src/auth/index.ts",
      ["api.getSession(", "api.fetchSession("],
      "fetchSession",
    ],
    [
      "Auth.js",
      "docs/auth-recipes/tsconfig.authjs.json",
      "docs/auth-recipes/authjs.ts",
      ["{ getSession as authJsSession }", "{ getServerSession as authJsSession }"],
      "getServerSession",
    ],
  ] as const)("%s: fails with an API renamed", (_name, tsconfig, file, rename, named) => {
    const errors = errorsOf(tsconfig, file, [...rename]);
    expect(
      errors.some((error) => error.includes(named)),
      errors.join("\n"),
    ).toBe(true);
  });
}, 120_000);
