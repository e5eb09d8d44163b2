import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkbenchService } from '../lsp/workbench-service';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: WorkbenchService;
}

/** Registers the editor features (completion, hover, ...) on the connection. */
export function registerFeatures(_context: FeatureContext): void {}

/** The capabilities the registered features provide. */
registerFeatures.capabilities = {} as ServerCapabilities;
