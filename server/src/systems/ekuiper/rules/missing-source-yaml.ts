import * as path from 'node:path';
import type { Rule } from '../../rule';
import { pluginAnchor, pluginName } from './metadata-context';

// A native source's zip needs `<name>.yaml` at its root beside `<name>.json` and the .so: eKuiper
// copies it to etc/sources/ and refuses the zip without it ("invalid zip file: expectFiles: 3")
// (internal/plugin/native/manager.go). Found beside the metadata (zip root, extensions/<name>/,
// etc/sources/, a portable package's sources/) or in etc/sources/ below the metadata's folder.
// Shown on the metadata's `about` key.
export const missingSourceYaml: Rule = {
  id: 'ekuiper.missing-source-yaml',
  kinds: ['ekuiper-source-meta'],
  check(context) {
    const name = pluginName(context);
    const dir = path.dirname(context.path);
    const candidates = [path.join(dir, `${name}.yaml`), path.join(dir, 'etc', 'sources', `${name}.yaml`)];
    if (candidates.some((file) => context.files.isFile(file))) return [];
    return [
      {
        ...pluginAnchor(context),
        severity: 'error',
        code: 'ekuiper.missing-source-yaml',
        message: `Source "${name}" needs its default configuration ${name}.yaml beside ${name}.json: eKuiper refuses to install a source without it. Create it with at least a "default:" block.`,
        data: { create: `${name}.yaml` },
      },
    ];
  },
};
