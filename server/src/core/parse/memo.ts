import type { EngineDiagnostic, ParsedDocument, PropertyNode, ValueNode } from '../types';
import { shifted } from '../text/span';

/** What a reader made of one piece of text, offsets relative to the start of that piece. */
export interface PieceRead {
  documents: ParsedDocument[];
  diagnostics: EngineDiagnostic[];
  /** How far this copy's trees, documents and diagnostics still have to move (see keptRead's `later`). */
  owed?: number;
  /** Whether its trees share no node, when known (see placedRead). */
  plain?: boolean;
  /**
   * The copy moved into place for the last version that used this piece: where it is, the parse
   * that took it last, and whether its tree shares no node (see placedRead).
   */
  placed?: {
    start: number;
    read: PieceRead;
    parse: object;
    plain: boolean;
    /** Who holds the copy (the section reader's section), while `alive`: see placedRead's `taken`. */
    holder?: { alive: boolean };
  };
}

/**
 * Reads of text pieces (a CloudQuery section, an entry of a block sequence) kept from one parse of
 * a file to the next, keyed by the piece's exact text: a keystroke re-reads only the pieces it
 * changed. Each parse is one generation; pieces not used by the last one are dropped, so the memo
 * never holds more than about two versions of the file. Cached trees are never handed out for
 * mutation: `placedRead` hands out a copy of each and moves that copy, and readers only add flags
 * that the same text always sets the same way.
 */
export class ParseMemo<T = PieceRead> {
  private entries = new Map<string, T>();
  private used = new Map<string, T>();
  /** Pieces not read again (found by their text, or by their place: see `last`), and pieces read. */
  hits = 0;
  misses = 0;
  /**
   * The pieces of the last text read through this memo, where they were: a piece wholly inside
   * the part an edit left alone (the text before it, or after it) is taken from here by its place,
   * without hashing its text.
   */
  last?: {
    text: string;
    keyText?: string;
    /** `tag`: the kind of piece (the region reader's key heads and entries). */
    pieces: Array<{ start: number; end: number; read: PieceRead; tag?: string }>;
  };

  /** Starts a parse of a new version: what the previous one did not use is forgotten. */
  begin(): void {
    if (this.used.size) {
      this.entries = this.used;
      this.used = new Map();
    }
  }

  read(key: string, reader: () => T): T {
    let read = this.used.get(key) ?? this.entries.get(key);
    if (read !== undefined) this.hits++;
    else {
      this.misses++;
      read = reader();
    }
    this.used.set(key, read);
    return read;
  }

  get size(): number {
    return Math.max(this.entries.size, this.used.size);
  }
}

/**
 * How many code units two texts share at their start and at their end (never overlapping).
 * Compared a block at a time (32K, then 1K characters) with `===` on substrings (slices of a flat
 * string are not copied, and V8 compares their contents natively), then a character at a time
 * inside the first block that differs. Halving with `startsWith` instead cost 3.6 ms per keystroke on a 400 KB file once
 * optimised (the builtin steps per character); this costs under 0.1 ms.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  // The same two versions are compared by the content sniff and by the reader of one analysis.
  if (lastCompared.a === a && lastCompared.b === b) return { ...lastCompared.ends };
  const ends = compareEnds(a, b);
  lastCompared = { a, b, ends };
  return { ...ends };
}

let lastCompared: { a?: string; b?: string; ends: { prefix: number; suffix: number } } = {
  ends: { prefix: 0, suffix: 0 },
};

function compareEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  for (const block of BLOCKS)
    while (prefix + block <= max && a.substring(prefix, prefix + block) === b.substring(prefix, prefix + block))
      prefix += block;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = max - prefix;
  let suffix = 0;
  for (const block of BLOCKS)
    while (
      suffix + block <= room &&
      a.substring(a.length - suffix - block, a.length - suffix) ===
        b.substring(b.length - suffix - block, b.length - suffix)
    )
      suffix += block;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Big blocks first (fewer substrings on a long text), then small ones inside the first that differs. */
const BLOCKS = [32768, 1024];

