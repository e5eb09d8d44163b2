import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../../analysis/rule';
import { ankletConfig } from './plugins';

// Anklet keys each plugin's state by its name: names must be unique.
export const duplicateNames: Rule = {
  id: 'anklet.duplicate-name',
  kinds: ['anklet-config'],
  check(context) {
    const seen = new Set<string>();
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of ankletConfig(context.documents).plugins) {
      const node = findProperty(entry, 'name')?.value;
      const name = stringValue(node);
      if (!node || !name) continue;
      if (seen.has(name)) {
        diagnostics.push({ start: node.start, end: node.end, severity: 'error', code: 'anklet.duplicate-name', message: `Another plugin is already named "${name}": plugin names must be unique.` });
      }
      seen.add(name);
    }
    return diagnostics;
  },
};
