import { pathTo, walkNodes, type KindId, type Step, type ParsedFile, type ScalarNode } from '../core';
import { comparePath, compilePath, type PathPattern } from '../core';
import type { ReferenceRow } from './types';
import type { RuleContext } from './rule';

// Names that other places refer to (a CloudQuery destination named in a source's destinations,
// a LogCraft service id, ...): the sites a system describes (systems/<system>/names.ts) and the
// helpers that find them. Rename, find references and the lens are built on them in features/.

/** One occurrence of a name: its exact span in its file. */
export interface NameSite {
  file: string;
  start: number;
  end: number;
  /** What the name names, in the system's vocabulary (`destination`, `transformer`, `service`). */
  target: string;
  name: string;
  /** The place that defines the name (e.g. a spec's `name:`), as opposed to a use of it. */
  declaration: boolean;
  /** What holds a use, for the code lens ("used by 2 sources"): e.g. `source`. */
  owner?: string;
  /** Which one holds it (uses from one owner count once), e.g. its file and document. */
  ownerId?: string;
}

/** A value that refers to a name: the descriptors' reference rows (path, target, pattern). */
export type ReferenceSiteRow = ReferenceRow;

/** What a system knows about its names, for the kinds it lists. */
export interface NameProvider {
  kinds: readonly KindId[];
  /** The files whose names this file sees (itself included), with their kinds. */
  scope(context: RuleContext): Array<{ file: string; kind: KindId }>;
  /** Every declaration and use in one parsed file; `text` is the file's original text. */
  sites(parsed: ParsedFile, file: string, text: string): NameSite[];
  /** A references lens over each declaration (off where uses are only the name's own repetitions). */
  lens?: boolean;
}

/**
 * Uses found by rows in one document root: exact paths first; a pattern row takes the name from
 * inside the value (its span is found in the original text, so the edit touches only the name).
 */
export function siteRows(
  rows: ReferenceSiteRow[],
): (
  root: ParsedFile['documents'][number]['root'],
  file: string,
  text: string,
  owner?: Pick<NameSite, 'owner' | 'ownerId'>,
) => NameSite[] {
  const compiled = rows.map((row) => ({ ...row, at: row.path === undefined ? undefined : compilePath(row.path) }));
  return (root, file, text, owner) => {
    const sites: NameSite[] = [];
    for (const node of walkNodes(root)) {
      if (node.type !== 'scalar' || typeof node.value !== 'string') continue;
      const path = pathTo(node);
      const row = compiled.find((r) => matches(r.at, path) && (!r.pattern || r.pattern.test(node.value as string)));
      if (!row) continue;
      const site = row.pattern ? patternSpan(node, text, row.pattern) : valueSpan(node, text);
      if (site) sites.push({ file, ...site, target: row.target, declaration: false, ...owner });
    }
    return sites;
  };
}

function matches(at: PathPattern | undefined, path: Step[]): boolean {
  return at === undefined || comparePath(at, path) === 'exact';
}

/** The span of a scalar's text without its quotes. */
export function valueSpan(node: ScalarNode, text: string): { start: number; end: number; name: string } | undefined {
  if (typeof node.value !== 'string') return undefined;
  const raw = text.slice(node.start, node.end);
  const quoted = /^["']/.test(raw) ? 1 : 0;
  const inner = raw
    .slice(quoted, raw.length - (quoted && raw.length > 1 && raw[raw.length - 1] === raw[0] ? 1 : 0))
    .trimEnd();
  // An escaped value (`"a\u0062"`) cannot be edited in place as the name: leave it out.
  if (inner !== node.value) return undefined;
  return { start: node.start + quoted, end: node.start + quoted + inner.length, name: node.value };
}

function patternSpan(
  node: ScalarNode,
  text: string,
  pattern: RegExp,
): { start: number; end: number; name: string } | undefined {
  const raw = text.slice(node.start, node.end);
  const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(raw);
  if (!match || match[1] === undefined) return undefined;
  const start = node.start + match.index + match[0].indexOf(match[1]);
  return { start, end: start + match[1].length, name: match[1] };
}
