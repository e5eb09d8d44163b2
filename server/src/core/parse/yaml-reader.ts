import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  Parser,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Scalar,
} from 'yaml';
import type { EngineDiagnostic, ParsedDocument, ValueNode } from '../types';
import { addItem, addProperty, arrayNode, objectNode, scalarNode } from './tree-builder';
import { GoYamlTagError, resolveGoScalar, type GoYamlVersion } from './go-yaml-scalars';
import { MAX_NESTING, tooDeep } from './limits';
import { readPlainBlock } from './plain-block-reader';

export interface YamlReadOptions {
  /** '1.1' for hosts on gopkg.in/yaml.v2 (yes/no/on/off are booleans), '1.2' otherwise. */
  version: '1.1' | '1.2';
  /** Type scalars as this Go library does instead of by the YAML schema. */
  goScalars?: GoYamlVersion;
  /** A repeated key: 'error' where the host refuses it (the default), 'warning' where the last one wins. */
  duplicateKeys?: 'error' | 'warning';
  /** Mapping keys as the host's map sees them: 'source' text, or 'ghodss' (yaml.v2 value turned into JSON's string, so `on:` is "true"). */
  keys?: 'source' | 'ghodss';
}

export interface YamlReadResult {
  documents: ParsedDocument[];
  diagnostics: EngineDiagnostic[];
  /** Whether some document is broken, where the reader knows without looking at each (sections). */
  broken?: boolean;
}

/** More values than this reached through aliases in one document is an alias bomb, not a config. */
export const MAX_EXPANDED_NODES = 200_000;

/**
 * Reads every document of a YAML stream into value trees that keep exact offsets. A text of the
 * plain block shape, typed by a Go library's rules, is read from its lines (the same tree, proved
 * equal by test/unit/core/plain-block-reader.test.ts); any other is parsed.
 */
export function readYaml(text: string, options: YamlReadOptions): YamlReadResult {
  const plain = options.goScalars
    ? readPlainBlock(text, { goScalars: options.goScalars, keys: options.keys })
    : undefined;
  return plain ?? readYamlParsed(text, options);
}

