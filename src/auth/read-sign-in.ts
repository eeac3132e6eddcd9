import { BodyAbortedError, BodyTooLargeError, readLimitedForm } from "astro-helpdesky/utils";

/** The sign-in form holds an email (at most 320 characters) and a `next` path: a few KB at most. */
export const MAX_SIGN_IN_BODY_BYTES = 8 * 1024;

export type SignInPost =
  | { kind: "form"; email: string; next: string | undefined }
  | { kind: "too_large" }
  /** The client left before its body arrived, or sent something that is not a form. */
  | { kind: "unreadable" };

/** The demo sign-in's POST, read within `MAX_SIGN_IN_BODY_BYTES`. */
export async function readSignInPost(request: Request): Promise<SignInPost> {
  let form: URLSearchParams | FormData | null;
  try {
    form = await readLimitedForm(request, MAX_SIGN_IN_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { kind: "too_large" };
    if (error instanceof BodyAbortedError) return { kind: "unreadable" };
    throw error;
  }
  if (!form) return { kind: "unreadable" };
  const email = form.get("email");
  const next = form.get("next");
  return {
    kind: "form",
    email: typeof email === "string" ? email : "",
    next: typeof next === "string" ? next : undefined,
  };
}
