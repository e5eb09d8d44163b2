import type { FoldingRangeParams, SelectionRangeParams } from 'vscode-languageserver';
import { analyzedDocument } from './analyzed-document';
import { foldingRanges, selectionRanges } from './folding';
import type { FeatureContext } from './index';

/** textDocument/foldingRange and textDocument/selectionRange for manifests. */
export function registerFolding(features: FeatureContext): void {
  features.connection.onFoldingRanges(async (params: FoldingRangeParams) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    return analyzed ? foldingRanges(analyzed.analysis.parsed) : null;
  });
  features.connection.onSelectionRanges(async (params: SelectionRangeParams) => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    return selectionRanges(
      analyzed.analysis.parsed,
      params.positions.map((p) => analyzed.document.offsetAt(p)),
    );
  });
}
