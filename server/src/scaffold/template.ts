import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateTemplates } from '../core';

/**
 * A template is data: `<templates>/<id>/template.json` plus a `files/` tree whose paths and
 * contents may hold `{{pw.<variable>}}` placeholders. Every file ends in `.tmpl` (removed on
 * write) so that editors and tools never mistake a template for a real manifest or program.
 */
export interface TemplateDefinition {
  id: string;
  system: string;
  /** Shown in the wizard's pick list. */
  title: string;
  description: string;
  /** What a valid name looks like for this system, with the reason shown when it is not. */
  name: { pattern: string; message: string; example: string };
  /** The project folder created under the parent, e.g. `{{pw.name}}`. */
  directory: string;
  options: TemplateOption[];
  /** Files that are plugin manifests: each must pass `plugin-workbench check` once written. */
  manifests: string[];
  /** Shown after writing: what to do next. */
  next: string[];
  /** Files to mark executable. */
  executables?: string[];
}

export interface TemplateOption {
  key: string;
  description: string;
  /** May refer to the name and earlier options: `github.com/{{pw.org}}/{{pw.name}}`. */
  default: string;
  pattern?: string;
  message?: string;
  /** A table of allowed values (server/src/systems/template-choices.ts); the chosen one adds variables. */
  choices?: string;
}

export interface Template extends TemplateDefinition {
  /** Relative template paths (with placeholders, without `.tmpl`) -> raw content. */
  files: Map<string, string>;
}

const TEMPLATE_SUFFIX = '.tmpl';

export { locateTemplates };

function templateIds(root: string): string[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'index.json'), 'utf8')) as string[];
}

export function listTemplates(root = locateTemplates()): TemplateDefinition[] {
  return templateIds(root).map((id) => readDefinition(root, id));
}

function readDefinition(root: string, id: string): TemplateDefinition {
  const file = path.join(root, id, 'template.json');
  const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as TemplateDefinition;
  if (definition.id !== id) throw new Error(`${file}: id "${definition.id}" does not match its folder "${id}"`);
  return definition;
}

export function loadTemplate(id: string, root = locateTemplates()): Template | undefined {
  if (!templateIds(root).includes(id)) return undefined;
  const definition = readDefinition(root, id);
  const files = new Map<string, string>();
  const base = path.join(root, id, 'files');
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith(TEMPLATE_SUFFIX)) {
        const relative = path.relative(base, full).split(path.sep).join('/').slice(0, -TEMPLATE_SUFFIX.length);
        files.set(relative, fs.readFileSync(full, 'utf8'));
      }
    }
  };
  visit(base);
  return { ...definition, files };
}
