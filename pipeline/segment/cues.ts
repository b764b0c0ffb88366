/**
 * Line cues of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP thể thức):
 * quốc hiệu, số ký hiệu, địa danh/ngày, loại văn bản, V/v, nơi nhận, thẩm quyền ký, Phụ lục.
 * Cues are matched on a folded form (no diacritics, upper case) so that text whose marks
 * were damaged by OCR and only partly repaired still matches.
 */

/** Upper case without diacritics, đ→D, spaces collapsed: the form cues are matched on. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every letter of the line is upper case and it has at least two letters. */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export const isQuocHieu = (t: string): boolean => /^CONG HOA XA HOI CHU NGHIA VIET NAM\b/.test(fold(t));
export const isMotto = (t: string): boolean => /^DOC LAP\s*[-–]\s*TU DO\b/.test(fold(t));

/**
 * The issuer's words of a line that runs on into the quốc hiệu or the tiêu ngữ (a tight head read
 * as one line: `ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA XÃ HỘI…`, `SỞ Y Độc lập - Tự do…`), or undefined
 * when neither is inside it.
 */
export function beforeNationalHeading(t: string): string | undefined {
  const words = t.trim().split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const rest = words.slice(k).join(' ');
    if (isQuocHieu(rest) || isMotto(rest)) return words.slice(0, k).join(' ');
  }
  return undefined;
}

/**
 * Loại văn bản names as printed in the title line, folded, with their display form: the types of
 * administrative documents (Nghị định 30/2020/NĐ-CP, Điều 7) and of legal normative ones.
 */
const TYPES: ReadonlyArray<[string, string]> = [
  ['QUYET DINH', 'Quyết định'],
  ['KE HOACH', 'Kế hoạch'],
  ['NGHI QUYET', 'Nghị quyết'],
  ['NGHI DINH', 'Nghị định'],
  ['THONG TU', 'Thông tư'],
  ['CHI THI', 'Chỉ thị'],
  ['THONG BAO', 'Thông báo'],
  ['BAO CAO', 'Báo cáo'],
  ['TO TRINH', 'Tờ trình'],
  ['CHUONG TRINH', 'Chương trình'],
  ['DE AN', 'Đề án'],
  ['HUONG DAN', 'Hướng dẫn'],
  ['QUY CHE', 'Quy chế'],
  ['QUY DINH', 'Quy định'],
  ['CONG DIEN', 'Công điện'],
  ['LUAT', 'Luật'],
  ['THONG CAO', 'Thông cáo'],
  ['PHUONG AN', 'Phương án'],
  ['DU AN', 'Dự án'],
  ['BIEN BAN', 'Biên bản'],
  ['HOP DONG', 'Hợp đồng'],
  ['BAN GHI NHO', 'Bản ghi nhớ'],
  ['BAN THOA THUAN', 'Bản thỏa thuận'],
  ['GIAY UY QUYEN', 'Giấy ủy quyền'],
  ['GIAY MOI', 'Giấy mời'],
  ['GIAY GIOI THIEU', 'Giấy giới thiệu'],
  ['PHIEU GUI', 'Phiếu gửi'],
  ['PHIEU CHUYEN', 'Phiếu chuyển'],
  ['PHIEU BAO', 'Phiếu báo'],
  ['THU CONG', 'Thư công'],
];

/** The document type when the line is a standalone type title (`QUYẾT ĐỊNH`, not `QUYẾT ĐỊNH:`). */
export function typeTitle(text: string): string | undefined {
  if (!isAllCaps(text)) return undefined;
  const f = fold(text);
  return TYPES.find(([k]) => f === k)?.[1];
}

/** The enacting formula that opens the operative part (`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:`). */
export const isEnacting = (t: string): boolean => /^(QUYET DINH|QUYET NGHI|NGHI QUYET|BAN HANH)\s*:$/.test(fold(t));

/**
 * `Số: 350/QĐ-TTg` → number and symbol (ký hiệu), plus whatever follows on the same line. A legal
 * normative document puts its year between them (`45/2026/NĐ-CP`): it stays in the number.
 */
export function numberLine(text: string): { number: string; symbol: string; rest: string } | undefined {
  const m = /^S[ốoó6]\s*:\s*(\d*)\s*\/\s*(?:((?:19|20)\d{2})\s*\/\s*)?([\p{L}\d][\p{L}\d.\-–]*)\s*(.*)$/u.exec(text.trim());
  if (!m) return undefined;
  const num = m[1] ?? '';
  const year = m[2] ? `${m[2]}/` : '';
  const symbol = (m[3] ?? '').replace(/[.–]+$/u, '');
  return { number: num ? `${num}/${year}${symbol}` : '', symbol, rest: m[4] ?? '' };
}

