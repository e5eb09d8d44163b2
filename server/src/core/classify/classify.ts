import * as path from 'node:path';
import type { KindDefinition, KindId, KindTable } from '../kinds';
import { readJson } from '../parse/json-reader';
import { readYaml } from '../parse/yaml-reader';
import { commonEnds } from '../parse/memo';
import { substitutePlaceholders } from '../parse/placeholders';
import type { ParsedDocument } from '../types';
import { deriveFrom } from '../file-cache';
import { nodeFileAccess, slashPath, type FileAccess } from '../workspace';
import { matchesSignature } from './content-signature';
import { explicitKind } from './modeline';
import { NESTED_KEY, sniffSkeleton } from './sniff-skeleton';
import { sniffLines } from './line-sniff';

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
  /** What the previous sniff of this file read: reused while the text's top-level shape is the same. */
  memo?: SniffMemo;
  /** Sniff the whole text, not its skeleton (the text does not read cleanly: see sniffSkeleton). */
  whole?: boolean;
}

/**
 * A file's last content sniff. Recognising a kind by content looks only at the top level of each
 * document (its keys, their scalar values and types, a top-level list's first entry): while those
 * lines are unchanged, so is the verdict, and an edit deeper in the file (every keystroke in a
 * 10k-line Kubernetes file) costs one scan of the text instead of a parse.
 */
export interface SniffMemo {
  shape?: string;
  /** The text `shape` is of. */
  text?: string;
  documents?: ParsedDocument[];
  /** Whether the last classification took the documents from the memo instead of reading them. */
  reused?: boolean;
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

  const byName = kindByName(input, kinds, file, format);
  if (byName) return result(byName, 'path');
  if (!format || format === 'toml') return result(undefined, 'content');

