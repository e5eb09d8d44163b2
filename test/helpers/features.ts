import { pathToFileURL } from 'node:url';
import type {
  CodeActionContext,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  actionLenses,
  codeActions,
  complete,
  definition,
  hover,
  links,
  OpenDocuments,
  outline,
  type AnalyzedDocument,
} from '../../server/src/features';
import { toLspDiagnostics } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';
import { WorkbenchService } from '../../server/src/lsp/workbench-service';
import { cursor } from './cursor';

/**
 * The features in-process: the real workbench service (the real Engine, files on disk) and the
 * real open-documents module, the feature functions called directly as lsp/handlers.ts calls them.
 * No LSP transport: the few smoke tests in test/lsp cover that.
 */
export class Workbench {
  readonly service: WorkbenchService;
  private readonly texts = new Map<string, TextDocument>();
  private readonly open: OpenDocuments;

  /** `settings`: the raw `pluginWorkbench` section, as the client would send it. */
  constructor(settings?: unknown) {
    const resolved = settings === undefined ? DEFAULT_SETTINGS : readSettings(settings);
    this.service = new WorkbenchService(async () => resolved);
    this.open = new OpenDocuments(this.texts, this.service);
  }

  /** Opens `text` as the file `file`; with `typedFrom`, opens that text first and then edits it into `text`. */
  async openFile(file: string, text: string, typedFrom?: string): Promise<TextDocument> {
    const uri = pathToFileURL(file).href;
    // Opened again: a later version, as an editor would send (the service caches by version).
    const version = (this.texts.get(uri)?.version ?? 0) + 1;
    let document = TextDocument.create(uri, 'plaintext', version, typedFrom ?? text);
    this.texts.set(uri, document);
    this.open.opened(document);
    await this.service.analyze(document);
    if (typedFrom !== undefined) {
      document = TextDocument.create(uri, 'plaintext', version + 1, text);
      this.texts.set(uri, document);
      await this.service.analyze(document);
    }
    return document;
  }

  analyzed(document: TextDocument, whileTyping = false): Promise<AnalyzedDocument | undefined> {
    return whileTyping ? this.open.whileTyping(document.uri) : this.open.get(document.uri);
  }

  /** Completion items at the `|` in `textWithCursor`. */
  async completionAt(file: string, textWithCursor: string, typedFrom?: string): Promise<CompletionItem[]> {
    const { text, offset } = cursor(textWithCursor);
    const analyzed = await this.analyzed(await this.openFile(file, text, typedFrom), true);
    return (analyzed && (await complete(analyzed, this.service.engine, offset))?.items) ?? [];
  }

  /** The hover at the `|` in `textWithCursor`. */
  async hoverAt(file: string, textWithCursor: string): Promise<Hover | null> {
    const { text, offset } = cursor(textWithCursor);
    const analyzed = await this.analyzed(await this.openFile(file, text), true);
    return analyzed ? hover(analyzed, this.service.engine, offset) : null;
  }

  async outlineOf(file: string, text: string): Promise<DocumentSymbol[] | null> {
    const analyzed = await this.analyzed(await this.openFile(file, text));
    return analyzed
      ? outline(
          analyzed.analysis.kind,
          analyzed.analysis.parsed.documents.map((d) => d.root),
          analyzed.document,
        )
      : null;
  }

  /** Where the value at the `|` in `textWithCursor` is declared. */
  async definitionAt(file: string, textWithCursor: string): Promise<Location[] | null> {
    const { text, offset } = cursor(textWithCursor);
    const analyzed = await this.analyzed(await this.openFile(file, text));
    return analyzed ? definition(analyzed, this.service.engine, offset) : null;
  }

  /** Where the value at `position` of an open document is declared. */
  async definitionIn(uri: string, position: Position): Promise<Location[] | null> {
    const analyzed = await this.open.get(uri);
    return analyzed ? definition(analyzed, this.service.engine, analyzed.document.offsetAt(position)) : null;
  }

  /** The lenses that run a project's task or launch (features/action-lenses.ts). */
  async actionLensesOf(file: string, text: string) {
    const analyzed = await this.analyzed(await this.openFile(file, text));
    return analyzed ? actionLenses(analyzed) : null;
  }

  async linksOf(file: string, text: string) {
    const analyzed = await this.analyzed(await this.openFile(file, text));
    return analyzed ? links(analyzed, this.service.engine) : null;
  }

  /** The diagnostics the server would publish for a document (severity overrides applied). */
  async diagnostics(document: TextDocument): Promise<Diagnostic[]> {
    const analysis = await this.service.analyze(document);
    return analysis.kind ? toLspDiagnostics(document, analysis.diagnostics, analysis.settings) : [];
  }

  /** The code actions offered for `diagnostics` (all of the document's when omitted). */
  async codeActionsFor(document: TextDocument, diagnostics?: Diagnostic[], only?: CodeActionContext['only']) {
    const analyzed = await this.analyzed(document);
    if (!analyzed) return null;
    return codeActions(
      analyzed,
      { diagnostics: diagnostics ?? (await this.diagnostics(document)), only },
      (message) => {
        throw new Error(message);
      },
    );
  }
}
