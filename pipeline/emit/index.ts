import { fold } from '../segment/cues.ts';
import type { Appendix, AppendixTable, ColumnRole, LineRange, SegmentedDocument, SegmentResult } from '../segment/index.ts';
import { readAgencyRoles, splitAgencies } from '../segment/agencies.ts';
import { normaliseDeadline, type Deadline } from './deadline.ts';

export type { Deadline, DeadlineKind } from './deadline.ts';
export { normaliseDeadline } from './deadline.ts';
export { readAgencyRoles, splitAgencies } from '../segment/agencies.ts';

/** One task (or indicator) row of an appendix as a record. */
export interface TaskRecord {
  /** Stable id: document number (or type and symbol) / appendix / section / STT. */
  id: string;
  /** `task` rows carry task/output/deadline; `indicator` rows (chỉ tiêu tables) carry indicator/unit/target. */
  kind: 'task' | 'indicator';
  document: { number: string; type: string; date: string };
  /** Appendix label as printed (`Phụ lục II`). */
  appendix: string;
  section: { code: string; title: string };
  stt: string;
  task?: string;
  indicator?: string;
  unit?: string;
  target?: string;
  leadAgencies: string[];
  partnerAgencies: string[];
  output?: string;
  deadline?: Deadline;
  source: LineRange;
  /** 0..1: how sure the reader is of the row's cells (lower for stacked and flattened layouts). */
  confidence: number;
}

const LAYOUT_CONFIDENCE: Record<AppendixTable['layout'], number> = {
  geometry: 0.95,
  tabs: 0.98,
  stacked: 0.85,
  flattened: 0.6,
};

/** Task records for every task row of every appendix, in document order. */
export function extractTasks(segmented: SegmentResult): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const doc of segmented.documents) {
    for (const appendix of doc.appendices) {
      for (const table of appendix.tables) out.push(...tableRecords(doc, appendix, table));
    }
  }
  unifySpellings(out);
  const seen = new Map<string, number>();
  for (const r of out) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}~${n}`;
  }
  return out;
}

function tableRecords(doc: SegmentedDocument, appendix: Appendix, table: AppendixTable): TaskRecord[] {
  const col = (role: ColumnRole) => table.columns.indexOf(role);
  const at = (cells: string[], role: ColumnRole) => (col(role) >= 0 ? (cells[col(role)] ?? '') : '');
  const isIndicator = col('indicator') >= 0;
  // A list of people (a body's members and their roles in it) assigns no tasks.
  if (col('person') >= 0) return [];
  const meta = doc.meta;
  const docKey = meta.number || [meta.type, meta.symbol, meta.date].filter(Boolean).join(' ') || 'document';
  const out: TaskRecord[] = [];
  let section = { code: '', title: '' };
  for (const row of table.rows) {
    const stt = (row.cells[0] ?? '').replace(/\.$/, '');
    if (row.kind === 'section') {
      section = { code: stt, title: row.cells.slice(1).find((c) => c !== '') ?? '' };
      continue;
    }
    // A table with one combined agency column says in each cell which agency leads.
    const { lead, partners } =
      col('lead') < 0 && col('partners') < 0 && col('agencies') >= 0
        ? readAgencyRoles(at(row.cells, 'agencies'))
        : { lead: splitAgencies(at(row.cells, 'lead')), partners: splitAgencies(at(row.cells, 'partners')) };
    const base = {
      id: [docKey, appendix.label, section.code || '-', stt || `@${row.lines.start}`].join('/').replace(/\s+/g, '_'),
      document: { number: meta.number, type: meta.type, date: meta.date },
      appendix: appendix.label,
      section: { ...section },
      stt,
      leadAgencies: lead,
      partnerAgencies: partners,
      source: row.lines,
    };
    let confidence = LAYOUT_CONFIDENCE[table.layout];
    // An inferred lead (OCR left the cell unreadable) is as uncertain as a missing one.
    if (lead.length === 0 || row.inferred?.includes('lead')) confidence -= 0.2;
    if (isIndicator) {
      const indicator = at(row.cells, 'indicator');
      if (!indicator) continue;
      out.push({ ...base, kind: 'indicator', indicator, unit: at(row.cells, 'unit'), target: at(row.cells, 'target'), confidence: round(confidence) });
      continue;
    }
    const task = at(row.cells, 'task');
    if (!task) continue;
    const deadline = normaliseDeadline(at(row.cells, 'deadline'));
    if (deadline.kind === 'unknown') confidence -= 0.1;
    out.push({ ...base, kind: 'task', task, output: at(row.cells, 'output'), deadline, confidence: round(Math.max(0, confidence)) });
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Gives each agency one spelling across the records of a source: the first one seen. */
function unifySpellings(records: TaskRecord[]): void {
  const first = new Map<string, string>();
  const pick = (name: string) => {
    const key = fold(name).replace(/[^A-Z0-9]/g, '');
    if (!first.has(key)) first.set(key, name);
    return first.get(key)!;
  };
  for (const r of records) {
    r.leadAgencies = r.leadAgencies.map(pick);
    r.partnerAgencies = r.partnerAgencies.map(pick);
  }
}
