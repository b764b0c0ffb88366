/**
 * Agency names found in clean text. Vietnamese names capitalise the first syllable of each
 * word (Bộ Khoa học và Công nghệ), so a name is a head noun (Bộ, Sở, Ủy ban nhân dân, …)
 * followed by capitalised words, each with at most two lower-case syllables after it,
 * joined by spaces, "và" or a dash.
 */
const HEADS = [
  'Bộ', 'Sở', 'Ủy ban nhân dân', 'UBND', 'Văn phòng', 'Trung tâm', 'Cục', 'Vụ', 'Ban', 'Công an', 'Thanh tra',
  'Viện', 'Tòa án nhân dân', 'Kiểm toán', 'Ngân hàng', 'Kho bạc', 'Hội đồng', 'Học viện', 'Đài', 'Tổng cục',
];

const CAP = '\\p{Lu}\\p{Ll}*';
const LOW = '(?!và(?!\\p{L}))\\p{Ll}+';
const WORD = `${CAP}(?: ${LOW}){0,3}`;
const NAME = new RegExp(`(?<![\\p{L}])(?:${HEADS.join('|')})(?: ${WORD}(?:(?: và| -) ${WORD})*)`, 'gu');

/** Trailing lower-case syllables that are verbs or particles, not part of a name. */
const NOT_NAME_TAIL = /(?: (?:chủ|trì|phối|hợp|và|các|của|có|là|được|về|theo|tại|với|để|trong|thực|hiện|ban|hành|quản|lý|xây|dựng|triển|khai|liên|quan|thuộc|trực))+$/u;

/** Distinct agency names seen at least twice, most frequent first, then alphabetically. */
export function extractAgencies(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.normalize('NFC').matchAll(NAME)) {
      const name = m[0].replace(NOT_NAME_TAIL, '');
      if (name.split(' ').length < 2) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
}
