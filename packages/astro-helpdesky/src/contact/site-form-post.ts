import { formPostResult as resultIn, type FormPostResult } from "./form-post.ts";
import type { FieldTexts } from "./fields.ts";
import { contactTexts } from "./site-texts.ts";
import type { ContactOutcome } from "./submission.ts";

/**
 * What the site's no-JS form page renders for an outcome (see form-post.ts), worded in the site's
 * messages unless `texts` says otherwise.
 */
export function formPostResult(
  outcome: ContactOutcome,
  texts: FieldTexts = contactTexts,
): FormPostResult {
  return resultIn(outcome, texts);
}
