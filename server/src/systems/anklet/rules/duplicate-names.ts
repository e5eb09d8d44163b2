import { diagnosticAt, findProperty, stringValue, uniqueNames } from '../../../core';
import type { Rule } from '../../rule';
import { ankletConfig } from './plugins';

// Anklet keys each plugin's state by its name: names must be unique.
export const duplicateNames: Rule = {
  id: 'anklet.duplicate-name',
  kinds: ['anklet-config'],
  check(context) {
    const names = ankletConfig(context.documents).plugins.map((entry) => findProperty(entry, 'name')?.value);
    return uniqueNames(names, (node) => stringValue(node) || undefined).map(({ item, name }) =>
      diagnosticAt(
        item!,
        'anklet.duplicate-name',
        'error',
        `Another plugin is already named "${name}": plugin names must be unique.`,
      ),
    );
  },
};
