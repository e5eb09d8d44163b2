import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KindId, ParsedFile } from '../core';
import type { DocumentAnalysis } from '../lsp/workbench-service';
import type { FeatureContext } from './index';

export interface AnalyzedDocument {
  document: TextDocument;
  analysis: DocumentAnalysis & { kind: KindId; parsed: ParsedFile };
}

/** The open document and its analysis, when it is a manifest of a system that is switched on. */
export async function analyzedDocument({ documents, service }: FeatureContext, uri: string): Promise<AnalyzedDocument | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const analysis = await service.analyze(document);
  if (!analysis.kind || !analysis.parsed) return undefined;
  return { document, analysis: analysis as AnalyzedDocument['analysis'] };
}
