import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { findProperty } from '../core/parse/tree-builder';
import { stringValue } from '../core/tree-query';
import type { KindId } from '../core/kinds';
import type { ValueNode } from '../core/types';
import { uriToPath } from '../lsp/workbench-service';
import { pluginFolder } from '../systems/logcraft/rules/missing-plugin';
import type { RuleContext } from '../analysis/rule';
import { analyzedDocument } from './analyzed-document';
import type { FeatureContext } from './index';
import type { Step } from '../core/tree-query';
import { comparePath, compilePath, type PathPattern } from './path-pattern';

/** Where a value may point: candidate files in order of preference; the first that exists is linked. */
type Resolver = (value: string, context: RuleContext, root?: ValueNode) => string[];

/** A value that names a file or folder: which kind, where (see path-pattern.ts), how it resolves. */
interface LinkRow {
  kind: KindId;
  path: string;
  resolve: Resolver;
}

const folderOf = (context: RuleContext) => path.dirname(context.path);
/** Relative to the manifest's folder; `~/` is the home folder. */
const relative: Resolver = (value, context) => [value.startsWith('~/') ? path.join(os.homedir(), value.slice(2)) : path.resolve(folderOf(context), value)];
const absoluteOnly: Resolver = (value, context) => (value.startsWith('~/') || path.isAbsolute(value) ? relative(value, context) : []);

/** An Anklet plugin's folder in the checkout above the config: its `<name>.go`, `plugin.go` or the folder. */
const ankletPlugin: Resolver = (value, context) => {
  const candidates: string[] = [];
  const names = value.endsWith('_receiver') ? [['receivers', value.slice(0, -'_receiver'.length)], ['receivers', value]] : [['handlers', value]];
  let dir = folderOf(context);
  for (let depth = 0; depth < 8; depth++) {
    for (const [group, name] of names) {
      const folder = path.join(dir, 'plugins', group, name);
      candidates.push(path.join(folder, `${name}.go`), path.join(folder, 'plugin.go'), folder);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return candidates;
};

const LINKS: LinkRow[] = [
  { kind: 'gatewayd-plugins', path: 'plugins[].localPath', resolve: relative },
  { kind: 'ekuiper-portable-manifest', path: 'executable', resolve: relative },
  { kind: 'ekuiper-portable-manifest', path: 'sources[]', resolve: (v, c) => [path.join(folderOf(c), 'sources', `${v}.yaml`)] },
  { kind: 'logcraft-config', path: 'core.base_dir', resolve: relative },
  {
    kind: 'logcraft-config',
    path: 'services.*.plugin',
    resolve: (v, c, root) => [path.join(pluginFolder(c.path, stringValue(findProperty(findProperty(root, 'core')?.value, 'base_dir')?.value)), `${v}.wasm`)],
  },
  { kind: 'anklet-config', path: 'plugins[].plugin', resolve: ankletPlugin },
  { kind: 'anklet-config', path: 'plugins_path', resolve: absoluteOnly },
  { kind: 'anklet-config', path: 'plugins[].private_key', resolve: absoluteOnly },
  {
    kind: 'cloudquery-spec',
    path: 'spec.path',
    // Only a `registry: local` plugin's path is a file (otherwise a registry name or an address).
    resolve: (v, c, root) => (stringValue(findProperty(findProperty(root, 'spec')?.value, 'registry')?.value) === 'local' ? relative(v, c, root) : []),
  },
];

const COMPILED = LINKS.map((row) => ({ ...row, pattern: compilePath(row.path) }));

/** Placeholders whose body is a file (CloudQuery's `${file:PATH}`). */
const FILE_PLACEHOLDERS = new Set(['file']);

/** textDocument/documentLink: paths in manifests become links to the files that exist. */
export function registerLinks(features: FeatureContext): void {
  const { connection, service } = features;
  connection.onDocumentLinks(async (params: DocumentLinkParams): Promise<DocumentLink[] | null> => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const text = document.getText();
    const context = service.engine.contextFor(analysis.kind, uriToPath(document.uri), text, analysis.parsed);
    const links: DocumentLink[] = [];
    const add = (start: number, end: number, candidates: string[]) => {
      const file = candidates.find((candidate) => context.files.exists(candidate));
      if (!file || end <= start) return;
      links.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, target: pathToFileURL(file).href, tooltip: file });
    };
    const rows = COMPILED.filter((row) => row.kind === analysis.kind);
    const visit = (node: ValueNode, pathSoFar: Step[], root: ValueNode, depth: number) => {
      let deeper = false;
      for (const row of rows) {
        const match = comparePath(row.pattern, pathSoFar);
        if (match === 'prefix') deeper = true;
        const value = stringValue(node);
        if (match === 'exact' && value && !(node.type === 'scalar' && node.placeholder)) {
          const quoted = text[node.start] === '"' || text[node.start] === "'";
          add(quoted ? node.start + 1 : node.start, quoted ? node.end - 1 : node.end, row.resolve(value.trim(), context, root));
        }
      }
      if (!deeper || depth > 12) return;
      if (node.type === 'object') for (const p of node.properties) visit(p.value, [...pathSoFar, p.key], root, depth + 1);
      else if (node.type === 'array') node.items.forEach((item, i) => visit(item, [...pathSoFar, i], root, depth + 1));
    };
    if (rows.length) for (const parsed of analysis.parsed.documents) if (parsed.root) visit(parsed.root, [], parsed.root, 0);
    for (const span of analysis.parsed.placeholders) {
      if (!FILE_PLACEHOLDERS.has(span.type) || !span.body.trim()) continue;
      add(span.start, span.end, relative(span.body.trim(), context));
    }
    return links;
  });
}
