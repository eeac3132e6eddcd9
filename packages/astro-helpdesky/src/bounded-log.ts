/** How long a cause, once logged, is counted instead of logged again. */
const WINDOW_MS = 60_000;
/** Lines in one window, all causes together: causes that differ per request cannot flood the log. */
const MAX_LINES_PER_WINDOW = 10;
/** Causes remembered at once; the oldest is forgotten first. */
const MAX_CAUSES = 100;

/** Writes `line` for `cause`, unless that cause was written in the last minute or the log is full. */
export type BoundedLog = (cause: string, line: string) => void;

/**
 * A log for failures every request may meet, and every retry repeats: each cause is written once
 * a minute at most (with how often it recurred meanwhile), and at most ten lines a minute in all.
 */
export function createBoundedLog(
  write: (line: string) => void,
  now: () => number = Date.now,
): BoundedLog {
  const causes = new Map<string, { loggedAt: number; repeats: number }>();
  let windowStart = -Infinity;
  let lines = 0;
  return (cause, line) => {
    const time = now();
    if (time - windowStart >= WINDOW_MS) {
      windowStart = time;
      lines = 0;
    }
    const known = causes.get(cause);
    if (known && time - known.loggedAt < WINDOW_MS) {
      known.repeats++;
      return;
    }
    if (lines >= MAX_LINES_PER_WINDOW) {
      if (lines++ === MAX_LINES_PER_WINDOW)
        write(`${MAX_LINES_PER_WINDOW} failures logged this minute; the next ones are not.`);
      return;
    }
    lines++;
    write(known?.repeats ? `${line} (${known.repeats} more times since it was last logged)` : line);
    causes.delete(cause);
    causes.set(cause, { loggedAt: time, repeats: 0 });
    if (causes.size > MAX_CAUSES) causes.delete(causes.keys().next().value!);
  };
}
