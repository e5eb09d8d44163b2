import type { EngineDiagnostic, ParsedDocument, PropertyNode, ValueNode } from '../types';
import { piecesByPlace, placedRead, type ParseMemo, type PieceRead } from './memo';
import { arrayNode, objectNode } from './tree-builder';
import { readYaml, type YamlReadOptions, type YamlReadResult } from './yaml-reader';

/**
 * Reads a single-document YAML file region by region so that an edit re-reads only the region it
 * touched: each top-level key is a region, and a top-level key holding a block sequence (the
 * `plugins:` of gatewayd_plugins.yaml) is one region per entry. Each region is read alone, its
 * offsets moved into place, and the regions assembled into the tree a read of the whole text
 * gives. Only where the structure allows it: anything the splitting could get wrong (directives,
 * document markers, a key that is not plain, an odd indentation) or any problem a region reports
 * (a syntax error, an alias to another region's anchor, a repeated key) is read as a whole instead, so the
 * result is always the whole read's. Proved against readYaml by test/fuzz/incremental-parse.
 */
export function readYamlRegions(text: string, options: YamlReadOptions, memo: ParseMemo): YamlReadResult {
  return (splittableByRegions(text) && assemble(text, options, memo)) || readYaml(text, options);
}

/**
 * Text the region reader never splits: directives and document markers. (An alias to an anchor in
 * another region is an error when its region is read alone, and errors fall back to the whole read.)
 */
const UNSPLITTABLE_START = /^(?:%|---|\.\.\.)/;
/**
 * The same after a line break (what `^` matches with the m flag): V8 tries an m-flag `^` at every
 * offset, and a search for the break first is twice as fast (a 20k-line file: 1.45 → 0.63 ms).
 */
const UNSPLITTABLE_LINE = /[\n\r\u2028\u2029](?:%|---|\.\.\.)/;
/** A top-level line that starts a region: a plain key, then `:` and a space or the end of the line. */
const TOP_KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*:(?: |\r?$)/;
/** A key with nothing after it: its value (a block sequence, perhaps) is on the lines below. */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*:\r?$/;

export function splittableByRegions(text: string): boolean {
  return text.length > 0 && !UNSPLITTABLE_START.test(text) && !UNSPLITTABLE_LINE.test(text);
}

interface Region {
  start: number;
  end: number;
  /** For a key holding a block sequence: where each of its entries starts (the line start). */
  entries?: number[];
}

