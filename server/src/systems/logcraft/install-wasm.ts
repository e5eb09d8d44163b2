import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Project } from '../projects';

/**
 * Copies a built LogCraft plugin into `<base_dir>/plugins/<name>.wasm` of the LogCraft project,
 * where `lgc` loads it. Written beside and renamed, so `lgc` never sees half a module.
 */
/**
 * The LogCraft project a plugin is tried in: the one inside the plugin's folder (the templates'
 * dev/), else the workspace's only one. Several outside and none inside: undefined.
 */
export function devProjectFor(plugin: Project, projects: Project[]): Project | undefined {
  const all = projects.filter((p) => p.kind === 'logcraft-project');
  const inside = all.filter((p) => !path.relative(plugin.dir, p.dir).startsWith('..'));
  const candidates = inside.length ? inside : all;
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function installWasm(plugin: Project, built: string, projects: Project[]): string {
  if (!fs.existsSync(built)) throw new Error(`${built} does not exist: run the "build wasm" task first.`);
  const target = devProjectFor(plugin, projects);
  if (!target) {
    const all = projects.filter((p) => p.kind === 'logcraft-project');
    if (!all.length)
      throw new Error(
        'No LogCraft project (lgc.toml) in the workspace to install the plugin into. Run `lgc init` in one first.',
      );
    throw new Error(
      `Several LogCraft projects in the workspace (${all.map((t) => t.dir).join(', ')}): open the one to install into on its own.`,
    );
  }
  const folder = path.join(target.details.baseDir, 'plugins');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${plugin.name}.wasm`);
  const temporary = `${file}.pw-${process.pid}`;
  fs.copyFileSync(built, temporary);
  fs.renameSync(temporary, file);
  return file;
}
