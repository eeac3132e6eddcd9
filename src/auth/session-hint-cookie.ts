/**
 * A cookie that says only "someone is signed in", for the static pages' header.
 *
 * Prerendered pages are the same for everybody and ask no server per view, so their header cannot
 * ask who is signed in. The session cookie is HttpOnly, rightly, so the header's script cannot
 * read it either. This second cookie holds no identity (its value is always "1"): a page script
 * that reads it learns nothing worth stealing. It is set and cleared with the session, and every
 * on-demand request corrects it (`syncSessionHint` in session-hint.ts).
 */
export const SESSION_HINT_COOKIE = "signed_in";
