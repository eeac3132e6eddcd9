type Tree = { [key: string]: string | Tree };

function textsOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === "string" ? [value] : textsOf(value),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A test for "this text is written in these messages": a text node passes when it is made of
 * pieces of the messages only (a message, or the part of one before or after an element such as a
 * link), with any `{value}` standing for some text, and `extra` texts (data such as the user's
 * email) allowed beside them.
 */
export function writtenIn(messages: Tree, extra: string[] = []): (text: string) => boolean {
  const pieces = textsOf(messages)
    .flatMap((template) => template.split(/\{(?:link|email)\}/))
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) =>
      piece
        .split(/\{[A-Za-z]+\}/)
        .map(escape)
        .join(".+?"),
    );
  const alternatives = [...pieces, ...extra.map(escape)].sort((a, b) => b.length - a.length);
  const whole = new RegExp(`^(?:\\s*(?:${alternatives.join("|")})[\\s,.]*)+$`, "u");
  return (text) => whole.test(text);
}
