import { afterAll, beforeAll, describe, expect, test } from "vitest";

// The Lucia-style recipe needs no service, so it runs here as well as type-checking: sessions in an
// in-memory SQLite database, looked up on every request.
process.env.AUTH_DB_PATH = ":memory:";
const recipe = await import("../../docs/auth-recipes/lucia-style.ts");

const request = (token?: string) =>
  new Request("https://site.example/api/helpdesky-token", {
    headers: token ? { Cookie: `other=1; session=${token}` } : {},
  });

beforeAll(() => {
  const insert = recipe
    .database()
    .prepare("INSERT INTO user (id, email, email_verified) VALUES (?, ?, ?)");
  insert.run("u1", "Ada@Example.com", 1);
  insert.run("u2", "eve@example.com", 0);
});
afterAll(() => recipe.database().close());

describe("the Lucia-style auth recipe", () => {
  test("returns a verified user's email exactly as stored, and only the token's hash is kept", async () => {
    const { token } = recipe.createSession("u1");
    expect(await recipe.getSession(request(token))).toEqual({
      user: { email: "Ada@Example.com" },
      demo: false,
    });
    const ids = recipe.database().prepare("SELECT id FROM session").all() as { id: string }[];
    expect(ids.map((row) => row.id)).not.toContain(token);
  });

  test("returns null for an unverified user, an unknown token and no cookie", async () => {
    expect(await recipe.getSession(request(recipe.createSession("u2").token))).toBeNull();
    expect(await recipe.getSession(request("not-a-session"))).toBeNull();
    expect(await recipe.getSession(request())).toBeNull();
  });

  test("invalidateSession revokes at once, and an expired session is refused", async () => {
    const { token } = recipe.createSession("u1");
    recipe.invalidateSession(token);
    expect(await recipe.getSession(request(token))).toBeNull();
    const later = recipe.createSession("u1");
    expect(recipe.validateSessionToken(later.token, later.expiresAt.getTime())).toBeNull();
  });
});
