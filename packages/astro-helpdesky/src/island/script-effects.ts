/**
 * Records the event listeners and timers that Helpdesky's script registers, so that taking the
 * Ticket Center down ends them as leaving the page would. With Astro's client router the page
 * stays, and so would a third-party script's window listeners and polling timers, one more set per
 * visit to the support page.
 *
 * A call is the script's when its stack holds a frame of the script's file (and, for a script
 * from another origin, of any file of that origin, as its chunks are). What it registers through
 * `on…` properties, or from callbacks whose stack holds none of its frames, is not seen.
 */
export function trackScriptEffects(scriptUrl: string): () => void {
  const url = new URL(scriptUrl, document.baseURI);
  const marker = url.origin === location.origin ? `${url.href}:` : `${url.origin}/`;
  const fromScript = () => (new Error().stack ?? "").includes(marker);

  const listeners: {
    target: EventTarget;
    type: string;
    listener: EventListenerOrEventListenerObject;
    capture: boolean;
  }[] = [];
  const original = {
    addEventListener: EventTarget.prototype.addEventListener,
    setTimeout: window.setTimeout,
    setInterval: window.setInterval,
    requestAnimationFrame: window.requestAnimationFrame,
  };
  const timeouts = new Set<ReturnType<typeof original.setTimeout>>();
  const intervals = new Set<ReturnType<typeof original.setInterval>>();
  const frames = new Set<number>();
  let active = true;

  const addEventListener: typeof EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type,
    listener,
    options,
  ) {
    original.addEventListener.call(this, type, listener, options);
    if (!active || !listener || !fromScript()) return;
    const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
    listeners.push({ target: this, type, listener, capture });
  };
  const setTimeoutTracked = ((...args: Parameters<typeof window.setTimeout>) => {
    const id = original.setTimeout.apply(window, args);
    if (active && fromScript()) timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  const setIntervalTracked = ((...args: Parameters<typeof window.setInterval>) => {
    const id = original.setInterval.apply(window, args);
    if (active && fromScript()) intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  const requestAnimationFrameTracked: typeof window.requestAnimationFrame = (callback) => {
    const id = original.requestAnimationFrame.call(window, callback);
    if (active && fromScript()) frames.add(id);
    return id;
  };

  EventTarget.prototype.addEventListener = addEventListener;
  window.setTimeout = setTimeoutTracked;
  window.setInterval = setIntervalTracked;
  window.requestAnimationFrame = requestAnimationFrameTracked;

  return () => {
    if (!active) return;
    active = false;
    // Put back only what is still ours: code that wrapped these after us keeps its wrapper, and
    // ours, inactive now, passes every call through.
    if (EventTarget.prototype.addEventListener === addEventListener)
      EventTarget.prototype.addEventListener = original.addEventListener;
    if (window.setTimeout === setTimeoutTracked) window.setTimeout = original.setTimeout;
    if (window.setInterval === setIntervalTracked) window.setInterval = original.setInterval;
    if (window.requestAnimationFrame === requestAnimationFrameTracked)
      window.requestAnimationFrame = original.requestAnimationFrame;

    for (const { target, type, listener, capture } of listeners.splice(0))
      target.removeEventListener(type, listener, capture);
    for (const id of timeouts) clearTimeout(id);
    for (const id of intervals) clearInterval(id);
    for (const id of frames) cancelAnimationFrame(id);
    timeouts.clear();
    intervals.clear();
    frames.clear();
  };
}
