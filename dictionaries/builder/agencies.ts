/**
 * Agency names found in clean text. Vietnamese names capitalise the first syllable of each
 * word (Bộ Khoa học và Công nghệ), so a name is a head noun (Bộ, Sở, Ủy ban nhân dân, …)
 * followed by capitalised words, each with at most three lower-case syllables after it,
 * joined by "và", a dash, or a comma before a last pair joined by "và" (Bộ Văn hóa, Thể thao và
 * Du lịch). A word may be two capitalised syllables (Sở Công Thương); after a lower-case
 * syllable a capital starts what follows the name (Sở Tài chính Hà Nội is Sở Tài chính).
 */
const HEADS = [
  'Bộ', 'Sở', 'Ủy ban nhân dân', 'UBND', 'Văn phòng', 'Trung tâm', 'Cục', 'Vụ', 'Ban', 'Công an', 'Thanh tra',
  'Viện', 'Tòa án nhân dân', 'Kiểm toán', 'Ngân hàng', 'Kho bạc', 'Hội đồng', 'Học viện', 'Đài', 'Tổng cục',
];

const CAP = '(?:\\p{Lu}\\p{Ll}*|\\p{Lu}{2,})(?!\\p{L})';
/** Not at a head noun: what follows opens no name of its own. */
const NOT_HEAD = `(?!(?:${HEADS.join('|')})(?!\\p{L}))`;
/** A capitalised syllable after a word's first: one of a word's several (Công Thương). */
const TITLE = `${NOT_HEAD}\\p{Lu}\\p{Ll}*(?!\\p{L})`;
const LOW = '(?!và(?!\\p{L}))\\p{Ll}+';
const WORD = `${CAP}(?: ${TITLE})*(?: ${LOW}){0,3}`;
/** A comma inside a name: a list of its words whose last two are joined by "và". */
const LISTING_COMMA = `,(?= ${NOT_HEAD}${WORD} và ${CAP})`;
const NAME = new RegExp(`(?<![\\p{L}])(?:${HEADS.join('|')})(?: ${WORD}(?:(?: và| -|${LISTING_COMMA}) ${WORD})*)`, 'gu');

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

/** True when the words from `at` open with a head noun. */
const opensName = (words: readonly string[], at: number): boolean => HEADS.some((h) => words.slice(at, at + h.split(' ').length).join(' ') === h);

/** A matched name cut before its first lower-case function word or verb, and trailing "và"/dash dropped. */
function trimName(match: string): string {
  const words = match.split(' ');
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    // "và" before a head noun joins two agencies (Sở Nội vụ và UBND các huyện), not a name's words.
    if (w === 'và' && /^\p{Lu}/u.test(words[i + 1] ?? '') && !opensName(words, i + 1)) continue;
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
  const cutShort = (n: string): boolean => names.some((m) => m.startsWith(`${n} `) || m.startsWith(`${n}, `));
  return [...counts]
    .filter(([n, c]) => c >= 2 && !cutShort(n))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
}
