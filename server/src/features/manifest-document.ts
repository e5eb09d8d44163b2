import type { KindId } from '../core';
import { KINDS } from '../systems';
import { uriToPath } from '../lsp/workbench-service';
import type { AnalyzedDocument } from './analyzed-document';
import type { FeatureContext } from './index';

/**
 * The open manifest for completion and hover. While a file is being typed its content may stop
 * matching the signature that classified it (a JSON file with a dangling `"key": `, a CloudQuery
 * spec whose `kind:` is half-typed): then the kind it had last is kept and the text is parsed
 * again with that kind's reader, so completion keeps working on text that does not parse.
 */
export class ManifestDocuments {
  private readonly lastKind = new Map<string, KindId>();

  constructor(private readonly features: FeatureContext) {
    features.documents.onDidOpen(({ document }) => {
      // The diagnostics pipeline analyzes this version too: the service caches it per version.
      void features.service.analyze(document).then(
        (analysis) => analysis.kind && this.lastKind.set(document.uri, analysis.kind),
        () => undefined,
      );
    });
    features.documents.onDidClose(({ document }) => this.lastKind.delete(document.uri));
  }

  async get(uri: string): Promise<AnalyzedDocument | undefined> {
    const { documents, service } = this.features;
    const document = documents.get(uri);
    if (!document) return undefined;
    const analysis = await service.analyze(document);
    if (analysis.kind && analysis.parsed) {
      this.lastKind.set(uri, analysis.kind);
      return { document, analysis: analysis as AnalyzedDocument['analysis'] };
    }
    // Classified but switched off in the settings, or never a manifest: nothing to offer.
    if (analysis.classification.kind) return undefined;
    const kind = this.lastKind.get(uri);
    if (!kind || analysis.settings?.disabledSystems.includes(KINDS[kind].system)) return undefined;
    const parsed = service.engine.parse(uriToPath(uri), document.getText(), kind, document.version);
    return { document, analysis: { ...analysis, kind, parsed } };
  }
}

const shared = new WeakMap<FeatureContext['documents'], ManifestDocuments>();

/** One instance per document manager, shared by completion and hover. */
export function manifestDocuments(features: FeatureContext): ManifestDocuments {
  let instance = shared.get(features.documents);
  if (!instance) {
    instance = new ManifestDocuments(features);
    shared.set(features.documents, instance);
  }
  return instance;
}
