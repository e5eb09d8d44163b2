import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../analysis';
import { LineIndex } from '../core';
import type { NameProvider, NameSite } from '../systems/name-sites';
import { nameProviderFor } from '../systems/name-providers';
import type { AnalyzedDocument } from './analyzed-document';
import { referenceLenses, renameEdits, sameName, siteAt, sitesInScope } from './name-references';
import { uriToPath } from './uri';

/** The client command a references lens runs (client/src: opens VS Code's references peek). */
export const SHOW_REFERENCES_COMMAND = 'pluginWorkbench.showReferences';

/** Every name site this document sees (itself and the files of its provider's scope), with their ranges. */
export interface NameScope {
  document: TextDocument;
  file: string;
  sites: NameSite[];
  provider: NameProvider;
  uriOf(file: string): string;
  rangeOf(site: { file: string; start: number; end: number }): Range;
}

/**
 * The scope of names for rename, references and the lens. Open documents win over the disk: their
 * unsaved text is what the edits apply to.
 */
export function nameScope(
  { document, analysis }: AnalyzedDocument,
  engine: Engine,
  openDocuments: readonly TextDocument[],
): NameScope | undefined {
  const provider = nameProviderFor(analysis.kind);
  if (!provider) return undefined;
  const file = uriToPath(document.uri);
  const context = engine.contextFor(analysis.kind, file, document.getText(), analysis.parsed);
  const open = new Map(openDocuments.map((d) => [path.resolve(uriToPath(d.uri)), d]));
  const texts = new Map<string, string>();
  const sites = sitesInScope(
    provider,
    context,
    (f) => {
      const text = open.get(path.resolve(f))?.getText() ?? engine.files.readText(f);
      if (text !== undefined) texts.set(f, text);
      return text;
    },
    (f, text, kind) => engine.parse(f, text, kind, open.get(path.resolve(f))?.version),
  );
  texts.set(file, document.getText());
  const indexes = new Map<string, LineIndex>();
  return {
    document,
    file,
    sites,
    provider,
    uriOf: (f) => open.get(path.resolve(f))?.uri ?? pathToFileURL(f).href,
    rangeOf: (site) => {
      let index = indexes.get(site.file);
      if (!index) indexes.set(site.file, (index = new LineIndex(texts.get(site.file) ?? '')));
      return { start: index.positionAt(site.start), end: index.positionAt(site.end) };
    },
  };
}

const location = (scope: NameScope, site: NameSite): Location => ({
  uri: scope.uriOf(site.file),
  range: scope.rangeOf(site),
});

/** The name under the cursor and its range, or null where there is nothing to rename. */
export function prepareRename(scope: NameScope, offset: number): { range: Range; placeholder: string } | null {
  const site = siteAt(scope.sites, scope.file, offset);
  return site ? { range: scope.rangeOf(site), placeholder: site.name } : null;
}

/** Edits in every file of the scope; `error` when the new name cannot be written where the name occurs. */
export function rename(scope: NameScope, offset: number, newName: string): WorkspaceEdit | { error: string } | null {
  const site = siteAt(scope.sites, scope.file, offset);
  if (!site) return null;
  // A name is written as a plain YAML value in every place it occurs: keep it one.
  if (!/^[A-Za-z0-9_][\w.\-/]*$/.test(newName)) {
    return { error: `"${newName}" cannot be a ${site.target} name here: use letters, digits, '-', '_', '.' or '/'.` };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [file, edits] of renameEdits(scope.sites, site, newName)) {
    changes[scope.uriOf(file)] = edits.map((e) => ({ range: scope.rangeOf({ file, ...e }), newText: e.newText }));
  }
  return { changes };
}

/** The declaration and the uses of the name under the cursor. */
export function references(scope: NameScope, offset: number, includeDeclaration: boolean): Location[] | null {
  const site = siteAt(scope.sites, scope.file, offset);
  if (!site) return null;
  return sameName(scope.sites, site)
    .filter((x) => includeDeclaration || !x.declaration)
    .map((x) => location(scope, x));
}

/** A lens above each declaration of this file: "used by 2 sources", which opens the references peek. */
export function nameLenses(scope: NameScope): CodeLens[] | null {
  if (scope.provider.lens === false) return null;
  return referenceLenses(scope.sites, scope.file).map(({ declaration, uses, title }) => {
    const range = scope.rangeOf(declaration);
    return {
      range,
      command: {
        title,
        // With no use, the lens is a label only.
        command: uses.length ? SHOW_REFERENCES_COMMAND : '',
        arguments: uses.length ? [scope.document.uri, range.start, uses.map((u) => location(scope, u))] : undefined,
      },
    };
  });
}
