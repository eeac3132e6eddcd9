/** How many Contact Forms each page render has drawn so far, keyed by its request. */
const drawn = new WeakMap<object, number>();

/**
 * The id prefix of the next Contact Form of a page render: `contact` for the first, then
 * `contact-2`, `contact-3`…, so that two forms on one page never share an id and each label stays
 * tied to its own field. The same page renders the same ids every time.
 */
export function nextFormIdPrefix(render: object, base = "contact"): string {
  const count = (drawn.get(render) ?? 0) + 1;
  drawn.set(render, count);
  return count === 1 ? base : `${base}-${count}`;
}
