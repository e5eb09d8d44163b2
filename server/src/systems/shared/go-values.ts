import type { ScalarNode } from '../../core';

// Small facts about Go's decoders shared by the systems whose hosts are written in Go.

/** The value as Go's YAML libraries print it in their errors: `!!str \`12:30\``. */
export function yamlTagged(node: ScalarNode): string {
  const tag = node.tag === 'string' || node.tag === undefined ? 'str' : node.tag === 'time' ? 'timestamp' : node.tag;
  return `!!${tag} \`${String(node.big ?? node.value)}\``;
}

/** encoding/json's word for a value's JSON type in "cannot unmarshal X into ...". */
export function jsonKind(node: ScalarNode): string {
  if (node.value === null) return 'null';
  if (typeof node.value === 'boolean') return 'bool';
  if (typeof node.value === 'number') return 'number';
  return 'string';
}

/** The Go type behind a schema's JSON type. */
export function goType(expected: Set<string>): string {
  if (expected.has('string')) return 'string';
  if (expected.has('integer')) return 'int';
  if (expected.has('number')) return 'float64';
  if (expected.has('boolean')) return 'bool';
  if (expected.has('array')) return 'slice';
  if (expected.has('object')) return 'map or struct';
  return [...expected].join(' or ');
}

/** JSON marshalling (ghodss/yaml, koanf's JSON parser) refuses these: `json: unsupported value: +Inf`. */
export function nonFinite(node: ScalarNode): string | undefined {
  if (typeof node.value !== 'number' || Number.isFinite(node.value)) return undefined;
  return Number.isNaN(node.value) ? 'NaN' : node.value > 0 ? '+Inf' : '-Inf';
}

/** strconv.ParseInt(s, 0, 64), which mapstructure's weak decoding uses (underscores allowed). */
export function goParsesInt(s: string): boolean {
  const match = /^[-+]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/.exec(s);
  if (!match) return false;
  const digits = s.replace(/_/g, '').replace(/^[-+]/, '');
  const value = /^0[oO]/.test(digits)
    ? BigInt('0o' + digits.slice(2))
    : /^0[0-7]+$/.test(digits)
      ? BigInt('0o' + digits.slice(1))
      : BigInt(digits.toLowerCase());
  return s.startsWith('-') ? value <= 2n ** 63n : value < 2n ** 63n;
}

/** strconv.ParseFloat(s, 64) for decimal text. */
export function goParsesFloat(s: string): boolean {
  return (
    (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) && Number.isFinite(Number(s))) ||
    /^[-+]?(inf|infinity|nan)$/i.test(s)
  );
}

/** strconv.ParseBool. */
export const GO_BOOL_TEXT = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** A value that reads like an environment placeholder. */
export const PLACEHOLDER_LIKE = /\$\{[A-Za-z_][A-Za-z0-9_]*(:[^}]*)?\}|\$[A-Z_][A-Z0-9_]{2,}\b/;
