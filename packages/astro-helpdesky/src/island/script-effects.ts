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
 */
export function trackScriptEffects(scriptUrl: string): () => void {
  const url = new URL(scriptUrl, document.baseURI);
  const marker = url.origin === location.origin ? `${url.href}:` : `${url.origin}/`;
  const fromScript = () => (new Error().stack ?? "").includes(marker);

  interface Listener {
    target: EventTarget;
    type: string;
    listener: EventListenerOrEventListenerObject;
    capture: boolean;
  }
  const listeners: Listener[] = [];
  // The browser's timer functions, without the overloads Node's types add to them.
  type SetTimer = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
  type ClearTimer = (id?: number) => void;
  const timers = window as unknown as {
    setTimeout: SetTimer;
    clearTimeout: ClearTimer;
    setInterval: SetTimer;
    clearInterval: ClearTimer;
  };
  const original = {
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
  };
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const frames = new Set<number>();
  let active = true;

  const captureOf = (options: boolean | EventListenerOptions | undefined) =>
    typeof options === "boolean" ? options : Boolean(options?.capture);

  const patched = {
    addEventListener: function (this: EventTarget, type, listener, options) {
      original.addEventListener.call(this, type, listener, options);
      if (active && listener && fromScript())
        listeners.push({ target: this, type, listener, capture: captureOf(options) });
    } as typeof EventTarget.prototype.addEventListener,
    removeEventListener: function (this: EventTarget, type, listener, options) {
      original.removeEventListener.call(this, type, listener, options);
      const capture = captureOf(options);
      const index = listeners.findIndex(
        (entry) =>
          entry.target === this &&
          entry.type === type &&
          entry.listener === listener &&
          entry.capture === capture,
      );
      if (index !== -1) listeners.splice(index, 1);
    } as typeof EventTarget.prototype.removeEventListener,
    setTimeout: ((handler, timeout, ...rest) => {
      if (!active || typeof handler !== "function" || !fromScript())
        return original.setTimeout.call(window, handler, timeout, ...rest);
      const id = original.setTimeout.call(
        window,
        (...args: unknown[]) => {
          timeouts.delete(id);
          (handler as (...args: unknown[]) => void)(...args);
        },
        timeout,
        ...rest,
      );
      timeouts.add(id);
      return id;
    }) as SetTimer,
    clearTimeout: ((id) => {
      if (id !== undefined) timeouts.delete(id);
      original.clearTimeout.call(window, id);
    }) as ClearTimer,
    setInterval: ((handler, timeout, ...rest) => {
      const id = original.setInterval.call(window, handler, timeout, ...rest);
      if (active && fromScript()) intervals.add(id);
      return id;
    }) as SetTimer,
    clearInterval: ((id) => {
      if (id !== undefined) intervals.delete(id);
      original.clearInterval.call(window, id);
    }) as ClearTimer,
    requestAnimationFrame: ((callback: FrameRequestCallback) => {
      if (!active || !fromScript()) return original.requestAnimationFrame.call(window, callback);
      const id = original.requestAnimationFrame.call(window, (time) => {
        frames.delete(id);
        callback(time);
      });
      frames.add(id);
      return id;
    }) as typeof window.requestAnimationFrame,
    cancelAnimationFrame: ((id: number) => {
      frames.delete(id);
      original.cancelAnimationFrame.call(window, id);
    }) as typeof window.cancelAnimationFrame,
  };

  EventTarget.prototype.addEventListener = patched.addEventListener;
  EventTarget.prototype.removeEventListener = patched.removeEventListener;
  timers.setTimeout = patched.setTimeout;
  timers.clearTimeout = patched.clearTimeout;
  timers.setInterval = patched.setInterval;
  timers.clearInterval = patched.clearInterval;
  window.requestAnimationFrame = patched.requestAnimationFrame;
  window.cancelAnimationFrame = patched.cancelAnimationFrame;

  return () => {
    if (!active) return;
    active = false;
    // Put back only what is still ours: code that wrapped these after us keeps its wrapper, and
    // ours, inactive now, passes every call through.
    const prototype = EventTarget.prototype;
    if (prototype.addEventListener === patched.addEventListener)
      prototype.addEventListener = original.addEventListener;
    if (prototype.removeEventListener === patched.removeEventListener)
      prototype.removeEventListener = original.removeEventListener;
    if (timers.setTimeout === patched.setTimeout) timers.setTimeout = original.setTimeout;
    if (timers.clearTimeout === patched.clearTimeout) timers.clearTimeout = original.clearTimeout;
    if (timers.setInterval === patched.setInterval) timers.setInterval = original.setInterval;
    if (timers.clearInterval === patched.clearInterval)
      timers.clearInterval = original.clearInterval;
    if (window.requestAnimationFrame === patched.requestAnimationFrame)
      window.requestAnimationFrame = original.requestAnimationFrame;
    if (window.cancelAnimationFrame === patched.cancelAnimationFrame)
      window.cancelAnimationFrame = original.cancelAnimationFrame;

    for (const { target, type, listener, capture } of listeners.splice(0))
      original.removeEventListener.call(target, type, listener, capture);
    for (const id of timeouts) original.clearTimeout.call(window, id);
    for (const id of intervals) original.clearInterval.call(window, id);
    for (const id of frames) original.cancelAnimationFrame.call(window, id);
    timeouts.clear();
    intervals.clear();
    frames.clear();
  };
}
