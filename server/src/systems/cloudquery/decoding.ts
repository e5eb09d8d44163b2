import type { HostDecoding } from '../../core';
import { goType, jsonKind, nonFinite } from '../shared/go-values';

/**
 * CloudQuery's spec reader: ghodss/yaml turns each section into JSON (so +Inf cannot be
 * marshalled), then encoding/json decodes it: keys match ignoring case, `null` leaves the zero
 * value, and any other type mismatch is `json: cannot unmarshal ...`.
 */
export const CLOUDQUERY_DECODING: HostDecoding = {
  caseInsensitiveKeys: true,
  keyMatcher: "Go's encoding/json",
  nullIsEmptyText: true,
  judge(expected, node, schemaPassed) {
    const bad = nonFinite(node);
    if (bad)
      return {
        severity: 'error',
        message: `failed to strip yaml comments: json: unsupported value: ${bad} (the CLI turns each section into JSON, which has no ${bad}).`,
      };
    if (schemaPassed) return 'accept';
    if (node.placeholder && !node.quoted) return 'accept';
    if (node.value === null) return 'accept';
    const quotedPlaceholder =
      node.placeholder && node.quoted
        ? ' A quoted placeholder is always a string after expansion: remove the quotes.'
        : '';
    return {
      severity: 'error',
      message: `failed to decode spec: json: cannot unmarshal ${jsonKind(node)} into a Go value of type ${goType(expected)}.${quotedPlaceholder}`,
    };
  },
};
