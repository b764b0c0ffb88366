import UTIF from 'utif';
import { SohoaError } from '../model/errors.ts';
import { grayFromRgba, type GrayImage } from './pgm.ts';

/** One page (image file directory) of a TIFF, its pixels decoded only when asked for. */
export interface TiffPage {
  width: number;
  height: number;
  /** Resolution the file states, in dots per inch, when it states one. */
  dpi?: number;
  /** Decodes the page to grayscale. */
  decode(): GrayImage;
}

type Ifd = UTIF.IFD & Record<string, unknown>;

/** First value of a numeric tag (UTIF keys tags as `t<number>`). */
const tag = (ifd: Ifd, id: number): number | undefined => {
  const value = ifd[`t${id}`];
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : undefined;
};

const NEW_SUBFILE_TYPE = 254;
const WIDTH = 256;
const HEIGHT = 257;
const STRIP_OFFSETS = 273;
const STRIP_BYTE_COUNTS = 279;
const X_RESOLUTION = 282;
const RESOLUTION_UNIT = 296;
const TILE_OFFSETS = 324;
const TILE_BYTE_COUNTS = 325;

/** True when every strip or tile of a page lies inside the file: a truncated scan is refused, not half read. */
function dataWithin(ifd: Ifd, length: number): boolean {
  const offsets = (ifd[`t${STRIP_OFFSETS}`] ?? ifd[`t${TILE_OFFSETS}`]) as number[] | undefined;
  const counts = (ifd[`t${STRIP_BYTE_COUNTS}`] ?? ifd[`t${TILE_BYTE_COUNTS}`]) as number[] | undefined;
  if (!offsets?.length || !counts || counts.length !== offsets.length) return false;
  return offsets.every((o, i) => o + counts[i]! <= length);
}

/** The stated resolution in dpi (inches or centimetres), if any. */
function statedDpi(ifd: Ifd): number | undefined {
  const x = tag(ifd, X_RESOLUTION);
  if (!x) return undefined;
  const unit = tag(ifd, RESOLUTION_UNIT) ?? 2;
  return unit === 3 ? x * 2.54 : unit === 2 ? x : undefined;
}

/**
 * The pages of a TIFF — scanners write multi-page files, often CCITT Group 4 (also read: G3,
 * LZW, Deflate, PackBits, JPEG, uncompressed; bilevel, grey, palette, RGB). Reduced-resolution
 * copies (thumbnails) are skipped. Sizes come from the directories, so callers can refuse a
 * huge page before decoding it.
 * @throws SohoaError `E_IMAGE_CORRUPT` when the directories cannot be read or a page's data lies past the end of the file.
 */
export function tiffPages(bytes: Uint8Array, name: string): TiffPage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: Ifd[];
  try {
    ifds = UTIF.decode(buffer) as Ifd[];
  } catch (err) {
    throw new SohoaError('E_IMAGE_CORRUPT', `the TIFF directories cannot be read: ${(err as Error).message}`, name, { cause: err });
  }
  const pages = ifds.filter((ifd) => ((tag(ifd, NEW_SUBFILE_TYPE) ?? 0) & 1) === 0 && tag(ifd, WIDTH) !== undefined);
  if (pages.length === 0) throw new SohoaError('E_IMAGE_CORRUPT', 'the TIFF holds no page image', name);
  return pages.map((ifd, i) => {
    const width = tag(ifd, WIDTH) ?? 0;
    const height = tag(ifd, HEIGHT) ?? 0;
    return {
      width,
      height,
      dpi: statedDpi(ifd),
      decode(): GrayImage {
        if (!dataWithin(ifd, bytes.byteLength)) throw new SohoaError('E_IMAGE_CORRUPT', `page ${i + 1} of the TIFF is truncated`, name);
        try {
          UTIF.decodeImage(buffer, ifd);
          return grayFromRgba(UTIF.toRGBA8(ifd), width, height);
        } catch (err) {
          throw new SohoaError('E_IMAGE_CORRUPT', `page ${i + 1} of the TIFF cannot be decoded: ${(err as Error).message}`, name, { cause: err });
        } finally {
          // Pixels of a finished page are not kept: a 300-page scan is read page by page.
          (ifd as { data?: Uint8Array }).data = undefined;
        }
      },
    };
  });
}
