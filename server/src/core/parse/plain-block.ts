// The plain subset of block YAML that a line scan can read without a parser: each line a
// `key: value` or a `- item` whose value ends on its line, nested by indentation. Scans that answer
// a question from lines (a sniff, a folder index) use these to check every line they pass, and give
// up, leaving the text to the parser, on anything outside the subset.

/** A block mapping line: indentation, a plain key, and what follows `: ` (if anything). */
export const KEY = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/** A closed simple quote at `at`: where it ends (after the closing quote), or -1. */
export function quoteEnd(text: string, at: number): number {
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
export function lineValue(rest: string): string | undefined {
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
  // `,` cannot start a plain scalar, and `- ` there is a sequence where none may start.
  if (!/^[A-Za-z0-9_./()=+-]/.test(first) || /^-(?: |$)/.test(rest)) return undefined;
  const at = rest.indexOf(' #');
  const value = (at === -1 ? rest : rest.slice(0, at)).trimEnd();
  return value.includes(': ') || value.endsWith(':') ? undefined : value;
}

/**
 * The block structure of the lines seen so far, for the plain subset of YAML the scan reads: each
 * line a `key: value` or a `- item` whose value ends on its line, indented as a sibling of an open
 * block or deeper than a line that opened one, block scalars' lines (deeper than their key) skipped.
 */
export class BlockShape {
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
    let dedented = false;
    while (this.open.length && this.open[this.open.length - 1].indent > indent) {
      this.open.pop();
      dedented = true;
    }
    const top = this.open[this.open.length - 1];
    if (!top || top.indent < indent) {
      // Deeper than a line that holds its value: a continuation, or an error. Back out of a block
      // to a column no open block has: an error a lenient parser may read as a key of some level.
      if (!this.opened || dedented) return false;
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
