import * as path from 'node:path';
import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { isSinglePluginFolder, manifestRoot } from './package-context';

// eKuiper's portable installer requires `sources/<source>.yaml` in the package for every entry of
// `sources` and refuses the zip without it: "missing sources/<source>.yaml"
// (internal/plugin/portable/manager.go, install). Only judged in a real plugin folder.
export const missingSourceConfig: Rule = {
  id: 'ekuiper.missing-source-config',
  kinds: ['ekuiper-portable-manifest'],
  check(context) {
    const root = manifestRoot(context);
    const sources = findProperty(root, 'sources')?.value;
    if (sources?.type !== 'array' || !sources.items.length) return [];
    if (!isSinglePluginFolder(context)) return [];
    const dir = path.dirname(context.path);
    const diagnostics: EngineDiagnostic[] = [];
    for (const item of sources.items) {
      const source = stringValue(item)?.trim();
      if (!source) continue;
      const relative = `sources/${source}.yaml`;
      if (context.files.isFile(path.join(dir, 'sources', `${source}.yaml`))) continue;
      diagnostics.push({
        start: item.start,
        end: item.end,
        severity: 'error',
        code: 'ekuiper.missing-source-config',
        message: `Source "${source}" needs its default configuration ${relative} beside the manifest: eKuiper refuses the package without it ("missing ${relative}"). Create it with at least a "default:" block.`,
        data: { create: relative },
      });
    }
    return diagnostics;
  },
};
