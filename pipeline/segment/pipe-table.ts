/**
 * Markdown pipe tables (GitHub-flavoured), as document converters export Word and PDF tables:
 * a row of cells, a delimiter row (`|---|:---:|`), then one line per row. A cell's own line
 * breaks are written `<br>`, and a literal pipe `\|`.
 */

/** A pipe (`|`) not escaped by a backslash. */
const PIPE = /(?<!\\)\|/;
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/** The cells of a line written as a pipe-table row (`| a | b |`), or undefined when it is none. */
function pipeRowCells(line: string): string[] | undefined {
  let body = line.trim();
  if (!PIPE.test(body)) return undefined;
  if (body.startsWith('|')) body = body.slice(1);
  if (/(?<!\\)\|$/.test(body)) body = body.slice(0, -1);
  return body.split(PIPE).map((c) => c.replace(/\\\|/g, '|').trim());
}

/** True for a table's delimiter row: cells of dashes, with colons for alignment. */
function isDelimiterRow(line: string): boolean {
  const cells = pipeRowCells(line);
  return cells !== undefined && cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c));
}

/** How a line of text takes part in a pipe table. */
export type PipeLine = { kind: 'row'; cells: string[] } | { kind: 'delimiter' };

/**
 * For each of a run of consecutive lines, its part in a pipe table, or undefined outside one.
 * A table is a row directly followed by a delimiter row of as many cells; it goes on while
 * lines are rows. The delimiter row is what tells a table from text that merely holds pipes
 * (OCR reads column rules and specks as `|`).
 */
export function pipeTableLines(lines: readonly string[]): (PipeLine | undefined)[] {
  const out: (PipeLine | undefined)[] = lines.map(() => undefined);
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = pipeRowCells(lines[i]!);
    if (!head || !isDelimiterRow(lines[i + 1]!) || pipeRowCells(lines[i + 1]!)!.length !== head.length) continue;
    out[i] = { kind: 'row', cells: head };
    out[i + 1] = { kind: 'delimiter' };
    let k = i + 2;
    for (; k < lines.length; k++) {
      const cells = pipeRowCells(lines[k]!);
      if (!cells) break;
      out[k] = isDelimiterRow(lines[k]!) ? { kind: 'delimiter' } : { kind: 'row', cells };
    }
    i = k - 1;
  }
  return out;
}
