import * as path from 'node:path';
import { findUp, goModModule, goModRequires, readGoMod, type FileAccess, type SyntaxNode } from '../../../core';
import { expandMake, logicalLines, makeVariables, shellCommands } from '../../shared/shell-words';

// What the CloudQuery project checks share: where a plugin's module starts, what its binary is
// called, and the Go syntax questions the source checks ask (imports, enclosing functions).

export const PLUGIN_SDK = 'github.com/cloudquery/plugin-sdk';

/** The go.mod text of the nearest module at or above a file's folder. */
export function nearestGoMod(file: string, files: FileAccess): { root: string; text: string } | undefined {
  const root = findUp(path.dirname(file), 'go.mod', files);
  const text = root === undefined ? undefined : files.readText(path.join(root, 'go.mod'));
  return root === undefined || text === undefined ? undefined : { root, text };
}

/**
 * A module folder that is a CloudQuery plugin: its go.mod requires plugin-sdk (and is not the SDK),
 * and it serves a plugin (`serve.Plugin` in main.go, the scaffold's `resources/plugin/` or `plugin/`).
 * The cloudquery CLI also requires plugin-sdk but is none of these.
 */
export function isPluginModule(root: string, goMod: string, files: FileAccess): boolean {
  if (!goModRequires(goMod, [PLUGIN_SDK]) || (goModModule(goMod) ?? '').startsWith(PLUGIN_SDK)) return false;
  return (
    /\bserve\.Plugin\s*\(/.test(files.readText(path.join(root, 'main.go')) ?? '') ||
    files.isFile(path.join(root, 'resources', 'plugin', 'plugin.go')) ||
    files.isFile(path.join(root, 'plugin', 'plugin.go'))
  );
}

/** The `module` line of a go.mod: where project-wide findings are reported. */
export function moduleLineSpan(goMod: string): { start: number; end: number } {
  const line = readGoMod(goMod).lines.find((l) => l.verb === 'module' && !l.inBlock);
  const token = line?.args[0] ?? line?.verbToken;
  return token ? { start: token.start, end: token.end } : { start: 0, end: 0 };
}

/**
 * The name `go build` gives the plugin's binary: the Makefile's `go build -o <path>` (make variables
 * expanded) when it has one, else the last element of the module path without a `/vN` suffix (what
 * `go build` in the module folder writes; the scaffold's .gitignore names `cq-source-<name>`).
 */
export function binaryName(root: string, goMod: string, files: FileAccess): string | undefined {
  const makefile = files.readText(path.join(root, 'Makefile'));
  if (makefile !== undefined) {
    const lines = logicalLines(makefile);
    const vars = makeVariables(lines);
    for (const line of lines) {
      if (!line.text.startsWith('\t')) continue;
      for (const words of shellCommands(line)) {
        const go = words.findIndex((w) => w.text === 'go');
        if (go < 0 || words[go + 1]?.text !== 'build') continue;
        const out = words.findIndex((w, i) => i > go && (w.text === '-o' || w.text.startsWith('-o=')));
        if (out < 0) continue;
        const target = expandMake(
          words[out].text === '-o' ? (words[out + 1]?.text ?? '') : words[out].text.slice(3),
          vars,
        );
        // Cross builds into dist/ or a .so are not the local binary; an unexpanded variable is unknown.
        if (!target || /[{}$]/.test(target) || target.endsWith('/')) continue;
        if (!target.includes('/') || target.startsWith('./')) return path.posix.basename(target);
      }
    }
  }
  const parts = (goModModule(goMod) ?? '').split('/').filter(Boolean);
  if (parts.length > 1 && /^v\d+$/.test(parts[parts.length - 1])) parts.pop();
  return parts.pop();
}

/**
 * Local names under which a Go file imports a package (`http` for "net/http", or its alias);
 * `packageName` where the package is not named as its path's last element (go-retryablehttp).
 */
export function importNames(root: SyntaxNode, importPath: string, packageName?: string): Set<string> {
  const names = new Set<string>();
  for (const spec of root.descendantsOfType('import_spec')) {
    if (!spec) continue;
    const pathNode = spec.childForFieldName('path');
    if (!pathNode || pathNode.text.slice(1, -1) !== importPath) continue;
    const alias = spec.childForFieldName('name')?.text;
    if (alias === '_' || alias === '.') continue;
    names.add(alias ?? packageName ?? importPath.split('/').pop()!);
  }
  return names;
}

/** The innermost function or method declaration, or function literal, around a node. */
export function enclosingFunctions(node: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let n = node.parent; n; n = n.parent)
    if (n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal')
      found.push(n);
  return found;
}

/** Names of the `context.Context` parameters of the functions around a node (innermost first). */
export function contextsInScope(node: SyntaxNode, contextNames: Set<string>): string[] {
  const names: string[] = [];
  for (const fn of enclosingFunctions(node)) {
    for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
      if (param?.type !== 'parameter_declaration') continue;
      const type = param.childForFieldName('type');
      const qualified = type?.type === 'qualified_type' ? type : undefined;
      if (!qualified || !contextNames.has(qualified.childForFieldName('package')?.text ?? '')) continue;
      if (qualified.childForFieldName('name')?.text !== 'Context') continue;
      for (const name of param.childrenForFieldName('name')) if (name && name.text !== '_') names.push(name.text);
    }
  }
  return names;
}

/** Test files are not plugin code: they may read the environment and call test servers freely. */
export function isTestFile(file: string): boolean {
  return /_test\.go$/.test(file);
}
