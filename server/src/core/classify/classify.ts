import * as path from 'node:path';
import type { KindDefinition, KindId, KindTable } from '../kinds';
import { readJson } from '../parse/json-reader';
import { readYaml } from '../parse/yaml-reader';
import { substitutePlaceholders } from '../parse/placeholders';
import type { ParsedDocument } from '../types';
import { deriveFrom } from '../file-cache';
import { nodeFileAccess, slashPath, type FileAccess } from '../workspace';
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
 * file's name and place; then its content; then its place relative to other manifests (each
 * kind's `byNeighbours`). Anything else is not ours. `kinds` is the table to choose from
 * (server/src/systems builds it).
 */
export function classify(input: ClassifyInput, kinds: KindTable): Classification {
  if (input.forcedKind) return { kind: input.forcedKind, source: 'forced' };
  const explicit = explicitKind(input.text, (id) => kinds.some((k) => k.id === id));
  if (explicit.kind) return { kind: explicit.kind, source: 'modeline' };
  const unknownModeline = explicit.unknown ? { id: explicit.unknown, offset: explicit.offset ?? 0 } : undefined;
  const file = slashPath(input.path);
  const format = formatOf(file);
  const result = (kind: KindId | undefined, source: ClassificationSource): Classification =>
    kind ? { kind, source, unknownModeline } : { unknownModeline };

  const byPath = kinds.find((k) => k.format === format && k.paths?.some((p) => p.test(file)) && placeFits(k, input));
  if (byPath) return result(byPath.id, 'path');
  // Files that are not manifests (go.mod, a Makefile, sources, a zip) are recognised by name and place only.
  const byPlace = kinds.find((k) => isProjectFormat(k) && k.paths?.some((p) => p.test(file)) && placeFits(k, input));
  if (byPlace) return result(byPlace.id, 'path');
  if (!format || format === 'toml') return result(undefined, 'content');

  const documents = readForSniffing(input.text, format);
  const byContent = kinds.find((k) => contentMatches(k, file, format, documents));
  if (byContent) return result(byContent.id, 'content');

  if (input.files) {
    const absolute = path.resolve(input.path);
    const byContext =
      kinds.find((k) => k.format === format && k.byNeighbours?.(absolute, input.files!))?.id ??
      startedBeside(kinds, input.path, format, documents, input.files);
    if (byContext) return result(byContext, 'context');
  }
  return result(undefined, 'content');
}

function isProjectFormat(kind: KindDefinition): boolean {
  return kind.format === 'text' || kind.format === 'binary';
}

function placeFits(kind: KindDefinition, input: ClassifyInput): boolean {
  if (!kind.place) return true;
  try {
    return kind.place(path.resolve(input.path), input.text, input.files ?? nodeFileAccess());
  } catch {
    return false;
  }
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

/** How many files of a folder are read to recognise a file that is still being written. */
const MAX_SIBLINGS = 40;

/**
 * A file that holds nothing yet but some of a kind's top-level keys (`startedBeside`) takes the
 * kind of a sibling recognised by content.
 */
function startedBeside(
  kinds: KindTable,
  file: string,
  format: 'yaml' | 'json',
  documents: ParsedDocument[],
  files: FileAccess,
): KindId | undefined {
  const candidates = kinds.filter((k) => k.format === format && k.startedBeside);
  if (!candidates.length) return undefined;
  // At least one key typed: an empty file stays unrecognised (a folder walk does not count it).
  const roots = documents
    .map((doc) => doc.root)
    .filter((root) => root && !(root.type === 'scalar' && root.value === null));
  const started = (keys: string[]) =>
    roots.length > 0 &&
    roots.every(
      (root) =>
        root?.type === 'object' && root.properties.length > 0 && root.properties.every((p) => keys.includes(p.key)),
    );
  const fitting = candidates.filter((k) => started(k.startedBeside!.keys));
  if (!fitting.length) return undefined;
  const absolute = path.resolve(file);
  const siblings = files
    .list(path.dirname(absolute))
    .filter((name) => formatOf(name) === format)
    .map((name) => path.join(path.dirname(absolute), name))
    .filter((sibling) => sibling !== absolute)
    .slice(0, MAX_SIBLINGS);
  for (const sibling of siblings) {
    const kind = deriveFrom(files, sibling, `classify.started-beside.${fitting.map((k) => k.id).join(',')}`, (text) => {
      const siblingDocs = readForSniffing(text, format);
      return fitting.find((k) => contentMatches(k, slashPath(sibling), format, siblingDocs))?.id ?? null;
    });
    if (kind) return kind;
  }
  return undefined;
}
