import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver';
import type { WorkbenchService } from '../lsp/workbench-service';
import { registerCodeActions } from './code-actions';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { registerFolding } from './folding-handlers';
import { registerNames } from './name-handlers';
import { registerHover } from './hover';
import { registerLinks } from './links';
import { registerSymbols } from './symbols';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: WorkbenchService;
}

/** Registers the editor features on the connection; each comes from the engine and the schemas. */
export function registerFeatures(context: FeatureContext): void {
  registerCompletion(context);
  registerHover(context);
  registerSymbols(context);
  registerCodeActions(context);
  registerDefinition(context);
  registerLinks(context);
  registerFolding(context);
  registerNames(context);
}

/** The capabilities the registered features provide. */
registerFeatures.capabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  definitionProvider: true,
  documentLinkProvider: { resolveProvider: false },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  renameProvider: { prepareProvider: true },
  referencesProvider: true,
  codeLensProvider: { resolveProvider: false },
} satisfies ServerCapabilities;
