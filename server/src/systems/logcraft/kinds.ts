import * as path from 'node:path';
import { deriveFrom, findProperty, readToml, type FileAccess, type KindDefinition } from '../../core';
import { LOGCRAFT_CONFIG_DECODING } from './decoding';

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
    decoding: LOGCRAFT_CONFIG_DECODING,
    paths: [/(^|\/)lgc\.toml$/],
    docs: 'https://docs.logcraft.io/',
  },
  {
    id: 'logcraft-detection',
    system: 'logcraft',
    title: 'LogCraft detection',
    format: 'yaml',
    yamlVersion: '1.2',
    // serde_yaml_ng into serde_json::Value: a repeated key is inserted again, the last one wins.
    // (Policies decode into structs, where serde refuses a duplicate field: the default, error.)
    yaml: { duplicateKeys: 'warning' },
    byNeighbours: isDetection,
    docs: 'https://docs.logcraft.io/',
  },
  // Project files that are not manifests (issue #14), recognised by name and place.
  {
    id: 'logcraft-policy',
    system: 'logcraft',
    title: 'LogCraft policy',
    format: 'yaml',
    yamlVersion: '1.2',
    paths: [/(^|\/)\.logcraft\/policies\/[^/]+\/[^/]+\.ya?ml$/],
    dotFolders: ['.logcraft'],
    docs: 'https://github.com/LogCraftIO/logcraft-cli/blob/main/docs/src/concepts/policies.md',
  },
  {
    id: 'logcraft-plugin-source',
    system: 'logcraft',
    title: 'LogCraft plugin source',
    format: 'text',
    paths: [/(^|\/)src\/lib\.rs$/, /(^|\/)main\.py$/],
    place: isLogcraftPluginSource,
    docs: 'https://github.com/LogCraftIO/logcraft-cli/blob/main/libs/bindings/plugin.wit',
  },
];

/** `<project>/<workspace>/<plugin>/<detection>.yaml` below an `lgc.toml`. */
function isDetection(file: string, files: FileAccess): boolean {
  let dir = path.dirname(file);
  for (let depth = 0; depth < 8; depth++) {
    const config = path.join(dir, 'lgc.toml');
    // The workspace folder, read once per version of lgc.toml.
    const folder = deriveFrom(files, config, 'logcraft.workspace', (text) => {
      const root = readToml(text).documents[0]?.root;
      const workspace = findProperty(findProperty(root, 'core')?.value, 'workspace')?.value;
      return workspace?.type === 'scalar' && typeof workspace.value === 'string' ? workspace.value : 'rules';
    });
    if (folder !== undefined) {
      const relative = path.relative(path.resolve(dir, folder), file).split(path.sep);
      return relative.length >= 2 && relative[0] !== '..' && !path.isAbsolute(relative[0]);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return false;
}

/** The root of a LogCraft plugin project: its wit/ names the world logcraft:lgc, or the source says so. */
function isLogcraftPluginSource(file: string, text: string, files: FileAccess): boolean {
  const root = path.basename(file) === 'lib.rs' ? path.dirname(path.dirname(file)) : path.dirname(file);
  if (path.basename(file) === 'lib.rs' && !files.exists(path.join(root, 'Cargo.toml'))) return false;
  const wit = path.join(root, 'wit');
  const witSays = files
    .list(wit)
    .some((name) => name.endsWith('.wit') && /logcraft:lgc/.test(files.readText(path.join(wit, name)) ?? ''));
  return witSays || /logcraft/i.test(text) || /\bfrom\s+(plugins|wit_world)(\.exports)?\s+import\b/.test(text);
}
