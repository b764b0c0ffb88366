/**
 * Splitting an agency cell into agencies by Vietnamese agency-name grammar.
 *
 * A name opens with a head word (Bộ, Sở, Ủy ban, Văn phòng, Trung tâm, Cục, Vụ, …) and runs
 * on until the next separator that is followed by another head word or by a group
 * (`các bộ, ngành, địa phương liên quan`). So `và` and commas inside a name
 * (`Bộ Khoa học và Công nghệ`, `UBND các tỉnh, thành phố`) do not split it, while
 * `Bộ Công an và các bộ, ngành` does; nor do they split the office of two bodies
 * (`Văn phòng HĐND và UBND xã`). Semicolons always separate.
 */

const HEADS = [
  'Bộ',
  'Sở',
  'Ủy ban',
  'Uỷ ban',
  'UBND',
  'HĐND',
  'Hội đồng',
  'Văn phòng',
  'Trung tâm',
  'Tổng cục',
  'Cục',
  'Chi cục',
  'Vụ',
  'Viện',
  'Học viện',
  'Ban',
  'Công an',
  'Thanh tra',
  'Tòa án',
  'Toà án',
  'Kho bạc',
  'Ngân hàng',
  'Bảo hiểm',
  'Đài',
  'Báo',
  'Trường',
  'Đại học',
  'Phòng',
  'Đảng ủy',
  'Đảng uỷ',
  'Tỉnh ủy',
  'Thành ủy',
  'Mặt trận',
  'Liên đoàn',
  'Hội',
  'Đoàn',
  'Quân khu',
  'Bộ Chỉ huy',
  'Cơ quan',
  'Đơn vị',
  'Tập đoàn',
  'Tổng công ty',
  'Công ty',
  'Cổng',
];

/** Heads that never make a whole name alone: a name always follows them (`Bộ Tài chính`, `Cục Thuế`). */
const NAMED_HEADS = ['Bộ', 'Sở', 'Ủy ban', 'Uỷ ban', 'Văn phòng', 'Trung tâm', 'Tổng cục', 'Cục', 'Vụ', 'Viện', 'Học viện', 'Ban'];

/**
 * Heads that open a second agency after `và`. Narrower than {@link HEADS}: after `và`, words
 * like `Bảo hiểm`, `Hội`, `Lao động` usually continue a name (`Cục Tiền lương và Bảo hiểm xã hội`).
 */
const HEADS_AFTER_VA = [...NAMED_HEADS, 'UBND', 'HĐND', 'Công an', 'Thanh tra'];

/** Group phrases: `các` followed by a common noun of agencies. */
const GROUP = /^(?:các|Các|tất cả các|Tất cả các)\s+\p{L}/u;
/**
 * Heads that are also common words (`ban hành`, `cơ quan nhà nước`, `hội nghị`, `báo cáo`,
 * `trường hợp`): as agency heads they need a proper name after them (`Ban Chỉ đạo`).
 * Other heads open an agency whatever follows (`Cục quản lý lao động ngoài nước`).
 */
const COMMON_WORD_HEADS = new Set(['Ban', 'Cơ quan', 'Đơn vị', 'Phòng', 'Hội', 'Hội đồng', 'Đoàn', 'Báo', 'Đài', 'Trường', 'Cổng', 'Đại học', 'Công ty', 'Bảo hiểm', 'Liên đoàn', 'Mặt trận']);
const headPattern = (heads: string[]) =>
  new RegExp(
    `^(?:${heads
      .map((h) => h.replace(/ /g, '\\s+') + (COMMON_WORD_HEADS.has(h) ? '(?=\\s+[\\p{Lu}\\d]|\\s*$)' : '(?=\\s|$|[,;.)])'))
      .join('|')})`,
    'u',
  );
const HEAD = headPattern(HEADS);
const HEAD_AFTER_VA = headPattern(HEADS_AFTER_VA);
const NAMED_HEAD = NAMED_HEADS.map((h) => h.replace(/ /g, '\\s+')).join('|');
/** A text that is one of {@link NAMED_HEADS} and nothing more: its name comes next. */
export const BARE_HEAD = new RegExp(`^(?:${NAMED_HEAD})\\s*$`, 'u');
/** A text ending in one of {@link NAMED_HEADS}: the capitalised words after it are that agency's name. */
export const ENDS_WITH_HEAD = new RegExp(`(?:^|\\s)(?:${NAMED_HEAD})\\s*$`, 'u');

/** True when text starts a new agency or group (`afterVa`: right after the word `và`). */
export function opensAgency(text: string, afterVa = false): boolean {
  return (afterVa ? HEAD_AFTER_VA : HEAD).test(text) || GROUP.test(text);
}

