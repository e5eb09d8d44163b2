import * as path from 'node:path';
import { classify, classifyOnDisk, KINDS } from '../..';
import {
  deriveFolderFrom,
  deriveFrom,
  folderBacklogFrom,
  findProperty,
  parseFile,
  stringValue,
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
 * Which specs a file can refer to: its own documents, then the other spec files of its folder.
 * The folder's part is the shared FolderSpecs (this file's own entries in it skipped at lookup),
 * so building one costs the file's own documents, not the folder's size.
 */
export class SpecIndex {
  private readonly own = new Map<string, SpecName[]>();
  private readonly ownOrder: SpecName[] = [];

  constructor(
    own: SpecName[],
    /** Undefined while the folder is still to be read (see DEFER_FOLDER_BYTES): no name is missing yet. */
    private readonly folder: FolderSpecs | undefined,
    private readonly self: string,
  ) {
    for (const entry of own) {
      const key = entry.key ?? keyOf(entry.kind, entry.name);
      const list = this.own.get(key);
      if (list) list.push(entry);
      else {
        this.own.set(key, [entry]);
        this.ownOrder.push(entry);
      }
    }
  }

  has(kind: SpecKind, name: string, key = keyOf(kind, name)): boolean {
    if (this.own.has(key) || !this.folder) return true;
    return this.folder.byKey.get(key)?.some((e) => e.file !== this.self) ?? false;
  }

  /** Every spec of that kind and name, own documents first. */
  find(kind: SpecKind, name: string): SpecName[] {
    const key = keyOf(kind, name);
    return [...(this.own.get(key) ?? []), ...(this.folder?.byKey.get(key) ?? []).filter((e) => e.file !== this.self)];
  }

  /** The distinct names of a kind, in file order (own documents, then siblings by file name). */
  names(kind: SpecKind): string[] {
    const seen = new Set<string>();
    const names: string[] = [];
    const add = (entry: SpecName) => {
      if (entry.kind !== kind || seen.has(entry.name)) return;
      seen.add(entry.name);
      names.push(entry.name);
    };
    for (const entry of this.ownOrder) add(entry);
    for (const entry of this.folder?.all ?? []) if (entry.file !== this.self) add(entry);
    return names;
  }
}

const indexes = new WeakMap<RuleContext, SpecIndex>();

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
    index = new SpecIndex(specsInDocuments(context.documents, context.path), folder, context.path);
    indexes.set(context, index);
  }
  return index;
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

/** A spec of this kind whose name is a placeholder: its real name is only known at sync time. */
export function hasPlaceholderName(documents: ParsedDocument[], kind: SpecKind): boolean {
  return documents.some((document) => {
    const found = specFacts(document);
    return found?.kind === kind && found.placeholderName;
  });
}
