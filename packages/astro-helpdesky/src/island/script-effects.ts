/**
 * Records the event listeners and timers that Helpdesky's script registers, so that taking the
 * Ticket Center down ends them as leaving the page would. With Astro's client router the page
 * stays, and so would a third-party script's window listeners and polling timers, one more set per
 * visit to the support page.
 *
 * A call is the script's when its stack holds a frame of the script's file (and, for a script
 * from another origin, of any file of that origin, as its chunks are). What it registers through
 * `on…` properties, or from callbacks whose stack holds none of its frames, is not seen. Only what
 * is still pending is kept: a timer that fired, or a listener the script removed, is forgotten.
 *
 * Every visitor of the support page downloads this, so the timer kinds share one table-driven
 * wrapper rather than three hand-written ones.
 */
export function trackScriptEffects(scriptUrl: string): () => void {
  const url = new URL(scriptUrl, document.baseURI);
  const marker = url.origin === location.origin ? `${url.href}:` : `${url.origin}/`;
  const fromScript = () => (new Error().stack ?? "").includes(marker);
  let active = true;
  /** Puts back each global we replaced, unless code that wrapped it after us still holds it. */
  const restores: (() => void)[] = [];
  /** Ends what the script left pending, with the browser's own functions. */
  const endings: (() => void)[] = [];

  // Replaced by name and called with what the page passed: the browser checks the arguments.
  type Fn = (this: unknown, ...args: unknown[]) => unknown;
  function replace(owner: object, name: string, wrap: (original: Fn) => Fn): Fn {
    const slots = owner as Record<string, Fn>;
    const original = slots[name]!;
    const patched = wrap(original);
    slots[name] = patched;
    restores.push(() => {
      if (slots[name] === patched) slots[name] = original;
    });
    return original;
  }

  type Listener = [target: unknown, type: unknown, listener: unknown, capture: boolean];
  let listeners: Listener[] = [];
  const captureOf = (options: unknown) =>
    typeof options === "boolean" ? options : Boolean((options as EventListenerOptions)?.capture);
  const prototype = EventTarget.prototype;
  const removeListener = replace(
    prototype,
    "removeEventListener",
    (original) =>
      function (type, listener, options) {
        original.call(this, type, listener, options);
        const capture = captureOf(options);
        listeners = listeners.filter(
          ([target, t, l, c]) =>
            !(target === this && t === type && l === listener && c === capture),
        );
      },
  );
  replace(
    prototype,
    "addEventListener",
    (original) =>
      function (type, listener, options) {
        original.call(this, type, listener, options);
        if (active && listener && fromScript())
          listeners.push([this, type, listener, captureOf(options)]);
      },
  );
  endings.push(() => {
    for (const [target, ...rest] of listeners.splice(0)) removeListener.call(target, ...rest);
  });

  // [start, cancel, whether it fires once (then it is forgotten when it fires)]
  const timers = [
    ["setTimeout", "clearTimeout", true],
    ["setInterval", "clearInterval", false],
    ["requestAnimationFrame", "cancelAnimationFrame", true],
  ] as const;
  for (const [start, cancel, once] of timers) {
    const pending = new Set<unknown>();
    const cancelOriginal = replace(
      window,
      cancel,
      (original) =>
        function (id) {
          pending.delete(id);
          return original.call(window, id);
        },
    );
    replace(
      window,
      start,
      (original) =>
        function (handler, ...rest) {
          // A timer that fires once is wrapped to be forgotten when it fires, which needs a
          // function; an interval is kept whatever its handler.
          if (!active || (once && typeof handler !== "function") || !fromScript())
            return original.call(window, handler, ...rest);
          const callback = handler as (...args: unknown[]) => void;
          const id = original.call(
            window,
            once
              ? (...args: unknown[]) => {
                  pending.delete(id);
                  callback(...args);
                }
              : handler,
            ...rest,
          );
          pending.add(id);
          return id;
        },
    );
    endings.push(() => {
      for (const id of pending) cancelOriginal.call(window, id);
      pending.clear();
    });
  }

  return () => {
    if (!active) return;
    active = false;
    // Ours, inactive now, passes every call through where code that wrapped it after us keeps it.
    for (const restore of restores) restore();
    for (const end of endings) end();
  };
}
