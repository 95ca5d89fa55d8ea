import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

// The CSL input data schema (tests/fixtures/README.md says where it comes from). It types some
// fields as a union ("string or number"), which Ajv's strict mode asks to be allowed.
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/csl-data.json');
const schema = JSON.parse(readFileSync(file, 'utf8')) as object;

/** Validates CSL-JSON against the CSL data schema; its `errors` say why not. */
export const validateCsl = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
