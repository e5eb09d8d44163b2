import type { HostDecoding, ScalarNode } from '../../core';

// lgc.toml goes through figment (0.10, `Toml::string`) into serde structs (docs/hosts/logcraft.md).
// TOML has no implicit conversions, so the schema's types hold, with what JSON cannot show:
// - a TOML date, time or datetime is a map to serde (toml's private datetime struct; figment keeps
//   it as a dict), so a string field gets "invalid type: found map, expected a string";
// - a float is never an integer, even 2.0: "invalid type: found floating point `2.0`, expected u32".

function written(node: ScalarNode): string {
  return typeof node.value === 'number' && Number.isInteger(node.value) ? node.value.toFixed(1) : String(node.value);
}

export const LOGCRAFT_CONFIG_DECODING: HostDecoding = {
  judge(expected, node) {
    if ((node.tag === 'date' || node.tag === 'time') && expected.size && !expected.has('object')) {
      return {
        severity: 'error',
        message: `invalid type: found map, expected a string (figment reads the TOML ${node.tag === 'date' ? 'date' : 'date-time'} ${String(node.value)} as a map, not text). Quote it: "${String(node.value)}".`,
        replace: `"${String(node.value)}"`,
      };
    }
    if (node.tag === 'float' && expected.has('integer') && !expected.has('number')) {
      return {
        severity: 'error',
        message: `invalid type: found floating point \`${written(node)}\`, expected an integer (serde does not turn a TOML float into an integer field). Write a whole number without ".0".`,
        ...(typeof node.value === 'number' && Number.isInteger(node.value) ? { replace: String(node.value) } : {}),
      };
    }
    return 'schema';
  },
};
