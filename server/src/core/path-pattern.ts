import type { Step } from './';

/**
 * A place in a manifest, written `plugins[].localPath`: keys separated by `.`, `*` for any key,
 * `[]` for any list item; `''` is the document root. Compiled to one entry per step (null: an item).
 */
export type PathPattern = Array<string | null>;

export function compilePath(path: string): PathPattern {
  const pattern: PathPattern = [];
  if (!path) return pattern;
  for (const part of path.split('.')) {
    const match = /^(.*?)((?:\[\])*)$/.exec(part)!;
    if (match[1]) pattern.push(match[1]);
    for (let i = 0; i < match[2].length / 2; i++) pattern.push(null);
  }
  return pattern;
}

function stepMatches(part: string | null, step: Step): boolean {
  if (part === null) return typeof step === 'number';
  return typeof step === 'string' && (part === '*' || part === step);
}

/** 'exact' when the path is the pattern, 'prefix' when deeper paths may match it, else undefined. */
export function comparePath(pattern: PathPattern, path: Step[]): 'exact' | 'prefix' | undefined {
  if (path.length > pattern.length) return undefined;
  for (let i = 0; i < path.length; i++) if (!stepMatches(pattern[i], path[i])) return undefined;
  return path.length === pattern.length ? 'exact' : 'prefix';
}
