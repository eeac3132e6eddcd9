/** The median of a non-empty list of numbers. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** value / baseline, or NaN when the baseline is zero or missing. */
export function ratio(value: number, baseline: number): number {
  return baseline ? value / baseline : Number.NaN;
}

/** A number for a table cell: fixed decimals, "n/a" for NaN. */
export function fmt(value: number, decimals = 0): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : "n/a";
}

/** A ratio for a table cell, like "0.93×". */
export function fmtRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a";
}

/** Bytes as KiB (1 KiB = 1,024 bytes) with one decimal. */
export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
