import type { Page } from '../model/document.ts';
import { OCR_WORKERS } from './ocr/pool.ts';

/**
 * Reads pages 1…count with at most one page per OCR worker in flight, so every worker is busy
 * and memory stays flat whatever the page count. Pages come back in order.
 */
export async function readPagesWindowed(count: number, read: (n: number) => Promise<Page>): Promise<Page[]> {
  const pages: Page[] = [];
  const inFlight: Promise<Page>[] = [];
  for (let n = 1; n <= count; n++) {
    inFlight.push(read(n));
    if (inFlight.length >= OCR_WORKERS) pages.push(await inFlight.shift()!);
  }
  for (const p of inFlight) pages.push(await p);
  return pages;
}