/** The elected and executive bodies an office may serve together (`Văn phòng HĐND và UBND xã`). */
const BODY = String.raw`(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Đoàn (?:ĐBQH|đại biểu Quốc hội))`;
/** An office named so far after bodies only, whose name goes on with the next body. */
const OFFICE_OF_BODIES = new RegExp(`^Văn phòng ${BODY}(?:, ${BODY})*$`, 'u');
const OPENS_BODY = new RegExp(String.raw`^${BODY}(?=[\s,]|$)`, 'u');

/** A separator between two agencies: a comma, `và`, or a slash before a capital. */
const SEPARATOR = /,\s*|\s+và\s+|\s*\/\s*(?=\p{Lu})/uy;

/** Splits an agency cell into agency names and groups, in order, normalised. */
export function splitAgencies(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/\s*;\s*|\n/)) {
    const s = part.replace(/\s+/g, ' ').trim();
    let start = 0;
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      if (depth > 0 || i === start) continue;
      SEPARATOR.lastIndex = i;
      const sep = SEPARATOR.exec(s);
      if (!sep) continue;
      const next = i + sep[0].length;
      if (!opensAgency(s.slice(next, next + 40), sep[0].includes('và'))) continue;
      // One office serves both bodies: `Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh` is one agency.
      if (OFFICE_OF_BODIES.test(s.slice(start, i)) && OPENS_BODY.test(s.slice(next))) continue;
      out.push(s.slice(start, i));
      start = next;
      i = next - 1;
    }
    out.push(s.slice(start));
  }
  return out.map(normaliseAgency).filter((a) => a !== '');
}

/** One spelling for an agency name: spaces and dashes normalised, list punctuation dropped, capitalised. */
export function normaliseAgency(name: string): string {
  const s = name
    .replace(/\s+/g, ' ')
    .replace(/\s*[-–—]\s*/g, ' - ')
    .replace(/^(?:và|với)\s+/u, '')
    .replace(/^[\s,;.:\-]+|[\s,;.:\-]+$/g, '')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A role label of a combined agency cell: `Chủ trì:`, `Cơ quan phối hợp:`, `Đơn vị chủ trì thực hiện:`. */
const ROLE_LABEL = /(?:(?:cơ quan|đơn vị)\s+)?(chủ trì|phối hợp)(?:\s+thực hiện)?\s*:/giu;
/** `chủ trì` said of the agencies before it, bare or in brackets: `Sở Nội vụ chủ trì`, `Sở Nội vụ (chủ trì)`. */
const LEADS = /\(?\s*chủ trì\s*\)?/iu;
/** `phối hợp (với)` opening the partners after it, or closing those before it (`các sở phối hợp`). */
const PARTNERS_AFTER = /^[\s,;.]*phối hợp(?:\s+với)?\b/iu;
const PARTNERS_BEFORE = /\(?\s*phối hợp\s*\)?[\s,;.]*$/iu;

/** Lead and partner agencies of a task. */
export interface AgencyRoles {
  lead: string[];
  partners: string[];
}

/**
 * The lead and partner agencies of one cell of a combined column (`Cơ quan thực hiện`,
 * `Đơn vị thực hiện`): labelled (`Chủ trì: Sở Nội vụ; Phối hợp: các sở, ngành`), said in a
 * sentence (`Sở Nội vụ chủ trì, phối hợp với các sở, ngành`; `Sở Nội vụ (chủ trì), Sở Tài
 * chính`), or a bare list, whose agencies then all carry the task out as leads.
 */
export function readAgencyRoles(cell: string): AgencyRoles {
  const labels = [...cell.matchAll(ROLE_LABEL)];
  if (labels.length > 0) {
    const roles: AgencyRoles = { lead: splitAgencies(cell.slice(0, labels[0]!.index)), partners: [] };
    labels.forEach((m, k) => {
      const text = cell.slice(m.index + m[0].length, labels[k + 1]?.index ?? cell.length);
      roles[/^chủ/iu.test(m[1]!) ? 'lead' : 'partners'].push(...splitAgencies(text));
    });
    return roles;
  }
  const lead = LEADS.exec(cell);
  if (lead) {
    const rest = cell.slice(lead.index + lead[0].length);
    const after = PARTNERS_AFTER.exec(rest);
    const partners = after ? rest.slice(after[0].length) : rest.replace(PARTNERS_BEFORE, '');
    return { lead: splitAgencies(cell.slice(0, lead.index)), partners: splitAgencies(partners) };
  }
  const partnersAt = /\s+phối hợp\s+với\s+/iu.exec(cell);
  if (partnersAt) return { lead: splitAgencies(cell.slice(0, partnersAt.index)), partners: splitAgencies(cell.slice(partnersAt.index + partnersAt[0].length)) };
  return { lead: splitAgencies(cell), partners: [] };
}
