import { diagnosticAt, findProperty, uniqueNames } from '../../../core';
import type { Rule } from '../../rule';
import { entryName, pluginEntries } from './plugin-entries';

// Plugins are registered by name; a second entry with the same name is refused.
export const duplicatePluginNames: Rule = {
  id: 'gatewayd.duplicate-plugin-name',
  kinds: ['gatewayd-plugins'],
  check(context) {
    return uniqueNames(pluginEntries(context.documents), entryName).map(({ item, name }) =>
      diagnosticAt(
        findProperty(item, 'name')!.value,
        'gatewayd.duplicate-plugin-name',
        'error',
        `Another plugin is already named "${name}": plugin names must be unique.`,
      ),
    );
  },
};
