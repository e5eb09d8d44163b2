import * as path from 'node:path';
import { classify, KINDS } from '../..';
import {
  deriveFolderFrom,
  deriveFrom,
  findProperty,
  parseFile,
  stringValue,
  type FileAccess,
  type ObjectNode,
  type ParsedDocument,
  type ScalarNode,
  type ValueNode,
} from '../../../core';
import type { RuleContext } from '../../rule';

export type SpecKind = 'source' | 'destination' | 'transformer';

export interface SpecEntry {
  kind: SpecKind;
  name: string;
  /** The `name:` value node, when the spec is in the file being checked. */
  nameNode?: ScalarNode;
  spec: ObjectNode;
  /** The file it was found in. */
  file: string;
}

/** The `kind` and `spec` of one CloudQuery document, if it is one. */
export function specOf(document: ParsedDocument): { kind: SpecKind; spec: ObjectNode } | undefined {
  const kindNode = findProperty(document.root, 'kind')?.value;
  // No kind at all is a source to the CLI (the zero value of its Kind type).
  const kind = kindNode ? stringValue(kindNode) : 'source';
  const spec = findProperty(document.root, 'spec')?.value;
  if ((kind === 'source' || kind === 'destination' || kind === 'transformer') && spec?.type === 'object')
    return { kind, spec };
  return undefined;
}

export function specsInDocuments(documents: ParsedDocument[], file: string): SpecEntry[] {
  const entries: SpecEntry[] = [];
  for (const document of documents) {
    const found = specOf(document);
    if (!found) continue;
    const nameNode = findProperty(found.spec, 'name')?.value;
    const name = stringValue(nameNode);
    if (name === undefined || (nameNode as ScalarNode).placeholder) continue;
    entries.push({ kind: found.kind, name, nameNode: nameNode as ScalarNode, spec: found.spec, file });
  }
  return entries;
}

/** A spec known by name only (from a sibling file): kind, name and where it is. */
export interface SpecName {
  kind: SpecKind;
  name: string;
  file: string;
  nameNode?: ScalarNode;
}

const SPEC_FILE = (name: string) => /\.ya?ml$/i.test(name);

/** The names a sibling spec file defines, as the host reads it; none if it is no CloudQuery spec. */
function namesInFile(file: string, text: string): SpecName[] {
  if (classify({ path: file, text }).kind !== 'cloudquery-spec') return [];
  const parsed = parseFile(text, KINDS['cloudquery-spec']);
  return specsInDocuments(parsed.documents, file).map(({ kind, name }) => ({ kind, name, file }));
}

/**
 * The specs of every spec file in a folder, computed once per folder and shared by all its files
 * (`cloudquery sync <folder>` loads them together); each file's part is recomputed only when it
 * changes on disk.
 */
function folderSpecs(dir: string, files: FileAccess): SpecName[] {
  return deriveFolderFrom(files, dir, 'cloudquery.spec-names', SPEC_FILE, (members) =>
    members.flatMap(
      (file) => deriveFrom(files, file, 'cloudquery.spec-names', (text) => namesInFile(file, text)) ?? [],
    ),
  );
}

/** Which specs a file can refer to: its own documents, then the other spec files of its folder. */
export class SpecIndex {
  private readonly known = new Map<string, SpecName[]>();
  private readonly order: SpecName[] = [];

  constructor(own: SpecName[], siblings: SpecName[], self: string) {
    for (const entry of own) this.add(entry);
    for (const entry of siblings) if (entry.file !== self) this.add(entry);
  }

  private add(entry: SpecName): void {
    const key = `${entry.kind}\0${entry.name}`;
    const list = this.known.get(key);
    if (list) list.push(entry);
    else {
      this.known.set(key, [entry]);
      this.order.push(entry);
    }
  }

  has(kind: SpecKind, name: string): boolean {
    return this.known.has(`${kind}\0${name}`);
  }

  /** Every spec of that kind and name, own documents first. */
  find(kind: SpecKind, name: string): SpecName[] {
    return this.known.get(`${kind}\0${name}`) ?? [];
  }

  /** The distinct names of a kind, in file order (own documents, then siblings by file name). */
  names(kind: SpecKind): string[] {
    return this.order.filter((e) => e.kind === kind).map((e) => e.name);
  }
}

const indexes = new WeakMap<RuleContext, SpecIndex>();

/** The spec index of a file, built once per analysis (every rule of that analysis shares it). */
export function specIndex(context: RuleContext): SpecIndex {
  let index = indexes.get(context);
  if (!index) {
    index = new SpecIndex(
      specsInDocuments(context.documents, context.path),
      folderSpecs(path.dirname(context.path), context.files),
      context.path,
    );
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
  const siblings = folderSpecs(path.dirname(context.path), context.files).filter((s) => s.file !== context.path);
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
    const found = specOf(document);
    return found?.kind === kind && isPlaceholder(findProperty(found.spec, 'name')?.value);
  });
}
