import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProperty, stringValue } from '../../../core';
import type { Rule } from '../../rule';
import { executableOf, isSinglePluginFolder, manifestRoot } from './package-context';

// eKuiper starts a `go` portable plugin by running `<dir>/<executable>` itself
// (internal/plugin/portable/runtime/plugin_ins_manager.go): without the executable bit the start
// fails with "permission denied". Python scripts run through the interpreter and need no bit.
// Only the file's mode is read (stat), never its content; not judged on Windows (no mode bits).
export const executableMode: Rule = {
  id: 'ekuiper.executable-mode',
  kinds: ['ekuiper-portable-manifest'],
  check(context) {
    if (process.platform === 'win32') return [];
    const root = manifestRoot(context);
    const executable = root && executableOf(root);
    if (!executable || stringValue(findProperty(root, 'language')?.value) !== 'go') return [];
    if (!isSinglePluginFolder(context)) return [];
    const target = path.join(path.dirname(context.path), executable.file);
    if (!context.files.isFile(target)) return [];
    let mode: number;
    try {
      mode = fs.statSync(target).mode;
    } catch {
      return [];
    }
    if ((mode & 0o111) !== 0) return [];
    return [
      {
        start: executable.value.start,
        end: executable.value.end,
        severity: 'warning',
        code: 'ekuiper.executable-mode',
        message: `${executable.file} is not executable: eKuiper runs a go plugin's executable directly and fails with "permission denied". Run chmod +x ${executable.file} (and keep the mode when zipping).`,
        data: { chmod: executable.file },
      },
    ];
  },
};
