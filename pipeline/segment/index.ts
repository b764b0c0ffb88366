import { extractAgencies } from '../../dictionaries/builder/agencies.ts';
import type { Document } from '../model/document.ts';
import { findAppendixStart, parseAppendices } from './appendix.ts';
import { opensDivision, parseBody } from './body.ts';
import { endsClause, fold, isBasis, isEnacting, vietnameseDate } from './cues.ts';
import { isClosingStart, parseClosing, parseHeader } from './header.ts';
import { joinText, rangeOf, sourceLines, type SourceLine } from './lines.ts';
import { splitDocuments } from './split.ts';
import type { BasisItem, DocumentMeta, SegmentedDocument, SegmentResult } from './types.ts';

export type * from './types.ts';

/** Optional knowledge the segmenter can use. */
export interface SegmentOptions {
  /** Known agency names (the dictionary's list), to cut agency cells out of OCR-flattened tables. */
  agencies?: readonly string[];
}

/**
 * Splits a document into its administrative documents and their structure: header metadata,
 * căn cứ, body tree, closing (nơi nhận, signature) and appendices with their tables.
 * Pure and total: unstructured or garbage input yields a document of plain paragraphs.
 */
export function segmentDocument(doc: Document, options: SegmentOptions = {}): SegmentResult {
  const lines = sourceLines(doc);
  if (lines.length === 0) return { documents: [] };
  const documents = splitDocuments(lines).map((span) => segmentOne(lines.slice(span.start, span.end), options.agencies ?? []));
  documents.forEach((d, k) => {
    const parent = documents[k - 1];
    if (parent && d.meta.attachedTo) fillFromReference(parent.meta, d.meta.attachedTo);
  });
  return { documents };
}

/**
 * Fills a document's missing number and date from a reference to it (`Kèm theo Quyết định số
 * …/QĐ-BNV ngày … tháng 4 năm 2025 của …`), as printed on its appendices or attachments.
 */
function fillFromReference(meta: DocumentMeta, reference: string): void {
  const type = /^Kèm theo\s+(\p{L}+\s+\p{L}+)/u.exec(reference)?.[1] ?? '';
  if (meta.type && type && fold(type) !== fold(meta.type)) return;
  const num = /\bsố\s*(\d*)\s*\/\s*([\p{L}\d][\p{L}\d.\-]*)/u.exec(reference);
  if (num && !meta.symbol) {
    meta.symbol = num[2]!;
    meta.number = num[1] ? `${num[1]}/${num[2]}` : '';
  }
  if (!meta.date) meta.date = referenceDate(reference);
}

/** The first date a reference gives (see {@link vietnameseDate}), or ''. */
function referenceDate(text: string): string {
  for (const m of text.matchAll(/ngày/gu)) {
    const date = vietnameseDate(text.slice(m.index));
    if (date) return date;
  }
  return '';
}

/** True when `next` is the wrapped rest of the căn cứ whose last line so far is `last`. */
function continuesBasis(last: string, next: string): boolean {
  if (isBasis(next) || isEnacting(next) || opensDivision(next)) return false;
  return /^[\p{Ll}\d(]/u.test(next) || !endsClause(last);
}

function segmentOne(lines: readonly SourceLine[], agencies: readonly string[]): SegmentedDocument {
  const header = parseHeader(lines);
  const meta = header.meta;
  let i = header.bodyStart;
  const basis: BasisItem[] = [];
  while (i < lines.length && isBasis(lines[i]!.text)) {
    const from = i;
    const parts = [lines[i]!.text];
    i++;
    // A căn cứ ends with its `;` (the last with `.`): a wrapped line before that goes on with it, a
    // name (`Chính phủ quy định …`) as well as a lower-case word.
    while (i < lines.length && continuesBasis(parts.at(-1)!, lines[i]!.text)) {
      parts.push(lines[i]!.text);
      i++;
    }
    basis.push({ text: joinText(parts), lines: rangeOf(lines, from, i - 1) });
  }
  if (i < lines.length && isEnacting(lines[i]!.text)) i++;
  const appendixAt = findAppendixStart(lines, i);
  const tailEnd = appendixAt < 0 ? lines.length : appendixAt;
  let closingAt = tailEnd;
  for (let k = i; k < tailEnd; k++) {
    if (isClosingStart(lines, k)) {
      closingAt = k;
      break;
    }
  }
  const closing = parseClosing(lines.slice(closingAt, tailEnd));
  meta.recipients = closing.recipients;
  meta.signer = closing.signer;
  const appendices = appendixAt < 0 ? [] : parseAppendices(lines.slice(appendixAt), [...namedIn(lines.slice(0, appendixAt), agencies), ...agencies]);
  if (!meta.issuer.name) meta.issuer = issuerFromAppendix(appendices.map((a) => a.attachedTo));
  const caption = appendices.find((a) => a.attachedTo)?.attachedTo;
  if (caption) fillFromReference(meta, caption);
  return {
    meta,
    basis,
    body: parseBody(lines.slice(i, closingAt)),
    appendices,
    lines: rangeOf(lines, 0, lines.length - 1),
  };
}

/**
 * Agency names the document's body uses (a decision names the agencies its appendix assigns
 * tasks to), most frequent first, leaving out those already known.
 */
function namedIn(body: readonly SourceLine[], known: readonly string[]): string[] {
  return extractAgencies([joinText(body.map((l) => l.text))]).filter((n) => !known.includes(n));
}

/** `Kèm theo Kế hoạch số … của Ủy ban nhân dân tỉnh X` names the issuer when the header does not. */
function issuerFromAppendix(attached: readonly string[]): { name: string; superior: string } {
  for (const a of attached) {
    const m = /\bcủa\s+(?:(?:Chủ tịch|Bộ trưởng|Thủ trưởng|Giám đốc)\s+)?(.+?)\s*$/u.exec(a);
    if (m?.[1]) return { name: m[1], superior: '' };
  }
  return { name: '', superior: '' };
}
