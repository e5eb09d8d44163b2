import * as path from 'node:path';
import { findProperty, stringValue } from '../../../core';
import type { Rule } from '../../rule';
import { manifestRoot } from './package-context';

// eKuiper installs portable plugin <n> from `<n>.json` at the zip's root, then refuses a manifest
// whose `name` says otherwise: "invalid plugin, expect name '<n>' but got '<m>'"
// (internal/plugin/portable/manager.go). `name` is optional: it defaults to the install name.
// Not a file-system check: it compares the value with this file's own name only.
export const manifestName: Rule = {
  id: 'ekuiper.manifest-name',
  kinds: ['ekuiper-portable-manifest'],
  check(context) {
    const name = findProperty(manifestRoot(context), 'name')?.value;
    const value = stringValue(name);
    const base = path.basename(context.path).replace(/\.json$/i, '');
    if (!name || value === undefined || value === '' || value === base) return [];
    return [
      {
        start: name.start,
        end: name.end,
        severity: 'error',
        code: 'ekuiper.manifest-name',
        message: `The plugin is named "${value}" but its manifest is ${base}.json: eKuiper installs plugin <name> from <name>.json and refuses the mismatch ("expect name '${base}' but got '${value}'"). Change "name" to "${base}", or rename the file to ${value}.json.`,
        data: { replace: base, rename: `${value}.json` },
      },
    ];
  },
};
