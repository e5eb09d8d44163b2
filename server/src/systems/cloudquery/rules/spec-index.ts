import * as path from 'node:path';
import { classify, classifyOnDisk, KINDS } from '../..';
import {
  deriveFolderFrom,
  deriveFrom,
  folderBacklogFrom,
  keptDocuments,
  findProperty,
  parseFile,
  stringValue,
  renameCount,
  treeFact,
  treeFacts,
  type FileAccess,
  type ObjectNode,
  type ParsedDocument,
  type ScalarNode,
  type ValueNode,
} from '../../../core';
import type { RuleContext } from '../../rule';
import { scanSpecNames } from '../spec-names-scan';

export type SpecKind = 'source' | 'destination' | 'transformer';

export interface SpecEntry {
  kind: SpecKind;
  name: string;
  /** The `name:` value node, when the spec is in the file being checked. */
  nameNode?: ScalarNode;
  spec: ObjectNode;
  /** The file it was found in. */
  file: string;
  /** keyOf(kind, name). */
  key?: string;
}

/** What the rules read of one CloudQuery document: its kind, spec and name. */
interface SpecFacts {
  kind: SpecKind;
  spec: ObjectNode;
  /** Absent when the name is missing, not text, or a placeholder. */
  name?: string;
  nameNode?: ScalarNode;
  /** `name:` is a placeholder: the real name is known at sync time only. */
  placeholderName: boolean;
  /** The entry specsInDocuments gave for this document last, in that file. */
  entry?: SpecEntry;
}

const SPEC_FACTS = treeFacts<SpecFacts | null>();

/** Kept per section tree (see treeFact): every rule of every keystroke asks this of every section. */
function specFacts(document: ParsedDocument): SpecFacts | undefined {
  if (!document.root) return undefined;
  return (
    treeFact(SPEC_FACTS, document.root, (root) => {
      const kindNode = findProperty(root, 'kind')?.value;
      // No kind at all is a source to the CLI (the zero value of its Kind type).
      const kind = kindNode ? stringValue(kindNode) : 'source';
      const spec = findProperty(root, 'spec')?.value;
      if (!((kind === 'source' || kind === 'destination' || kind === 'transformer') && spec?.type === 'object'))
        return null;
      const nameNode = findProperty(spec, 'name')?.value;
      const name = stringValue(nameNode);
      const placeholderName = isPlaceholder(nameNode);
      if (name === undefined || placeholderName) return { kind, spec, placeholderName };
      return { kind, spec, name, nameNode: nameNode as ScalarNode, placeholderName };
    }) ?? undefined
  );
}

/** The `kind` and `spec` of one CloudQuery document, if it is one. */
export function specOf(document: ParsedDocument): { kind: SpecKind; spec: ObjectNode } | undefined {
  return specFacts(document);
}

export function specsInDocuments(documents: ParsedDocument[], file: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  for (const document of documents) {
    const found = specFacts(document);
    if (found?.name === undefined) continue;
    if (found.entry?.file !== file)
      found.entry = {
        kind: found.kind,
        name: found.name,
        nameNode: found.nameNode,
        spec: found.spec,
        file,
        key: keyOf(found.kind, found.name),
      };
    entries.push(found.entry);
  }
  return entries;
}

/** A spec known by name only (from a sibling file): kind, name and where it is. */
export interface SpecName {
  kind: SpecKind;
  name: string;
  file: string;
  nameNode?: ScalarNode;
  /** keyOf(kind, name), where it was kept with the spec. */
  key?: string;
}

const SPEC_FILE = (name: string) => /\.ya?ml$/i.test(name);

/** The names a sibling spec file defines, as the host reads it; none if it is no CloudQuery spec. */
function namesInFile(file: string, text: string, files: FileAccess, checked?: RuleContext): SpecName[] {
  // The file being checked, unchanged since it was saved: its own classification and read stand
  // for the disk's (an open spends one parse, not two).
  const own = checked?.path === file && checked.classification && checked.text === text ? checked : undefined;
  // Recognised by its word, name, place or content; a spec recognised only beside others
  // ('context') is not one here (a sibling's index is what it would be recognised by).
  const recognised = own ? own.classification : classifyOnDisk(file, files);
  if (recognised?.kind !== 'cloudquery-spec' || recognised.source === 'context') return [];
  // A sibling of the plain shape is scanned, not parsed (scanSpecNames proves itself equal).
  const scanned = own ? undefined : scanSpecNames(text);
  if (scanned) return scanned.map(({ kind, name }) => ({ kind, name, file }));
  const documents = own ? own.documents : parseFile(text, KINDS['cloudquery-spec']).documents;
  return specsInDocuments(documents, file).map(({ kind, name }) => ({ kind, name, file }));
}

