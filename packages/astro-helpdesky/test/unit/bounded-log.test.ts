import { describe, expect, test } from "vitest";
import { createBoundedLog } from "../../src/bounded-log.ts";

function logAt(clock: { now: number }) {
  const lines: string[] = [];
  const log = createBoundedLog(
    (line) => lines.push(line),
    () => clock.now,
  );
  return { lines, log };
}

describe("createBoundedLog", () => {
  test("a cause met by every request is written once a minute, with how often it recurred", () => {
    const clock = { now: 0 };
    const { lines, log } = logAt(clock);
    for (let i = 0; i < 500; i++) log("down", "The store is down.");
    expect(lines).toEqual(["The store is down."]);

    clock.now = 59_999;
    log("down", "The store is down.");
    expect(lines).toHaveLength(1);

    clock.now = 60_000;
    log("down", "The store is down.");
    expect(lines).toEqual([
      "The store is down.",
      "The store is down. (500 more times since it was last logged)",
    ]);
  });

  test("causes that differ per request write ten lines a minute, then say so once", () => {
    const clock = { now: 0 };
    const { lines, log } = logAt(clock);
    for (let i = 0; i < 1_000; i++) log(`cause ${i}`, `Failure ${i}`);
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `Failure ${i}`));
    expect(lines[10]).toMatch(/^10 failures logged this minute; the next ones are not\.$/);

    clock.now = 60_000;
    log("another", "Another failure");
    expect(lines.at(-1)).toBe("Another failure");
  });
});
