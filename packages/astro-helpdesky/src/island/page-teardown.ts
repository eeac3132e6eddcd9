/** Marks the island's own nodes inside the container, so a teardown never removes them. */
export const ISLAND_OWNED_ATTRIBUTE = "data-hdh-island-owned";

/** Keys with this prefix belong to Helpdesky, whoever wrote them: a teardown always clears them. */
const HELPDESKY_STORAGE_PREFIX = "hdh";

function storages(): Storage[] {
  const found: Storage[] = [];
  for (const name of ["localStorage", "sessionStorage"] as const) {
    try {
      found.push(window[name]);
    } catch {
      // Storage can be disabled; then there is nothing of ours in it either.
    }
  }
  return found;
}

function keysOf(storage: Storage): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.add(key);
  }
  return keys;
}

function isSiteIsland(node: Node): boolean {
  return (
    node instanceof Element &&
    (node.localName === "astro-island" || node.querySelector("astro-island") !== null)
  );
}

/** Removes every key a Helpdesky script may have left, for instance by a previous user of this browser. */
export function clearHelpdeskyStorage(): void {
  for (const storage of storages()) {
    for (const key of keysOf(storage)) {
      if (key.startsWith(HELPDESKY_STORAGE_PREFIX)) storage.removeItem(key);
    }
  }
}

/**
 * Starts recording what a third-party script adds to the page: nodes in `container` and direct
 * children of `<head>` and `<body>`, and browser storage keys. The returned function removes all
 * of it.
 */
export function trackPageAdditions(container: HTMLElement): () => void {
  const storageBefore = new Map(storages().map((storage) => [storage, keysOf(storage)]));
  const added = new Set<Node>();
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => added.add(node));
  });
  observer.observe(document.head, { childList: true });
  observer.observe(document.body, { childList: true });
  const stopRecording = () => {
    for (const record of observer.takeRecords())
      record.addedNodes.forEach((node) => added.add(node));
    observer.disconnect();
  };
  // Astro's client router is about to put the next page's <head> elements in: they are not the
  // script's, and removing them would take the router's own markers and the page's styles.
  document.addEventListener("astro:before-swap", stopRecording, { once: true });

  return () => {
    document.removeEventListener("astro:before-swap", stopRecording);
    stopRecording();
    // Nothing the island renders is a direct child of <head> or <body>: React roots live deeper.
    // Other islands of the site are never the script's, wherever they were added; nor is what
    // holds the container (a script started before the island's React root was added).
    for (const node of added) {
      if (
        !node.isConnected ||
        container.contains(node) ||
        node.contains(container) ||
        isSiteIsland(node)
      )
        continue;
      node.parentNode?.removeChild(node);
    }
    for (const child of Array.from(container.childNodes)) {
      if (!(child instanceof Element && child.hasAttribute(ISLAND_OWNED_ATTRIBUTE))) child.remove();
    }
    for (const [storage, before] of storageBefore) {
      for (const key of keysOf(storage)) {
        if (!before.has(key)) storage.removeItem(key);
      }
    }
    clearHelpdeskyStorage();
  };
}