/** `readYaml` by yaml's parse, whatever the text's shape. */
export function readYamlParsed(text: string, options: YamlReadOptions): YamlReadResult {
  const diagnostics: EngineDiagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const streamDocs: unknown = withoutStacks(() =>
    parseAllDocuments(text, {
      version: options.version,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      strict: false,
    }),
  );
  const list = (Array.isArray(streamDocs) ? streamDocs : []) as Document.Parsed[];
  let nesting: Array<{ deep?: number; end: number }> | undefined;
  /**
   * A document nested too deeply, said once. yaml's composer recurses per level and reports its
   * own stack overflow as errors, and where it overflows depends on the stack left and on how far
   * the JIT has optimised it (the same text overflowed in one run and not in the next): so the
   * place said, and that nothing else is said of the document, come from the token tree, which
   * yaml's parser builds without recursion.
   */
  const tooDeepDocument = (mark: number, docStart: number, docEnd: number, fallback: number) => {
    diagnostics.length = mark;
    nesting ??= deepOffsets(text);
    // The n-th document of the stream is the n-th of the token tree.
    const tokens = nesting[documents.length];
    const at = tokens?.deep ?? fallback;
    diagnostics.push(tooDeep(at, at + 1));
    documents.push({
      root: undefined,
      start: documents.length === 0 ? 0 : docStart,
      end: tokens?.end ?? docEnd,
      broken: true,
    });
  };
  for (const doc of list) {
    const [docStart, , docEnd] = doc.range;
    const mark = diagnostics.length;
    const overflow = doc.errors.find((e) => e.message.includes('Maximum call stack size exceeded'));
    if (overflow) {
      tooDeepDocument(mark, docStart, docEnd, overflow.pos[0]);
      continue;
    }
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      const duplicate = error.code === 'DUPLICATE_KEY';
      const lenient = duplicate && options.duplicateKeys === 'warning';
      diagnostics.push({
        start,
        end: Math.max(end, start + 1),
        severity: lenient ? 'warning' : 'error',
        code: duplicate ? 'yaml.duplicate-key' : 'yaml.syntax',
        message: lenient ? 'This key is repeated; the host keeps the last value silently.' : firstLine(error.message),
      });
    }
    // libyaml (both Go YAML libraries) accepts only `%YAML 1.1`: "found incompatible YAML document".
    const directive = options.goScalars && doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.1';
    if (directive) {
      const at = Math.max(0, text.lastIndexOf('%YAML', docStart));
      diagnostics.push({
        start: at,
        end: Math.max(at + 5, text.indexOf('\n', at) >= 0 ? text.indexOf('\n', at) : at + 5),
        severity: 'error',
        code: 'yaml.syntax',
        message: "yaml: found incompatible YAML document (the host's Go YAML library reads only %YAML 1.1)",
      });
    }
    const converter = new Converter(doc, options, diagnostics, text);
    let root: ValueNode | undefined;
    let broken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
    try {
      root = doc.contents ? converter.convert(doc.contents as YamlNode) : undefined;
      if (root && root.type === 'scalar' && root.value === null && root.start === root.end) root = undefined;
    } catch (error) {
      if (!(error instanceof LimitError)) throw error;
      if (error.code === 'workbench.too-deep') {
        tooDeepDocument(mark, docStart, docEnd, error.start);
        continue;
      }
      broken = true;
      root = undefined;
      diagnostics.push({
        start: error.start,
        end: Math.max(error.end, error.start + 1),
        severity: error.severity,
        code: error.code,
        message: error.message,
      });
    }
    for (const problem of converter.problems) diagnostics.push(problem);
    // The first document starts at the top of the file, before any leading comments.
    documents.push({ root, start: documents.length === 0 ? 0 : docStart, end: docEnd, broken });
  }
  return { documents, diagnostics };
}

/**
 * Per document of the stream, where its collections first nest deeper than MAX_NESTING and where
 * it ends: from yaml's token tree (built and walked without recursion, so the answer never depends
 * on the stack).
 */
function deepOffsets(text: string): Array<{ deep?: number; end: number }> {
  type Token = { type?: string; offset?: number; [key: string]: unknown };
  const found: Array<{ deep?: number; end: number }> = [];
  const tokens = withoutStacks(() => [...(new Parser().parse(text) as Iterable<Token>)]);
  for (const document of tokens) {
    if (document.type !== 'document') continue;
    // A document ends where the next one starts.
    if (found.length) found[found.length - 1].end = document.offset ?? text.length;
    let first = Infinity;
    const stack: Array<[Token, number]> = [[document, 0]];
    while (stack.length) {
      const [token, outer] = stack.pop()!;
      const depth = COLLECTIONS.has(token.type ?? '') ? outer + 1 : outer;
      if (depth > MAX_NESTING && typeof token.offset === 'number') {
        first = Math.min(first, token.offset);
        continue;
      }
      for (const key of ['value', 'key', 'items', 'sep', 'start', 'end']) {
        const child = token[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof item === 'object') stack.push([item as Token, depth]);
        } else if (child && typeof child === 'object') stack.push([child as Token, depth]);
      }
    }
    found.push({ deep: first === Infinity ? undefined : first, end: text.length });
  }
  return found;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Runs a parse with no stack captured for the Errors it makes: yaml makes one per problem, a broken
 * megabyte has tens of thousands, and capturing a stack for each took seconds. Their messages and
 * positions are all we use.
 */
function withoutStacks<T>(parse: () => T): T {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** A document past one of the reader's limits: reported once, and the document is not validated. */
class LimitError extends Error {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly code: string,
    message: string,
    readonly severity: EngineDiagnostic['severity'] = 'error',
  ) {
    super(message);
  }
}

