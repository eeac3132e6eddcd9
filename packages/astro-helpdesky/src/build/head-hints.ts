/**
 * Moves the Ticket Center's resource hints into `<head>`. `<TicketCenter />` renders them where it
 * stands, in the body, because a component cannot write into the page's head; there a preload
 * still works, but the browser meets it only after the header's markup. Astro has no API for a
 * component to add to `<head>`, so the build edits the written page, as it does for the boot module.
 */
// The attribute itself, not one whose name merely starts with it (`data-hdh-hint-x`): a link, or
// the inline script that stands for the token's preload when the site gives a signed-in hint.
const HINT =
  /<link\b[^>]*\sdata-hdh-hint(?=[\s=/>])[^>]*>|<script\b[^>]*\sdata-hdh-hint(?=[\s=/>])[^>]*>[^<]*<\/script>/g;
const HEAD_OPEN = /<head\b[^>]*>/i;
const CHARSET = /<meta\b[^>]*\scharset\b[^>]*>/i;

/**
 * `html` with each hint found after `</head>` moved to the start of the head (after the charset
 * declaration, which must come first). A hint the head already holds is dropped from the body.
 * A page without a head is returned unchanged.
 */
export function hoistHeadHints(html: string): string {
  const headOpen = HEAD_OPEN.exec(html);
  const headEnd = html.indexOf("</head>");
  if (!headOpen || headEnd === -1) return html;
  const head = html.slice(0, headEnd);
  let rest = html.slice(headEnd);
  const hints = [...rest.matchAll(HINT)].map((match) => match[0]);
  if (hints.length === 0) return html;
  for (const hint of hints) rest = rest.replace(hint, "");
  const moving = [...new Set(hints)].filter((hint) => !head.includes(hint));
  const charset = CHARSET.exec(head);
  const at =
    charset && charset.index > headOpen.index
      ? charset.index + charset[0].length
      : headOpen.index + headOpen[0].length;
  return head.slice(0, at) + moving.join("") + head.slice(at) + rest;
}
