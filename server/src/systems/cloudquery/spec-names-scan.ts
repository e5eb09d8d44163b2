import { BlockShape, KEY, lineValue, quoteEnd, substitutePlaceholders } from '../../core';
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

/** A plain scalar yaml.v2 reads as a string (no bool, null, number or timestamp can start so). */
const PLAIN_STRING = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** YAML 1.1 words yaml.v2 reads as booleans or null. */
const NOT_STRINGS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);
const SPEC_KINDS = new Set<string>(['source', 'destination', 'transformer']);

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
