/**
 * The letters Vietnamese documents number by, in order: the alphabet without its letters with
 * marks but đ, which comes after d (a, b, c, d, đ, e, g…; no f, j, w, z). Points of a clause
 * (điểm a), đ)) and lettered sections (A., Đ.) follow it, as the Luật Ban hành văn bản quy phạm
 * pháp luật sets them out and plans copy.
 */
export const LETTERING = 'abcdđeghiklmnopqrstuvxy';
