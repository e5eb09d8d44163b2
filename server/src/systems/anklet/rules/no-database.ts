import { findProperty, ownerSpan, type EngineDiagnostic, type ObjectNode } from '../../../core';
import type { Rule } from '../../rule';
import { ankletConfig, label, setting } from './plugins';

// Anklet connects a plugin to its database only when global_database_url or the plugin's own
// database.url is set; without one the plugin stops with "error getting database from context".
export const noDatabase: Rule = {
  id: 'anklet.no-database',
  kinds: ['anklet-config'],
  check(context) {
    const { root, plugins } = ankletConfig(context.documents);
    if (setting(root, 'global_database_url')) return [];
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of plugins) {
      const database = findProperty(entry, 'database')?.value;
      if (setting(database?.type === 'object' ? (database as ObjectNode) : undefined, 'url')) continue;
      diagnostics.push({
        ...ownerSpan(entry, context.file.text),
        severity: 'error',
        code: 'anklet.no-database',
        message: `${label(entry)} has no database: give it a database: block with a url, or set global_database_url (or ANKLET_GLOBAL_DATABASE_URL in the environment). Anklet stops it with "error getting database from context".`,
      });
    }
    return diagnostics;
  },
};
