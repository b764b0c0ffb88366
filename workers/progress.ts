import { basename } from 'node:path';
import type { ManifestEntry } from './manifest.ts';

/** Counts a progress display shows. */
export interface ProgressCounts {
  total: number;
  done: number;
  failed: number;
  /** Files whose output was already complete (not processed again). */
  skipped: number;
  active: number;
  /** Pages processed in this run (skipped files excluded), for the rate. */
  pages: number;
}

/**
 * Live progress of a batch on a stream: a redrawn bar (files done / failed / active, pages
 * per minute, ETA) on a terminal, one plain line per finished file otherwise (logs, CI).
 */
export class ProgressView {
  private readonly started = Date.now();
  private readonly tty: boolean;
  private lastDraw = 0;
  private counts: ProgressCounts;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    total: number,
  ) {
    this.tty = Boolean(stream.isTTY);
    this.counts = { total, done: 0, failed: 0, skipped: 0, active: 0, pages: 0 };
  }

  /** Reports a finished file; failures are always printed, with their code. */
  file(entry: ManifestEntry, skipped = false): void {
    const line = skipped ? `skip    ${entry.path} (already complete)` : describe(entry);
    if (!this.tty) this.stream.write(`${line}\n`);
    else if (entry.status === 'failed') this.stream.write(`\r\x1b[2K${line}\n`);
    this.draw(true);
  }

  /** Replaces the counts and redraws (at most ten times a second). */
  update(counts: Partial<ProgressCounts>): void {
    this.counts = { ...this.counts, ...counts };
    this.draw(false);
  }

  /** Leaves the bar on its own line. */
  finish(): void {
    if (this.tty) {
      this.draw(true);
      this.stream.write('\n');
    }
  }

  private draw(force: boolean): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${progressLine(this.counts, now - this.started, 24)}`);
  }
}

/** One-line progress text: bar, counts, pages per minute and ETA. */
export function progressLine(c: ProgressCounts, elapsedMs: number, barWidth: number): string {
  const finished = c.done + c.failed + c.skipped;
  const filled = c.total ? Math.round((finished / c.total) * barWidth) : barWidth;
  const bar = `${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}`;
  const processed = c.done + c.failed;
  const remaining = c.total - finished;
  const eta = processed > 0 ? formatDuration((elapsedMs / processed) * remaining) : '--:--';
  return `[${bar}] ${finished}/${c.total}  done ${c.done + c.skipped}  failed ${c.failed}  active ${c.active}  ${pagesPerMinute(c.pages, elapsedMs)} pages/min  ETA ${eta}`;
}

/** The plain line for a finished file. */
export function describe(entry: ManifestEntry): string {
  if (entry.status === 'failed') {
    // Error messages start with the file's name, which the path already shows.
    const message = (entry.error?.message ?? '').replace(`${basename(entry.path)}: `, '');
    return `FAILED  ${entry.path}  ${entry.error?.code ?? 'E_INTERNAL'}  ${message}`;
  }
  return `done    ${entry.path} (${entry.pages} pages, ${entry.records} records, ${(entry.durationMs / 1000).toFixed(1)} s)`;
}

/** Pages per minute, rounded. */
export const pagesPerMinute = (pages: number, elapsedMs: number): number =>
  elapsedMs > 0 ? Math.round((pages * 60_000) / elapsedMs) : 0;

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
