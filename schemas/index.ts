import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validators for the published JSON Schemas of `sohoa segment` and `sohoa tasks` output,
 * compiled once. The schemas are the contract; these let tests and consumers check it.
 */
const load = (name: string): object => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as object;

// strictRequired is off: the conditional `required` lists of task.schema.json name properties defined at the top level.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(load('segment.schema.json'), 'segment.schema.json');
ajv.addSchema(load('task.schema.json'), 'task.schema.json');

/** Validates `{"documents": [...]}` as printed by `sohoa segment`. */
export const validateSegment: ValidateFunction = ajv.getSchema('segment.schema.json')!;
/** Validates one task record as printed (one per line) by `sohoa tasks`. */
export const validateTask: ValidateFunction = ajv.getSchema('task.schema.json')!;

/** Readable errors of the last validation, for assertion messages. */
export function schemaErrors(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}
