import {
  afterLabel,
  attachedToText,
  beforeNationalHeading,
  endsClause,
  fold,
  isAllCaps,
  isAuthority,
  isBasis,
  isEnacting,
  isKinhGui,
  isMotto,
  isNoiNhan,
  isPersonName,
  isQuocHieu,
  isVv,
  numberLine,
  placeDate,
  typeTitle,
  withoutHonorific,
} from './cues.ts';
import { opensDivision } from './body.ts';
import { joinText, type SourceLine } from './lines.ts';
import type { DocumentMeta, Issuer, Signer } from './types.ts';

/** Header metadata plus the index (in the document's lines) where the preamble/body begins. */
export interface HeaderResult {
  meta: DocumentMeta;
  /** First line after the header (căn cứ or body). */
  bodyStart: number;
}

/** Agency head words that open the name of a subordinate body (folded). */
const SUBORDINATE_HEAD = /^(CUC|TONG CUC|VU|SO|VAN PHONG|TRUNG TAM|BAN|VIEN|PHONG|CHI CUC|HOC VIEN|UY BAN|BO|THANH TRA|TRUONG|DAI HOC|BENH VIEN|KHO BAC|CONG AN|TOA AN|CHI NHANH|CONG TY|TONG CONG TY|DAI|BAO|TAP CHI|NHA XUAT BAN|HOI|TINH DOAN|THANH DOAN|DOAN|QUY|TRAM|DOI|CANG VU|BO CHI HUY)\b/;
/** Leading chức danh of an authority line (`BỘ TRƯỞNG BỘ NỘI VỤ` → `BỘ NỘI VỤ`). */
const LEADING_TITLE = /^(?:BỘ TRƯỞNG|CHỦ TỊCH|THỦ TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|VIỆN TRƯỞNG)\s+/iu;

const HEADER_SCAN = 40;

/** Reads the header (thể thức) at the top of a document's lines. */
export function parseHeader(lines: readonly SourceLine[]): HeaderResult {
  const meta: DocumentMeta = {
    issuer: { name: '', superior: '' },
    number: '',
    symbol: '',
    type: '',
    place: '',
    date: '',
    subject: '',
    signer: { name: '', title: '', authority: '' },
    recipients: [],
    addressees: [],
    attachedTo: '',
  };
  const limit = Math.min(lines.length, HEADER_SCAN);
  let last = -1; // last header line consumed
  const issuerLines: string[] = [];
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (isQuocHieu(t) || isMotto(t) || numberLine(t) || typeTitle(t) || isVv(t)) break;
    const own = beforeNationalHeading(t) ?? t;
    if (!isAllCaps(own) || isAuthority(own)) break;
    // A name ends with no punctuation: a trailing mark is a speck OCR read at the line's end.
    issuerLines.push(own.replace(/\s*[.,:;]+$/, ''));
    last = i;
  }
  meta.issuer = splitIssuer(issuerLines);
  let typeAt = -1;
  let vvAt = -1;
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (isBasis(t) || isEnacting(t) || /^(Điều|ĐIỀU)\s+\d/u.test(t)) break;
    if (isQuocHieu(t) || isMotto(t)) last = Math.max(last, i);
    const num = numberLine(t);
    if (num && !meta.symbol) {
      meta.number = num.number;
      meta.symbol = num.symbol;
      last = Math.max(last, i);
    }
    const pd = placeDate(t);
    if (pd && !meta.date) {
      meta.place = pd.place;
      meta.date = pd.date;
      last = Math.max(last, i);
    }
    if (typeAt < 0 && vvAt < 0 && typeTitle(t)) typeAt = i;
    if (vvAt < 0 && typeAt < 0 && isVv(t)) vvAt = i;
  }
  if (typeAt >= 0) {
    meta.type = typeTitle(lines[typeAt]!.text)!;
    const s = readSubject(lines, typeAt + 1);
    meta.subject = s.text;
    last = Math.max(last, s.end - 1, typeAt);
  } else if (vvAt >= 0) {
    meta.type = 'Công văn';
    const s = readSubject(lines, vvAt, true);
    meta.subject = s.text.replace(/^V\s*\/\s*v\s*:?\s*/iu, '');
    last = Math.max(last, s.end - 1);
  }
  let i = last + 1;
  // (Kèm theo …), possibly wrapped over two lines.
  if (i < lines.length && attachedToText(lines[i]!.text.split(')')[0] + ')') !== undefined) {
    const parts: string[] = [];
    while (i < lines.length && parts.length < 4) {
      parts.push(lines[i]!.text);
      i++;
      if (parts.join(' ').includes(')')) break;
    }
    meta.attachedTo = attachedToText(joinText(parts)) ?? '';
  }
  // Kính gửi, on its line or as a list under it.
  for (let k = i; k < Math.min(lines.length, i + 6); k++) {
    if (!isKinhGui(lines[k]!.text)) continue;
    let inline = afterLabel(lines[k]!.text);
    let j = k + 1;
    if (inline && j < lines.length && wrapsAddressee(lines[k]!, lines[j]!)) inline = joinText([inline, lines[j++]!.text]);
    if (inline) meta.addressees.push(cleanListItem(inline));
    for (; j < lines.length && /^[-+•]\s*/.test(lines[j]!.text); j++) meta.addressees.push(cleanListItem(lines[j]!.text));
    i = j;
    break;
  }
  let authorityLine = '';
  if (i < lines.length && isAllCaps(lines[i]!.text) && !isEnacting(lines[i]!.text) && !/^[IVXLC]+\./.test(lines[i]!.text)) {
    authorityLine = lines[i]!.text;
    i++;
  }
  if (!meta.issuer.name && authorityLine) {
    const name = authorityLine.replace(LEADING_TITLE, '');
    if (name !== authorityLine && SUBORDINATE_HEAD.test(fold(name))) meta.issuer = { name, superior: '' };
  }
  return { meta, bodyStart: i };
}

