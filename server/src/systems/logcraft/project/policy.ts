import { findProperty, toValue, type EngineDiagnostic, type ValueNode } from '../../../core';
import type { Rule } from '../../rule';

// lgc's policies (libs/lgc-policies/src/policy.rs, schema.rs): serde reads field, check,
// severity, message, ignorecase, regex, validations and ignores other keys; to_schema() then
// refuses a pattern without regex, a constraint without validations and minLength > maxLength,
// which stops `lgc validate` with "incorrect policy".

export interface Policy {
  field: string;
  check: 'existence' | 'absence' | 'pattern' | 'constraint';
  severity: 'warning' | 'error';
  message?: string;
  ignorecase?: boolean;
  regex?: string;
  validations?: { minLength?: number; maxLength?: number; values?: string[] };
}

const KNOWN = ['field', 'check', 'severity', 'message', 'ignorecase', 'regex', 'validations'];

/** A JavaScript RegExp for lgc's pattern (the jsonschema crate: ECMA 262, plus a leading (?i)). */
export function policyRegex(source: string, ignorecase: boolean): RegExp {
  let pattern = source;
  let flags = 'u';
  if (pattern.startsWith('(?i)')) {
    pattern = pattern.slice(4);
    flags += 'i';
  } else if (ignorecase) flags += 'i';
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern, flags.replace('u', ''));
  }
}

/** The policy as lgc reads it, or undefined when it does not decode (the schema reports why). */
export function readPolicy(root: ValueNode | undefined): Policy | undefined {
  const value = toValue(root) as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (
    typeof value.field !== 'string' ||
    !['existence', 'absence', 'pattern', 'constraint'].includes(value.check as string)
  )
    return undefined;
  if (value.severity !== 'warning' && value.severity !== 'error') return undefined;
  return value as unknown as Policy;
}

export const logcraftPolicy: Rule = {
  id: 'logcraft.policy-*',
  kinds: ['logcraft-policy'],
  check(context) {
    const root = context.documents[0]?.root;
    if (!root || root.type !== 'object') return [];
    const diagnostics: EngineDiagnostic[] = [];
    const check = findProperty(root, 'check')?.value;
    const checkValue = check?.type === 'scalar' ? check.value : undefined;
    const regex = findProperty(root, 'regex');
    const validations = findProperty(root, 'validations');
    const constraints = findProperty(root, 'constraints');
    for (const property of root.properties) {
      if (KNOWN.includes(property.key) || property.key === 'constraints') continue;
      diagnostics.push({
        start: property.keyStart,
        end: property.keyEnd,
        severity: 'warning',
        code: 'logcraft.policy-unknown-key',
        message: `lgc ignores "${property.key}" in a policy (it reads ${KNOWN.join(', ')}).`,
      });
    }
    if (constraints) {
      const refused = checkValue === 'constraint' && !validations;
      diagnostics.push({
        start: constraints.keyStart,
        end: constraints.keyEnd,
        severity: refused ? 'error' : 'warning',
        code: 'logcraft.policy-constraints',
        message: refused
          ? 'lgc 1.1 reads the parameters of a constraint from "validations:" ("constraints:" is the older docs\' name): this policy stops lgc validate with "constraint check requires validations to be defined". Rename the key.'
          : 'lgc ignores "constraints:" (its parameters are read from "validations:").',
        data: { replace: 'validations' },
      });
    }
    if (checkValue === 'pattern' && !regex && check) {
      diagnostics.push({
        start: check.start,
        end: check.end,
        severity: 'error',
        code: 'logcraft.policy-regex',
        message: 'A pattern check needs a regex: lgc validate stops with "pattern check requires a regex".',
      });
    }
    if (checkValue === 'constraint' && !validations && !constraints && check) {
      diagnostics.push({
        start: check.start,
        end: check.end,
        severity: 'error',
        code: 'logcraft.policy-validations',
        message:
          'A constraint check needs validations (minLength, maxLength and/or values): lgc validate stops with "constraint check requires validations to be defined".',
      });
    }
    if (regex?.value.type === 'scalar' && typeof regex.value.value === 'string') {
      const ignorecase = findProperty(root, 'ignorecase')?.value;
      try {
        const source = regex.value.value.startsWith('(?i)') ? regex.value.value.slice(4) : regex.value.value;
        new RegExp(source, ignorecase?.type === 'scalar' && ignorecase.value === true ? 'ui' : 'u');
      } catch (error) {
        try {
          new RegExp(regex.value.value.replace(/^\(\?i\)/, ''));
        } catch {
          diagnostics.push({
            start: regex.value.start,
            end: regex.value.end,
            severity: 'error',
            code: 'logcraft.policy-regex',
            message: `The regex does not compile (${(error as Error).message.replace(/^Invalid regular expression: /, '')}): lgc validate cannot build the policy's schema.`,
          });
        }
      }
    }
    const limits = validations?.value;
    const min = findProperty(limits, 'minLength')?.value;
    const max = findProperty(limits, 'maxLength')?.value;
    if (
      min?.type === 'scalar' &&
      max?.type === 'scalar' &&
      typeof min.value === 'number' &&
      typeof max.value === 'number' &&
      min.value > max.value
    ) {
      diagnostics.push({
        start: min.start,
        end: min.end,
        severity: 'error',
        code: 'logcraft.policy-validations',
        message:
          'minLength is greater than maxLength: lgc validate stops with "minLength must be less than or equal to maxLength".',
      });
    }
    return diagnostics;
  },
};