/**
 * The last text's pieces found by their place in `text` (see ParseMemo.last): a piece [start, end)
 * lying `margin` code units inside the part both texts share at their start, or at their end, where
 * the last text had a piece of the same tag and length, is that piece, with the same text; it counts
 * as a hit. With `keyText` (the original of a text with stand-ins), both must share the part.
 */
export function piecesByPlace(
  memo: ParseMemo | undefined,
  text: string,
  keyText?: string,
): (start: number, end: number, tag?: string, margin?: number) => PieceRead | undefined {
  const last = memo?.last && (memo.last.keyText === undefined) === (keyText === undefined) ? memo.last : undefined;
  if (!memo || !last) return () => undefined;
  let { prefix, suffix } = commonEnds(last.text, text);
  if (keyText !== undefined) {
    const keys = commonEnds(last.keyText!, keyText);
    prefix = Math.min(prefix, keys.prefix);
    suffix = Math.min(suffix, keys.suffix);
  }
  const delta = text.length - last.text.length;
  const byStart = new Map<number, (typeof last.pieces)[number]>();
  for (const piece of last.pieces) byStart.set(piece.start, piece);
  return (start, end, tag, margin = 0) => {
    const old =
      end + margin <= prefix
        ? byStart.get(start)
        : start - margin >= text.length - suffix
          ? byStart.get(start - delta)
          : undefined;
    if (!old || old.tag !== tag || old.end - old.start !== end - start) return undefined;
    memo.hits++;
    return old.read;
  };
}

/**
 * A cached piece's read moved to `start`, for the parse `parse` (any object, one per reading of a
 * file): the copy the last version used, moved there in place. A keystroke thus allocates nothing
 * for the pieces after it, and they keep their identity from one version to the next. The copy
 * handed to an earlier version changes with it: a version's trees are valid until the next parse
 * of the same file (the engine drops an analysis whose parse was overtaken). The piece's own read,
 * which the memo keys, is never handed out. A piece met twice in one parse (two sections with
 * the same text) gets a copy of its own the second time, as does one whose copy is `taken` (a
 * reader that keeps pieces without handing them through here says so: see placed.holder).
 */
export function placedRead(read: PieceRead, start: number, parse: object, taken = false): PieceRead {
  const placed = read.placed;
  if (placed && placed.parse !== parse && !taken) {
    settle(placed.read);
    placed.parse = parse;
    if (placed.start !== start) {
      moveRead(placed.read, start - placed.start, placed.plain);
      placed.start = start;
    }
    return placed.read;
  }
  const copy = copyRead(read, start);
  if (!placed) read.placed = { start, parse, ...copy };
  return copy.read;
}

/**
 * A piece a reader keeps from the last parse where it was (`used`: the copy that parse had, see
 * placedRead), for the parse `parse`, moved by `delta` in place: the copy is claimed for this parse,
 * so that another piece with the same text gets a copy of its own. With `later`, the copy's trees
 * and documents are moved only when `settle` is asked (see settledRoot): a keystroke near the top
 * of a long file then costs nothing for the thousands of nodes after it, until something reads them.
 */
export function keptRead(read: PieceRead, used: PieceRead, delta: number, parse: object, later = false): void {
  const placed = read.placed?.read === used ? read.placed : undefined;
  if (placed) {
    placed.parse = parse;
    placed.start += delta;
  }
  if (!delta) return;
  if (later) {
    if (used.owed === undefined) used.plain = placed?.plain;
    used.owed = (used.owed ?? 0) + delta;
  } else {
    settle(used);
    moveRead(used, delta, placed ? placed.plain : plainRead(used));
  }
}

const plainRead = (read: PieceRead) => read.documents.every((d) => !d.root || isPlain(d.root));

/** Makes the moves keptRead left for later on this copy: its trees, documents and diagnostics are in place. */
export function settle(read: PieceRead): void {
  const owed = read.owed;
  if (owed === undefined) return;
  read.owed = undefined;
  if (owed) moveRead(read, owed, read.plain ?? plainRead(read));
}

/**
 * The document with its `root` read through `settle(read)`: whoever reads the tree of a kept piece
 * (a feature, a rule on a changed document, a test) finds it in place, and nobody else pays for it.
 */
