import * as path from 'node:path';
import { findProperty, readToml, type FileAccess, type KindDefinition } from '../../core';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const LOGCRAFT_KINDS: KindDefinition[] = [
  {
    id: 'logcraft-config',
    system: 'logcraft',
    title: 'LogCraft project config (lgc.toml)',
    format: 'toml',
    textPlaceholders: true,
    // lgc.rs: envsubst::substitute with the environment's variables: only `${NAME}`.
    placeholderTypes: ['env'],
    paths: [/(^|\/)lgc\.toml$/],
    docs: 'https://docs.logcraft.io/',
  },
  {
    id: 'logcraft-detection',
    system: 'logcraft',
    title: 'LogCraft detection',
    format: 'yaml',
    yamlVersion: '1.2',
    byNeighbours: isDetection,
    docs: 'https://docs.logcraft.io/',
  },
];

/** `<project>/<workspace>/<plugin>/<detection>.yaml` below an `lgc.toml`. */
function isDetection(file: string, files: FileAccess): boolean {
  let dir = path.dirname(file);
  for (let depth = 0; depth < 8; depth++) {
    const config = path.join(dir, 'lgc.toml');
    const text = files.readText(config);
    if (text !== undefined) {
      const root = readToml(text).documents[0]?.root;
      const workspace = findProperty(findProperty(root, 'core')?.value, 'workspace')?.value;
      const folder = workspace?.type === 'scalar' && typeof workspace.value === 'string' ? workspace.value : 'rules';
      const relative = path.relative(path.resolve(dir, folder), file).split(path.sep);
      return relative.length >= 2 && relative[0] !== '..' && !path.isAbsolute(relative[0]);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return false;
}
