import { fold } from './cues.ts';
import type { ColumnRole } from './types.ts';

/** Header words of each column role, folded, tried in order (chủ trì before đơn vị tính). */
const ROLE_PATTERNS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['stt', /^S?TT$/],
  ['lead', /CHU TRI/],
  ['partners', /PHOI HOP/],
  ['unit', /DON VI TINH/],
  ['agencies', /^(CAC )?(CO QUAN|DON VI)\b/],
  ['indicator', /CHI TIEU/],
  ['task', /NHIEM VU|NOI DUNG|CONG VIEC|\bTEN\b|HOAT DONG|GIAI PHAP/],
  ['output', /SAN PHAM|KET QUA/],
  ['deadline', /THOI HAN|THOI GIAN|TIEN DO|THOI DIEM/],
];

/** The role of each header cell; `Kết quả` is the target value in an indicator table. */
export function columnRoles(header: readonly string[]): ColumnRole[] {
  const roles = header.map((h): ColumnRole => {
    const f = fold(h);
    return ROLE_PATTERNS.find(([, re]) => re.test(f))?.[0] ?? 'other';
  });
  // In an indicator table a bare `Đơn vị` is the unit of measure, not an agency.
  if (roles.includes('indicator')) return roles.map((r, k) => (r === 'output' ? 'target' : r === 'agencies' && fold(header[k]!) === 'DON VI' ? 'unit' : r));
  return roles;
}

/** True when a row of cells is a (possibly repeated) header row. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = fold(cells[0] ?? '');
  if (!/^S?TT$/.test(first)) return false;
  return columnRoles(cells).filter((r) => r !== 'other' && r !== 'stt').length >= 2;
}

/** Header column phrases as they appear in one run of PDF text (`TT Tên nhiệm vụ Đơn vị chủ trì …`). */
const PHRASES: ReadonlyArray<RegExp> = [
  /^S?TT\b/,
  /^(TEN NHIEM VU|NHIEM VU|NOI DUNG( CONG VIEC)?|TEN [A-Z ]+?(?= (DON VI|CO QUAN|CHI TIEU|$))|CHI TIEU)\b/,
  /^DON VI TINH\b/,
  /^KET QUA\b/,
  /^(DON VI|CO QUAN) CHU TRI\b/,
  /^(DON VI|CO QUAN) PHOI HOP\b/,
  /^(CO QUAN|DON VI)( THUC HIEN| TRIEN KHAI)?\b/,
  /^SAN PHAM( DAU RA)?\b/,
  /^(THOI GIAN|THOI HAN|TIEN DO)( HOAN THANH| THUC HIEN)?\b/,
];

/**
 * Splits a header printed as one line of text into its column names, using the column
 * phrases of appendix tables. Returns undefined when the line is not such a header.
 */
export function splitHeaderText(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/);
  const folded = words.map(fold);
  const out: string[] = [];
  let i = 0;
  while (i < words.length && out.length <= PHRASES.length) {
    const rest = folded.slice(i).join(' ');
    const re = PHRASES.find((p) => p.test(rest));
    if (!re) return undefined;
    const n = (re.exec(rest)?.[0] ?? '').split(' ').length;
    out.push(words.slice(i, i + n).join(' '));
    i += n;
  }
  return i === words.length && out.length >= 3 && /^S?TT$/.test(fold(out[0] ?? '')) ? out : undefined;
}
