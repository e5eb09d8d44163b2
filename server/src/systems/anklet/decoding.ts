import type { HostDecoding } from '../../core';
import { PLACEHOLDER_LIKE, yamlTagged } from '../shared/go-values';

const INT64_LIMIT = 2 ** 63;

/**
 * Anklet decodes its config with gopkg.in/yaml.v2 straight into Go structs: any scalar fits a
 * string field (as written), a float is truncated into an int, and text or a value past int64
 * fails with `cannot unmarshal !!str ... into int`. It expands no `${VAR}`.
 */
export const ANKLET_DECODING: HostDecoding = {
  judge(expected, node, schemaPassed) {
    if (node.value === null) return schemaPassed ? 'accept' : 'accept';
    if (expected.has('string')) return placeholderWarning(node) ?? 'accept';
    if (expected.has('integer') && !expected.has('number')) {
      if (node.tag === 'int') {
        if (node.big !== undefined && (node.big >= 2n ** 63n || node.big < -(2n ** 63n))) return refuse(node, 'int');
        return 'schema';
      }
      if (node.tag === 'float' && typeof node.value === 'number') {
        if (!Number.isFinite(node.value) || Math.abs(node.value) >= INT64_LIMIT) return refuse(node, 'int');
        if (schemaPassed && node.quoted !== true && Number.isInteger(node.value)) {
          return {
            severity: 'warning',
            message: `${yamlTagged(node)} is a float; yaml.v2 converts it to the int ${Math.trunc(node.value)}. Write it as a whole number.`,
            replace: String(Math.trunc(node.value)),
          };
        }
        return {
          severity: 'warning',
          message: `yaml.v2 truncates ${node.value} to ${Math.trunc(node.value)} for this whole-number field.`,
          replace: String(Math.trunc(node.value)),
        };
      }
      // A merged value (`<<`) that a local key replaced is still decoded: the schema never saw it.
      return refuse(node, 'int');
    }
    if (expected.has('number')) {
      if (node.tag === 'int' || node.tag === 'float') return 'schema';
      return refuse(node, 'float64');
    }
    if (expected.has('boolean')) return node.tag === 'bool' ? 'schema' : refuse(node, 'bool');
    if (!expected.size && schemaPassed) return placeholderWarning(node) ?? 'accept';
    return 'schema';
  },
};

function refuse(node: Parameters<HostDecoding['judge']>[1], goType: string) {
  return {
    severity: 'error' as const,
    message: `yaml: unmarshal errors: cannot unmarshal ${yamlTagged(node)} into ${goType}`,
  };
}

function placeholderWarning(node: Parameters<HostDecoding['judge']>[1]) {
  if (typeof node.value !== 'string' || !PLACEHOLDER_LIKE.test(node.value)) return undefined;
  return {
    severity: 'warning' as const,
    message: `Anklet does not expand environment variables in its config: "${node.value}" is used as written. Put the value itself here, or set it through Anklet's own environment overrides (e.g. ANKLET_GLOBAL_TOKEN style variables).`,
  };
}