  const documents = sniffedDocuments(input, format);
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

/**
 * What a file's name and place alone say, without its text (no modeline, no content): all that
 * recognises a binary kind (a plugin zip), so a caller can tell one before reading the file.
 */
export function classifyByName(input: ClassifyInput, kinds: KindTable): Classification {
  if (input.forcedKind) return { kind: input.forcedKind, source: 'forced' };
  const file = slashPath(input.path);
  const kind = kindByName(input, kinds, file, formatOf(file));
  return kind ? { kind, source: 'path' } : {};
}

function kindByName(input: ClassifyInput, kinds: KindTable, file: string, format: string | undefined) {
  const byPath = kinds.find((k) => k.format === format && k.paths?.some((p) => p.test(file)) && placeFits(k, input));
  if (byPath) return byPath.id;
  // Files that are not manifests (go.mod, a Makefile, sources, a zip) are recognised by name and place only.
  return kinds.find((k) => isProjectFormat(k) && k.paths?.some((p) => p.test(file)) && placeFits(k, input))?.id;
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

function sniffedDocuments(input: ClassifyInput, format: 'yaml' | 'json'): ParsedDocument[] {
  const memo = input.memo;
  if (!memo) return readForSniffing(input.text, format, input.whole);
  const shape = format === 'yaml' ? topLevelShapeAfter(memo.text, memo.shape, input.text) : undefined;
  memo.text = shape === undefined ? undefined : input.text;
  memo.reused = shape !== undefined && shape === memo.shape && memo.documents !== undefined;
  if (memo.reused) return memo.documents!;
  memo.shape = shape;
  memo.documents = readForSniffing(input.text, format, input.whole);
  return memo.documents;
}

/**
 * The lines of a YAML text that a content signature can see: every line that starts at the left
 * margin (keys of the top level, document markers, directives), the first content line under each
 * (only that it is a mapping, when it is), and, when it starts a list, the whole of its first entry.
 */

export function topLevelShape(text: string): string {
  const out: string[] = [];
  shapeScan(text, 0, text.length, { state: 0, dash: 0 }, out);
  return out.join('\n');
}

/**
 * topLevelShape(text), given that of the last text: the same when every line an edit changed, in
 * both texts, is one the scan skips (blank or indented) at a point where it keeps nothing of
 * indented lines (past the first line under a top-level key and past a top-level list's first
 * entry); else scanned afresh. An edit deep in a section costs a look at its own lines.
 */
export function topLevelShapeAfter(last: string | undefined, lastShape: string | undefined, text: string): string {
  if (last === undefined || lastShape === undefined) return topLevelShape(text);
  if (last === text) return lastShape;
  const { prefix, suffix } = commonEnds(last, text);
  const from = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
  const skipped = (t: string) => {
    const to = t.indexOf('\n', t.length - suffix);
    return skipsLines(t, from, to === -1 ? t.length : to);
  };
  if (skipped(last) && skipped(text) && stateAt(text, from) === 0) return lastShape;
  return topLevelShape(text);
}

/** How far back the scan looks for the top-level line an edited line is under before scanning afresh. */
const SHAPE_LOOKBACK = 64 * 1024;

/** Whether every line starting in [from, to] is blank or indented (a line the scan keeps nothing of in state 0). */
function skipsLines(text: string, from: number, to: number): boolean {
  for (let start = from; start <= to;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    if (!(start === end || first === 13 || first === 32 || first === 9)) return false;
    if (end >= text.length) break;
    start = end + 1;
  }
  return true;
}

/** The scan's state at the line starting at `lineStart` (undefined: too far from its top-level line). */
function stateAt(text: string, lineStart: number): number | undefined {
  let start = lineStart;
  while (start > 0) {
    // (lastIndexOf reads a negative position as 0)
    const previous = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
    const first = text.charCodeAt(previous);
    const blank = previous === start - 1 || first === 13;
    if (!blank && first !== 32 && first !== 9 && first !== 35) {
      const state = { state: 0, dash: 0 };
      shapeScan(text, previous, lineStart, state);
      return state.state;
    }
    start = previous;
    if (lineStart - start > SHAPE_LOOKBACK) return undefined;
  }
  return 0;
}

/**
 * topLevelShape's line loop over the lines starting in [from, to), from `at` (updated); keeps what
 * it sees in `out` when given. State 0: at the top level; 1: the first line under a top-level line
 * is next; 2: inside a first list entry (its dash at `dash`).
 */
function shapeScan(text: string, from: number, to: number, at: { state: number; dash: number }, out?: string[]): void {
  let { state, dash } = at;
  for (let start = from; start < to;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    const blank = start === end || first === 13;
    if (!blank && first !== 32 && first !== 9) {
      // Comments at the margin say nothing about the content (a modeline is read on its own).
      if (first !== 35) {
        out?.push(text.slice(start, end));
        state = 1;
      }
    } else if (!blank && state > 0) {
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32 || text.charCodeAt(start + indent) === 9) indent++;
      const c = text.charCodeAt(start + indent);
      const content = start + indent < end && c !== 13 && c !== 35;
      if (content && state === 1) {
        // A mapping under a top-level key is all a signature sees of it (its type): not its lines.
        const line = text.slice(start + indent, end);
        out?.push(NESTED_KEY.test(line) ? ' {' : text.slice(start, end));
        if (c === 45 /* - */) {
          state = 2;
          dash = indent;
        } else state = 0;
      } else if (content && state === 2) {
        if (indent > dash) out?.push(text.slice(start, end));
        else state = 0;
      }
    }
    start = end + 1;
  }
  at.state = state;
  at.dash = dash;
}

/** Below this size a text is read whole: a skeleton would save less than it costs to make. */
const SKELETON_MIN_LENGTH = 4096;

/**
 * The documents a content sniff reads. Exported for the test that proves a skeleton's reading
 * equal to the whole text's for everything a signature sees (`skeletonFrom`: the size from which a
 * skeleton is tried).
 */
export function readForSniffing(
  text: string,
  format: 'yaml' | 'json',
  whole = false,
  skeletonFrom = SKELETON_MIN_LENGTH,
): ParsedDocument[] {
  if (format === 'json') return readJson(text).documents;
  const substituted = substitutePlaceholders(text, 'yaml').text;
  // The plain block shape is read from its lines (see sniffLines), without a parse.
  const scanned = whole ? undefined : sniffLines(substituted);
  if (scanned) return scanned;
  const read = (yaml: string) => readYaml(yaml, { version: '1.2' });
  // Only the lines a content signature can see (see sniffSkeleton); read whole when they do not
  // read cleanly on their own, or are most of the text anyway.
  const skeleton = whole || text.length < skeletonFrom ? undefined : sniffSkeleton(text);
  if (skeleton !== undefined && skeleton.length < text.length / 2) {
    const reduced = read(substitutePlaceholders(skeleton, 'yaml').text);
    if (!reduced.diagnostics.length) return reduced.documents;
  }
  return read(substituted).documents;
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
