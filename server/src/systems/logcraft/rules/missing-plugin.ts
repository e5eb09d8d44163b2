import * as path from 'node:path';
import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { service, services } from './services';

/** lgc's default home when `base_dir` is not set. */
export const DEFAULT_BASE_DIR = '/opt/logcraft-cli';

/** Where lgc loads plugins from: `<base_dir>/plugins`, a relative base_dir against lgc.toml's folder. */
export function pluginFolder(configPath: string, baseDir: string | undefined): string {
  return path.join(path.resolve(path.dirname(configPath), baseDir ?? DEFAULT_BASE_DIR), 'plugins');
}

// lgc skips a service whose plugin has no `<base_dir>/plugins/<plugin>.wasm` ("no matching plugin").
// A base_dir outside the project is another machine's business: nothing is said about it.
export const missingPlugin: Rule = {
  id: 'logcraft.missing-plugin',
  kinds: ['logcraft-config'],
  check(context) {
    const core = findProperty(context.documents[0]?.root, 'core')?.value;
    const baseDirNode = findProperty(core, 'base_dir')?.value;
    if (baseDirNode?.type === 'scalar' && baseDirNode.placeholder) return [];
    const baseDir = stringValue(baseDirNode);
    const project = path.dirname(context.path);
    const folder = pluginFolder(context.path, baseDir);
    const inside = !path.relative(project, folder).startsWith('..') && !path.isAbsolute(path.relative(project, folder));
    if (!inside) return [];
    const diagnostics: EngineDiagnostic[] = [];
    for (const property of services(context.documents)) {
      const plugin = findProperty(service(property), 'plugin')?.value;
      const name = stringValue(plugin);
      if (!plugin || !name || (plugin.type === 'scalar' && plugin.placeholder)) continue;
      if (context.files.isFile(path.join(folder, `${name}.wasm`))) continue;
      diagnostics.push({
        start: plugin.start,
        end: plugin.end,
        severity: 'warning',
        code: 'logcraft.missing-plugin',
        message: `No ${path.relative(project, path.join(folder, `${name}.wasm`))}: lgc skips service "${property.key}" until the plugin is built and installed there (the "install" build task does it).`,
        data: { path: path.join(folder, `${name}.wasm`) },
      });
    }
    return diagnostics;
  },
};