export function settledRoot(document: ParsedDocument, read: PieceRead): ParsedDocument {
  let root = document.root;
  Object.defineProperty(document, 'root', {
    get() {
      settle(read);
      return root;
    },
    set(value: ValueNode | undefined) {
      root = value;
    },
    enumerable: true,
    configurable: true,
  });
  return document;
}

/** A piece read for one parse only (no memo keeps it): moved into place as it is, without a copy. */
export function placedFresh(read: PieceRead, start: number): PieceRead {
  if (start !== 0)
    moveRead(
      read,
      start,
      read.documents.every((d) => !d.root || isPlain(d.root)),
    );
  return read;
}

/** Does every node of the tree have one owner (what plainCopy copies)? */
function isPlain(node: ValueNode): boolean {
  if (node.type === 'scalar') return true;
  if (node.type === 'array')
    return node.items.every((item) => item.parentArray === node && !item.property && isPlain(item));
  if (node.shadowed) return false;
  return node.properties.every(
    (p) => p.parent === node && p.value.property === p && !p.value.parentArray && isPlain(p.value),
  );
}

/** A deep copy of a piece's read at `start`, its top nodes remembered as copies of the piece's own. */
function copyRead(read: PieceRead, start: number): { read: PieceRead; plain: boolean } {
  let plain = true;
  const moved: PieceRead = {
    documents: read.documents.map((d) => {
      let root: ValueNode | undefined;
      if (d.root) {
        root = plainCopy(d.root, start);
        if (!root) {
          plain = false;
          root = new TreeShift(start).node(d.root);
        }
      }
      return { ...d, start: d.start + start, end: d.end + start, root };
    }),
    diagnostics: read.diagnostics.map((d) => ({ ...d, start: d.start + start, end: d.end + start })),
  };
  moved.documents.forEach((document, i) => {
    const own = read.documents[i].root;
    if (!document.root || !own) return;
    origins.set(document.root, own);
    if (document.root.type === 'array' && own.type === 'array')
      document.root.items.forEach((item, j) => origins.set(item, own.items[j]));
    else if (document.root.type === 'object' && own.type === 'object')
      document.root.properties.forEach((property, j) => origins.set(property.value, own.properties[j].value));
  });
  return { read: moved, plain };
}

/**
 * Moves a placed read by `delta` in place: its trees' offsets, its documents'; its diagnostics are
 * new objects (the last version's results hold the old ones).
 */
function moveRead(read: PieceRead, delta: number, plain: boolean): void {
  for (const document of read.documents) {
    document.start += delta;
    document.end += delta;
    if (!document.root) continue;
    if (plain) movePlain(document.root, delta);
    else moveShared(document.root, delta);
  }
  if (read.diagnostics.length) read.diagnostics = read.diagnostics.map((d) => shifted(d, delta));
}

/** A tree where every node has one owner (as plainCopy made it): each node is reached once. */
function movePlain(node: ValueNode, d: number): void {
  node.start += d;
  node.end += d;
  if (node.type === 'array') for (const item of node.items) movePlain(item, d);
  else if (node.type === 'object')
    for (const property of node.properties) {
      property.keyStart += d;
      property.keyEnd += d;
      movePlain(property.value, d);
    }
}

/** A tree that shares nodes (aliases, merge keys): each node and property moved once. */
function moveShared(root: ValueNode, d: number): void {
  const seen = new Set<object>();
  const stack: Array<ValueNode | PropertyNode> = [root];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    if ('keyStart' in next) {
      next.keyStart += d;
      next.keyEnd += d;
      stack.push(next.parent, next.value);
      continue;
    }
    next.start += d;
    next.end += d;
    if (next.type === 'array') for (const item of next.items) stack.push(item);
    else if (next.type === 'object') {
      for (const property of next.properties) stack.push(property);
      for (const property of next.shadowed ?? []) stack.push(property);
    }
  }
}

/** A placed piece's top nodes (and their children) -> the same nodes of the piece as it was read alone. */
const origins = new WeakMap<ValueNode, ValueNode>();

