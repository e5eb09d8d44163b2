import * as path from 'node:path';
import type { EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import {
  METADATA_KINDS,
  belongsToPortable,
  isSoFor,
  isValidSoName,
  pluginAnchor,
  pluginName,
  pluginTypeOf,
  soFolders,
  ucFirst,
} from './metadata-context';

// A native plugin's `.so` must be named `Name.so` or `name.so`, optionally with `@<version>`
// (eKuiper: `^(name|Name)(@.*)?\.so$`, internal/plugin/native/manager.go): the installer refuses
// other names, and at startup a file in plugins/<type>s/ is registered under the name before `@`.
// The .so is looked for beside the metadata (a zip's root) and in plugins/<type>s/ near it (see
// soFolders in metadata-context.ts). The diagnostic is shown on the metadata's `about` key (the
// plugin as a whole), since a `.so` has no text to put it on. Only `.so` files evidently meant for
// this plugin are judged: other plugins' builds in the same folder are left alone.
export const soName: Rule = {
  id: 'ekuiper.so-name',
  kinds: METADATA_KINDS,
  check(context) {
    const type = pluginTypeOf(context.kind);
    if (!type || belongsToPortable(context)) return [];
    const name = pluginName(context);
    const metadataDir = path.dirname(context.path);
    const diagnostics: EngineDiagnostic[] = [];
    for (const folder of soFolders(context, type)) {
      for (const file of context.files.list(folder)) {
        const meant = isSoFor(file, name);
        if (!meant || isValidSoName(file, name) || !context.files.isFile(path.join(folder, file))) continue;
        const expected = `${ucFirst(name)}${meant.version ? `@${meant.version.startsWith('v') || !/^\d/.test(meant.version) ? meant.version : `v${meant.version}`}` : ''}.so`;
        const relative = path.relative(metadataDir, path.join(folder, file)).split(path.sep).join('/');
        diagnostics.push({
          ...pluginAnchor(context),
          severity: 'error',
          code: 'ekuiper.so-name',
          message: `${relative} does not follow eKuiper's naming for plugin "${name}": it must be ${ucFirst(name)}.so or ${name}.so, optionally with @<version> (e.g. ${expected}); eKuiper refuses other names. Rename it (or change go build -o).`,
          data: { rename: { from: relative, to: path.posix.join(path.posix.dirname(relative), expected) } },
        });
      }
    }
    return diagnostics;
  },
};
