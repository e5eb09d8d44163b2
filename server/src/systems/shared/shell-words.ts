// Just enough of make and sh to find the commands of a recipe or build script (GatewayD release
// rules, eKuiper plugin builds): logical lines (backslash
// continuations), comments, make variables, and shell words split into simple commands. Every
// word keeps the offset of its first character in the original file.

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A logical line: its text and, per character, the offset in the file. */
export interface LogicalLine {
  text: string;
  offsets: number[];
  /** Offset of the first physical line. */
  start: number;
}

export function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const physical = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const continued = /(^|[^\\])(\\\\)*\\$/.test(physical);
    const body = continued ? physical.slice(0, -1) : physical;
    current ??= { text: '', offsets: [], start: offset };
    for (let i = 0; i < body.length; i++) {
      current.text += body[i];
      current.offsets.push(offset + i);
    }
    if (continued) {
      current.text += ' ';
      current.offsets.push(offset + body.length);
    } else {
      result.push(current);
      current = undefined;
    }
    offset += raw.length + 1;
  }
  if (current) result.push(current);
  return result;
}

/** Shell words of a command line, split into simple commands at ; && || | ( ) and newlines. */
export function shellCommands(line: LogicalLine, from = 0): Word[][] {
  const commands: Word[][] = [];
  let command: Word[] = [];
  let word = '';
  let wordStart = -1;
  let quote: string | undefined;
  const flushWord = (end: number) => {
    if (wordStart >= 0)
      command.push({
        text: word,
        start: line.offsets[wordStart],
        end: (line.offsets[end - 1] ?? line.offsets[wordStart]) + 1,
      });
    word = '';
    wordStart = -1;
  };
  const flushCommand = (end: number) => {
    flushWord(end);
    if (command.length) commands.push(command);
    command = [];
  };
  const text = line.text;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      if (wordStart < 0) wordStart = i;
      quote = c;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      // $(VAR), ${VAR}, $(shell ...): one piece of the word, parentheses and all.
      const close = text[i + 1] === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === text[i + 1]) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      if (wordStart < 0) wordStart = i;
      word += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '#' && wordStart < 0) break; // a shell comment
    if (c === ' ' || c === '\t') {
      flushWord(i);
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
      // `$(` and `$$(` are command substitutions: a new command starts inside.
      flushCommand(i);
      continue;
    }
    if (c === '>' || c === '<') {
      flushWord(i);
      const op = text[i + 1] === '>' ? '>>' : c;
      command.push({ text: op, start: line.offsets[i], end: line.offsets[i] + op.length });
      i += op.length - 1;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    word += c;
  }
  flushCommand(text.length);
  return commands;
}

/** Make variables defined with = := ::= ?= (+= appends). */
export function makeVariables(lines: LogicalLine[]): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of lines) {
    if (line.text.startsWith('\t')) continue;
    const m = /^\s*(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(::=|:=|\?=|\+=|=)\s*(.*)$/.exec(
      stripComment(line.text),
    );
    if (!m) continue;
    const [, name, op, value] = m;
    if (op === '?=' && vars.has(name)) continue;
    vars.set(name, op === '+=' && vars.has(name) ? `${vars.get(name)} ${value.trim()}` : value.trim());
  }
  return vars;
}

export function stripComment(text: string): string {
  const i = text.search(/(^|[^\\])#/);
  return i < 0 ? text : text.slice(0, i === 0 && text[0] === '#' ? 0 : i + 1);
}

/**
 * Expands make variables whose value is known text; `$$` becomes the shell's `$`. A variable
 * computed by $(shell ...) or unknown stays as written, marked as "{VAR}".
 */
export function expandMake(text: string, vars: Map<string, string>, depth = 0): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g, (all, a, b) => {
    if (all === '$$') return '$';
    const name = a ?? b;
    const value = vars.get(name);
    if (value === undefined || depth > 8 || /\$\((shell|wildcard|patsubst|subst|notdir|basename)\b/.test(value))
      return `{${name}}`;
    return expandMake(value, vars, depth + 1);
  });
}
