/**
 * The part of a YAML text that recognising a kind by content reads: a content signature looks only
 * at the top level of each document (its keys, their scalar values and value types, the keys of a
 * top-level list's first entry). The skeleton keeps exactly the lines that decide those, so a
 * 10k-line spec is sniffed by parsing a few hundred lines instead of all of them:
 * - every line at the left margin (top-level keys, document markers, directives);
 * - under a key with nothing after it, the first content line: when it starts a mapping, that is
 *   all (the value is a mapping); when it starts a list, the whole of its first entry; anything
 *   else (a scalar over several lines, a flow collection) is kept whole;
 * - under a key with a value on its line, every line (a block or multi-line scalar, kept whole);
 * - of a list written at the margin, the whole of its first entry.
 * Everything dropped is indented below a kept line inside a nested mapping or a later list entry,
 * so it can change a nested value but never a top-level key, a top-level scalar or a type.
 *
 * Where dropping lines could change the top level, there is no skeleton (`undefined`) and the caller
 * reads the whole text: a document whose top node starts indented, a flow collection or bracket at
 * the margin (JSON-like YAML), a merge key (`<<`) or an alias, which take what an anchored node
 * holds, and that node may be cut short or dropped. A skeleton that does not read cleanly (an
 * unterminated flow or quoted scalar cut off) is also read whole by the caller.
 */
export function sniffSkeleton(text: string): string | undefined {
  // Lines are cut at `\n` (and `\r\n`); other line breaks the parser may honour are read whole.
  if (OTHER_BREAKS.test(text)) return undefined;
  const out: string[] = [];
  let lastKeptEnd = -1;
  const keep = (from: number, to: number) => {
    out.push(text.slice(from, to));
    lastKeptEnd = to;
  };
  // start: before any margin line; first: the next content line is the first under a bare key;
  // entry: inside a list's entries up to its first mapping (lines indented beyond `dash`); all:
  // keeping every line until the next margin line; marker: after a document marker or directive;
  // skip: dropping until the next margin line.
  let state: 'start' | 'first' | 'entry' | 'all' | 'marker' | 'skip' = 'start';
  let dash = 0;
  // The indentation of the nested block being dropped (`skip`): a line indented less than it but
  // not at the margin is one a lenient parser may hang on the top level.
  let block = 0;
  // Within `entry`: whether the entry being kept is a mapping (undefined: not known yet). A
  // signature reads the list's first mapping entry, so entries are kept up to that one.
  let entryIsMapping: boolean | undefined;
  /** A new entry starts at `at` (its `-`): kept unless an earlier one was a mapping. */
  const entryAt = (at: number, end: number): boolean => {
    if (entryIsMapping) return false;
    const rest = text.slice(at + 1, end).replace(/^[ \t]+/, '');
    entryIsMapping = rest === '' || rest === '\r' || rest.startsWith('#') ? undefined : NESTED_KEY.test(rest);
    return true;
  };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    const blank = start === end || (first === 13 && end === start + 1);
    if (blank) {
      if (state === 'entry' || state === 'all') keep(start, end);
    } else if (first !== 32 && first !== 9) {
      if (first === 35 /* # */) {
        // a comment at the margin: says nothing about the content
      } else if (first === 123 || first === 91 || first === 125 || first === 93 /* { [ } ] */) {
        return undefined;
      } else if (first === 45 /* - */ && isEntryStart(text, start, end)) {
        // A list written at the margin: entries up to its first mapping are kept whole.
        const continuing = dash === 0 && (state === 'entry' || state === 'skip');
        if (!continuing) {
          dash = 0;
          entryIsMapping = undefined;
          state = 'entry';
        }
        if (state === 'entry' && entryAt(start, end)) keep(start, end);
        else {
          state = 'skip';
          block = 0;
        }
      } else {
        const line = text.slice(start, end);
        keep(start, end);
        if (first === 37 /* % */ || line.startsWith('---') || line.startsWith('...')) state = 'marker';
        else state = BARE_KEY.test(line) ? 'first' : 'all';
        dash = -1;
      }
    } else {
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32 || text.charCodeAt(start + indent) === 9) indent++;
      const c = text.charCodeAt(start + indent);
      const content = start + indent < end && c !== 13 && c !== 35;
      const entry = c === 45 && isEntryStart(text, start + indent, end);
      if (content) {
        if (state === 'start' || state === 'marker') return undefined; // the top node starts indented
        if (state === 'first') {
          keep(start, end);
          if (entry) {
            state = 'entry';
            dash = indent;
            entryIsMapping = undefined;
            entryAt(start + indent, end);
          } else if (NESTED_KEY.test(text.slice(start + indent, end))) {
            state = 'skip';
            block = indent;
          } else state = 'all';
        } else if (state === 'all') {
          keep(start, end);
        } else if (state === 'entry') {
          if (indent > dash) {
            // The first content of an entry written as a bare `-` tells what the entry is.
            if (entryIsMapping === undefined) entryIsMapping = NESTED_KEY.test(text.slice(start + indent, end));
            keep(start, end);
          } else if (indent < dash) return undefined;
          else if (entry && entryAt(start + indent, end)) keep(start, end);
          else {
            state = 'skip';
            block = dash;
          }
        } else if (state === 'skip' && indent < block) return undefined;
      } else if (state === 'entry' || state === 'all') keep(start, end); // a comment inside
    }
    start = end + 1;
  }
  // The last kept line keeps its line break: a lone `\r` at the very end reads as a character.
  if (text.charCodeAt(lastKeptEnd) === 10) out.push('');
  const skeleton = out.join('\n');
  return skeleton.includes('<<') || ALIAS.test(skeleton) ? undefined : skeleton;
}

/** A line break that is not `\n` or `\r\n`. */
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/;

/** An alias token (its anchor may be on a dropped line, and the parser reads that as null). */
const ALIAS = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/;

/** A key with nothing after it but perhaps a comment: its value is on the lines below. */
const BARE_KEY = /^[A-Za-z0-9_"'][^:#]*:[ \t]*(#.*)?\r?$/;
/**
 * A line that starts a block mapping entry: a plain key, then `:` and a space or the end of the
 * line (a scalar's continuation line never holds `: `, so this is no scalar).
 */
export const NESTED_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\/-]*:(\s|$)/;

/** `-` followed by a space, a tab or the end of the line: a block sequence entry, not a scalar. */
function isEntryStart(text: string, at: number, end: number): boolean {
  const next = text.charCodeAt(at + 1);
  return at + 1 >= end || next === 32 || next === 9 || next === 13;
}
