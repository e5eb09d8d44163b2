import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEMPLATE_CHOICES, type ChoiceTable } from '../systems/template-choices';
import { loadTemplate, type Template, type TemplateOption } from './template';
import { nameVariables, render, RenderError } from './render';

export interface ScaffoldRequest {
  templateId: string;
  name: string;
  /** The folder the project folder is created in. */
  parentDir: string;
  options?: Record<string, string>;
}

export interface PlannedFile {
  path: string;
  content: string;
  executable: boolean;
}

export interface ScaffoldPlan {
  template: Template;
  /** Things to tell the user that do not stop the scaffold. */
  warnings: string[];
  /** The folder the user picked. */
  parent: string;
  /** The project folder: `parent/<directory of the template>`, which may be nested (Anklet). */
  directory: string;
  files: PlannedFile[];
  variables: Record<string, string>;
  next: string[];
  /** Absolute paths of the files that are plugin manifests. */
  manifests: string[];
}

/** `usage`: a bad name, option or template; `exists`: a target file is there already. */
export class ScaffoldError extends Error {
  constructor(
    message: string,
    readonly reason: 'usage' | 'exists' | 'io',
    readonly files: string[] = [],
  ) {
    super(message);
  }
}

/** Why a name cannot be used (null when it can): the wizard shows this in its input box. */
/** Longest name: the folder name plus our staging suffix must stay far below the 255-byte file name limit. */
export const MAX_NAME_LENGTH = 100;

/** A line break in a value would let it write lines of its own into go.mod or Cargo.toml. */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

export function validateName(template: Pick<Template, 'name'>, name: string): string | null {
  if (!name.trim()) return 'Enter a name.';
  if (name.length > MAX_NAME_LENGTH)
    return `A name can be at most ${MAX_NAME_LENGTH} characters long (this one has ${name.length}).`;
  if (CONTROL.test(name)) return 'A name cannot contain line breaks or other control characters.';
  if (/[/\\]/.test(name) || name.includes('..') || path.isAbsolute(name)) {
    return 'A name cannot contain a path separator or "..": it names the new folder inside the parent you pick.';
  }
  if (!anchored(template.name.pattern).test(name)) return `${template.name.message} (e.g. ${template.name.example})`;
  return null;
}

/** The value an option takes when none is given; it may use the name and earlier options. */
export function optionDefault(option: TemplateOption, variables: Record<string, string>): string {
  if (option.choices && !option.default) return choiceTable(option).default;
  return render(option.default, variables, `option ${option.key}`);
}

/** Why a value cannot be used for an option (null when it can). */
export function optionProblem(option: TemplateOption, value: string): string | null {
  if (CONTROL.test(value)) return 'a value cannot contain line breaks or other control characters';
  if (option.choices) {
    const table = choiceTable(option);
    if (!table.variables(value)) return `one of ${table.values.map((v) => v.value).join(', ')}`;
    return null;
  }
  if (option.pattern && !anchored(option.pattern).test(value)) return option.message ?? `must match ${option.pattern}`;
  return null;
}

/** The variables an option's value sets: its own key, plus what a choice implies. */
export function optionVariables(option: TemplateOption, value: string): Record<string, string> {
  return { [option.key]: value, ...(option.choices ? choiceTable(option).variables(value) : {}) };
}

export function choiceTable(option: TemplateOption): ChoiceTable {
  const table = option.choices ? TEMPLATE_CHOICES[option.choices] : undefined;
  if (!table) throw new RenderError(`option ${option.key}: unknown choices table "${option.choices}"`);
  return table;
}

/** Renders every file in memory and checks the request; writes nothing. */
export function planScaffold(request: ScaffoldRequest, templatesRoot?: string): ScaffoldPlan {
  const template = loadTemplate(request.templateId, templatesRoot);
  if (!template)
    throw new ScaffoldError(`unknown template "${request.templateId}" (see: plugin-workbench new --list)`, 'usage');
  const nameProblem = validateName(template, request.name);
  if (nameProblem) throw new ScaffoldError(`invalid name "${request.name}": ${nameProblem}`, 'usage');
  const given = { ...(request.options ?? {}) };
  const known = new Set(template.options.map((o) => o.key));
  // Options a template does not use are reported, not fatal: CI scripts pass one set to many templates.
  const ignored = Object.keys(given).filter((k) => !known.has(k));
  const warnings = ignored.length
    ? [
        `ignored option${ignored.length > 1 ? 's' : ''} ${ignored.join(', ')}: ${template.id} takes ${[...known].join(', ') || 'none'}`,
      ]
    : [];
  const variables: Record<string, string> = nameVariables(request.name);
  try {
    for (const option of template.options) {
      const value = given[option.key] ?? optionDefault(option, variables);
      const problem = optionProblem(option, value);
      if (problem) throw new ScaffoldError(`invalid ${option.key} "${value}": ${problem}`, 'usage');
      Object.assign(variables, optionVariables(option, value));
    }
    const parent = path.resolve(request.parentDir);
    const directory = path.join(parent, render(template.directory, variables, 'directory'));
    const files: PlannedFile[] = [];
    for (const [relative, content] of template.files) {
      const target = path.join(directory, ...render(relative, variables, relative).split('/'));
      if (!target.startsWith(directory + path.sep))
        throw new ScaffoldError(`template path ${relative} leaves the project folder`, 'usage');
      files.push({
        path: target,
        content: render(content, variables, relative),
        executable: (template.executables ?? []).includes(relative),
      });
    }
    return {
      template,
      warnings,
      parent,
      directory,
      files,
      variables,
      next: template.next.map((line) => render(line, variables, 'next')),
      manifests: template.manifests.map((m) => path.join(directory, ...render(m, variables, m).split('/'))),
    };
  } catch (error) {
    if (error instanceof RenderError)
      throw new ScaffoldError(`template ${template.id} is broken: ${error.message}`, 'io');
    throw error;
  }
}

