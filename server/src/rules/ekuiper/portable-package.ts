import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty } from '../../engine/parse/tree-builder';
import { stringValue } from '../../engine/tree-query';
import type { EngineDiagnostic } from '../../engine/types';
import type { Rule } from '../rule';
import { hasBuildInputs, isPluginFolder } from './package-context';

// What eKuiper's installer checks in a portable plugin package: the executable the manifest names,
// a sources/<name>.yaml for every source, and (when given) a name equal to the manifest's file name.
export const portablePackage: Rule = {
  id: 'ekuiper.missing-executable',
  kinds: ['ekuiper-portable-manifest'],
  check(context) {
    const root = context.documents[0]?.root;
    if (root?.type !== 'object') return [];
    const diagnostics: EngineDiagnostic[] = [];
    const dir = path.dirname(context.path);
    const base = path.basename(context.path, '.json');

    const name = findProperty(root, 'name')?.value;
    if (stringValue(name) !== undefined && stringValue(name) !== base) {
      diagnostics.push({
        start: name!.start,
        end: name!.end,
        severity: 'error',
        code: 'ekuiper.manifest-name',
        message: `The manifest of plugin "${stringValue(name)}" must be named ${stringValue(name)}.json (this file is ${base}.json); eKuiper looks the manifest up by the plugin name.`,
        data: { replace: base },
      });
    }
    if (!isPluginFolder(context)) return diagnostics;

    const executable = findProperty(root, 'executable');
    const file = stringValue(executable?.value);
    if (executable && file && !path.isAbsolute(file) && !context.files.isFile(path.join(dir, file))) {
      const buildable = hasBuildInputs(context, file);
      diagnostics.push({
        start: executable.value.start,
        end: executable.value.end,
        severity: buildable ? 'warning' : 'error',
        code: 'ekuiper.missing-executable',
        message: buildable
          ? `${file} is not built yet; the package must contain it (eKuiper: "missing ${file}").`
          : `The package has no ${file}: eKuiper refuses to install it ("missing ${file}"). Add the executable beside the manifest, or fix the name.`,
      });
    } else if (executable && file && stringValue(findProperty(root, 'language')?.value) === 'go' && context.files.trusted) {
      try {
        if (process.platform !== 'win32' && (fs.statSync(path.join(dir, file)).mode & 0o111) === 0) {
          diagnostics.push({ start: executable.value.start, end: executable.value.end, severity: 'warning', code: 'ekuiper.executable-mode', message: `${file} is not executable (chmod +x); eKuiper cannot start it ("permission denied").` });
        }
      } catch {
        // unreadable: nothing to say
      }
    }
    const sources = findProperty(root, 'sources')?.value;
    for (const item of sources?.type === 'array' ? sources.items : []) {
      const source = stringValue(item);
      if (!source || context.files.isFile(path.join(dir, 'sources', `${source}.yaml`))) continue;
      diagnostics.push({
        start: item.start,
        end: item.end,
        severity: 'error',
        code: 'ekuiper.missing-source-config',
        message: `Source ${source} needs sources/${source}.yaml beside the manifest (its default configuration); eKuiper refuses the package without it.`,
        data: { create: path.join('sources', `${source}.yaml`), source },
      });
    }
    return diagnostics;
  },
};
