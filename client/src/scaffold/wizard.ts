import * as vscode from 'vscode';
import {
  choiceTable,
  conflicts,
  listTemplates,
  nameVariables,
  optionDefault,
  optionProblem,
  optionVariables,
  planScaffold,
  validateName,
  writeScaffold,
  ScaffoldError,
  type TemplateDefinition,
} from '../../../server/src/scaffold';
import { systems } from '../server-api';
import { rememberNextSteps } from './next-steps';

export interface NewPluginArgs {
  template?: string;
  name?: string;
  parentDir?: string;
  options?: Record<string, string>;
  /** Open the new folder afterwards (default: yes). Tests pass false. */
  open?: boolean;
}

export interface NewPluginResult {
  directory: string;
  files: string[];
}

/**
 * `Plugin Workbench: New Plugin...`: system, kind, name, options, parent folder, then the same
 * writer as `plugin-workbench new`. With `template`, `name` and `parentDir` it asks nothing.
 */
export async function newPlugin(
  args: NewPluginArgs = {},
  state?: vscode.Memento,
): Promise<NewPluginResult | undefined> {
  const templates = listTemplates();
  const picked = args.template ? templates.find((t) => t.id === args.template) : await pickTemplate(templates);
  if (!picked) {
    if (args.template) throw new Error(`Unknown template "${args.template}".`);
    return undefined;
  }
  const { template, asked } = 'template' in picked ? picked : { template: picked, asked: 0 };
  // A counter on every prompt once the template is known: system and kind, name, options, folder.
  const total = asked + (args.name ? 0 : 1 + (args.options ? 0 : template.options.length)) + (args.parentDir ? 0 : 1);
  let step = asked;
  const counter = () => ` (step ${++step} of ${total})`;
  const name =
    args.name ??
    (await vscode.window.showInputBox({
      title: `New ${template.title}${counter()}`,
      prompt: template.description,
      placeHolder: template.name.example,
      validateInput: (value) => validateName(template, value),
      ignoreFocusOut: true,
    }));
  if (name === undefined) return undefined;
  const nameProblem = validateName(template, name);
  if (nameProblem) throw new Error(nameProblem);
  const options = args.options ?? (args.name ? {} : await askOptions(template, name, counter));
  if (!options) return undefined;
  const parentDir =
    args.parentDir ?? (await pickParent(`New ${template.title}: where to create "${name}"${counter()}`));
  if (!parentDir) return undefined;

  try {
    const plan = planScaffold({ templateId: template.id, name, parentDir, options });
    const existing = conflicts(plan);
    if (existing.length) {
      const message = `Nothing was written: ${existing.length} file(s) exist already, e.g. ${existing[0]}.`;
      if (args.template) throw new Error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    const files = writeScaffold(plan);
    const result = { directory: plan.directory, files };
    if (args.open === false) return result;
    const next = plan.next.length ? ` Next: ${plan.next.join('; ')}` : '';
    // Said in the window the project opens in (a new one, or this one reloaded), on its activation.
    const message = `Created ${template.title} "${name}" (${files.length} files).${next}`;
    if (state) await rememberNextSteps(state, plan.directory, message);
    else void vscode.window.showInformationMessage(message);
    // The new project opens: in this window when none is open, else in a new one.
    const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(plan.directory), {
      forceNewWindow: hasWorkspace,
    });
    return result;
  } catch (error) {
    if (error instanceof ScaffoldError && !args.template) {
      void vscode.window.showErrorMessage(error.message);
      return undefined;
    }
    throw error;
  }
}

async function pickTemplate(
  templates: TemplateDefinition[],
): Promise<{ template: TemplateDefinition; asked: number } | undefined> {
  const system = await vscode.window.showQuickPick(
    systems()
      .SYSTEMS.filter((s) => templates.some((t) => t.system === s.id))
      .map((s) => ({ label: s.label, id: s.id })),
    { title: 'New Plugin: which system?', ignoreFocusOut: true },
  );
  if (!system) return undefined;
  const choices = templates.filter((t) => t.system === system.id);
  if (choices.length === 1) return { template: choices[0], asked: 1 };
  const picked = await vscode.window.showQuickPick(
    choices.map((t) => ({ label: t.title, description: t.id, detail: t.description, template: t })),
    { title: `New ${system.label} plugin: which kind?`, ignoreFocusOut: true },
  );
  return picked && { template: picked.template, asked: 2 };
}

async function askOptions(
  template: TemplateDefinition,
  name: string,
  counter: () => string,
): Promise<Record<string, string> | undefined> {
  const options: Record<string, string> = {};
  // The same defaults, checks and implied variables as `plugin-workbench new` (scaffold/writer.ts).
  const vars: Record<string, string> = nameVariables(name);
  for (const option of template.options) {
    const suggested = optionDefault(option, vars);
    let value: string | undefined;
    if (option.choices) {
      // A table of allowed values (e.g. eKuiper releases): a pick list, the default first.
      const table = choiceTable(option);
      const items = table.values.map((v) => ({
        label: v.value,
        description: v.value === suggested ? `${v.description} (default)` : v.description,
      }));
      items.sort((a, b) => Number(b.label === suggested) - Number(a.label === suggested));
      value = (
        await vscode.window.showQuickPick(items, {
          title: `New ${template.title}: ${option.key}${counter()}`,
          placeHolder: option.description,
          ignoreFocusOut: true,
        })
      )?.label;
    } else {
      value = await vscode.window.showInputBox({
        title: `New ${template.title}: ${option.key}${counter()}`,
        prompt: option.description,
        value: suggested,
        ignoreFocusOut: true,
        validateInput: (v) => optionProblem(option, v),
      });
    }
    if (value === undefined) return undefined;
    options[option.key] = value;
    Object.assign(vars, optionVariables(option, value));
  }
  return options;
}

async function pickParent(title: string): Promise<string | undefined> {
  const folders = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: 'Create Plugin Here',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return folders?.[0]?.fsPath;
}
