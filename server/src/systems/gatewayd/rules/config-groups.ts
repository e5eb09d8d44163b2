import { asObject, findProperty, type EngineDiagnostic, type ObjectNode } from '../../../core';
import type { Rule } from '../../rule';

// gatewayd.yaml is keyed by configuration group in six sections, and GatewayD looks each group
// up by name across them (a server's group needs its logger, pool and proxy). Group and block
// names are lower-cased by the host, so they are compared that way.
const GROUPED = ['loggers', 'metrics', 'clients', 'pools', 'proxies', 'servers'] as const;

function section(root: ObjectNode | undefined, name: string): ObjectNode | undefined {
  return asObject(findProperty(root, name)?.value);
}

export const configGroups: Rule = {
  id: 'gatewayd.logger-group',
  kinds: ['gatewayd-config'],
  check(context) {
    const root = context.documents[0]?.root;
    if (root?.type !== 'object') return [];
    const diagnostics: EngineDiagnostic[] = [];
    const loggers = section(root, 'loggers');
    const loggerGroups = new Set(loggers?.properties.map((p) => p.key.toLowerCase()) ?? []);
    for (const name of GROUPED.slice(1)) {
      for (const group of section(root, name)?.properties ?? []) {
        if (!loggers || loggerGroups.has(group.key.toLowerCase())) continue;
        diagnostics.push({
          start: group.keyStart,
          end: group.keyEnd,
          severity: 'error',
          code: 'gatewayd.logger-group',
          message: `Configuration group "${group.key}" of ${name} has no logger: add "${group.key}:" under loggers (GatewayD refuses the config: "missing one or more config group(s)").`,
          data: { group: group.key, section: 'loggers' },
        });
      }
    }
    // pools and proxies blocks must be declared under clients of the same group.
    const clients = section(root, 'clients');
    for (const name of ['pools', 'proxies']) {
      for (const group of section(root, name)?.properties ?? []) {
        if (group.value.type !== 'object' || !clients) continue;
        const clientGroup = findProperty(clients, group.key)?.value;
        const blocks = new Set(
          clientGroup?.type === 'object' ? clientGroup.properties.map((p) => p.key.toLowerCase()) : [],
        );
        for (const block of group.value.properties) {
          if (blocks.has(block.key.toLowerCase())) continue;
          diagnostics.push({
            start: block.keyStart,
            end: block.keyEnd,
            severity: 'error',
            code: 'gatewayd.group-reference',
            message: `${name}.${group.key}.${block.key} has no client: add clients.${group.key}.${block.key} (GatewayD: "not referenced in client configuration").`,
          });
        }
      }
    }
    return diagnostics;
  },
};