/** Splits issuer lines into the issuer and the superior body printed above it. */
function splitIssuer(lines: string[]): Issuer {
  if (lines.length === 0) return { name: '', superior: '' };
  for (let k = lines.length - 1; k >= 1; k--) {
    if (SUBORDINATE_HEAD.test(fold(lines[k]!))) {
      return { name: lines.slice(k).join(' '), superior: lines.slice(0, k).join(' ') };
    }
  }
  return { name: lines.join(' '), superior: '' };
}

/** A wrapped line is at most this share of the line it continues: the short end of a phrase. */
const WRAPPED_END_SHARE = 0.6;

/**
 * True when `next` is the end of the addressee on the `Kính gửi:` line, wrapped on a laid-out page
 * (`… thành phố trực thuộc` / `Trung ương`): right under it, short, and no list item or body opener.
 */
function wrapsAddressee(line: SourceLine, next: SourceLine): boolean {
  const t = next.text;
  return next.line === line.line + 1 && t.length < WRAPPED_END_SHARE * line.text.length && !/^[-+•]/.test(t) && !BODY_OPENER.test(t) && !isBasis(t);
}

/**
 * Words a body paragraph opens with, written so (`Thực hiện Quyết định số …`, `Triển khai …`,
 * `Ngày 26/02/2026, …`): common words with a capital, which a wrapped trích yếu, going on
 * mid-sentence, never has at the start of a line.
 */
const BODY_OPENER = /^(?:(?:Thực hiện|Triển khai|Nhằm|Để|Trên cơ sở|Tiếp theo)\s|Ngày\s+\d)/u;

/**
 * The trích yếu after the type title: following lines while they keep the spacing of its first
 * two lines (adjacent lines, or the regular blank-line spacing of PDF text), stopping at an
 * upper-case authority line, a `(Kèm theo` line, a căn cứ or a structural line.
 */
