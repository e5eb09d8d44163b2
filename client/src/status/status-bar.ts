import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClassificationRequest,
  type ClassificationResult,
  type ClassifiedParams,
  type ResultOf,
} from '../../../server/src/lsp/protocol';

export type Classification = ClassificationResult;

const SOURCES: Record<string, string> = {
  forced: 'your file association setting',
  modeline: 'the `plugin-workbench: kind=` modeline',
  path: 'its file name and place',
  content: 'its content',
  context: 'its place next to other manifests',
};

/**
 * Shows the system and kind of the active manifest; clicking it changes the association. It reads
 * what the server published with each document's diagnostics (`published`), so it never makes the
 * server analyse; only a document with nothing published yet is asked for, once.
 */
export class ManifestStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'pluginWorkbench.kind',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly disposables: vscode.Disposable[] = [];
  private current: Classification | null = null;
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();
  /** The latest classification the server published per document URI. */
  private readonly known = new Map<string, Classification | null>();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Plugin Workbench manifest kind';
    this.item.command = 'pluginWorkbench.changeAssociation';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidCloseTextDocument((document) => this.known.delete(document.uri.toString())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
    );
  }

  /** The server published a document's diagnostics and, with them, its classification. */
  published(params: ClassifiedParams): void {
    this.known.set(params.uri, params.classification);
    if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) void this.refresh();
  }

  /** A new server starts with nothing published. */
  reset(): void {
    this.known.clear();
  }

  /** What the item shows now (for tests and the command). */
  get state(): {
    classification: Classification | null;
    text: string;
    tooltip: string;
    ariaLabel: string;
    visible: boolean;
  } {
    const tooltip =
      this.item.tooltip instanceof vscode.MarkdownString ? this.item.tooltip.value : String(this.item.tooltip ?? '');
    const ariaLabel = this.item.accessibilityInformation?.label ?? '';
    return { classification: this.current, text: this.item.text, tooltip, ariaLabel, visible: this.current !== null };
  }

  /**
   * Resolves once the item shows the newest state: a refresh overtaken by a later one
   * (say, triggered by a diagnostics event) waits for that one instead of returning early.
   */
  async refresh(): Promise<void> {
    let generation = ++this.generation;
    this.latest = this.update(generation);
    await this.latest;
    while (generation !== this.generation) {
      generation = this.generation;
      await this.latest;
    }
  }

  private async update(generation: number): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    let classification: Classification | null = null;
    const uri = editor?.document.uri.toString();
    if (uri !== undefined && this.known.has(uri)) classification = this.known.get(uri) ?? null;
    else if (uri !== undefined && client?.isRunning()) {
      // Nothing published yet (the server answers from its latest analysis, or the open's own).
      try {
        classification = await client.sendRequest<ResultOf<typeof ClassificationRequest>>(
          ClassificationRequest.method,
          {
            uri,
          },
        );
      } catch {
        classification = null;
      }
    }
    if (generation !== this.generation) return;
    this.current = classification;
    if (!classification) {
      this.item.hide();
      return;
    }
    const system = classification.systemName;
    this.item.text = `$(plug) ${system}: ${classification.kind}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${classification.title}** (\`${classification.kind}\`)\n\n`);
    tooltip.appendMarkdown(
      `Recognised by ${SOURCES[classification.source] ?? classification.source}. Click to change.\n\n`,
    );
    if (classification.disabled)
      tooltip.appendMarkdown(
        `Checks for ${system} are turned off (\`pluginWorkbench.${classification.system}.enable\`).\n\n`,
      );
    else tooltip.appendMarkdown(`${classification.error} error(s), ${classification.warning} warning(s).\n\n`);
    if (!classification.trusted) {
      tooltip.appendMarkdown(
        '$(shield) **Restricted mode**: validation only. No plugin binary is read for checksums and nothing is built or run until you trust this folder.',
      );
    }
    this.item.tooltip = tooltip;
    // Without its own label, VS Code reads the tooltip's raw markdown (`**...**`) to screen readers.
    this.item.accessibilityInformation = { label: plainLabel(classification), role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** What a screen reader says for the item: the tooltip's facts in plain words. */
export function plainLabel(classification: Classification): string {
  const parts = [`Plugin Workbench: ${classification.systemName} ${classification.title} (${classification.kind})`];
  if (classification.disabled) parts.push(`checks for ${classification.systemName} are turned off`);
  else parts.push(`${classification.error} error(s), ${classification.warning} warning(s)`);
  if (!classification.trusted) parts.push('restricted mode: validation only');
  parts.push('activate to change the manifest kind');
  return parts.join(', ');
}
