/** Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned. */

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  // A column of figures (every cell starts with a digit, a sign or the missing mark) aligns right.
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => /^[-\d—]/.test(row[column] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

/** `format(value)`, or — for what was not measured. */
const shown = (format: (value: number) => string) => (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : format(value));

export const ms = (value: number | null | undefined, digits = 1) => shown((measured) => `${measured.toFixed(digits)} ms`)(value);
export const times = shown((value) => `${value.toFixed(1)}×`);
export const count = shown((value) => String(Math.round(value)));
export const decimal = (value: number | null | undefined, digits = 3) => shown((measured) => measured.toFixed(digits))(value);

/** Decimal units (1 kB = 1,000 bytes), as the size targets are written. */
export const bytes = shown((value) => {
  const size = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (size >= 1_000_000) return `${sign}${(size / 1_000_000).toFixed(2)} MB`;
  return size >= 1000 ? `${sign}${(size / 1000).toFixed(1)} kB` : `${sign}${size} B`;
});
