import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validators for the published JSON Schemas of `sohoa segment`, `sohoa tasks` and `sohoa run` output,
 * compiled once. The schemas are the contract; these let tests and consumers check it.
 */
const load = (name: string): object => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as object;

// strictRequired is off: the conditional `required` lists of task.schema.json name properties defined at the top level.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(load('segment.schema.json'), 'segment.schema.json');
ajv.addSchema(load('task.schema.json'), 'task.schema.json');
ajv.addSchema(load('result.schema.json'), 'result.schema.json');

/** Validates `{"documents": [...]}` as printed by `sohoa segment`. */
export const validateSegment: ValidateFunction = ajv.getSchema('segment.schema.json')!;
/** Validates one task record as printed (one per line) by `sohoa tasks`. */
export const validateTask: ValidateFunction = ajv.getSchema('task.schema.json')!;
/** Validates one result file (`DIR/<name>.<hash>.json`) as written by `sohoa run` and the workers. */
export const validateResult: ValidateFunction = ajv.getSchema('result.schema.json')!;

/** Readable errors of the last validation, for assertion messages. */
export function schemaErrors(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}
