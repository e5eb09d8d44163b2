import * as path from 'node:path';
import { closest } from '../../../core';
import type { Rule } from '../../rule';
import { executableOf, hasBuildInputs, isSinglePluginFolder, manifestRoot } from './package-context';

// eKuiper's portable installer requires the `executable` in the package, exactly as written, and
// refuses the zip without it: "missing <executable>" (internal/plugin/portable/manager.go).
// In a package (nothing here builds it) that is an error; in a project folder that holds its build
// inputs (go.mod, *.go, a Makefile, Python sources or packaging files) the executable may simply
// not be built yet: a warning. Only judged in a real plugin folder.
export const missingExecutable: Rule = {
  id: 'ekuiper.missing-executable',
  kinds: ['ekuiper-portable-manifest'],
  check(context) {
    const root = manifestRoot(context);
    const executable = root && executableOf(root);
    if (!executable) return [];
    if (!isSinglePluginFolder(context)) return [];
    const { file, value } = executable;
    const target = path.join(path.dirname(context.path), file);
    if (context.files.isFile(target)) return [];
    const buildable = hasBuildInputs(context, file);
    const suggestion = nearbyProgram(
      context.files
        .list(path.dirname(target))
        .filter((name) => context.files.isFile(path.join(path.dirname(target), name))),
      file,
    );
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    return [
      {
        start: value.start,
        end: value.end,
        severity: buildable ? 'warning' : 'error',
        code: 'ekuiper.missing-executable',
        message: buildable
          ? `${file} is not in the plugin folder yet. Build it before packaging: eKuiper refuses a package without it ("missing ${file}").${hint}`
          : `The package has no ${file}: eKuiper refuses to install it ("missing ${file}"). Put the executable beside the manifest, or correct "executable".${hint}`,
        data: suggestion ? { suggestion, buildOutput: buildable } : { buildOutput: buildable },
      },
    ];
  },
};

/** Files that are never the program itself. */
const NOT_A_PROGRAM = /(\.(json|ya?ml|md|txt|toml|mod|sum|cfg|go|zip)|^Makefile)$/i;

/** A file beside the missing one that is probably what was meant (`mirror` for `mirror.exe`), as written in the manifest. */
function nearbyProgram(names: string[], file: string): string | undefined {
  const written = file.split(/[\\/]/);
  const base = written.pop()!;
  const stem = (name: string) => name.toLowerCase().replace(/\.[^.]*$/, '');
  const candidates = names.filter((name) => !NOT_A_PROGRAM.test(name) && !name.startsWith('.'));
  const found = candidates.find((name) => stem(name) === stem(base)) ?? closest(base, candidates);
  return found ? [...written, found].join('/') : undefined;
}