/**
 * The node a placed piece's node was copied from, in the piece's own read (offsets from the piece's
 * start), and how far it moved: what stays the same object while the piece's text is unchanged,
 * wherever the edit put it. Work keyed by it is done once per piece text, not once per edit.
 */
export function pieceOrigin(node: ValueNode): { node: ValueNode; delta: number } | undefined {
  const own = origins.get(node);
  return own && { node: own, delta: node.start - own.start };
}

/** Undefined when the tree shares a node or holds merged-in properties. */
function plainCopy(node: ValueNode, d: number): ValueNode | undefined {
  // Owners (`property`, `parentArray`) are spread from the original and then set by the caller.
  if (node.type === 'scalar') return { ...node, start: node.start + d, end: node.end + d };
  if (node.type === 'array') {
    const copy = { ...node, items: new Array<ValueNode>(node.items.length), start: node.start + d, end: node.end + d };
    for (let i = 0; i < node.items.length; i++) {
      const item: ValueNode = node.items[i];
      if (item.parentArray !== node || item.property) return undefined;
      const itemCopy = plainCopy(item, d);
      if (!itemCopy) return undefined;
      itemCopy.parentArray = copy;
      copy.items[i] = itemCopy;
    }
    return copy;
  }
  if (node.shadowed) return undefined;
  const copy = {
    ...node,
    properties: new Array<PropertyNode>(node.properties.length),
    start: node.start + d,
    end: node.end + d,
  };
  for (let i = 0; i < node.properties.length; i++) {
    const property: PropertyNode = node.properties[i];
    if (property.parent !== node || property.value.property !== property || property.value.parentArray)
      return undefined;
    const value = plainCopy(property.value, d);
    if (!value) return undefined;
    const propertyCopy: PropertyNode = {
      ...property,
      keyStart: property.keyStart + d,
      keyEnd: property.keyEnd + d,
      parent: copy,
      value,
    };
    value.property = propertyCopy;
    copy.properties[i] = propertyCopy;
  }
  return copy;
}

/**
 * Copies a tree with every offset moved, keeping what aliases share shared and every node's owner
 * (`property`, `parentArray`) pointing into the copy.
 */
export class TreeShift {
  private readonly nodes = new Map<ValueNode, ValueNode>();
  private readonly properties = new Map<PropertyNode, PropertyNode>();

  constructor(private readonly delta: number) {}

  node(node: ValueNode): ValueNode {
    const root = this.copy(node);
    for (const [original, copy] of this.nodes) {
      if (original.property) copy.property = this.properties.get(original.property) ?? original.property;
      if (original.parentArray)
        copy.parentArray = (this.nodes.get(original.parentArray) ?? original.parentArray) as never;
    }
    return root;
  }

  private copy(node: ValueNode): ValueNode {
    const known = this.nodes.get(node);
    if (known) return known;
    const d = this.delta;
    if (node.type === 'scalar') {
      const copy = { ...node, start: node.start + d, end: node.end + d };
      this.nodes.set(node, copy);
      return copy;
    }
    if (node.type === 'array') {
      const copy = { ...node, items: [] as ValueNode[], start: node.start + d, end: node.end + d };
      this.nodes.set(node, copy);
      for (const item of node.items) copy.items.push(this.copy(item));
      return copy;
    }
    const copy = { ...node, properties: [] as PropertyNode[], start: node.start + d, end: node.end + d };
    this.nodes.set(node, copy);
    for (const property of node.properties) copy.properties.push(this.property(property));
    if (node.shadowed) copy.shadowed = node.shadowed.map((p) => this.property(p));
    return copy;
  }

  private property(property: PropertyNode): PropertyNode {
    const known = this.properties.get(property);
    if (known) return known;
    const d = this.delta;
    const copy: PropertyNode = { ...property, keyStart: property.keyStart + d, keyEnd: property.keyEnd + d };
    this.properties.set(property, copy);
    // A merged-in (`<<`) or shadowed property keeps the parent it had: the copy of that parent.
    copy.parent = this.copy(property.parent) as PropertyNode['parent'];
    copy.value = this.copy(property.value);
    return copy;
  }
}