/** A folder's specs, with a lookup by kind and name: built once per folder, shared by all its files. */
interface FolderSpecs {
  all: SpecName[];
  byKey: Map<string, SpecName[]>;
}

/** One text for a kind and a name (a lookup key). */
export const keyOf = (kind: SpecKind, name: string) => `${kind}\0${name}`;

const NAMES_TAG = 'cloudquery.spec-names';

/**
 * The specs of every spec file in a folder, computed once per folder and shared by all its files
 * (`cloudquery sync <folder>` loads them together); each file's part is recomputed only when it
 * changes on disk.
 */
function folderSpecs(dir: string, files: FileAccess, checked?: RuleContext): FolderSpecs {
  return deriveFolderFrom(files, dir, NAMES_TAG, SPEC_FILE, (members) => {
    const all = members.flatMap(
      (file) => deriveFrom(files, file, NAMES_TAG, (text) => namesInFile(file, text, files, checked)) ?? [],
    );
    const byKey = new Map<string, SpecName[]>();
    for (const entry of all) {
      const key = keyOf(entry.kind, entry.name);
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
    return { all, byKey };
  });
}

/**
 * What a file's own documents define: each document's facts, how many documents have each kind
 * and name, and how many of each kind are named by a placeholder. Kept per file from one version
 * to the next: the documents an edit did not touch are the same objects (the section reader keeps
 * them), so a version costs its changed documents, not all of them. When the kinds and names of
 * the changed documents stay what they were (an edit elsewhere in a spec), the counts are the last
 * version's and so is `generation`; else they are counted again under a new generation. Never
 * changed once made: an older analysis still running keeps reading what it was given.
 */
interface OwnSpecs {
  documents: readonly ParsedDocument[];
  facts: ReadonlyArray<SpecFacts | undefined>;
  counts: ReadonlyMap<string, number>;
  placeholderNamed: ReadonlySet<SpecKind>;
  /** Keys that more than one document has. */
  repeated: number;
  /** Equal for two tables with the same names in the same order (what rules across documents read). */
  generation: number;
  renames: number;
  /**
   * What was asked of these names (a kind's names, the closest to a missing one), per folder
   * index: shared by every version of the same generation, so a keystroke that keeps a miss does
   * not list and compare all the names again.
   */
  answers: WeakMap<object, Map<string, unknown>>;
}

let generations = 0;

/** The last table per file (an open document is checked at every keystroke), a few hundred at most. */
const lastOwn = new Map<string, OwnSpecs>();
const ownByContext = new WeakMap<RuleContext, OwnSpecs>();

function ownSpecs(context: RuleContext): OwnSpecs {
  let own = ownByContext.get(context);
  if (own) return own;
  const last = lastOwn.get(context.path);
  own = last ? nextOwn(last, context.documents) : countOwn(context.documents, context.documents.map(specFacts));
  ownByContext.set(context, own);
  lastOwn.delete(context.path);
  lastOwn.set(context.path, own);
  if (lastOwn.size > 200) lastOwn.delete(lastOwn.keys().next().value as string);
  return own;
}

function nextOwn(last: OwnSpecs, documents: readonly ParsedDocument[]): OwnSpecs {
  if (last.documents === documents && last.renames === renameCount()) return last;
  if (last.renames !== renameCount()) return countOwn(documents, documents.map(specFacts));
  const old = last.documents;
  const { head, tail } = keptDocuments(old, documents);
  const changed = documents.slice(head, documents.length - tail).map(specFacts);
  const facts = last.facts.slice(0, head).concat(changed, last.facts.slice(old.length - tail));
  const before = last.facts.slice(head, old.length - tail);
  const sameNames =
    before.length === changed.length &&
    before.every((f, i) => {
      const g = changed[i];
      return f?.kind === g?.kind && f?.name === g?.name && f?.placeholderName === g?.placeholderName;
    });
  return sameNames ? { ...last, documents, facts } : countOwn(documents, facts);
}

function countOwn(documents: readonly ParsedDocument[], facts: ReadonlyArray<SpecFacts | undefined>): OwnSpecs {
  const counts = new Map<string, number>();
  const placeholderNamed = new Set<SpecKind>();
  let repeated = 0;
  for (const found of facts) {
    if (found?.placeholderName) placeholderNamed.add(found.kind);
    if (found?.name === undefined) continue;
    const key = keyOf(found.kind, found.name);
    const count = (counts.get(key) ?? 0) + 1;
    if (count === 2) repeated++;
    counts.set(key, count);
  }
  return {
    documents,
    facts,
    counts,
    placeholderNamed,
    repeated,
    generation: ++generations,
    renames: renameCount(),
    answers: new WeakMap(),
  };
}

/** Whether two documents of the file have the same kind and name (what duplicate-names reports). */
export function hasRepeatedNames(context: RuleContext): boolean {
  return ownSpecs(context).repeated > 0;
}

/**
 * Which specs a file can refer to: its own documents, then the other spec files of its folder.
 * The folder's part is the shared FolderSpecs (this file's own entries in it skipped at lookup),
 * so building one costs the file's own documents, not the folder's size.
 */
export class SpecIndex {
  constructor(
    private readonly own: OwnSpecs,
    /** Undefined while the folder is still to be read (see DEFER_FOLDER_BYTES): no name is missing yet. */
    readonly folder: FolderSpecs | undefined,
    private readonly self: string,
  ) {}

  /** Changes whenever what `has`, `names` or `placeholderNamed` answer may change. */
  get across(): readonly unknown[] {
    return [this.own.generation, this.folder];
  }

  has(kind: SpecKind, name: string, key = keyOf(kind, name)): boolean {
    if (this.own.counts.has(key) || !this.folder) return true;
    return this.folder.byKey.get(key)?.some((e) => e.file !== this.self) ?? false;
  }

  /** Whether some own spec of this kind is named by a placeholder (its real name is known at sync time only). */
  placeholderNamed(kind: SpecKind): boolean {
    return this.own.placeholderNamed.has(kind);
  }

  /** The distinct names of a kind, in file order (own documents, then siblings by file name). */
  /** `compute`'s answer for `key`, kept while the names and the folder's index are the same. */
  answer<T>(key: string, compute: () => T): T {
    const byFolder = this.folder ?? NO_FOLDER;
    let answers = this.own.answers.get(byFolder);
    if (!answers) this.own.answers.set(byFolder, (answers = new Map()));
    if (answers.size > 500) answers.clear(); // a reference typed one character at a time
    if (!answers.has(key)) answers.set(key, compute());
    return answers.get(key) as T;
  }

  names(kind: SpecKind): string[] {
    const seen = new Set<string>();
    const names: string[] = [];
    const add = (entry: { kind: SpecKind; name?: string }) => {
      if (entry.kind !== kind || entry.name === undefined || seen.has(entry.name)) return;
      seen.add(entry.name);
      names.push(entry.name);
    };
    for (const found of this.own.facts) if (found) add(found);
    for (const entry of this.folder?.all ?? []) if (entry.file !== this.self) add(entry);
    return names;
  }
}

const indexes = new WeakMap<RuleContext, SpecIndex>();
const NO_FOLDER = {};

/**
 * Sibling specs holding more than this (not read yet) are read after an open's first diagnostics,
 * not before: 20 files of 500 lines took 300-500 ms, which yaml-language-server never spends.
 */
const DEFER_FOLDER_BYTES = 64 * 1024;

/** The spec index of a file, built once per analysis (every rule of that analysis shares it). */
export function specIndex(context: RuleContext): SpecIndex {
  let index = indexes.get(context);
  if (!index) {
    const dir = path.dirname(context.path);
    const { files } = context;
    let folder: FolderSpecs | undefined;
    if (context.defer && folderBacklogFrom(files, dir, NAMES_TAG, SPEC_FILE, context.path) > DEFER_FOLDER_BYTES)
      context.defer(() => folderSpecs(dir, files, context));
    else folder = folderSpecs(dir, files, context);
    index = new SpecIndex(ownSpecs(context), folder, context.path);
    indexes.set(context, index);
  }
  return index;
}

/**
 * The distinct names of a kind a file can refer to, own documents first, then its siblings'. From
 * the file's table of its own specs, kept from one version to the next: completion right after a
 * keystroke lists them without reading (and moving) every document's tree.
 */
export function specNames(context: RuleContext, kind: SpecKind): string[] {
  const index = specIndex(context);
  return index.answer(`names-of\0${kind}`, () => index.names(kind));
}

/**
 * Specs visible to a file: its own documents and those of every spec file in the same folder,
 * since `cloudquery sync <folder>` loads them all together.
 */
export function visibleSpecs(context: RuleContext): SpecName[] {
  const own = specsInDocuments(context.documents, context.path);
  const siblings = folderSpecs(path.dirname(context.path), context.files, context).all.filter(
    (s) => s.file !== context.path,
  );
  return [...own, ...siblings];
}

/** The other CloudQuery spec files of the folder (`cloudquery sync <folder>` loads them together). */
export function siblingSpecFiles(context: RuleContext): string[] {
  const dir = path.dirname(context.path);
  const files: string[] = [];
  for (const name of context.files.list(dir)) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const file = path.join(dir, name);
    if (file === context.path) continue;
    if (
      deriveFrom(
        context.files,
        file,
        'cloudquery.is-spec',
        (text) => classify({ path: file, text }).kind === 'cloudquery-spec',
      )
    )
      files.push(file);
  }
  return files;
}

export function isPlaceholder(node: ValueNode | undefined): boolean {
  return node?.type === 'scalar' && node.placeholder === true;
}
