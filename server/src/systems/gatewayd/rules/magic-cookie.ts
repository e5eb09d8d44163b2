import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { entryName, pluginEntries } from './plugin-entries';

/** The go-plugin handshake GatewayD plugins are built with: both lines must be in `env`. */
export const MAGIC_COOKIE = [
  { key: 'MAGIC_COOKIE_KEY', value: 'GATEWAYD_PLUGIN' },
  { key: 'MAGIC_COOKIE_VALUE', value: '5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872' },
];

// A wrong or missing cookie makes the handshake fail and GatewayD refuses the plugin. The child
// process sees the last of duplicate variables, so the last line of each key is what counts.
export const magicCookie: Rule = {
  id: 'gatewayd.magic-cookie',
  kinds: ['gatewayd-plugins'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of pluginEntries(context.documents)) {
      const env = findProperty(entry, 'env');
      if (!env || env.value.type !== 'array') continue; // the schema reports a missing or malformed env
      const name = entryName(entry) ?? 'this plugin';
      const items = env.value.items;
      const cookie = MAGIC_COOKIE.map(({ key, value }) => ({
        key,
        value,
        line: `${key}=${value}`,
        effective: items.filter((item) => stringValue(item)?.startsWith(`${key}=`)).pop(),
      }));
      const missing = cookie.filter((c) => !c.effective).map((c) => c.line);
      for (const { key, value, line, effective } of cookie) {
        if (!effective) {
          diagnostics.push({
            start: env.keyStart,
            end: env.keyEnd,
            severity: 'error',
            code: 'gatewayd.magic-cookie',
            message: `${name}: env lacks \`${line}\`; without it the go-plugin handshake fails and GatewayD refuses the plugin.`,
            // Each missing line is its own problem, but the fix inserts every missing line at once.
            data: { insert: missing.length > 1 ? missing : line, key },
          });
        } else if (stringValue(effective) !== line && !(effective.type === 'scalar' && effective.placeholder)) {
          diagnostics.push({
            start: effective.start,
            end: effective.end,
            severity: 'error',
            code: 'gatewayd.magic-cookie',
            message: `${name}: ${key} must be \`${value}\` (${likeness(stringValue(effective)?.slice(key.length + 1) ?? '', value)}); with another value the go-plugin handshake fails.`,
            data: { replace: line, key },
          });
        }
      }
    }
    return diagnostics;
  },
};

/** How far a value is from the right one, in characters ("63 of 64 characters"). */
function likeness(got: string, value: string): string {
  if (!got) return 'the value here is empty';
  if (got.length !== value.length) return `the value here has ${got.length} of its ${value.length} characters`;
  const same = [...value].filter((c, i) => got[i] === c).length;
  return `${same} of ${value.length} characters match`;
}
