import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson } from '../../../server/src/core/parse/json-reader';
import { readToml } from '../../../server/src/core/parse/toml-reader';
import { readYaml } from '../../../server/src/core/parse/yaml-reader';
import { findProperty } from '../../../server/src/core/parse/tree-builder';
import { stringValue } from '../../../server/src/core/tree-query';

export type ProjectKind =
  | 'cloudquery-plugin'
  | 'gatewayd-plugin'
  | 'ekuiper-native'
  | 'ekuiper-portable'
  | 'anklet'
  | 'logcraft-plugin-rust'
  | 'logcraft-plugin-python'
  | 'logcraft-project';

/** A plugin project (or host project) found in the workspace, with what its tasks need. */
export interface Project {
  kind: ProjectKind;
  system: 'cloudquery' | 'gatewayd' | 'ekuiper' | 'anklet' | 'logcraft';
  dir: string;
  /** The plugin's name as its host knows it. */
  name: string;
  /** Kind-specific facts: `pluginType` (eKuiper), `version`, `manifest`, `baseDir` ... */
  details: Record<string, string>;
}

const SKIP = new Set(['node_modules', 'target', 'dist', 'vendor', 'out', 'build']);

/** Walks a folder (a few levels deep) and recognises the projects in it. */
export function detectProjects(root: string, maxDepth = 4): Project[] {
  const found: Project[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const project = recognise(dir, names);
    if (project) found.push(project);
    if (depth >= maxDepth) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIP.has(entry.name)) visit(path.join(dir, entry.name), depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function goModule(dir: string): string | undefined {
  return read(path.join(dir, 'go.mod'));
}

function recognise(dir: string, files: Set<string>): Project | undefined {
  const base = path.basename(dir);
  const goMod = files.has('go.mod') ? goModule(dir) ?? '' : '';
  if (files.has('gatewayd_plugin.yaml') && goMod) {
    const root = readYaml(read(path.join(dir, 'gatewayd_plugin.yaml')) ?? '', { version: '1.2' }).documents[0]?.root;
    const plugins = findProperty(root, 'plugins')?.value;
    const first = plugins?.type === 'array' ? plugins.items[0] : undefined;
    const name = stringValue(findProperty(first, 'name')?.value) ?? base;
    return { kind: 'gatewayd-plugin', system: 'gatewayd', dir, name, details: { manifest: path.join(dir, 'gatewayd_plugin.yaml') } };
  }
  if (goMod.includes('github.com/cloudquery/plugin-sdk')) {
    return { kind: 'cloudquery-plugin', system: 'cloudquery', dir, name: base.replace(/^cq-(source|destination)-/, ''), details: { binary: base } };
  }
  if (goMod.includes('github.com/lf-edge/ekuiper/contract')) {
    const meta = ekuiperMetadata(dir);
    if (meta) return { kind: 'ekuiper-native', system: 'ekuiper', dir, name: meta.name, details: { pluginType: meta.type, metadata: meta.file, version: makeVariable(dir, 'VERSION') ?? '1.0.0' } };
  }
  if (goMod.includes('module github.com/veertuinc/anklet') || (goMod && fs.existsSync(path.join(dir, 'plugins', 'handlers')) && files.has('main.go'))) {
    return { kind: 'anklet', system: 'anklet', dir, name: 'anklet', details: {} };
  }
  if (files.has('lgc.toml')) {
    const root = readToml(read(path.join(dir, 'lgc.toml')) ?? '').documents[0]?.root;
    const baseDir = stringValue(findProperty(findProperty(root, 'core')?.value, 'base_dir')?.value) ?? '.';
    return { kind: 'logcraft-project', system: 'logcraft', dir, name: base, details: { baseDir: path.resolve(dir, baseDir) } };
  }
  if (fs.existsSync(path.join(dir, 'wit'))) {
    const cargo = files.has('Cargo.toml') ? read(path.join(dir, 'Cargo.toml')) ?? '' : '';
    if (cargo.includes('wit-bindgen')) {
      const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? base;
      return { kind: 'logcraft-plugin-rust', system: 'logcraft', dir, name, details: { crate: name.replace(/-/g, '_') } };
    }
    const entry = ['main.py', 'app.py', 'plugin.py'].find((f) => files.has(f));
    if (entry) return { kind: 'logcraft-plugin-python', system: 'logcraft', dir, name: base, details: { entry: entry.replace(/\.py$/, '') } };
  }
  for (const file of files) {
    if (!file.endsWith('.json')) continue;
    const root = readJson(read(path.join(dir, file)) ?? '').documents[0]?.root;
    if (root && findProperty(root, 'language') && findProperty(root, 'executable') && !findProperty(root, 'about')) {
      return { kind: 'ekuiper-portable', system: 'ekuiper', dir, name: file.replace(/\.json$/, ''), details: { manifest: path.join(dir, file) } };
    }
  }
  return undefined;
}

/** The eKuiper metadata JSON of a native plugin project: its name and type. */
function ekuiperMetadata(dir: string): { name: string; type: 'source' | 'sink' | 'function'; file: string } | undefined {
  const candidates: string[] = [];
  for (const sub of ['', 'etc/sources', 'etc/sinks', 'etc/functions', 'sources', 'sinks', 'functions']) {
    const folder = path.join(dir, sub);
    for (const file of safeList(folder)) if (file.endsWith('.json')) candidates.push(path.join(folder, file));
  }
  for (const file of candidates) {
    const root = readJson(read(file) ?? '').documents[0]?.root;
    if (!root || !findProperty(root, 'about')) continue;
    const properties = findProperty(root, 'properties')?.value;
    const type = findProperty(root, 'functions') ? 'function' : properties?.type === 'array' ? 'sink' : 'source';
    return { name: path.basename(file, '.json'), type, file };
  }
  return undefined;
}

export function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** `VERSION ?= 1.2.0` in a Makefile. */
function makeVariable(dir: string, name: string): string | undefined {
  const text = read(path.join(dir, 'Makefile'));
  return text ? new RegExp(`^${name}\\s*[?:]?=\\s*v?(\\S+)`, 'm').exec(text)?.[1] : undefined;
}
