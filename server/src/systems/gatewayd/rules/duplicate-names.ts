import { findProperty, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../../analysis/rule';
import { entryName, pluginEntries } from './plugin-entries';

// Plugins are registered by name; a second entry with the same name is refused.
export const duplicatePluginNames: Rule = {
  id: 'gatewayd.duplicate-plugin-name',
  kinds: ['gatewayd-plugins'],
  check(context) {
    const seen = new Set<string>();
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of pluginEntries(context.documents)) {
      const name = entryName(entry);
      if (name === undefined) continue;
      if (seen.has(name)) {
        const node = findProperty(entry, 'name')!.value;
        diagnostics.push({
          start: node.start,
          end: node.end,
          severity: 'error',
          code: 'gatewayd.duplicate-plugin-name',
          message: `Another plugin is already named "${name}": plugin names must be unique.`,
        });
      }
      seen.add(name);
    }
    return diagnostics;
  },
};
