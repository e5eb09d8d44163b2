import * as path from 'node:path';
import {
  descendants,
  findUp,
  goModModule,
  parseSource,
  type EngineDiagnostic,
  type FileAccess,
  type SyntaxNode,
} from '../../../core';
import type { Rule } from '../../rule';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Words whose plural is themselves; a table of them is still a collection. */
const UNCOUNTABLE = new Set([
  'data',
  'info',
  'metadata',
  'history',
  'news',
  'series',
  'species',
  'status',
  'settings',
  'access',
  'analytics',
  'metrics',
  'logs',
  'config',
  'inventory',
]);

export function isPlural(word: string): boolean {
  return UNCOUNTABLE.has(word) || /s$/.test(word) || /(people|children|men|data)$/.test(word);
}

export function pluralOf(word: string): string {
  if (isPlural(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(x|ch|sh|z)$/.test(word)) return word + 'es';
  return word + 's';
}

export function snakeOf(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** The plugin's name: `Name = "x"` / plugin.NewPlugin("x", ...) in resources/plugin, else the module path. */
export async function cloudqueryPluginName(file: string, files: FileAccess): Promise<string | undefined> {
  const root = findUp(path.dirname(file), 'go.mod', files);
  if (root === undefined) return undefined;
  for (const candidate of ['resources/plugin/plugin.go', 'plugin/plugin.go']) {
    const text = files.readText(path.join(root, candidate));
    if (text === undefined) continue;
    const tree = await parseSource(text, 'go');
    try {
      for (const spec of descendants(tree.rootNode, ['var_spec', 'const_spec'])) {
        if (spec.childForFieldName('name')?.text !== 'Name') continue;
        const value = descendants(spec, 'interpreted_string_literal')[0];
        if (value) return value.text.slice(1, -1);
      }
      for (const call of descendants(tree.rootNode, 'call_expression')) {
        if (!call.childForFieldName('function')?.text.endsWith('NewPlugin')) continue;
        const first = call.childForFieldName('arguments')?.namedChildren[0];
        if (first?.type === 'interpreted_string_literal') return first.text.slice(1, -1);
      }
    } finally {
      tree.delete();
    }
  }
  const module = goModModule(files.readText(path.join(root, 'go.mod')) ?? '');
  return module
    ?.split('/')
    .pop()
    ?.replace(/^(cq|cloudquery)-(source|destination|plugin)-/, '');
}

/** `schema.Table{Name: "..."}` literals of a Go file (never a comment or another string). */
export function tableNameLiterals(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const literal of descendants(root, 'composite_literal')) {
    const type = literal.childForFieldName('type');
    if (type?.text !== 'schema.Table') continue;
    for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
      if (element?.type !== 'keyed_element') continue;
      const [key, value] = element.namedChildren;
      if (key?.text !== 'Name') continue;
      const str =
        value &&
        (value.type === 'interpreted_string_literal' || value.type === 'raw_string_literal'
          ? value
          : descendants(value, ['interpreted_string_literal', 'raw_string_literal'])[0]);
      if (str) found.push(str);
    }
  }
  return found;
}

/** What a table name breaks of the convention, and the conventional name (`prefix`: the plugin's, snake_case). */
export function tableNameVerdict(
  name: string,
  prefix: string | undefined,
): { problems: string[]; conventional: string } {
  const problems: string[] = [];
  if (!SNAKE.test(name)) problems.push('snake_case');
  if (prefix && name !== prefix && !name.startsWith(`${prefix}_`))
    problems.push(`prefixed with the plugin name ("${prefix}_")`);
  const words = snakeOf(name).split('_');
  if (!isPlural(words[words.length - 1] ?? '')) problems.push('plural');
  if (!problems.length) return { problems, conventional: name };
  const base = snakeOf(name).replace(prefix ? new RegExp(`^${prefix}_`) : /^$/, '');
  const baseWords = base.split('_');
  baseWords[baseWords.length - 1] = pluralOf(baseWords[baseWords.length - 1] ?? '');
  return { problems, conventional: [prefix, baseWords.join('_')].filter(Boolean).join('_') };
}

/**
 * CloudQuery's onboarding conventions for table names: snake_case, plural, prefixed with the
 * plugin name (`aws_s3_buckets`). The SDK accepts other names, so these are warnings.
 */
export const cloudqueryTableNames: Rule = {
  id: 'cloudquery.table-name',
  kinds: ['cloudquery-plugin-source'],
  async check(context) {
    const plugin = await cloudqueryPluginName(context.path, context.files);
    const prefix = plugin ? snakeOf(plugin) : undefined;
    const tree = await parseSource(context.text, 'go');
    try {
      const diagnostics: EngineDiagnostic[] = [];
      for (const literal of tableNameLiterals(tree.rootNode)) {
        const name = literal.text.slice(1, -1);
        const { problems, conventional: replacement } = tableNameVerdict(name, prefix);
        if (!problems.length) continue;
        diagnostics.push({
          start: literal.startIndex + 1,
          end: literal.endIndex - 1,
          severity: 'warning',
          code: 'cloudquery.table-name',
          message: `Table name "${name}" should be ${problems.join(', ')} (CloudQuery's table naming convention)${replacement && replacement !== name ? `: "${replacement}"` : ''}.`,
          data: replacement && replacement !== name ? { replace: replacement } : undefined,
        });
      }
      return diagnostics;
    } finally {
      tree.delete();
    }
  },
};