/**
 * The ISO date of `ngày 26 tháng 02 năm 2026` or `ngày 26/02/2026` at the start of `text`,
 * partial (`2026-02`, `2026`) when the day or month is left blank, as drafts and copies do.
 */
export function vietnameseDate(text: string): string | undefined {
  const m = /^ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})?\s*năm|\/\s*(\d{1,2})?\s*\/)\s*(\d{4})/u.exec(text);
  if (!m) return undefined;
  const [, d, month, shortMonth, y = ''] = m;
  const mo = month ?? shortMonth;
  const pad = (s: string) => s.padStart(2, '0');
  return mo ? (d ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`) : y;
}

/** `Hà Nội, ngày 26 tháng 02 năm 2026` → place and ISO date (see {@link vietnameseDate}). */
export function placeDate(text: string): { place: string; date: string } | undefined {
  for (const m of text.matchAll(/(?:^|\s)(\p{Lu}[\p{L} .'-]{0,40}?)\s*,\s*(?=ngày)/gu)) {
    const date = vietnameseDate(text.slice(m.index + m[0].length));
    if (date) return { place: m[1]!.trim(), date };
  }
  return undefined;
}

export const isVv = (t: string): boolean => /^V\s*\/\s*V\b/i.test(t.trim());
export const isKinhGui = (t: string): boolean => /^KINH GUI\s*:?/.test(fold(t));
export const isNoiNhan = (t: string): boolean => /^NOI NHAN\s*:?/.test(fold(t));

/**
 * What follows a two-word label on its line (`Kính gửi:`, `Nơi nhận:`): its colon may be doubled
 * or missing in OCR text (`Nơi nhận::`), and neither is part of what follows.
 */
export const afterLabel = (t: string): string => t.trim().replace(/^\S+\s+[^\s:]+[\s:]*/u, '');
/** True when a line ends a clause or a sentence (`;`, `.`, `:`): what a căn cứ, a body paragraph or a list item ends with, and a trích yếu never does. */
export const endsClause = (t: string): boolean => /[.:;]$/.test(t);
export const isBasis = (t: string): boolean => /^(CAN CU|THEO DE NGHI|XET DE NGHI|THEO DE XUAT)\b/.test(fold(t));

/** `TM. ỦY BAN NHÂN DÂN`, `KT. BỘ TRƯỞNG`, `TL. CHỦ TỊCH`, `TUQ.`, `Q.`: a delegation line of the signature. */
export const isAuthority = (t: string): boolean => /^(TM|KT|TL|TUQ|Q)\s*\.\s*\S/.test(fold(t)) && isAllCaps(t);

/** `Phụ lục`, `PHỤ LỤC II`, `Phụ lục:` on a line of its own. */
export function appendixLabel(text: string): { label: string; number: string } | undefined {
  const m = /^PHU LUC(?:\s+(?:SO\s+)?([IVXLC]+|\d+))?\s*[:.]?$/.exec(fold(text));
  if (!m) return undefined;
  const number = m[1] ?? '';
  return { label: number ? `Phụ lục ${number}` : 'Phụ lục', number };
}

/** `(Kèm theo Quyết định số … của …)` → the text inside the parentheses. */
export function attachedToText(text: string): string | undefined {
  const m = /^\(?\s*(K[eèé]m theo\b.*?)\)?\s*$/iu.exec(text.trim());
  return m && /^KEM THEO\b/.test(fold(m[1] ?? '')) ? (m[1] ?? '').replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * What a signature may print before the signer's name: academic and professional titles (`TS.`,
 * `PGS.TS.`, `ThS.`, `BS.`, `KS.`, `NGƯT.`) and military or police ranks (`Đại tá`, `Thiếu tướng`).
 */
const HONORIFIC = /^(?:(?:(?:GS|PGS|TSKH|TS|ThS|BSCKI{1,2}|BS|DS|KS|KTS|CN|LS|NGND|NGƯT|NSND|NSƯT)\.\s*)+|(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)\s+)/u;

/** A signer's name as printed, without the title or rank before it (`TS. Phan Minh Đức` → `Phan Minh Đức`). */
export function withoutHonorific(text: string): string {
  return text.trim().replace(HONORIFIC, '');
}

/** A signer's name: 2–6 capitalised words, no digits or punctuation, after a title or rank if any. */
export function isPersonName(text: string): boolean {
  const words = withoutHonorific(text).split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
}

