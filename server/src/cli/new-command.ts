import * as path from 'node:path';
import { listTemplates, planScaffold, ScaffoldError, writeScaffold } from '../scaffold';
import { UsageError, type Io } from './io';

export const NEW_USAGE = `Usage: plugin-workbench new <template-id> --name <name> [--dir <parent>] [--set key=value]...
       plugin-workbench new --list

Creates a new plugin project from a template in <parent>/<name> (default parent: the current
folder). Nothing is ever overwritten: if any target file exists, nothing is written (exit 1).`;

export function runNew(args: string[], io: Io): number {
  let templateId: string | undefined;
  let name: string | undefined;
  let dir = '.';
  let list = false;
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') {
      io.stdout(NEW_USAGE + '\n');
      return 0;
    } else if (flag === '--list') list = true;
    else if (flag === '--name' || flag === '-n') name = value();
    else if (flag === '--dir' || flag === '-d') dir = value();
    else if (flag === '--set' || flag === '-s') {
      const pair = value();
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--set takes key=value, got "${pair}"`);
      options[pair.slice(0, eq)] = pair.slice(eq + 1);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else if (!templateId) templateId = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (list) {
    const templates = listTemplates();
    const width = Math.max(...templates.map((t) => t.id.length));
    for (const t of templates) io.stdout(`${t.id.padEnd(width)}  ${t.title}\n`);
    return 0;
  }
  if (!templateId) throw new UsageError('name a template (see: plugin-workbench new --list)');
  if (name === undefined) throw new UsageError('--name is required');
  try {
    const plan = planScaffold({ templateId, name, parentDir: dir, options });
    for (const warning of plan.warnings) io.stderr(`plugin-workbench: ${warning}\n`);
    const written = writeScaffold(plan);
    io.stdout(
      `Created ${plan.template.title} "${name}" in ${path.relative(process.cwd(), plan.directory) || '.'} (${written.length} files):\n`,
    );
    for (const file of written) io.stdout(`  ${path.relative(plan.directory, file)}\n`);
    if (plan.next.length) io.stdout(`\nNext:\n${plan.next.map((line) => `  ${line}`).join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    if (error.reason === 'usage') throw new UsageError(error.message);
    io.stderr(`plugin-workbench: ${error.message}\n${error.files.map((f) => `  exists: ${f}\n`).join('')}`);
    return error.reason === 'exists' ? 1 : 2;
  }
}
