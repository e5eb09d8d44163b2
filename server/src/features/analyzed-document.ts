import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis';
import type { KindId, ParsedFile } from '../core';
import { KINDS } from '../systems';
import type { WorkbenchService } from '../lsp/workbench-service';
import { uriToPath } from './uri';

/** A manifest and its analysis: what every feature function takes. */
export interface AnalyzedDocument {
  document: TextDocument;
  /** `settings.targets`: the host releases the document's settings choose (project editors read them). */
  analysis: Analysis & { kind: KindId; parsed: ParsedFile; settings?: { targets?: Record<string, string> } };
}

/** Where the open documents come from: the LSP `TextDocuments`, or a test's map. */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
}

/**
 * The open documents and their analyses, for every feature. The analysis a feature gets is the
 * kind and the latest parse of the current text (`WorkbenchService.parsed`): no feature waits for
 * schema validation, rules or hashing. `get` answers for a manifest of a system that is switched
 * on. `whileTyping` (completion, hover) also answers while a file is being typed and its content
 * stops matching the signature that classified it (a JSON file with a dangling `"key": `, a
 * CloudQuery spec whose `kind:` is half-typed): the kind it had last is kept and the text is
 * parsed again with that kind's reader, so completion keeps working on text that does not parse.
 */
export class OpenDocuments {
  private readonly lastKind = new Map<string, KindId>();

  constructor(
    private readonly documents: DocumentSource,
    private readonly service: WorkbenchService,
  ) {}

  /** A document was opened: remember its kind (the engine keeps this version's parse for the diagnostics too). */
  opened(document: TextDocument): void {
    void this.service.parsed(document).then(
      (analysis) => analysis.kind && this.lastKind.set(document.uri, analysis.kind),
      () => undefined,
    );
  }

  closed(uri: string): void {
    this.lastKind.delete(uri);
  }

  /** The open document and its analysis, when it is a manifest of a system that is switched on. */
  async get(uri: string): Promise<AnalyzedDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const analysis = await this.service.parsed(document);
    if (!analysis.kind || !analysis.parsed) return undefined;
    return { document, analysis: analysis as AnalyzedDocument['analysis'] };
  }

  /** As `get`, keeping the last kind while the text no longer classifies (see the class comment). */
  async whileTyping(uri: string): Promise<AnalyzedDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const analysis = await this.service.parsed(document);
    if (analysis.kind && analysis.parsed) {
      this.lastKind.set(uri, analysis.kind);
      return { document, analysis: analysis as AnalyzedDocument['analysis'] };
    }
    // Classified but switched off in the settings, or never a manifest: nothing to offer.
    if (analysis.classification.kind) return undefined;
    const kind = this.lastKind.get(uri);
    if (!kind || analysis.settings?.disabledSystems.includes(KINDS[kind].system)) return undefined;
    const parsed = this.service.engine.parse(uriToPath(uri), document.getText(), kind, document.version);
    return { document, analysis: { ...analysis, kind, parsed } };
  }
}
