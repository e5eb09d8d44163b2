import * as path from 'node:path';
import { KINDS, KIND_IDS, type KindDefinition, type KindId } from '../kinds';
import { readJson } from '../parse/json-reader';
import { readToml } from '../parse/toml-reader';
import { readYaml } from '../parse/yaml-reader';
import { substitutePlaceholders } from '../parse/placeholders';
import { findProperty } from '../parse/tree-builder';
import type { ParsedDocument } from '../types';
import { slashPath, type FileAccess } from '../workspace';
import { matchesSignature } from './content-signature';
import { explicitKind } from './modeline';

export type ClassificationSource = 'forced' | 'modeline' | 'path' | 'content' | 'context';

export interface Classification {
  kind?: KindId;
  source?: ClassificationSource;
  /** A modeline naming a kind id we do not know. */
  unknownModeline?: { id: string; offset: number };
}

export interface ClassifyInput {
  path: string;
  text: string;
  /** A kind the caller already knows (CLI `--kind`, a user's file association). */
  forcedKind?: KindId;
  files?: FileAccess;
}

/**
 * Which manifest kind is this file? An explicit choice (forced, then modeline) wins; then the
 * file's name and place; then its content; then its place relative to other manifests (a
 * LogCraft detection under an `lgc.toml` workspace). Anything else is not ours.
 */
export function classify(input: ClassifyInput): Classification {
  if (input.forcedKind) return { kind: input.forcedKind, source: 'forced' };
  const explicit = explicitKind(input.text);
  if (explicit.kind) return { kind: explicit.kind, source: 'modeline' };
  const unknownModeline = explicit.unknown ? { id: explicit.unknown, offset: explicit.offset ?? 0 } : undefined;
  const file = slashPath(input.path);
  const format = formatOf(file);
  const result = (kind: KindId | undefined, source: ClassificationSource): Classification =>
    kind ? { kind, source, unknownModeline } : { unknownModeline };

  const byPath = KIND_IDS.find((id) => KINDS[id].format === format && KINDS[id].paths?.some((p) => p.test(file)));
  if (byPath) return result(byPath, 'path');
  if (!format || format === 'toml') return result(undefined, 'content');

  const documents = readForSniffing(input.text, format);
  const byContent = KIND_IDS.find((id) => contentMatches(KINDS[id], file, format, documents));
  if (byContent) return result(byContent, 'content');

  if (input.files) {
    const byContext = classifyByContext(input.path, format, input.files) ?? startedBeside(input.path, format, documents, input.files);
    if (byContext) return result(byContext, 'context');
  }
  return result(undefined, 'content');
}

export function formatOf(file: string): 'yaml' | 'json' | 'toml' | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  return undefined;
}

function readForSniffing(text: string, format: 'yaml' | 'json'): ParsedDocument[] {
  if (format === 'json') return readJson(text).documents;
  return readYaml(substitutePlaceholders(text, 'yaml').text, { version: '1.2' }).documents;
}

function contentMatches(kind: KindDefinition, file: string, format: string, documents: ParsedDocument[]): boolean {
  if (kind.format !== format || !kind.content) return false;
  if (kind.content.paths && !kind.content.paths.some((p) => p.test(file))) return false;
  const candidates = kind.multiDocument ? documents : documents.filter((d) => d.root).slice(0, 1);
  return candidates.some((doc) => kind.content!.signatures.some((s) => matchesSignature(doc.root, s)));
}

/** Kinds recognised by their place next to other manifests. */
function classifyByContext(file: string, format: 'yaml' | 'json', files: FileAccess): KindId | undefined {
  if (format !== 'yaml') return undefined;
  const absolute = path.resolve(file);
  // An eKuiper source config sits beside its metadata: random.yaml + random.json.
  const sibling = absolute.replace(/\.ya?ml$/i, '.json');
  const siblingText = files.readText(sibling);
  if (siblingText !== undefined) {
    const meta = readJson(siblingText).documents[0]?.root;
    if (meta && findProperty(meta, 'about') && findProperty(meta, 'properties')?.value.type === 'object') {
      return 'ekuiper-source-config';
    }
  }
  return isLogcraftDetection(absolute, files) ? 'logcraft-detection' : undefined;
}

/** `<project>/<workspace>/<plugin>/<detection>.yaml` below an `lgc.toml`. */
function isLogcraftDetection(file: string, files: FileAccess): boolean {
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

/** How many files of a folder are read to recognise a file that is still being written. */
const MAX_SIBLINGS = 40;

/**
 * A file that holds nothing yet but some of a kind's top-level keys (`startedBeside`) takes the
 * kind of a sibling recognised by content.
 */
function startedBeside(file: string, format: 'yaml' | 'json', documents: ParsedDocument[], files: FileAccess): KindId | undefined {
  const candidates = KIND_IDS.filter((id) => KINDS[id].format === format && KINDS[id].startedBeside);
  if (!candidates.length) return undefined;
  // At least one key typed: an empty file stays unrecognised (a folder walk does not count it).
  const roots = documents.map((doc) => doc.root).filter((root) => root && !(root.type === 'scalar' && root.value === null));
  const started = (keys: string[]) =>
    roots.length > 0 && roots.every((root) => root?.type === 'object' && root.properties.length > 0 && root.properties.every((p) => keys.includes(p.key)));
  const fitting = candidates.filter((id) => started(KINDS[id].startedBeside!.keys));
  if (!fitting.length) return undefined;
  const absolute = path.resolve(file);
  const siblings = files
    .list(path.dirname(absolute))
    .filter((name) => formatOf(name) === format)
    .map((name) => path.join(path.dirname(absolute), name))
    .filter((sibling) => sibling !== absolute)
    .slice(0, MAX_SIBLINGS);
  for (const sibling of siblings) {
    const text = files.readText(sibling);
    if (text === undefined) continue;
    const siblingDocs = readForSniffing(text, format);
    const kind = fitting.find((id) => contentMatches(KINDS[id], slashPath(sibling), format, siblingDocs));
    if (kind) return kind;
  }
  return undefined;
}