/** A pattern matches the whole value, even if its author forgot `^` or `$`. */
function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Target files that exist already: a link counts, even a dangling one (it is never replaced). */
export function conflicts(plan: ScaffoldPlan): string[] {
  return plan.files.map((f) => f.path).filter((file) => lstat(file) !== undefined);
}

/** Links between the parent folder and any target: writing through one would land elsewhere. */
export function linksOnTheWay(plan: ScaffoldPlan): string[] {
  const links = new Set<string>();
  for (const file of plan.files) {
    const parts = path.relative(plan.parent, path.dirname(file.path)).split(path.sep).filter(Boolean);
    let current = plan.parent;
    for (const part of parts) {
      current = path.join(current, part);
      const stat = lstat(current);
      if (!stat) break;
      if (stat.isSymbolicLink()) {
        links.add(current);
        break;
      }
    }
  }
  return [...links];
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the plan without ever overwriting: it checks every target first and writes nothing if one
 * exists. A new project folder is written in a temporary sibling and renamed into place, so a
 * failure leaves nothing half-written; into an existing folder each file goes through a temporary
 * name and a rename, and a failure removes what was written.
 */
export function writeScaffold(plan: ScaffoldPlan): string[] {
  const parent = fs.existsSync(plan.parent) ? fs.statSync(plan.parent) : undefined;
  if (!parent) throw new ScaffoldError(`the parent folder ${plan.parent} does not exist`, 'usage');
  if (!parent.isDirectory()) throw new ScaffoldError(`the parent folder ${plan.parent} is not a folder`, 'usage');
  const links = linksOnTheWay(plan);
  if (links.length) {
    throw new ScaffoldError(
      `nothing written: ${links.length} folder(s) on the way are symbolic links; Plugin Workbench does not write through links`,
      'exists',
      links,
    );
  }
  const existing = conflicts(plan);
  if (existing.length)
    throw new ScaffoldError(`nothing written: ${existing.length} file(s) exist already`, 'exists', existing);
  try {
    return writePlanned(plan);
  } catch (error) {
    if (error instanceof ScaffoldError) throw error;
    throw new ScaffoldError(`nothing written: ${(error as Error).message}`, 'io');
  }
}

function writePlanned(plan: ScaffoldPlan): string[] {
  if (!lstat(plan.directory)) {
    const outer = mkdirs(path.dirname(plan.directory));
    // mkdtemp would make the project folder 0700; a plain mkdir honours the umask like other tools.
    const staging = path.join(
      path.dirname(plan.directory),
      `.${path.basename(plan.directory)}.pw-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    fs.mkdirSync(staging);
    try {
      for (const file of plan.files) writeFile(path.join(staging, path.relative(plan.directory, file.path)), file);
      fs.renameSync(staging, plan.directory);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      for (const dir of outer.reverse()) fs.rmSync(dir, { recursive: true, force: true });
      throw new ScaffoldError(`nothing written: ${(error as Error).message}`, 'io');
    }
    return plan.files.map((f) => f.path);
  }
  const written: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const file of plan.files) {
      createdDirs.push(...mkdirs(path.dirname(file.path)));
      const temporary = `${file.path}.pw-${process.pid}-${Date.now()}`;
      writeFile(temporary, file);
      if (lstat(file.path)) {
        fs.rmSync(temporary);
        throw new Error(`${file.path} appeared while writing`);
      }
      fs.renameSync(temporary, file.path);
      written.push(file.path);
    }
  } catch (error) {
    for (const file of written.reverse()) fs.rmSync(file, { force: true });
    for (const dir of createdDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new ScaffoldError(`nothing written: ${(error as Error).message}`, 'io');
  }
  return written;
}

function writeFile(target: string, file: PlannedFile): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Like other tools, the modes are what the umask leaves of rw (and x for executables) for all.
  fs.writeFileSync(target, file.content, { flag: 'wx', mode: file.executable ? 0o777 : 0o666 });
}

/** Creates missing folders and returns those it created, outermost first. */
function mkdirs(dir: string): string[] {
  const created: string[] = [];
  let current = dir;
  while (!fs.existsSync(current)) {
    created.unshift(current);
    current = path.dirname(current);
  }
  for (const folder of created) fs.mkdirSync(folder);
  return created;
}
