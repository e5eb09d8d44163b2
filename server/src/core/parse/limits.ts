import type { EngineDiagnostic } from '../types';

/**
 * Deeper values than this are not validated. The Go hosts' YAML decoders stop at 10,000 levels;
 * no real manifest comes near a hundred, and our tree walks stay far from the stack limit here.
 */
export const MAX_NESTING = 1000;

export function tooDeep(start: number, end: number): EngineDiagnostic {
  return {
    start,
    end: Math.max(end, start + 1),
    severity: 'information',
    code: 'workbench.too-deep',
    message: `This document is nested deeper than ${MAX_NESTING.toLocaleString('en-US')} levels; it was not validated.`,
  };
}

/**
 * The offset where bracket nesting first exceeds MAX_NESTING, skipping strings and comments;
 * -1 if it never does. Checked before a recursive parser (jsonc-parser, toml-eslint-parser) runs.
 */
export function excessiveNesting(text: string, format: 'json' | 'toml'): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '"' || (ch === "'" && format === 'toml')) {
      const triple = format === 'toml' && text.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        if (text[j] === '\\' && ch === '"') j++;
        else if (!triple && text[j] === '\n') break;
        j++;
      }
      i = j + close.length - 1;
    } else if ((ch === '#' && format === 'toml') || (ch === '/' && format === 'json' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    }
  }
  return -1;
}

/** Depth of a value tree, iteratively (a tree built from dotted keys can be deep without brackets). */
export function treeDepth(root: { type: string } | undefined): number {
  type Node = { type: string; properties?: { value: Node }[]; items?: Node[] };
  let max = 0;
  const stack: [Node, number][] = root ? [[root as Node, 1]] : [];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (depth > MAX_NESTING) return depth;
    for (const p of node.properties ?? []) stack.push([p.value, depth + 1]);
    for (const item of node.items ?? []) stack.push([item, depth + 1]);
  }
  return max;
}
