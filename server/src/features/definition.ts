import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { LineIndex } from '../engine';
import { uriToPath } from '../lsp/workbench-service';
import { specsInDocuments, visibleSpecs, type SpecKind } from '../rules/cloudquery/spec-index';
import { documentAt, targetAt } from './hover';
import type { FeatureContext } from './index';

/** Which reference points at which kind of spec. */
const REFERENCES: Array<{ list: string; kind: SpecKind }> = [
  { list: 'destinations', kind: 'destination' },
  { list: 'transformers', kind: 'transformer' },
];
const CONNECTION = /^@@plugins\.([^.\s]+)\.connection$/;

/** A CloudQuery destination or transformer name jumps to the `name:` of its spec, here or in a sibling file. */
export function registerDefinition({ connection, documents, service }: FeatureContext): void {
  connection.onDefinition(async (params: DefinitionParams): Promise<Location[] | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await service.analyze(document);
    if (analysis.kind !== 'cloudquery-spec' || !analysis.parsed) return null;
    const offset = document.offsetAt(params.position);
    const target = targetAt(documentAt(analysis.parsed.documents, offset)?.root, offset);
    if (!target || typeof target.value !== 'string') return null;
    const [, list] = target.path;
    let wanted: { name: string; kind: SpecKind } | undefined;
    const reference = REFERENCES.find((r) => r.list === list && typeof target.path[2] === 'number');
    if (reference) wanted = { name: target.value, kind: reference.kind };
    const connectionMatch = CONNECTION.exec(target.value);
    if (connectionMatch) wanted = { name: connectionMatch[1], kind: 'destination' };
    if (!wanted) return null;
    const file = uriToPath(document.uri);
    const context = service.engine.contextFor(analysis.kind, file, document.getText(), analysis.parsed);
    const here = specsInDocuments(context.documents, file).find((s) => s.kind === wanted!.kind && s.name === wanted!.name);
    if (here?.nameNode) return [{ uri: document.uri, range: { start: document.positionAt(here.nameNode.start), end: document.positionAt(here.nameNode.end) } }];
    const elsewhere = visibleSpecs(context).find((s) => s.kind === wanted!.kind && s.name === wanted!.name && s.file !== file);
    if (!elsewhere) return null;
    // Sibling specs were parsed without their name nodes' owners in this document: parse again for offsets.
    const parsed = context.parseOther(elsewhere.file, 'cloudquery-spec');
    const found = parsed && specsInDocuments(parsed.documents, elsewhere.file).find((s) => s.kind === wanted!.kind && s.name === wanted!.name);
    if (!found?.nameNode || !parsed) return null;
    const index = new LineIndex(fs.readFileSync(elsewhere.file, 'utf8'));
    return [{ uri: pathToFileURL(elsewhere.file).href, range: { start: index.positionAt(found.nameNode.start), end: index.positionAt(found.nameNode.end) } }];
  });
}
