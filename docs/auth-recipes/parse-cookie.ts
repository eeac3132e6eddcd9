// Shim: a recipe copied to src/auth/index.ts imports src/auth/parse-cookie.ts as "./parse-cookie.ts".
export * from "../../src/auth/parse-cookie.ts";
