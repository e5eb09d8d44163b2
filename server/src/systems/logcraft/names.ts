import type { NameProvider, NameSite } from '../name-sites';

/** One key of a dotted TOML key path, with its span (quotes excluded). */
interface Segment {
  key: string;
  start: number;
  end: number;
}

/** The key segments of a header (`[a."b".c]`) or a key (`a.b = `) starting at `from`, up to `]` or `=`. */
function segments(text: string, from: number): Segment[] {
  const found: Segment[] = [];
  const pattern = /\s*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))\s*(\.)?/y;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const key = match[1] ?? match[2] ?? match[3];
    const lead = match[0].length - match[0].trimStart().length;
    const keyStart = match.index + lead + (match[3] === undefined ? 1 : 0);
    found.push({ key, start: keyStart, end: keyStart + key.length });
    if (!match[4]) break;
  }
  return found;
}

/**
 * LogCraft service ids in lgc.toml: a service is `[services.<id>]`, and its id recurs in every
 * header and dotted key under it (`[services.<id>.settings]`, `services.<id>.plugin = …`, `<id>.…`
 * under `[services]`). Renaming one renames them all; the first is its declaration.
 */
export const logcraftNames: NameProvider = {
  kinds: ['logcraft-config'],
  // Its uses are the id repeated in its own headers: a count of them tells nothing.
  lens: false,
  scope: (context) => [{ file: context.path, kind: 'logcraft-config' }],
  sites(_parsed, file, text) {
    const sites: NameSite[] = [];
    const seen = new Set<string>();
    let table: string[] = [];
    const add = (segment: Segment | undefined) => {
      if (!segment) return;
      sites.push({
        file,
        start: segment.start,
        end: segment.end,
        target: 'service',
        name: segment.key,
        declaration: !seen.has(segment.key),
        owner: 'table',
      });
      seen.add(segment.key);
    };
    for (const line of text.matchAll(/^[ \t]*(\[{1,2})?(?=[^\s#\n])/gm)) {
      const at = line.index! + line[0].length;
      const keys = segments(text, at);
      if (line[1]) {
        table = keys.map((k) => k.key);
        if (keys[0]?.key === 'services') add(keys[1]);
      } else if (keys.length) {
        // A key line: its full path is the current table's plus its own segments.
        const full = [...table.map((key) => ({ key, start: -1, end: -1 })), ...keys];
        if (
          full[0]?.key === 'services' &&
          full[1] &&
          full[1].start >= 0 &&
          /^\s*[.=]/.test(text.slice(keys[keys.length - 1].end).replace(/^["']/, ''))
        )
          add(full[1]);
      }
    }
    return sites;
  },
};
