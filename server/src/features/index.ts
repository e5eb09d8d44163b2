import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkbenchService } from '../lsp/workbench-service';

// The editor features as pure functions over an analyzed document; lsp/handlers.ts wires them.
export { analyzedDocument, OpenDocuments, type AnalyzedDocument, type DocumentSource } from './analyzed-document';
export { codeActions } from './code-actions';
export { complete, COMPLETION_TRIGGERS } from './completion';
export { definition } from './definition';
export { hover } from './hover';
export { links } from './links';
export { outline } from './symbols';
export { registerFolding } from './folding-handlers';
export { registerNames } from './name-handlers';

/** What the features that still register their own handlers (folding, names) are given by lsp/handlers.ts. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: WorkbenchService;
}
