import {
  findProperty,
  stringValue,
  treeFact,
  treeFacts,
  type EngineDiagnostic,
  type PropertyNode,
  type ValueNode,
} from '../../../core';
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
      // Read once per entry tree: a keystroke in one entry of 2,000 reads that entry's env only.
      const facts = treeFact(FINDINGS, entry, findingsOf);
      if (!facts) continue;
      for (const { node, message, data } of facts.findings)
        diagnostics.push({
          start: node ? node.start : facts.env.keyStart,
          end: node ? node.end : facts.env.keyEnd,
          severity: 'error',
          code: 'gatewayd.magic-cookie',
          message,
          data,
        });
    }
    return diagnostics;
  },
};

/** What is wrong with one entry's cookie lines, as nodes (never offsets: the tree moves with edits). */
interface EntryFindings {
  env: PropertyNode;
  /** `node` undefined: the `env` key (a line is missing). */
  findings: Array<{ node?: ValueNode; message: string; data: Record<string, unknown> }>;
}

const FINDINGS = treeFacts<EntryFindings | undefined>();

function findingsOf(root: ValueNode): EntryFindings | undefined {
  if (root.type !== 'object') return undefined;
  const env = findProperty(root, 'env');
  if (!env || env.value.type !== 'array') return undefined; // the schema reports a missing or malformed env
  const name = entryName(root) ?? 'this plugin';
  const items = env.value.items;
  const cookie = MAGIC_COOKIE.map(({ key, value }) => ({
    key,
    value,
    line: `${key}=${value}`,
    effective: items.filter((item) => stringValue(item)?.startsWith(`${key}=`)).pop(),
  }));
  const missing = cookie.filter((c) => !c.effective).map((c) => c.line);
  const findings: EntryFindings['findings'] = [];
  for (const { key, value, line, effective } of cookie) {
    if (!effective) {
      findings.push({
        message: `${name}: env lacks \`${line}\`; without it the go-plugin handshake fails and GatewayD refuses the plugin.`,
        // Each missing line is its own problem, but the fix inserts every missing line at once.
        data: { insert: missing.length > 1 ? missing : line, key },
      });
    } else if (stringValue(effective) !== line && !(effective.type === 'scalar' && effective.placeholder)) {
      findings.push({
        node: effective,
        message: `${name}: ${key} must be \`${value}\` (${likeness(stringValue(effective)?.slice(key.length + 1) ?? '', value)}); with another value the go-plugin handshake fails.`,
        data: { replace: line, key },
      });
    }
  }
  return { env, findings };
}

/** How far a value is from the right one, in characters ("63 of 64 characters"). */
function likeness(got: string, value: string): string {
  if (!got) return 'the value here is empty';
  if (got.length !== value.length) return `the value here has ${got.length} of its ${value.length} characters`;
  const same = [...value].filter((c, i) => got[i] === c).length;
  return `${same} of ${value.length} characters match`;
}
