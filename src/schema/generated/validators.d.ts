// Types of validators.js, which scripts/build-validators.ts generates from src/schema/definition.ts
// with ajv's standalone code (npm run build writes it; git keeps only this file).
import type { ValidateFunction } from 'ajv';

export declare const ID_PATTERN: string;
export declare const SEMVER_PATTERN: string;
export declare const checklist: ValidateFunction;
export declare const audit: ValidateFunction;
