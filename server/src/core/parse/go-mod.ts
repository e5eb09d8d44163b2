// A reader for go.mod with exact offsets. go.mod's grammar is small (golang.org/x/mod/modfile):
// one directive per line or a parenthesised block of lines, tokens are bare words or quoted
// strings, and `//` starts a comment anywhere outside a string. Nothing here evaluates versions.

export interface GoModToken {
  text: string;
  start: number;
  end: number;
}

export interface GoModLine {
  /** `require`, `go`, `replace`, ... (for lines inside a block: the block's verb). */
  verb: string;
  /** Tokens after the verb (inside a block: all tokens of the line). */
  args: GoModToken[];
  start: number;
  end: number;
  /** The verb token, or the block's verb for a line inside a block. */
  verbToken: GoModToken;
  inBlock: boolean;
}

export interface GoModFile {
  lines: GoModLine[];
  problems: Array<{ start: number; end: number; message: string }>;
}

function tokenize(text: string, lineStart: number, lineText: string, problems: GoModFile['problems']): GoModToken[] {
  const tokens: GoModToken[] = [];
  let i = 0;
  while (i < lineText.length) {
    const c = lineText[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (lineText.startsWith('//', i)) break;
    const start = i;
    if (c === '"' || c === '`') {
      i++;
      while (i < lineText.length && lineText[i] !== c) i += lineText[i] === '\\' && c === '"' ? 2 : 1;
      if (i >= lineText.length)
        problems.push({ start: lineStart + start, end: lineStart + lineText.length, message: 'unterminated string' });
      i = Math.min(i + 1, lineText.length);
      const raw = lineText.slice(start, i);
      tokens.push({ text: raw.length >= 2 ? raw.slice(1, -1) : raw, start: lineStart + start, end: lineStart + i });
      continue;
    }
    if (c === '(' || c === ')' || (c === '=' && lineText[i + 1] === '>')) {
      const len = c === '=' ? 2 : 1;
      tokens.push({ text: lineText.slice(i, i + len), start: lineStart + i, end: lineStart + i + len });
      i += len;
      continue;
    }
    while (
      i < lineText.length &&
      !/[\s()"`]/.test(lineText[i]) &&
      !lineText.startsWith('//', i) &&
      !lineText.startsWith('=>', i)
    )
      i++;
    tokens.push({ text: lineText.slice(start, i), start: lineStart + start, end: lineStart + i });
  }
  void text;
  return tokens;
}

export function readGoMod(text: string): GoModFile {
  const lines: GoModLine[] = [];
  const problems: GoModFile['problems'] = [];
  let block: GoModToken | undefined;
  let offset = 0;
  for (const lineText of text.split('\n')) {
    const lineStart = offset;
    offset += lineText.length + 1;
    const tokens = tokenize(text, lineStart, lineText, problems);
    if (!tokens.length) continue;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const span = { start: first.start, end: last.end };
    if (block) {
      if (first.text === ')' && tokens.length === 1) {
        block = undefined;
        continue;
      }
      lines.push({ verb: block.text, args: tokens, verbToken: block, inBlock: true, ...span });
      continue;
    }
    if (tokens.length === 2 && tokens[1].text === '(') {
      block = first;
      continue;
    }
    lines.push({ verb: first.text, args: tokens.slice(1), verbToken: first, inBlock: false, ...span });
  }
  if (block)
    problems.push({ start: block.start, end: block.end, message: `the ${block.text} block is not closed with ")"` });
  return { lines, problems };
}

/** The `require` line of a module path, if any. */
export function requirementOf(file: GoModFile, modulePath: string): GoModLine | undefined {
  return file.lines.find((l) => l.verb === 'require' && l.args[0]?.text === modulePath);
}

export function directive(file: GoModFile, verb: string): GoModLine | undefined {
  return file.lines.find((l) => l.verb === verb && !l.inBlock);
}
