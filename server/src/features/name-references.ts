import type { KindId, ParsedFile } from '../core';
import type { RuleContext } from '../systems/rule';
import type { NameProvider, NameSite } from '../systems/name-sites';

// Rename, find references and the references code lens over the sites the systems describe
// (systems/name-sites.ts), as pure functions.

/** Reads a file of the scope: the open document's text when there is one, else the disk. */
export type TextOf = (file: string) => string | undefined;

/** Every site of every file in the provider's scope for this file. */
export function sitesInScope(
  provider: NameProvider,
  context: RuleContext,
  textOf: TextOf,
  parse: (file: string, text: string, kind: KindId) => ParsedFile,
): NameSite[] {
  const sites: NameSite[] = [];
  for (const { file, kind } of provider.scope(context)) {
    if (file === context.path) {
      sites.push(...provider.sites(context.file, file, context.text));
      continue;
    }
    const text = textOf(file);
    if (text === undefined) continue;
    sites.push(...provider.sites(parse(file, text, kind), file, text));
  }
  return sites;
}

/** The site under the cursor in this file, if any. */
export function siteAt(sites: NameSite[], file: string, offset: number): NameSite | undefined {
  return sites.find((s) => s.file === file && offset >= s.start && offset <= s.end);
}

/** The declaration and every use of the same name. */
export function sameName(sites: NameSite[], site: NameSite): NameSite[] {
  return sites.filter((s) => s.target === site.target && s.name === site.name);
}

/** Text edits per file renaming every occurrence of the name at `site`. */
export function renameEdits(
  sites: NameSite[],
  site: NameSite,
  newName: string,
): Map<string, Array<{ start: number; end: number; newText: string }>> {
  const edits = new Map<string, Array<{ start: number; end: number; newText: string }>>();
  for (const s of sameName(sites, site)) {
    const list = edits.get(s.file) ?? [];
    if (!list.some((e) => e.start === s.start)) list.push({ start: s.start, end: s.end, newText: newName });
    edits.set(s.file, list);
  }
  return edits;
}

/** A lens above each declaration of this file: how many uses it has, and by what. */
export function referenceLenses(
  sites: NameSite[],
  file: string,
): Array<{ declaration: NameSite; uses: NameSite[]; title: string }> {
  return sites
    .filter((s) => s.declaration && s.file === file)
    .map((declaration) => {
      const uses = sameName(sites, declaration).filter((s) => !s.declaration);
      const owners = new Map<string, Set<string>>();
      for (const use of uses) {
        const label = use.owner ?? 'reference';
        owners.set(label, (owners.get(label) ?? new Set()).add(use.ownerId ?? `${use.file}:${use.start}`));
      }
      const title = uses.length
        ? `used by ${[...owners].map(([owner, ids]) => `${ids.size} ${ids.size === 1 ? owner : `${owner}s`}`).join(', ')}`
        : 'not used';
      return { declaration, uses, title };
    });
}