/**
 * What each alias of a document refers to: the last node before it with its anchor, as yaml's
 * `Alias.resolve` finds it. That walks the whole document for each alias (1,000 aliases in 12 KB
 * took 10 s); here one walk finds them all, in the same order (a node before its children, a key
 * before its value).
 */
export function aliasTargets(doc: Document.Parsed): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (isScalar(node) || isCollection(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return targets;
}

/** Turns yaml's AST into our tree; aliases reuse the anchored subtree and are counted. */
class Converter {
  private readonly cache = new Map<YamlNode, ValueNode>();
  private readonly sizes = new WeakMap<ValueNode, number>();
  /** Nodes being converted: an alias to one of them is an anchor that contains itself. */
  private readonly open = new Set<YamlNode>();
  private expanded = 0;
  readonly problems: EngineDiagnostic[] = [];

  constructor(
    private readonly doc: Document.Parsed,
    private readonly options: YamlReadOptions,
    private readonly diagnostics: EngineDiagnostic[],
    private readonly text: string,
  ) {}

  convert(node: YamlNode, depth = 0): ValueNode {
    const [start, valueEnd] = node.range ?? [0, 0];
    if (depth > MAX_NESTING) {
      const deep = tooDeep(start, valueEnd);
      throw new LimitError(deep.start, deep.end, deep.code, deep.message, deep.severity);
    }
    if (isAlias(node)) {
      const target = this.targetOf(node);
      if (!target) return scalarNode(null, start, valueEnd);
      if (this.open.has(target)) {
        // gopkg.in/yaml refuses this ("anchor 'a' value contains itself"); we read it as null.
        this.problems.push({
          start,
          end: Math.max(valueEnd, start + 1),
          severity: 'error',
          code: 'yaml.alias-cycle',
          message: `The alias *${node.source} refers to a value that contains it; the host refuses an anchor that contains itself.`,
        });
        return scalarNode(null, start, valueEnd);
      }
      const converted = this.convert(target, depth);
      // Only expansions count: a billion-laughs document blows this up quickly, a long list does not.
      this.expanded += this.sizeOf(converted);
      if (this.expanded > MAX_EXPANDED_NODES) {
        throw new LimitError(
          start,
          valueEnd,
          'yaml.alias-limit',
          `This document expands to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values through aliases; it was not validated (an alias bomb?).`,
        );
      }
      return converted;
    }
    const cached = this.cache.get(node);
    if (cached) return cached;
    this.open.add(node);
    try {
      const result = this.convertNew(node, start, valueEnd, depth);
      this.cache.set(node, result);
      return result;
    } finally {
      this.open.delete(node);
    }
  }

  private convertNew(node: YamlNode, start: number, valueEnd: number, depth: number): ValueNode {
    let result: ValueNode;
    if (isMap(node)) {
      const object = objectNode(start, valueEnd);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyValue = keyNode && isScalar(keyNode) ? keyNode.value : keyNode;
        const [keyStart, keyEnd] = keyNode?.range ?? [start, start];
        const value = pair.value ? this.convert(pair.value as YamlNode, depth + 1) : scalarNode(null, keyEnd, keyEnd);
        if (typeof keyValue === 'symbol') {
          this.mergeInto(object, value);
          continue;
        }
        addProperty(object, this.keyOf(keyValue, keyNode), keyStart, keyEnd, value);
      }
      result = object;
    } else if (isSeq(node)) {
      const array = arrayNode(start, valueEnd);
      for (const item of node.items) {
        addItem(array, item ? this.convert(item as YamlNode, depth + 1) : scalarNode(null, start, start));
      }
      result = array;
    } else if (isScalar(node)) {
      result = this.options.goScalars
        ? this.goScalar(node, start, valueEnd)
        : scalarNode(scalarValue(node.value, node.source), start, valueEnd);
    } else {
      result = scalarNode(null, start, valueEnd);
    }
    return result;
  }

  private targets?: Map<Alias, YamlNode | undefined>;

  private targetOf(alias: Alias): YamlNode | undefined {
    this.targets ??= aliasTargets(this.doc);
    return this.targets.get(alias);
  }

  /** A scalar typed by the Go library's rules; a tag that does not fit is the host's error. */
  private goScalar(node: Scalar, start: number, end: number): ValueNode {
    const quoted = node.type !== undefined && node.type !== 'PLAIN';
    const text = quoted ? String(node.value ?? '') : String(node.source ?? node.value ?? '');
    const tag = node.tag?.startsWith('tag:yaml.org,2002:')
      ? '!!' + node.tag.slice('tag:yaml.org,2002:'.length)
      : node.tag;
    try {
      const resolved = resolveGoScalar(this.options.goScalars!, text, tag, quoted);
      const result = scalarNode(resolved.tag === 'binary' ? text : resolved.value, start, end);
      result.tag = resolved.tag;
      if (quoted) result.quoted = true;
      if (resolved.big !== undefined) result.big = resolved.big;
      return result;
    } catch (error) {
      if (!(error instanceof GoYamlTagError)) throw error;
      this.diagnostics.push({
        start,
        end: Math.max(end, start + 1),
        severity: 'error',
        code: 'yaml.tag-mismatch',
        message: `yaml: ${error.message}`,
      });
      return scalarNode(text, start, end);
    }
  }

  private keyOf(value: unknown, node: YamlNode | null): string {
    if (
      this.options.keys === 'ghodss' &&
      node &&
      isScalar(node) &&
      (node.type === 'PLAIN' || node.type === undefined) &&
      !node.tag
    ) {
      const resolved = resolveGoScalar('v2', String(node.source ?? ''), undefined, false);
      if (resolved.tag === 'bool' || resolved.tag === 'int') return String(resolved.big ?? resolved.value);
    }
    return keyText(value, node, this.text);
  }

  /** `<<: *base` / `<<: [*a, *b]`: earlier keys win, as in YAML 1.1's merge spec. */
  private mergeInto(object: ReturnType<typeof objectNode>, source: ValueNode): void {
    const sources = source.type === 'array' ? source.items : [source];
    for (const item of sources) {
      if (item.type !== 'object') continue;
      for (const property of item.properties) {
        if (object.properties.some((p) => p.key === property.key)) {
          (object.shadowed ??= []).push(property);
          continue;
        }
        object.properties.push({ ...property, parent: object });
      }
    }
  }

  /** Expanded size of a subtree, memoised: shared subtrees would make a naive count exponential. */
  private sizeOf(node: ValueNode): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (node.type === 'object') for (const p of node.properties) size += this.sizeOf(p.value);
    if (node.type === 'array') for (const item of node.items) size += this.sizeOf(item);
    this.sizes.set(node, size);
    return size;
  }
}

/** Longest text kept for a complex (mapping or sequence) key: its source, not its rendering. */
const MAX_COMPLEX_KEY = 200;

function keyText(value: unknown, node: YamlNode | null, text: string): string {
  if (value === null || value === undefined)
    return node && isScalar(node) && typeof node.source === 'string' ? node.source : '';
  if (typeof value === 'string') return value;
  if (isScalar(node)) return typeof node.source === 'string' ? node.source : String(value);
  // A `{...}` or `[...]` key: stringifying it through yaml renders (and merges) the whole
  // subtree, which explodes on nested or merge-keyed keys. Its source text names it well enough.
  const [start, end] = node?.range ?? [0, 0];
  return text.slice(start, Math.min(end, start + MAX_COMPLEX_KEY)).trim();
}

function scalarValue(value: unknown, source: string | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // Timestamps, binary and custom tags: the Go hosts hand these to plugins as text.
  return typeof source === 'string' ? source : String(value);
}
