import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Manifest languages the server reads; it decides per file whether the file is a manifest. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'toml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'untitled', language: 'toml' },
  // Project files (issue #14): go.mod, Makefiles, release workflows, plugin sources. By pattern
  // too, for editors without a Go/Makefile language installed.
  { scheme: 'file', language: 'go' },
  { scheme: 'file', language: 'go.mod' },
  { scheme: 'file', language: 'makefile' },
  { scheme: 'file', language: 'rust' },
  { scheme: 'file', language: 'python' },
  { scheme: 'file', language: 'shellscript' },
  // Release workflows, when the GitHub Actions extension gives them its own language.
  { scheme: 'file', language: 'github-actions-workflow' },
  { scheme: 'file', pattern: '**/go.mod' },
  { scheme: 'file', pattern: '**/Makefile' },
  { scheme: 'file', pattern: '**/.gitignore' },
];

/** The bundled server over IPC; the debug variant listens for an inspector on port 6011. */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.OutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    diagnosticCollectionName: 'plugin-workbench',
    // classifiedNotifications: the status bar reads what the server publishes with the diagnostics.
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      classifiedNotifications: true,
      // Every manifest of the workspace in the Problems panel, not only the open ones.
      workspaceProblems: vscode.workspace.getConfiguration('pluginWorkbench').get<boolean>('workspaceProblems', true),
    },
    synchronize: {
      // Neighbours matter: sibling specs, plugin binaries and .wasm files change results.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.yaml,*.yml,*.json,*.toml,*.wasm,*.so,go.mod,run.go,README.md,overview.md,.gitignore,Makefile}',
      ),
      // Setting changes are pushed to the server, which re-reads them per resource.
      configurationSection: 'pluginWorkbench',
    },
  };
  return new LanguageClient('pluginWorkbench', 'Plugin Workbench', serverOptions, clientOptions);
}
