import type { HostDecoding, ScalarNode } from '../../core';
import { GO_BOOL_TEXT, goParsesFloat, goParsesInt, nonFinite } from '../shared/go-values';

/** A value typed as time.Time by yaml.v3 that a typed field receives. */
function timestampInto(expected: Set<string>, node: ScalarNode) {
  if (node.tag !== 'time' || !expected.size || expected.has('object')) return undefined;
  return {
    severity: 'error' as const,
    message: `yaml.v3 reads ${String(node.value)} as a timestamp (time.Time); decoding it fails: expected type 'string', got unconvertible type 'time.Time'. Quote it.`,
    replace: `"${String(node.value)}"`,
  };
}

function unmarshallable(node: ScalarNode) {
  const bad = nonFinite(node);
  return bad
    ? {
        severity: 'error' as const,
        message: `json: unsupported value: ${bad} (gatewayd marshals the config to JSON to lint it).`,
      }
    : undefined;
}

/**
 * `gatewayd_plugins.yaml`: koanf reads it with yaml.v3 and lint validates that raw map, so the
 * schema's types hold; but a timestamp fails mapstructure and +Inf fails JSON marshalling.
 */
export const GATEWAYD_PLUGINS_DECODING: HostDecoding = {
  judge(expected, node) {
    return unmarshallable(node) ?? timestampInto(expected, node) ?? 'schema';
  },
};

/**
 * `gatewayd.yaml`: `config lint` decodes it weakly (mapstructure WeaklyTypedInput, keys matched
 * ignoring case) into the Go struct and lints the re-marshalled struct, so "true", 1, "3", 3.5 and
 * ~ all pass where the field's type can be parsed from them.
 */
export const GATEWAYD_CONFIG_DECODING: HostDecoding = {
  caseInsensitiveKeys: true,
  keyMatcher: 'mapstructure',
  unknownKeys: 'warning',
  judge(expected, node, schemaPassed) {
    const refused = unmarshallable(node) ?? timestampInto(expected, node);
    if (refused) return refused;
    if (schemaPassed || node.value === null) return 'accept';
    const text = String(node.value);
    const isText = typeof node.value === 'string';
    if (expected.has('string') || expected.has('array')) return 'accept';
    if (expected.has('boolean') && (!isText || text === '' || GO_BOOL_TEXT.has(text))) return 'accept';
    if (expected.has('integer') && (!isText || text === '' || goParsesInt(text))) return 'accept';
    if (expected.has('number') && (!isText || text === '' || goParsesFloat(text))) return 'accept';
    if (isText && (expected.has('integer') || expected.has('number') || expected.has('boolean'))) {
      const type = expected.has('boolean') ? 'bool' : expected.has('integer') ? 'int' : 'float';
      return {
        severity: 'error',
        message: `cannot parse "${text}" as ${type} (mapstructure's weak decoding of gatewayd.yaml).`,
      };
    }
    return 'schema';
  },
};
