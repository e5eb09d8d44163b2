import { substitutePlaceholders } from '../../core';
import type { SpecKind } from './rules/spec-index';

/**
 * The kind and name of each spec in a CloudQuery spec file, found by looking at its lines instead
 * of parsing it: a folder index needs only these of every sibling file, and parsing 2,000 small
 * files for them was a third of a `check` of the folder. Only for the plain shape nearly every spec
 * has (`kind:` and `spec:` at the margin, `name:` right under `spec:`, plain or simply quoted
 * values, the host's `\n---\n` between specs); anything else (a placeholder, a tab, a flow or
 * multi-line value where it could hide a key, an anchor, a tag, a repeated key, a key whose case
 * the host folds) gives `undefined`, and the caller parses the file as the host does. A seeded test
 * proves the result equal to the parse's wherever this gives one
 * (test/unit/systems/cloudquery/spec-names-scan.test.ts).
 */
export function scanSpecNames(text: string): Array<{ kind: SpecKind; name: string }> | undefined {
  // What the parse would read differently from lines: left to it.
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  // The host expands `${...}` before it parses; the parse puts a stand-in of the same length there
  // (so lines stay aligned with the original), and a name holding one is no name yet.
  const substituted = substitutePlaceholders(text, 'yaml').text;
  const found: Array<{ kind: SpecKind; name: string }> = [];
  let from = 0;
  for (const section of substituted.split('\n---\n')) {
    const spec = scanSection(section, text.slice(from, from + section.length));
    from += section.length + 5;
    if (spec === undefined) return undefined;
    if (spec) found.push(spec);
  }
  return found;
}

const KEY = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** A plain scalar yaml.v2 reads as a string (no bool, null, number or timestamp can start so). */
const PLAIN_STRING = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** YAML 1.1 words yaml.v2 reads as booleans or null. */
const NOT_STRINGS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);
const SPEC_KINDS = new Set<string>(['source', 'destination', 'transformer']);

/** A closed simple quote at `at`: where it ends (after the closing quote), or -1. */
function quoteEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') return -1; // escapes: left to the parse
    if (text[i] === quote) return quote === "'" && text[i + 1] === "'" ? -1 : i + 1;
  }
  return -1;
}

/**
 * What follows `key:` on a line, without its comment, when it is a whole value the scan can read
 * safely: empty, a block scalar indicator (its lines are all deeper), a plain scalar (no `: `,
 * no trailing `:`), a closed simple quote, or a flow collection closed on the line whose items
 * are plain or simply quoted. Undefined for anything else (an anchor, a tag, an alias, a quote or
 * bracket left open, an escape).
 */
