// A reader for the plain subset of block YAML that most manifests are written in: `key: value` and
// `- item` lines nested by indentation, whose values are plain or simply quoted scalars or a flow
// sequence of them closed on its line. For such a text it builds, from its lines, the very tree and
// offsets the full read (yaml's parse, then our converter) builds, at a fraction of the cost: a CLI
// run over thousands of specs spent most of its time in yaml's parser. It answers only where it is
// sure and leaves every other text to the parse (undefined): a seeded test compares the two on the
// fixtures, the corpus and mutations aimed at the shapes it must refuse
// (test/unit/core/plain-block-reader.test.ts).
import type { ArrayNode, ObjectNode, ParsedDocument, ValueNode } from '../types';
import { addItem, addProperty, arrayNode, objectNode, scalarNode } from './tree-builder';
import { resolveGoScalar, type GoYamlVersion } from './go-yaml-scalars';
import { lineValue, quoteEnd } from './plain-block';

export interface PlainBlockOptions {
  goScalars: GoYamlVersion;
  keys?: 'source' | 'ghodss';
}

/** Characters the subset leaves to the parse wherever they are: tabs, other line breaks, controls, a BOM. */
const REFUSED = /[\t\r\0-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/;
/** A plain key and what follows `: ` (yaml refuses implicit keys over 1024 characters). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]{0,500}):(?: +(.*))?$/;
/** Keys some YAML schema reads as a boolean or null (not as text). */
const SPECIAL_KEY = /^(?:true|false|yes|no|on|off|y|n|null)$/i;
/** Deeper than this is left to the parse, which reports nesting limits. */
const MAX_DEPTH = 32;
/** A plain item of a flow sequence: no indicator the flow context gives a meaning to. */
const FLOW_PLAIN = /^[A-Za-z0-9_./()=+-][^,[\]{}#:"'&*!|>%@`?]*$/;

interface Line {
  indent: number;
  /** Offset of the first character after the indentation. */
  at: number;
  content: string;
  /** Offset after the line's newline (the text's end on the last line). */
  next: number;
  /** The line before the next content line is blank or a comment. */
  gapAfter: boolean;
  /** The line before this one is blank or a comment. */
  gapBefore: boolean;
}

/** Thrown inside the reader for anything outside the subset: the caller reads the text in full. */
class NotPlain extends Error {}
function refuse(): never {
  throw new NotPlain();
}

/** The documents and diagnostics of `text` as `readYaml` gives them, or undefined outside the subset. */
export function readPlainBlock(
  text: string,
  options: PlainBlockOptions,
): { documents: ParsedDocument[]; diagnostics: [] } | undefined {
  if (REFUSED.test(text)) return undefined;
  const lines = contentLines(text);
  if (!lines || !lines.length) return undefined;
  try {
    const reader = new Reader(lines, options, text);
    const root = reader.block(lines[0].indent, 0);
    if (reader.index !== lines.length) return undefined;
    // The document ends at the end of the text, or where an empty value on its last line is.
    const end = reader.emptyAtEnd ?? text.length;
    return { documents: [{ root, start: 0, end, broken: false }], diagnostics: [] };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

/** The lines that hold content; undefined where a line is one the subset never has (markers, directives). */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  let gap = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const at = start + indent;
    const next = end === text.length ? end : end + 1;
    if (at === end || text[at] === '#') {
      // Blank or a comment line. An indented comment may belong to the collection above it, whose
      // end yaml then stretches over it: left to the parse.
      if (text[at] === '#' && indent > 0) return undefined;
      if (lines.length) lines[lines.length - 1].gapAfter = true;
      gap = true;
    } else {
      const content = text.slice(at, end);
      if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%'))
        return undefined;
      lines.push({ indent, at, content, next, gapAfter: false, gapBefore: gap });
      gap = false;
    }
    start = next;
  }
  return lines;
}

class Reader {
  index = 0;
  /** Where an empty value on the last content line is. */
  emptyAtEnd: number | undefined;

  constructor(
    private readonly lines: Line[],
    private readonly options: PlainBlockOptions,
    private readonly text: string,
  ) {}

  /**
   * The block collection whose first line is the current one, at column `column`; `underKey`: a
   * list at the column of the key it is the value of (`key:` then `- item`).
   */
  block(column: number, depth: number, underKey = false): ValueNode {
    if (depth > MAX_DEPTH) refuse();
    const line = this.lines[this.index];
    if (line.indent !== column) refuse();
    if (isItem(line.content)) return this.sequence(column, depth, underKey);
    return this.mapping(column, line.at, depth);
  }

  /**
   * A block mapping whose keys are at `column`; its first key at `firstAt` (an item's mapping starts
   * on the item's line, after `- `).
   */
  private mapping(column: number, firstAt: number, depth: number): ObjectNode {
    const object = objectNode(firstAt, firstAt);
    const seen = new Set<string>();
    let keyAt = firstAt;
    let content = this.text.slice(firstAt, this.lineEnd(this.index));
    for (;;) {
      const match = KEY_LINE.exec(content);
      if (!match) refuse();
      const [, source, rest] = match;
      const key = this.keyOf(source);
      // A repeated key is the parse's to report; so are two keys a YAML schema may read as one
      // value (`true` and `True`, `yes` and `on`).
      const folded = SPECIAL_KEY.test(source) ? '\0special' : key.toLowerCase();
      if (seen.has(folded)) refuse();
      seen.add(folded);
      const keyEnd = keyAt + source.length;
      // Where what follows `: ` starts: `rest` runs to the line's end.
      const restAt = rest === undefined ? this.lineEnd(this.index) : this.lineEnd(this.index) - rest.length;
      const { value, end } = this.valueAfter(rest ?? '', restAt, column, depth, true);
      addProperty(object, key, keyAt, keyEnd, value);
      object.end = end;
      // The next key of this mapping, if the next content line is one.
      const following = this.lines[this.index];
      if (!following || following.indent < column) break;
      // Deeper than a complete value (a continuation, or an error), or an item where a key belongs.
      if (following.indent > column || isItem(following.content)) refuse();
      keyAt = following.at;
      content = following.content;
    }
    return object;
  }

  /** A block sequence whose `-` are at `column` (see `block` for `underKey`). */
  private sequence(column: number, depth: number, underKey: boolean): ArrayNode {
    const first = this.lines[this.index];
    const array = arrayNode(first.at, first.at);
    for (;;) {
      const line = this.lines[this.index];
      const afterDash = line.content.slice(1);
      const rest = afterDash.trimStart();
      const restAt = line.at + 1 + (afterDash.length - rest.length);
      let item: ValueNode;
      let end: number;
      const match = rest.startsWith('#') ? null : KEY_LINE.exec(rest);
      if (match) {
        // `- key: value`: a mapping whose keys are at the column after `- `.
        item = this.mapping(column + 1 + (afterDash.length - rest.length), restAt, depth + 1);
        end = item.end;
      } else {
        if (rest.startsWith('-') && (rest.length === 1 || rest[1] === ' ')) refuse(); // `- - x`
        ({ value: item, end } = this.valueAfter(rest, restAt, column, depth, false));
      }
      addItem(array, item);
      array.end = end;
      const following = this.lines[this.index];
      if (!following || following.indent < column) break;
      if (following.indent > column) refuse();
      // A key at the dashes' column: the next key of the mapping that holds a list at its own column.
      if (!isItem(following.content)) {
        if (underKey) break;
        refuse();
      }
    }
    return array;
  }

  /**
   * The value after `key:` or `-` on the current line (`rest`, at `restAt`): a scalar or flow
   * sequence on the line, or an empty value and the block below it. Moves past the lines it reads.
   */
  private valueAfter(
    rest: string,
    restAt: number,
    column: number,
    depth: number,
    ofKey: boolean,
  ): { value: ValueNode; end: number } {
    const line = this.lines[this.index];
    if (rest !== '' && !rest.startsWith('#')) {
      this.index++;
      return { value: this.inline(rest, restAt), end: line.next };
    }
    this.index++;
    const next = this.lines[this.index];
    // The block under an empty value: deeper, or (under a key) a list at the key's own column.
    const sameColumn = ofKey && next?.indent === column && isItem(next.content);
    if (next && (next.indent > column || sameColumn)) {
      // A key of an item's mapping (`- k:`) with its list at its column: left to the parse.
      if (sameColumn && line.indent !== column) refuse();
      const value = this.block(next.indent, depth + 1, sameColumn);
      return { value, end: value.end };
    }
    // An empty value: null at the line's end. With a comment on its line, yaml stretches its end
    // over the comment and the newline; beside a blank or comment line it may too: left to the parse.
    if (rest !== '' || line.gapAfter || line.gapBefore || (!next && line.next !== this.text.length)) refuse();
    if (!next) {
      // At the end, where the value ends may depend on comment lines anywhere above (yaml's lexer
      // carries them): read only where there are none.
      if (this.lines.some((l) => l.gapAfter)) refuse();
      this.emptyAtEnd = restAt;
    }
    return { value: this.scalar('', restAt, restAt, false), end: restAt };
  }

  /** A scalar or flow sequence written on the line. */
  private inline(rest: string, at: number): ValueNode {
    if (rest[0] === '[') return this.flowSequence(rest, at);
    // The plain subset's own reading of a value (plain-block.ts): whole on its line, comment cut.
    const value = lineValue(rest);
    if (value === undefined || value === '' || '|>{'.includes(value[0])) refuse();
    const quoted = value[0] === '"' || value[0] === "'";
    return this.scalar(quoted ? value.slice(1, -1) : value, at, at + value.length, quoted);
  }

  /** `[a, "b", c]` on one line, of plain or simply quoted items. */
  private flowSequence(rest: string, at: number): ArrayNode {
    let i = 1;
    const skip = () => {
      while (rest[i] === ' ') i++;
    };
    let close = -1;
    const items: Array<{ value: string; start: number; end: number; quoted: boolean }> = [];
    skip();
    if (rest[i] === ']') close = i;
    while (close === -1) {
      const c = rest[i];
      if (c === '"' || c === "'") {
        const end = quoteEnd(rest, i);
        if (end === -1) refuse();
        items.push({ value: rest.slice(i + 1, end - 1), start: i, end, quoted: true });
        i = end;
      } else {
        let j = i;
        while (j < rest.length && rest[j] !== ',' && rest[j] !== ']') j++;
        const value = rest.slice(i, j).trimEnd();
        if (!FLOW_PLAIN.test(value) || (value[0] === '-' && (value.length === 1 || value[1] === ' '))) refuse();
        items.push({ value, start: i, end: i + value.length, quoted: false });
        i = j;
      }
      skip();
      if (rest[i] === ']') close = i;
      else if (rest[i] === ',') {
        i++;
        skip();
        if (rest[i] === ']' || rest[i] === ',') refuse(); // a trailing or empty item
      } else refuse();
    }
    trailing(rest, close + 1);
    const array = arrayNode(at, at + close + 1);
    for (const item of items) addItem(array, this.scalar(item.value, at + item.start, at + item.end, item.quoted));
    return array;
  }

  /** A scalar typed as the host's Go YAML library types it (as the converter does). */
  private scalar(text: string, start: number, end: number, quoted: boolean): ValueNode {
    const resolved = resolveGoScalar(this.options.goScalars, text, undefined, quoted);
    const node = scalarNode(resolved.tag === 'binary' ? text : resolved.value, start, end);
    node.tag = resolved.tag;
    if (quoted) node.quoted = true;
    if (resolved.big !== undefined) node.big = resolved.big;
    return node;
  }

  /** A plain key as the host's map names it (see the converter's keyOf). */
  private keyOf(source: string): string {
    if (this.options.keys === 'ghodss') {
      const resolved = resolveGoScalar('v2', source, undefined, false);
      if (resolved.tag === 'bool' || resolved.tag === 'int') return String(resolved.big ?? resolved.value);
    }
    return source;
  }

  /** Offset of the end of line `index` (before its newline). */
  private lineEnd(index: number): number {
    const line = this.lines[index];
    return line.at + line.content.length;
  }
}

const isItem = (content: string) => content === '-' || content.startsWith('- ');

/** What may follow a closed value on its line: spaces, then a comment after at least one space. */
function trailing(rest: string, from: number): void {
  const after = rest.slice(from);
  if (after === '' || /^ +$/.test(after)) return;
  if (!/^ +#/.test(after)) refuse();
}
