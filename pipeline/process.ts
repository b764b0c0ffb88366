import type { Document, IngestPath, PageRotation, SourceInfo } from './model/document.ts';
import { documentToText } from './model/text.ts';
import { ingest, type IngestOptions, type SourceFile } from './ingest/index.ts';
import { repairDocument, type Dictionary, type RepairChange } from './repair/index.ts';
import { segmentDocument, type SegmentResult } from './segment/index.ts';
import { extractTasks, type TaskRecord } from './emit/index.ts';

/** Everything the pipeline produces for one source file. */
export interface FileResult {
  source: SourceInfo;
  pages: { number: number; path: IngestPath; rotation?: PageRotation }[];
  /** Repaired plain text. */
  text: string;
  changes: RepairChange[];
  /** The repaired document model: pages → blocks → lines → tokens, provenance on every line. */
  document: Document;
  documents: SegmentResult['documents'];
  tasks: TaskRecord[];
}

/** Options shared by every driver (CLI, in-process batch, BullMQ worker). */
export interface ProcessOptions {
  dictionary: Dictionary;
  ingest?: IngestOptions;
}

/**
 * ingest → repair → segment → emit for one file. The one code path every driver runs, so
 * a file's output is the same whichever driver produced it.
 */
export async function processFile(file: SourceFile, options: ProcessOptions): Promise<FileResult> {
  return processDocument(await ingest(file, options.ingest), options.dictionary);
}

/** repair → segment → emit for a document already ingested: the stages after {@link ingest}. */
export function processDocument(ingested: Document, dictionary: Dictionary): FileResult {
  const { document, changes } = repairDocument(ingested, dictionary);
  const segmented = segmentDocument(document, { agencies: dictionary.agencies });
  return {
    source: document.source,
    pages: document.pages.map((p) => ({ number: p.number, path: p.path, ...(p.rotation ? { rotation: p.rotation } : {}) })),
    text: documentToText(document),
    changes,
    document,
    documents: segmented.documents,
    tasks: extractTasks(segmented),
  };
}
