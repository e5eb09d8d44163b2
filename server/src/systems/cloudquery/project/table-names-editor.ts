import { parseSource } from '../../../core';
import type { RuleContext } from '../../rule';
import type { EditorHover, ProjectEditor } from '../../types';
import { cloudqueryPluginName, snakeOf, tableNameLiterals, tableNameVerdict } from './table-names';

/** The hover on a `schema.Table{Name: "…"}` literal: the convention and this table's conventional name. */
export async function tableNameHover(context: RuleContext, offset: number): Promise<EditorHover | undefined> {
  const tree = await parseSource(context.text, 'go');
  let literal: { start: number; end: number; name: string } | undefined;
  try {
    const found = tableNameLiterals(tree.rootNode).find((l) => offset > l.startIndex && offset < l.endIndex - 1);
    if (found) literal = { start: found.startIndex + 1, end: found.endIndex - 1, name: found.text.slice(1, -1) };
  } finally {
    tree.delete();
  }
  if (!literal) return undefined;
  const plugin = await cloudqueryPluginName(context.path, context.files);
  const prefix = plugin ? snakeOf(plugin) : undefined;
  const { problems, conventional } = tableNameVerdict(literal.name, prefix);
  return {
    start: literal.start,
    end: literal.end,
    markdown: [
      '**Table name** (CloudQuery plugin)',
      `CloudQuery's naming convention: snake_case, plural, prefixed with the plugin name${prefix ? ` (\`${prefix}_\`, from the plugin name \`${plugin}\`)` : ''} (\`aws_s3_buckets\` in the aws plugin).`,
      problems.length
        ? `\`${literal.name}\` is not ${problems.join(', ')}: the conventional name is \`${conventional}\`.`
        : `\`${literal.name}\` follows the convention.`,
    ].join('\n\n'),
  };
}

export const CLOUDQUERY_EDITORS: ProjectEditor[] = [{ kinds: ['cloudquery-plugin-source'], hover: tableNameHover }];
