import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// The SARIF 2.1.0 schema (rtm.5, the one GitHub code scanning documents) as shipped by Microsoft's
// @microsoft/jest-sarif (MIT); it is a draft-04 schema, hence ajv-draft-04.
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode
    // regular expressions accept (as a literal).
    const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  return validate;
}

/** Parses `text` as SARIF and fails with ajv's errors unless it is a valid SARIF 2.1.0 log. */
export function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const check = validator();
  assert.ok(check(log), `not valid SARIF 2.1.0: ${JSON.stringify(check.errors?.slice(0, 5), null, 2)}`);
  assert.equal(log.version, '2.1.0');
  return log;
}

export interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
  }>;
}

export interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
    results: SarifResult[];
  }>;
}