function readSubject(lines: readonly SourceLine[], from: number, vv = false): { text: string; end: number } {
  const parts: string[] = [];
  let k = from;
  let gap = 0;
  for (; k < lines.length && parts.length < 8; k++) {
    const l = lines[k]!;
    const t = l.text;
    if (parts.length > 0) {
      const g = l.line - lines[k - 1]!.line;
      if (gap === 0) gap = g;
      if (g !== gap || g > 2) break;
      // Past a blank line, a paragraph ending its sentence is the body: a trích yếu has no final stop.
      if (g === 2 && endsClause(paragraphAt(lines, k))) break;
      // Nor is the first line of a block of lines after a blank: a trích yếu goes on whole or not at all.
      if (g === 2 && lines[k + 1]?.line === l.line + 1) break;
    }
    if (isAllCaps(t) || attachedToText(t) !== undefined || isBasis(t) || isEnacting(t) || isKinhGui(t)) break;
    if (placeDate(t) || numberLine(t) || (!vv && /^([IVXLC]+|\d+)\.\s/.test(t)) || opensDivision(t)) break;
    if (/^\(Phụ lục/iu.test(t)) break;
    // A wrapped trích yếu goes on mid-sentence; a capitalised opener is the body's first line.
    if (parts.length > 0 && BODY_OPENER.test(t)) break;
    parts.push(t);
    if (vv && /[.;]$/.test(t)) {
      k++;
      break;
    }
  }
  // A V/v line may end with a stop of its own.
  const kept = vv ? parts.length : withoutBodyLines(parts);
  // A trích yếu has no final stop: one there is the author's habit or a speck OCR read as one.
  const text = joinText(parts.slice(0, kept)).replace(/(?<!\.)\s*[.;]$/, '');
  return { text, end: k - (parts.length - kept) };
}

/**
 * How many of the lines read as a trích yếu are one: it has no sentence end, so lines running up
 * to one (text that keeps no blank line before the body) end it at the last of them to open with a
 * capital, where the body's first sentence starts (`Thời gian qua, …`).
 */
function withoutBodyLines(parts: readonly string[]): number {
  const sentenceEnd = parts.findIndex((t, i) => i > 0 && (endsClause(t) || /[.!?]\s+\p{Lu}/u.test(t)));
  if (sentenceEnd < 0) return parts.length;
  for (let j = sentenceEnd; j >= 1; j--) if (/^\p{Lu}/u.test(parts[j]!)) return j;
  return parts.length;
}

/** The last line of the paragraph starting at line `k`: adjacent lines, no blank between. */
function paragraphAt(lines: readonly SourceLine[], k: number): string {
  let j = k;
  while (j + 1 < lines.length && lines[j + 1]!.line === lines[j]!.line + 1) j++;
  return lines[j]!.text;
}

/** A list line without its mark and trailing `;`/`.`. */
export function cleanListItem(text: string): string {
  return text
    .replace(/^[-+•]\s*/, '')
    .replace(/\s*[;,.]\s*$/, '')
    .trim();
}

/** Where the closing part starts: nơi nhận, a delegation line, or a signer title followed by a name. */
export function isClosingStart(lines: readonly SourceLine[], i: number): boolean {
  const t = lines[i]!.text;
  if (isNoiNhan(t) || isAuthority(t)) return true;
  const next = lines[i + 1]?.text ?? '';
  return isAllCaps(t) && !/^[IVXLC]+\./.test(t) && !isEnacting(t) && isPersonName(next);
}

/** Recipients, signer title/authority and name from the closing lines of a document. */
export function parseClosing(lines: readonly SourceLine[]): { recipients: string[]; signer: Signer } {
  const recipients: string[] = [];
  const authority: string[] = [];
  const title: string[] = [];
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (isNoiNhan(t)) {
      const inline = afterLabel(t);
      if (inline) recipients.push(cleanListItem(inline));
      let j = i + 1;
      for (; j < lines.length && /^[-+•]\s*/.test(lines[j]!.text); j++) recipients.push(cleanListItem(lines[j]!.text));
      i = j - 1;
      continue;
    }
    if (isAuthority(t)) authority.push(t);
    else if (isAllCaps(t) && !name && (authority.length > 0 || isPersonName(lines[i + 1]?.text ?? ''))) title.push(t);
    else if (isPersonName(t)) name = withoutHonorific(t);
  }
  return { recipients, signer: { name, title: title.join(' '), authority: authority.join(' / ') } };
}
