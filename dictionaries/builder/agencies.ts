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

const CAP = '(?:\\p{Lu}\\p{Ll}*|\\p{Lu}{2,})(?!\\p{L})';
const LOW = '(?!và(?!\\p{L}))\\p{Ll}+';
const WORD = `${CAP}(?: ${LOW}){0,3}`;
const NAME = new RegExp(`(?<![\\p{L}])(?:${HEADS.join('|')})(?: ${WORD}(?:(?: và| -) ${WORD})*)`, 'gu');

/** Function words that end a name: what follows them is the sentence, not the name. */
const ENDING_WORDS = new Set(['và', 'các', 'của', 'là', 'được', 'về', 'theo', 'tại', 'với', 'để', 'trong', 'thuộc', 'đã', 'sẽ', 'đang', 'cho', 'từ', 'đến', 'nhằm']);
/**
 * Verbs that end a name when written in lower case (`Sở Nội vụ xây dựng`); a name's own words
 * capitalise their first syllable (`Sở Xây dựng`, `Ban Quản lý`), so only the whole verb in lower
 * case ends it.
 */
const ENDING_VERBS = new Set([
  'chủ trì', 'phối hợp', 'thực hiện', 'ban hành', 'quản lý', 'xây dựng', 'triển khai', 'liên quan', 'trực thuộc', 'bảo đảm',
  'tổng hợp', 'thẩm định', 'chỉ đạo', 'tham mưu', 'hướng dẫn', 'kiểm tra', 'theo dõi', 'đôn đốc', 'tổ chức', 'báo cáo', 'đề xuất',
  'phê duyệt', 'rà soát',
]);

/** A matched name cut before its first lower-case function word or verb, and trailing "và"/dash dropped. */
function trimName(match: string): string {
  const words = match.split(' ');
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'và' && /^\p{Lu}/u.test(words[i + 1] ?? '')) continue;
    if (ENDING_WORDS.has(w) || ENDING_VERBS.has(`${w} ${words[i + 1]}`)) {
      end = i;
      break;
    }
  }
  while (end > 1 && (words[end - 1] === 'và' || words[end - 1] === '-')) end--;
  return words.slice(0, end).join(' ');
}

/** Distinct agency names seen at least twice and not cut short, most frequent first, then alphabetically. */
export function extractAgencies(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.normalize('NFC').matchAll(NAME)) {
      const name = trimName(m[0]);
      if (name.split(' ').length < 2) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const names = [...counts.keys()].filter((n) => counts.get(n)! >= 2);
  // A name that another listed name extends is that name cut short (by a line break, mostly).
  const cutShort = (n: string): boolean => names.some((m) => m.startsWith(`${n} `));
  return [...counts]
    .filter(([n, c]) => c >= 2 && !cutShort(n))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
}
