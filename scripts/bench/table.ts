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

const MISSING = '—';

export function ms(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : `${value.toFixed(digits)} ms`;
}

export function times(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : `${value.toFixed(1)}×`;
}

/** Decimal units (1 kB = 1,000 bytes), as the size targets are written. */
export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  if (size >= 1_000_000) return `${sign}${(size / 1_000_000).toFixed(2)} MB`;
  if (size >= 1000) return `${sign}${(size / 1000).toFixed(1)} kB`;
  return `${sign}${size} B`;
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : String(Math.round(value));
}

export function decimal(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : value.toFixed(digits);
}
