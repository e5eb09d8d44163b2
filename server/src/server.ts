import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, registerHandlers } from './lsp/handlers';

// The server's entry: a connection, the open documents and the workbench service; lsp/handlers.ts
// wires everything the server answers. `--stdio` or `--node-ipc` picks the transport
// (vscode-languageserver reads process.argv).
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const { service, settings } = createService(connection);

registerHandlers(connection, documents, service, settings);
documents.listen(connection);
connection.listen();
