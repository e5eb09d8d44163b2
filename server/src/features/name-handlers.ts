import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeLens,
  CodeLensParams,
  Location,
  PrepareRenameParams,
  ReferenceParams,
  RenameParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { LineIndex } from '../core';
import { uriToPath } from '../lsp/workbench-service';
import { nameProviderFor } from '../systems/name-providers';
import { analyzedDocument } from './analyzed-document';
import type { FeatureContext } from './index';
import { referenceLenses, renameEdits, sameName, siteAt, sitesInScope, type NameSite } from './name-references';

/** The client command a references lens runs (client/src: opens VS Code's references peek). */
export const SHOW_REFERENCES_COMMAND = 'pluginWorkbench.showReferences';

/** Rename, find references and the references lens, over the systems' name providers. */
export function registerNames(features: FeatureContext): void {
  const { connection, documents, service } = features;

  async function scope(uri: string) {
    const analyzed = await analyzedDocument(features, uri);
    const provider = analyzed && nameProviderFor(analyzed.analysis.kind);
    if (!analyzed || !provider) return undefined;
    const { document, analysis } = analyzed;
    const file = uriToPath(document.uri);
    const context = service.engine.contextFor(analysis.kind, file, document.getText(), analysis.parsed);
    // Open documents win over the disk: their unsaved text is what the edits apply to.
    const open = new Map(documents.all().map((d) => [path.resolve(uriToPath(d.uri)), d]));
    const texts = new Map<string, string>();
    const textOf = (f: string) => open.get(path.resolve(f))?.getText() ?? service.engine.files.readText(f);
    const sites = sitesInScope(
      provider,
      context,
      (f) => {
        const text = textOf(f);
        if (text !== undefined) texts.set(f, text);
        return text;
      },
      (f, text, kind) => service.engine.parse(f, text, kind, open.get(path.resolve(f))?.version),
    );
    texts.set(file, document.getText());
    const uriOf = (f: string) => open.get(path.resolve(f))?.uri ?? pathToFileURL(f).href;
    const indexes = new Map<string, LineIndex>();
    const rangeOf = (site: { file: string; start: number; end: number }) => {
      let index = indexes.get(site.file);
      if (!index) indexes.set(site.file, (index = new LineIndex(texts.get(site.file) ?? '')));
      return { start: index.positionAt(site.start), end: index.positionAt(site.end) };
    };
    return { document, file, sites, uriOf, rangeOf, provider };
  }

  const location = (s: NonNullable<Awaited<ReturnType<typeof scope>>>, site: NameSite): Location => ({
    uri: s.uriOf(site.file),
    range: s.rangeOf(site),
  });

  connection.onPrepareRename(async (params: PrepareRenameParams) => {
    const s = await scope(params.textDocument.uri);
    const site = s && siteAt(s.sites, s.file, s.document.offsetAt(params.position));
    return s && site ? { range: s.rangeOf(site), placeholder: site.name } : null;
  });

  connection.onRenameRequest(async (params: RenameParams): Promise<WorkspaceEdit | null> => {
    const s = await scope(params.textDocument.uri);
    const site = s && siteAt(s.sites, s.file, s.document.offsetAt(params.position));
    if (!s || !site) return null;
    // A name is written as a plain YAML value in every place it occurs: keep it one.
    if (!/^[A-Za-z0-9_][\w.\-/]*$/.test(params.newName)) {
      throw new ResponseError(
        1,
        `"${params.newName}" cannot be a ${site.target} name here: use letters, digits, '-', '_', '.' or '/'.`,
      );
    }
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, edits] of renameEdits(s.sites, site, params.newName)) {
      changes[s.uriOf(file)] = edits.map((e) => ({ range: s.rangeOf({ file, ...e }), newText: e.newText }));
    }
    return { changes };
  });

  connection.onReferences(async (params: ReferenceParams): Promise<Location[] | null> => {
    const s = await scope(params.textDocument.uri);
    const site = s && siteAt(s.sites, s.file, s.document.offsetAt(params.position));
    if (!s || !site) return null;
    return sameName(s.sites, site)
      .filter((x) => params.context.includeDeclaration || !x.declaration)
      .map((x) => location(s, x));
  });

  connection.onCodeLens(async (params: CodeLensParams): Promise<CodeLens[] | null> => {
    const s = await scope(params.textDocument.uri);
    if (!s || s.provider.lens === false) return null;
    return referenceLenses(s.sites, s.file).map(({ declaration, uses, title }) => {
      const range = s.rangeOf(declaration);
      return {
        range,
        command: {
          title,
          // With no use, the lens is a label only.
          command: uses.length ? SHOW_REFERENCES_COMMAND : '',
          arguments: uses.length ? [s.document.uri, range.start, uses.map((u) => location(s, u))] : undefined,
        },
      };
    });
  });
}
