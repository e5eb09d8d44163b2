import * as path from 'node:path';
import { descendants, parseSource, type EngineDiagnostic, type SyntaxNode } from '../../../core';
import type { Rule } from '../../rule';

/** lgc's identifier convention (libs/lgc-common/src/utils.rs ensure_kebab_case). */
export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

export interface NameLiteral {
  /** Span of the string's content (without quotes). */
  start: number;
  end: number;
  value: string;
}

function stringContent(node: SyntaxNode): NameLiteral | undefined {
  const raw = node.text;
  const quote = /^(?:[rbuRBUfF]{0,2})("""|'''|"|')/.exec(raw);
  if (!quote) return undefined;
  const open = quote[0].length;
  const close = quote[1].length;
  if (raw.length < open + close) return undefined;
  return { start: node.startIndex + open, end: node.endIndex - close, value: raw.slice(open, raw.length - close) };
}

/** Rust: `fn load() -> Metadata { Metadata { name: "x".to_string(), .. } }`. */
export function rustLoadName(root: SyntaxNode): NameLiteral | undefined {
  for (const fn of descendants(root, 'function_item')) {
    if (fn.childForFieldName('name')?.text !== 'load') continue;
    for (const literal of descendants(fn, 'struct_expression')) {
      if (literal.childForFieldName('name')?.text !== 'Metadata') continue;
      for (const field of descendants(literal, 'field_initializer')) {
        if (field.childForFieldName('field')?.text !== 'name') continue;
        const value = field.childForFieldName('value');
        const str = value && (value.type === 'string_literal' ? value : descendants(value, 'string_literal')[0]);
        return str ? stringContent(str) : undefined;
      }
    }
  }
  return undefined;
}

/** Python: `def load(self)` returning `Metadata("x", ...)` or `Metadata(name="x", ...)`. */
export function pythonLoadName(root: SyntaxNode): NameLiteral | undefined {
  for (const fn of descendants(root, 'function_definition')) {
    if (fn.childForFieldName('name')?.text !== 'load') continue;
    for (const call of descendants(fn, 'call')) {
      if (call.childForFieldName('function')?.text.split('.').pop() !== 'Metadata') continue;
      const args = call.childForFieldName('arguments')?.namedChildren ?? [];
      const keyword = args.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'name');
      const value = keyword
        ? keyword.childForFieldName('value')
        : args.find((a) => a?.type !== 'keyword_argument' && a?.type !== 'comment');
      return value?.type === 'string' && !value.namedChildren.some((c) => c?.type === 'interpolation')
        ? stringContent(value)
        : undefined;
    }
  }
  return undefined;
}

/**
 * The name a LogCraft plugin's load() returns is the plugin's identifier: lgc's convention is
 * kebab-case, the name the .wasm is installed under. A Python plugin is exported by
 * componentize-py only as `class Plugin(Plugins)` (the generated protocol), so another class
 * name fails the build.
 */
export const logcraftPluginSource: Rule = {
  id: 'logcraft.plugin-name, logcraft.plugin-class',
  kinds: ['logcraft-plugin-source'],
  async check(context) {
    const python = context.path.endsWith('.py');
    const tree = await parseSource(context.text, python ? 'python' : 'rust');
    try {
      const diagnostics: EngineDiagnostic[] = [];
      const name = python ? pythonLoadName(tree.rootNode) : rustLoadName(tree.rootNode);
      if (name && !KEBAB.test(name.value)) {
        const replacement = toKebab(name.value);
        diagnostics.push({
          start: name.start,
          end: name.end,
          severity: 'warning',
          code: 'logcraft.plugin-name',
          message: `The plugin name "${name.value}" from load() is not kebab-case (lgc's identifier convention, ^[a-z0-9]+(-[a-z0-9]+)*$); it is the name the .wasm is installed under and lgc.toml services reference.${replacement ? ` Use "${replacement}".` : ''}`,
          data: replacement ? { replace: replacement } : undefined,
        });
      }
      if (python) diagnostics.push(...pythonPluginClass(tree.rootNode, path.basename(context.path)));
      return diagnostics;
    } finally {
      tree.delete();
    }
  },
};

function pythonPluginClass(root: SyntaxNode, file: string): EngineDiagnostic[] {
  const classes = root.namedChildren.filter(
    (c): c is SyntaxNode => c?.type === 'class_definition' || c?.type === 'decorated_definition',
  );
  const defs = classes
    .map((c) => (c.type === 'decorated_definition' ? c.childForFieldName('definition') : c))
    .filter((c): c is SyntaxNode => c?.type === 'class_definition');
  const implementing = defs.filter((c) =>
    (c.childForFieldName('superclasses')?.namedChildren ?? []).some(
      (s) => s?.text === 'Plugins' || s?.text.endsWith('.Plugin'),
    ),
  );
  const plugin = defs.find((c) => c.childForFieldName('name')?.text === 'Plugin');
  if (plugin || !implementing.length) return [];
  const wrong = implementing[0].childForFieldName('name')!;
  return [
    {
      start: wrong.startIndex,
      end: wrong.endIndex,
      severity: 'error',
      code: 'logcraft.plugin-class',
      message: `componentize-py exports the class named Plugin from ${file} (class Plugin(Plugins)); "${wrong.text}" is not found and the build fails.`,
      data: { replace: 'Plugin' },
    },
  ];
}
