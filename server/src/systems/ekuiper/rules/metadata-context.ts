import * as path from 'node:path';
import { asObject, deriveFrom, findProperty, type KindId, type ObjectNode, type Span } from '../../../core';
import type { RuleContext } from '../../rule';
import { isPortableManifestFile } from './package-context';

// Shared by the rules on a plugin's metadata JSON (`<name>.json` of a source, sink or function):
// where the plugin's project is, its Go sources, its build outputs. Not a rule itself.
//
// Layouts a native plugin's metadata is found in (eKuiper: internal/plugin/native/manager.go):
//  - flat: the zip's root, or eKuiper's own extensions/<type>s/<name>/: `<name>.json`, `<name>.yaml`
//    and the Go code side by side;
//  - installed / project: `<root>/etc/<type>s/<name>.json` (+ `<name>.yaml`), the Go code at
//    `<root>`, the build output in `<root>/plugins/<type>s/`.
// A portable plugin's metadata sits in `<package>/<type>s/` below the package's manifest: its
// program registers by name through the SDK, so native naming rules do not apply to it.

export type PluginType = 'source' | 'sink' | 'function';

const TYPE_OF_KIND: Partial<Record<KindId, PluginType>> = {
  'ekuiper-source-meta': 'source',
  'ekuiper-sink-meta': 'sink',
  'ekuiper-function-meta': 'function',
};

const TYPE_OF_FOLDER: Record<string, PluginType> = { sources: 'source', sinks: 'sink', functions: 'function' };

export const METADATA_KINDS: readonly KindId[] = ['ekuiper-source-meta', 'ekuiper-sink-meta', 'ekuiper-function-meta'];

export function pluginTypeOf(kind: KindId): PluginType | undefined {
  return TYPE_OF_KIND[kind];
}

/** The plugin type a folder name stands for (`sources` -> source), if it does. */
export function pluginTypeOfFolder(folder: string): PluginType | undefined {
  return Object.prototype.hasOwnProperty.call(TYPE_OF_FOLDER, folder) ? TYPE_OF_FOLDER[folder] : undefined;
}

/** The plugin's name: eKuiper reads the metadata of plugin `<name>` from `<name>.json`. */
export function pluginName(context: RuleContext): string {
  return path.basename(context.path).replace(/\.json$/i, '');
}

/** `Random` for `random`: the symbol eKuiper looks up and the capitalised `.so` name. */
export function ucFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function metadataRoot(context: RuleContext): ObjectNode | undefined {
  return asObject(context.documents[0]?.root);
}

/**
 * Where diagnostics about the plugin as a whole (its build output, its Go code, its companion
 * YAML) are shown in the metadata file: the `about` key (every metadata file has one; eKuiper
 * refuses the file without it), else the first key, else the file's first character.
 */
export function pluginAnchor(context: RuleContext): Span {
  const root = metadataRoot(context);
  const property = findProperty(root, 'about') ?? root?.properties[0];
  return property ? { start: property.keyStart, end: property.keyEnd } : { start: 0, end: 1 };
}

/** `<root>` when the metadata sits in `<root>/etc/<type>s/`, the eKuiper installation layout. */
export function etcRoot(context: RuleContext): string | undefined {
  const dir = path.dirname(context.path);
  const parent = path.dirname(dir);
  return pluginTypeOfFolder(path.basename(dir)) && path.basename(parent) === 'etc' ? path.dirname(parent) : undefined;
}

/**
 * Whether the metadata belongs to a portable plugin: it sits in `<type>s/` below a folder whose
 * root holds a portable manifest.
 */
export function belongsToPortable(context: RuleContext): boolean {
  const dir = path.dirname(context.path);
  if (!pluginTypeOfFolder(path.basename(dir))) return false;
  const pkg = path.dirname(dir);
  return context.files.list(pkg).some((name) => {
    if (!name.toLowerCase().endsWith('.json')) return false;
    const file = path.join(pkg, name);
    return context.files.isFile(file) && isPortableManifestFile(file, context.files);
  });
}

