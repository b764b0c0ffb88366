import { hasVietnameseMarks, isValidSyllable } from '../repair/orthography.ts';

/**
 * Whether a PDF page's text layer can be trusted instead of OCR. A layer is refused when it is
 * (nearly) empty, when it holds many characters no Vietnamese text uses (the mark of a font with a
 * broken or legacy encoding: `Quy Õt ®Þnh`), or when its lower-case words are mostly not
 * Vietnamese syllables (glyph codes mapped to the wrong letters).
 */
export function textLayerUsable(text: string): boolean {
  const chars = [...text.normalize('NFC').replace(/\s+/g, '')];
  if (chars.length < MIN_CHARS) return false;
  const bad = chars.filter((c) => !USUAL.test(c)).length;
  if (bad / chars.length > 0.03) return false;
  const words = text.normalize('NFC').toLowerCase().match(/\p{L}+/gu) ?? [];
  const vietnamese = words.filter(hasVietnameseMarks);
  // Only text that is visibly Vietnamese is held to Vietnamese syllable shapes.
  if (vietnamese.length < 10) return true;
  const syllables = words.filter(isValidSyllable).length;
  return syllables / words.length >= 0.6;
}

/** Fewer non-space characters than this is no text layer (a scan with a stray stamp or page number). */
const MIN_CHARS = 16;

const VOWELS = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
/** Letters of the Vietnamese alphabet and the Latin letters used in loanwords and codes, digits, usual punctuation. */
const USUAL = new RegExp(`^[a-zA-Zđ${VOWELS}Đ${VOWELS.toUpperCase()}0-9.,;:!?'"“”‘’()\\[\\]{}<>/\\\\|+\\-–—_=*&%#@$§…°·•]$`, 'u');
