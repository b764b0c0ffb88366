export type * from './document.ts';
export * from './errors.ts';
export * from './text.ts';
