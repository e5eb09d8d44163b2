import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Project } from '../projects';

/**
 * Copies a built LogCraft plugin into `<base_dir>/plugins/<name>.wasm` of the LogCraft project,
 * where `lgc` loads it. Written beside and renamed, so `lgc` never sees half a module.
 */
export function installWasm(plugin: Project, built: string, projects: Project[]): string {
  if (!fs.existsSync(built)) throw new Error(`${built} does not exist: run the "build wasm" task first.`);
  const targets = projects.filter((p) => p.kind === 'logcraft-project');
  if (!targets.length) throw new Error('No LogCraft project (lgc.toml) in the workspace to install the plugin into. Run `lgc init` in one first.');
  if (targets.length > 1) {
    throw new Error(`Several LogCraft projects in the workspace (${targets.map((t) => t.dir).join(', ')}): open the one to install into on its own.`);
  }
  const folder = path.join(targets[0].details.baseDir, 'plugins');
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${plugin.name}.wasm`);
  const temporary = `${target}.pw-${process.pid}`;
  fs.copyFileSync(built, temporary);
  fs.renameSync(temporary, target);
  return target;
}
