import * as path from 'node:path';
import { descendants, parseSource, type FileAccess } from '../../../core';

/** internal/run/run.go of the Anklet checkout holding `dir`, if any. */
export function findRunGo(dir: string, files: FileAccess): string | undefined {
  let current = path.resolve(dir);
  for (let depth = 0; depth < 8; depth++) {
    const candidate = path.join(current, 'internal', 'run', 'run.go');
    if (files.isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

/**
 * The plugin names Anklet runs: the string cases of the `switch ctxPlugin.Plugin` in
 * internal/run/run.go (its `default` returns "plugin not supported"). Read with the Go grammar, so
 * a commented-out case does not count.
 */
export async function dispatchedPlugins(runGo: string, files: FileAccess): Promise<string[] | undefined> {
  const text = files.readText(runGo);
  if (text === undefined) return undefined;
  const tree = await parseSource(text, 'go');
  try {
    const names = new Set<string>();
    let found = false;
    for (const sw of descendants(tree.rootNode, 'expression_switch_statement')) {
      const value = sw.childForFieldName('value');
      if (!value || value.type !== 'selector_expression' || value.childForFieldName('field')?.text !== 'Plugin')
        continue;
      found = true;
      for (const clause of sw.namedChildren) {
        if (clause?.type !== 'expression_case') continue;
        const list = clause.childForFieldName('value');
        for (const item of list?.namedChildren ?? []) {
          if (item?.type === 'interpreted_string_literal' || item?.type === 'raw_string_literal')
            names.add(item.text.slice(1, -1));
        }
      }
    }
    return found ? [...names] : undefined;
  } finally {
    tree.delete();
  }
}
