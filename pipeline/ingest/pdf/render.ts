import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayFromRgba, type GrayImage } from '../pgm.ts';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** Pages are rendered for OCR at this resolution unless that would exceed {@link MAX_RENDER_PIXELS}. */
const OCR_DPI = 300;
/** Pixel budget of one rendered page (about A3 at 300 dpi); larger pages are rendered at a lower resolution. */
const MAX_RENDER_PIXELS = 18_000_000;

/** Renders a page to an 8-bit grayscale raster at 300 dpi (less for oversized pages), with its resolution. */
export async function renderPage(page: PDFPageProxy): Promise<GrayImage & { dpi: number }> {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvas, canvasContext: ctx, viewport } as unknown as RenderParameters).promise;
  return { ...grayFromRgba(ctx.getImageData(0, 0, width, height).data, width, height), dpi: scale * 72 };
}