function lineValue(rest: string): string | undefined {
  if (rest === '' || rest.startsWith('#')) return '';
  const first = rest[0];
  if (first === '|' || first === '>') return /^[|>][-+0-9]*(?: +#.*)?$/.test(rest) ? rest[0] : undefined;
  if (first === '"' || first === "'") {
    const end = quoteEnd(rest, 0);
    if (end === -1 || !/^ *(?:#.*)?$/.test(rest.slice(end)) || (rest[end] === '#' && end > 0)) return undefined;
    return rest.slice(0, end);
  }
  if (first === '[' || first === '{') {
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth === 0)
          return /^ *(?:#.*)?$/.test(rest.slice(i + 1)) && rest[i + 1] !== '#' ? rest.slice(0, i + 1) : undefined;
      } else if (c === '"' || c === "'") {
        // A quote opens a scalar only where one starts: after a bracket, a comma or `: `.
        if (!/[[{,:] *$/.test(rest.slice(0, i))) return undefined;
        const end = quoteEnd(rest, i);
        if (end === -1) return undefined;
        i = end - 1;
      } else if ('#&*!|>%@`'.includes(c)) return undefined;
    }
    return undefined; // not closed on its line
  }
  if (!/^[A-Za-z0-9_./(),=+-]/.test(first)) return undefined;
  const at = rest.indexOf(' #');
  const value = (at === -1 ? rest : rest.slice(0, at)).trimEnd();
  return value.includes(': ') || value.endsWith(':') ? undefined : value;
}

/** A scalar that is a string to yaml.v2 and needs no unescaping; undefined for anything else. */
function stringScalar(value: string): string | undefined {
  if (PLAIN_STRING.test(value)) return NOT_STRINGS.has(value.toLowerCase()) ? undefined : value;
  const quote = value[0];
  if ((quote === '"' || quote === "'") && quoteEnd(value, 0) === value.length) return value.slice(1, -1);
  return undefined;
}

/** One section: its spec, null when it defines none, undefined when the scan cannot tell. */
function scanSection(section: string, original: string): { kind: SpecKind; name: string } | null | undefined {
  let kind: string | undefined;
  let sawKind = false;
  let sawSpec = false;
  let name: string | undefined;
  const topKeys = new Set<string>();
  // In the spec's block: its keys' indentation once its first line is seen; after `name:`, true
  // until a line shows the name's value did not go on.
  let inSpec = false;
  let specIndent = 0;
  let afterName = false;
  let specIsMap = false;
  // After a spec key with nothing on its line: a list may start at the key's own indentation.
  let listMayFollow = false;
  let placeholderName = false;
  // Whether the last key's value may hold deeper lines: nothing on its line, or a block scalar.
  // After a value on the key's own line, a deeper line would continue it, or be read some other
  // way by a lenient parser: left to the parse.
  let deeperAllowed = true;
  const originals = original.split('\n');
  const shape = new BlockShape();
  for (const [index, line] of section.split('\n').entries()) {
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (shape.inBlockScalar(indent, content)) continue;
    if (content === '' || content.startsWith('#')) continue;
    // Every line, the ones nothing here reads too: a broken line anywhere changes what the parse
    // gives for the whole section.
    if (!shape.fits(indent, content)) return undefined;
    if (afterName) {
      if (indent > specIndent) return undefined; // the name's value goes on, or holds more
      afterName = false;
    }
    if (indent > 0 && !deeperAllowed && (!inSpec || indent > specIndent)) return undefined;
    if (indent === 0) {
      inSpec = false;
      const match = KEY.exec(line);
      if (!match) return undefined; // a list, a flow, a document marker, a quoted key...
      const key = match[2];
      const value = lineValue(match[3] ?? '');
      if (value === undefined) return undefined;
      // The host's JSON decoding matches keys ignoring case: `Kind:` is its kind too.
      const folded = key.toLowerCase();
      if ((folded === 'kind' || folded === 'spec') && key !== folded) return undefined;
      if (topKeys.has(key)) return undefined;
      topKeys.add(key);
      deeperAllowed = value === '' || /^[|>]/.test(value);
      if (key === 'kind') {
        kind = stringScalar(value);
        if (kind === undefined) return undefined;
        sawKind = true;
      } else if (key === 'spec') {
        if (value !== '') return undefined; // a flow or scalar spec
        sawSpec = true;
        inSpec = true;
        specIndent = 0;
      }
      continue;
    }
    if (topKeys.size === 0) return undefined; // indented content before any key
    if (!inSpec) continue; // inside another top-level key's value
    if (specIndent === 0) specIndent = indent;
    if (indent < specIndent) return undefined;
    if (indent > specIndent) continue;
    if (listMayFollow && (content === '-' || content.startsWith('- '))) continue; // `tables:` then `- "*"`
    const match = KEY.exec(line);
    if (!match) return undefined; // a sequence, or a line that is not a key
    specIsMap = true;
    const key = match[2];
    const value = lineValue(match[3] ?? '');
    if (value === undefined) return undefined;
    listMayFollow = value === '';
    deeperAllowed = value === '' || /^[|>]/.test(value);
    if (key.toLowerCase() === 'name') {
      if (key !== 'name' || name !== undefined) return undefined;
      name = stringScalar(value);
      if (name === undefined) return undefined;
      // A name the host expands is not known until it runs: not listed (as the parse marks it).
      if (originals[index].includes('${')) placeholderName = true;
      afterName = true;
    }
  }
  if (!sawSpec || !specIsMap) return null;
  const specKind = sawKind ? kind! : 'source';
  if (!SPEC_KINDS.has(specKind) || name === undefined || placeholderName) return null;
  return { kind: specKind as SpecKind, name };
}

/**
 * The block structure of the lines seen so far, for the plain subset of YAML the scan reads: each
 * line a `key: value` or a `- item` whose value ends on its line, indented as a sibling of an open
 * block or deeper than a line that opened one, block scalars' lines (deeper than their key) skipped.
 */
class BlockShape {
  private readonly open: Array<{ indent: number; list: boolean }> = [];
  /** The previous line ended with nothing after `key:` or `-`: a deeper block may follow. */
  private opened = true;
  /** Inside a block scalar: lines deeper than this are its text. */
  private scalarAbove: number | undefined;

  inBlockScalar(indent: number, content: string): boolean {
    if (this.scalarAbove === undefined) return false;
    if (content === '' || indent > this.scalarAbove) return true;
    this.scalarAbove = undefined;
    return false;
  }

  fits(indent: number, content: string): boolean {
    const list = content === '-' || content.startsWith('- ');
    while (this.open.length && this.open[this.open.length - 1].indent > indent) this.open.pop();
    const top = this.open[this.open.length - 1];
    if (!top || top.indent < indent) {
      if (!this.opened) return false; // deeper than a line that holds its value: a continuation, or an error
      this.open.push({ indent, list });
    } else if (top.list !== list) {
      // `key:` then `- item` at the key's own indentation is a list under that key.
      if (!(list && !top.list && this.opened)) return false;
      this.open.push({ indent, list });
    }
    const rest = list ? content.slice(1).trimStart() : content;
    if (list && (rest === '' || rest.startsWith('#'))) {
      this.opened = true;
      return true;
    }
    const match = KEY.exec(rest);
    // `- key: value`: a mapping whose keys are at the item's content column.
    const keyIndent = indent + (content.length - rest.length);
    if (list && match) this.open.push({ indent: keyIndent, list: false });
    else if (list) {
      this.opened = false;
      return lineValue(rest) !== undefined && !rest.startsWith('|') && !rest.startsWith('>');
    }
    if (!match) return false;
    const value = lineValue(match[3] ?? '');
    if (value === undefined) return false;
    this.opened = value === '';
    if (value === '|' || value === '>') this.scalarAbove = keyIndent;
    return true;
  }
}
