import * as vscode from 'vscode';
import { ClassifiedNotification, SetTrustedNotification, type ParamsOf } from '../../server/src/lsp/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { changeAssociation } from './commands/change-association';
import { showReferences } from './commands/show-references';
import { runAction } from './commands/run-action';
import type { ActionArguments } from '../../server/src/systems';
import { languageClientModule } from './language-client-loader';
import { ManifestStatusBar } from './status/status-bar';
import { newPlugin, type NewPluginArgs } from './scaffold/wizard';
import { showPendingNextSteps } from './scaffold/next-steps';
import { registerPluginDebugger } from './debug/plugin-debugger';
import { DEBUG_TYPE, PluginHostAdapterFactory, PluginHostConfigurationProvider } from './debug/provider';
import { TASK_TYPE, WorkbenchTaskProvider } from './tasks/task-provider';

let client: LanguageClient | undefined;
/** The walkthrough's id in package.json (contributes.walkthroughs). */
export const WALKTHROUGH = 'gettingStarted';

/** What other extensions and the end-to-end tests can reach. */
export interface PluginWorkbenchApi {
  statusBar(): ManifestStatusBar['state'];
  refreshStatus(): Promise<void>;
  isServerRunning(): boolean;
}

export async function activate(context: vscode.ExtensionContext): Promise<PluginWorkbenchApi> {
  const outputChannel = vscode.window.createOutputChannel('Plugin Workbench');
  const statusBar = new ManifestStatusBar(() => client);
  const taskProvider = new WorkbenchTaskProvider();
  context.subscriptions.push(outputChannel, statusBar);

  const start = async () => {
    statusBar.reset();
    // Loaded here, not at activation: the language client's code is most of the extension's.
    client = languageClientModule().createLanguageClient(context, outputChannel);
    client.onNotification(ClassifiedNotification.method, (params: ParamsOf<typeof ClassifiedNotification>) =>
      statusBar.published(params),
    );
    await client.start();
    await statusBar.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('pluginWorkbench.restartServer', async () => {
      outputChannel.appendLine('Restarting the Plugin Workbench language server...');
      if (client) {
        await client.stop();
        client.dispose();
      }
      await start();
      return client?.isRunning() ?? false;
    }),
    vscode.commands.registerCommand('pluginWorkbench.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('pluginWorkbench.newPlugin', (args?: NewPluginArgs) =>
      newPlugin(args, context.globalState),
    ),
    vscode.commands.registerCommand('pluginWorkbench.showReferences', showReferences),
    vscode.commands.registerCommand(
      'pluginWorkbench.changeAssociation',
      async (args?: { uri?: string; kind?: string }) => {
        const kind = await changeAssociation(args);
        await statusBar.refresh();
        return kind;
      },
    ),
    vscode.tasks.registerTaskProvider(TASK_TYPE, taskProvider),
    vscode.commands.registerCommand('pluginWorkbench.runAction', (action: ActionArguments) =>
      runAction(taskProvider, action),
    ),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new PluginHostConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new PluginHostConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new PluginHostAdapterFactory()),
    registerPluginDebugger(DEBUG_TYPE),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(SetTrustedNotification.method, {
        trusted: true,
      } satisfies ParamsOf<typeof SetTrustedNotification>);
    }),
    { dispose: () => void client?.stop() },
  );

  void showPendingNextSteps(context.globalState);
  void showWalkthroughOnce(context);
  // The server starts in the background, after activation returns: activation neither loads the
  // language client nor waits for the server's handshake.
  const started = new Promise<void>((resolve) => setImmediate(resolve))
    .then(start)
    .catch((error: unknown) =>
      outputChannel.appendLine(
        `The Plugin Workbench language server did not start: ${(error as Error)?.message ?? error}`,
      ),
    );
  return {
    statusBar: () => statusBar.state,
    refreshStatus: () => started.then(() => statusBar.refresh()),
    isServerRunning: () => client?.isRunning() ?? false,
  };
}

/**
 * The getting-started walkthrough, once, on the first activation after install (VS Code opens
 * new walkthroughs itself too; both follow workbench.welcomePage.walkthroughs.openOnInstall).
 */
async function showWalkthroughOnce(context: vscode.ExtensionContext): Promise<void> {
  const key = 'pluginWorkbench.walkthroughShown';
  if (context.globalState.get<boolean>(key)) return;
  await context.globalState.update(key, true);
  if (!vscode.workspace.getConfiguration('workbench').get<boolean>('welcomePage.walkthroughs.openOnInstall', true))
    return;
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${context.extension.id}#${WALKTHROUGH}`,
    false,
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
