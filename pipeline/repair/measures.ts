/**
 * Units of area and volume with their power (m2, km2, m³, cm3): a plan counts hectares of forest
 * and cubic metres of water in them, and no Vietnamese word is printed as one.
 */
const POWERED_UNIT = /^[kKhdcm]?m[23²³]$/u;

/**
 * A gas's formula as plans on emissions and air write it: two or three capitals and a count of 2
 * to 4 (CO2, SO2, NO2, CH4, NH3). A digit inside capitals is OCR's letter (H4I for HẢI, C0NG for
 * CÔNG), and 0, 1 stand for O, I: those are left to repair.
 */
const GAS_FORMULA = /^[A-Z]{2,3}[2-4]$/u;

/**
 * True when a printed word is a unit with its power or a gas's formula: written so on purpose,
 * not a damaged word, so repair keeps it and the noise estimate does not count it as damage.
 */
export function isMeasureOrFormula(printed: string): boolean {
  return POWERED_UNIT.test(printed) || GAS_FORMULA.test(printed);
}
