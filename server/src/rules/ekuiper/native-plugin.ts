import * as path from 'node:path';
import { findProperty } from '../../engine/parse/tree-builder';
import { stringValue } from '../../engine/tree-query';
import type { EngineDiagnostic } from '../../engine/types';
import type { Rule, RuleContext } from '../rule';

const TYPES = { 'ekuiper-source-meta': 'source', 'ekuiper-sink-meta': 'sink', 'ekuiper-function-meta': 'function' } as const;

/** The project a metadata file belongs to: `etc/<type>s/<name>.json` sits two levels below it. */
function projectRoot(file: string): string {
  const dir = path.dirname(file);
  return /^(sources|sinks|functions)$/.test(path.basename(dir)) && path.basename(path.dirname(dir)) === 'etc' ? path.dirname(path.dirname(dir)) : dir;
}

function firstToken(context: RuleContext): { start: number; end: number } {
  const root = context.documents[0]?.root;
  const first = root?.type === 'object' ? root.properties[0] : undefined;
  return first ? { start: first.keyStart, end: first.keyEnd } : { start: 0, end: 1 };
}

// A native plugin's metadata, its .so and its Go code must agree on the name: eKuiper loads
// plugins/<type>s/Name.so (or name.so, with an optional @version) and looks up the symbol Name.
export const nativePlugin: Rule = {
  id: 'ekuiper.so-name',
  kinds: ['ekuiper-source-meta', 'ekuiper-sink-meta', 'ekuiper-function-meta'],
  check(context) {
    const type = TYPES[context.kind as keyof typeof TYPES];
    const name = path.basename(context.path, '.json');
    const symbol = name.charAt(0).toUpperCase() + name.slice(1);
    const root = projectRoot(context.path);
    const diagnostics: EngineDiagnostic[] = [];
    const at = firstToken(context);

    // Only a real plugin project is judged: a go.mod beside the Go code.
    if (context.files.isFile(path.join(root, 'go.mod'))) {
      const soFolder = path.join(root, 'plugins', `${type}s`);
      const built = context.files.list(soFolder).filter((f) => f.endsWith('.so'));
      const pattern = new RegExp(`^(${escape(name)}|${escape(symbol)})(@[^/]+)?\\.so$`);
      const wrong = built.filter((f) => !pattern.test(f) && f.toLowerCase().startsWith(name.toLowerCase()));
      for (const file of wrong) {
        diagnostics.push({ ...at, severity: 'error', code: 'ekuiper.so-name', message: `plugins/${type}s/${file} does not follow eKuiper's naming: ${symbol}.so or ${name}.so, optionally with @v<version> (e.g. ${symbol}@v1.0.0.so).` });
      }
      const goFiles = context.files.list(root).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
      if (goFiles.length) {
        const exported = new RegExp(`^\\s*(func\\s+${escape(symbol)}\\s*\\(|var\\s+${escape(symbol)}\\b|${escape(symbol)}\\s*=)`, 'm');
        const found = goFiles.some((f) => exported.test(context.files.readText(path.join(root, f)) ?? ''));
        if (!found) {
          diagnostics.push({ ...at, severity: 'warning', code: 'ekuiper.missing-symbol', message: `No Go file in ${path.basename(root)}/ exports ${symbol} (func ${symbol}() or var ${symbol}); eKuiper looks the plugin up by that symbol.` });
        }
      }
    }
    if (type === 'source') {
      const dir = path.dirname(context.path);
      const candidates = [path.join(dir, `${name}.yaml`), path.join(root, 'etc', 'sources', `${name}.yaml`), path.join(root, `${name}.yaml`)];
      if (!candidates.some((f) => context.files.isFile(f))) {
        diagnostics.push({ ...at, severity: 'error', code: 'ekuiper.missing-source-yaml', message: `Source ${name} needs ${name}.yaml beside its metadata (its default configuration); eKuiper refuses to install a source without it.`, data: { create: `${name}.yaml` } });
      }
    }
    // node.category must match the folder the metadata lives in.
    const folder = path.basename(path.dirname(context.path));
    const expected = ({ sources: 'source', sinks: 'sink', functions: 'function' } as Record<string, string>)[folder];
    const category = findProperty(findProperty(context.documents[0]?.root, 'node')?.value, 'category')?.value;
    if (expected && category && stringValue(category) !== undefined && stringValue(category) !== expected) {
      diagnostics.push({ start: category.start, end: category.end, severity: 'error', code: 'ekuiper.node-category', message: `node.category must be "${expected}" for metadata in ${folder}/.`, data: { replace: expected } });
    }
    return diagnostics;
  },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