function assemble(text: string, options: YamlReadOptions, memo: ParseMemo): YamlReadResult | undefined {
  const regions = splitRegions(text);
  if (!regions?.length) return undefined;
  const root = objectNode(0, 0);
  const diagnostics: EngineDiagnostic[] = [];
  const keys = new Set<string>();
  let documentEnd = 0;
  const parse = {};
  // A piece the edit did not touch is found by its place instead of hashing its text.
  const byPlace = piecesByPlace(memo, text);
  const pieces: Array<{ start: number; end: number; read: PieceRead; tag?: string }> = [];
  const read = (tag: string, start: number, end: number): PieceRead | undefined => {
    let result = byPlace(start, end, tag);
    if (!result) {
      const piece = text.slice(start, end);
      result = memo.read(tag + piece, () => readYaml(piece, options));
    }
    pieces.push({ start, end, read: result, tag });
    if (result.documents.length !== 1 || result.diagnostics.some((d) => d.code !== 'yaml.tag-mismatch'))
      return undefined;
    return placedRead(result, start, parse);
  };
  for (const [index, region] of regions.entries()) {
    const headEnd = region.entries ? region.entries[0] : region.end;
    const head = read('k', region.start, headEnd);
    const headRoot = head?.documents[0].root;
    if (!head || headRoot?.type !== 'object' || headRoot.properties.length !== 1) return undefined;
    const property = headRoot.properties[0];
    if (keys.has(property.key)) return undefined; // the whole read reports the repeated key
    keys.add(property.key);
    for (const d of head.diagnostics) diagnostics.push(d);
    let value = property.value;
    let regionEnd = headRoot.end;
    let pieceEnd = head.documents[0].end;
    if (region.entries) {
      // Only a key with nothing after it: `plugins:` read alone holds null.
      if (value.type !== 'scalar' || value.value !== null) return undefined;
      const items: ValueNode[] = [];
      let sequence: ValueNode | undefined;
      for (let i = 0; i < region.entries.length; i++) {
        const start = region.entries[i];
        const end = i + 1 < region.entries.length ? region.entries[i + 1] : region.end;
        const entry = read('i', start, end);
        const entryRoot = entry?.documents[0].root;
        if (!entry || entryRoot?.type !== 'array' || entryRoot.items.length !== 1) return undefined;
        // An entry whose last value is empty (`key:`, `key: # note`) ends, read whole, where the next
        // entry's `-` is, past that line's indentation; read alone, at its own end.
        if (i + 1 < region.entries.length && endsEmpty(entryRoot.items[0])) return undefined;
        for (const d of entry.diagnostics) diagnostics.push(d);
        sequence ??= entryRoot;
        items.push(entryRoot.items[0]);
        regionEnd = entryRoot.end;
        pieceEnd = entry.documents[0].end;
      }
      const array = arrayNode(sequence!.start, regionEnd);
      for (const item of items) {
        item.parentArray = array;
        array.items.push(item);
      }
      value = array;
    }
    const moved: PropertyNode = { ...property, parent: root, value };
    // Cached pieces' owner links are re-pointed into each version's tree (nothing else reads them);
    // a value an alias shares keeps the owner it has elsewhere.
    const owner = value.property;
    if (region.entries || owner === property || (owner && standsFor.get(owner) === property)) value.property = moved;
    standsFor.set(moved, property);
    root.properties.push(moved);
    if (index === 0) root.start = headRoot.start;
    root.end = regionEnd;
    documentEnd = pieceEnd;
  }
  const documents: ParsedDocument[] = [{ root, start: 0, end: documentEnd, broken: false }];
  memo.last = { text, pieces };
  return { documents, diagnostics };
}

/**
 * Does the node's last descendant (last item, last property's value, ...) hold no text at all? Also
 * true (read whole) past 1,000 levels: an alias can make a tree hold itself (`&a [*a]`).
 */
function endsEmpty(node: ValueNode): boolean {
  for (let depth = 0; depth < 1000; depth++) {
    if (node.type === 'scalar') return node.start === node.end;
    const last = node.type === 'array' ? node.items.at(-1) : node.properties.at(-1)?.value;
    if (!last) return false;
    node = last;
  }
  return true;
}

/** A version's copy of a cached head piece's property -> that property (owner links point to the copy). */
const standsFor = new WeakMap<PropertyNode, PropertyNode>();

/** The regions of the text, or undefined when a line does not fit the shapes this reader splits. */
function splitRegions(text: string): Region[] | undefined {
  const regions: Region[] = [];
  let current: Region | undefined;
  // The block sequence under a bare key: its entries' indentation, once its first entry is seen.
  let sequence: { indent: number } | 'none' | 'pending' = 'none';
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const at = start + indent;
    const c = text.charCodeAt(at);
    const blank = at >= end || c === 13 || c === 35; /* empty, CR, '#' */
    if (!blank) {
      const dash = c === 45 && (at + 1 >= end || text.charCodeAt(at + 1) === 32 || text.charCodeAt(at + 1) === 13);
      if (indent === 0 && !dash) {
        const line = text.slice(start, end);
        if (!TOP_KEY.test(line)) return undefined;
        if (current) current.end = start;
        current = { start, end: text.length };
        regions.push(current);
        sequence = BARE_KEY.test(line) ? 'pending' : 'none';
      } else if (!current) {
        return undefined; // content before the first key
      } else if (sequence === 'pending') {
        if (!dash) sequence = 'none';
        else {
          sequence = { indent };
          current.entries = [start];
        }
      } else if (sequence !== 'none') {
        if (indent < sequence.indent) return undefined;
        if (indent === sequence.indent) {
          if (!dash) return undefined;
          current.entries!.push(start);
        }
      }
    }
    start = end + 1;
  }
  return regions;
}
