/** Plain-text tables for bench output. */

/** Formats rows as an aligned table; numbers right-aligned with `decimals` places. */
export function formatTable(header: string[], rows: (string | number)[][], decimals = 1): string {
  const cells = [
    header,
    ...rows.map((row) => row.map((c) => (typeof c === 'number' ? c.toFixed(decimals) : c))),
  ];
  const widths = header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const numeric = header.map((_, col) => rows.every((row) => typeof row[col] === 'number'));
  const line = (row: string[]): string =>
    row
      .map((c, col) => (numeric[col] ? c.padStart(widths[col] ?? 0) : c.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}