/** Folders whose Go code builds this plugin: the metadata's folder, and the project root of an etc/ layout. */
export function goFolders(context: RuleContext): string[] {
  const folders = [path.dirname(context.path)];
  const root = etcRoot(context);
  if (root) folders.push(root);
  return folders;
}

/** The `package main` Go sources (not tests) of the plugin: a Go plugin is built from package main. */
export function mainGoSources(context: RuleContext): Array<{ file: string; code: string }> {
  const sources: Array<{ file: string; code: string }> = [];
  for (const dir of goFolders(context)) {
    for (const name of context.files.list(dir)) {
      if (!name.endsWith('.go') || name.endsWith('_test.go')) continue;
      const file = path.join(dir, name);
      // Stripped and tested once per version of the file.
      const code = deriveFrom(context.files, file, 'ekuiper.main-go', (text) => {
        const stripped = stripGoComments(text);
        return /^\s*package\s+main\b/m.test(stripped) ? stripped : undefined;
      });
      if (code !== undefined) sources.push({ file, code });
    }
  }
  return sources;
}

/** Go source without comments (good enough to find top-level declarations). */
export function stripGoComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:"'`])\/\/[^\n]*/g, '$1');
}

/**
 * Whether Go code declares `symbol` at the top level as eKuiper can look it up: `func Name(...)`,
 * `var Name ...` / `var Name = ...`, or an entry in a `var ( ... )` block. Methods do not count.
 */
export function declaresSymbol(code: string, symbol: string): boolean {
  const name = escapeRegExp(symbol);
  if (new RegExp(`^func\\s+${name}\\s*[[(]`, 'm').test(code)) return true;
  if (new RegExp(`^var\\s+(?:\\w+\\s*,\\s*)*${name}\\b(?!\\s*:)`, 'm').test(code)) return true;
  for (const block of code.matchAll(/^var\s*\(([\s\S]*?)^\)/gm)) {
    if (new RegExp(`^\\s*(?:\\w+\\s*,\\s*)*${name}\\b(?!\\s*:)`, 'm').test(block[1])) return true;
  }
  return false;
}

/**
 * Where a native plugin's `.so` is found near its metadata: the metadata's own folder (a zip's
 * root holds the `.so` beside `<name>.json`), and the `plugins/<type>s/` folders where
 * `go build --buildmode=plugin -o` puts it, in the metadata's folder or up to three levels above
 * it (the project root of an etc/ layout, or eKuiper's own root above extensions/<type>s/<name>/).
 */
export function soFolders(context: RuleContext, type: PluginType): string[] {
  let dir = path.dirname(context.path);
  const folders: string[] = [dir];
  for (let level = 0; level < 4; level++) {
    const candidate = path.join(dir, 'plugins', `${type}s`);
    if (context.files.isDirectory(candidate)) folders.push(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return folders;
}

/** eKuiper's own check on a native plugin's `.so`: `^(name|Name)(@.*)?\.so$`. */
export function isValidSoName(file: string, name: string): boolean {
  return new RegExp(`^(${escapeRegExp(name)}|${escapeRegExp(ucFirst(name))})(@.*)?\\.so$`).test(file);
}

/**
 * Whether a `.so` file name is evidently meant for plugin `name`: its name before `@` is the
 * plugin's in any case (`RANDOM.so`), or the plugin's name followed by a version-like suffix
 * (`random-1.0.so`, `random_v1.so`, `Random.v2.so`). Other plugins' `.so` files in the same
 * folder are left alone.
 */
export function isSoFor(file: string, name: string): { version?: string } | undefined {
  if (!file.endsWith('.so')) return undefined;
  const stem = file.slice(0, -3);
  const lower = stem.toLowerCase();
  const plugin = name.toLowerCase();
  if (lower.split('@')[0] === plugin) {
    const at = stem.indexOf('@');
    return { version: at >= 0 ? stem.slice(at + 1) || undefined : undefined };
  }
  if (!lower.startsWith(plugin)) return undefined;
  const rest = /^[-_.@]+(v?\d[\w.+-]*)$/i.exec(stem.slice(name.length));
  return rest ? { version: rest[1] } : undefined;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
