import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { findProperty } from '../engine/parse/tree-builder';
import { stringValue, walkProperties } from '../engine/tree-query';
import type { KindId } from '../engine/kinds';
import type { ValueNode } from '../engine/types';
import { uriToPath } from '../lsp/workbench-service';
import { pluginFolder } from '../rules/logcraft/missing-plugin';
import type { RuleContext } from '../rules/rule';
import type { FeatureContext } from './index';
import { analyzedDocument } from './analyzed-document';

/** A value that names a file: which key, and the file it means (relative to the manifest's folder). */
interface LinkRule {
  kind: KindId;
  key: string;
  /** The file a value points at, or undefined. */
  target(value: string, context: RuleContext, node: ValueNode): string | undefined;
}

const relative = (value: string, context: RuleContext) => path.resolve(path.dirname(context.path), value);

const RULES: LinkRule[] = [
  { kind: 'gatewayd-plugins', key: 'localPath', target: relative },
  { kind: 'ekuiper-portable-manifest', key: 'executable', target: relative },
  { kind: 'ekuiper-portable-manifest', key: 'sources', target: (v, c) => path.join(path.dirname(c.path), 'sources', `${v}.yaml`) },
  { kind: 'logcraft-config', key: 'base_dir', target: relative },
  {
    kind: 'logcraft-config',
    key: 'plugin',
    target: (v, c) => {
      const baseDir = stringValue(findProperty(findProperty(c.documents[0]?.root, 'core')?.value, 'base_dir')?.value);
      return path.join(pluginFolder(c.path, baseDir), `${v}.wasm`);
    },
  },
  { kind: 'anklet-config', key: 'private_key', target: (v) => (v.startsWith('~/') ? path.join(process.env.HOME ?? '', v.slice(2)) : path.isAbsolute(v) ? v : undefined) },
];

/** Paths in manifests (localPath, executable, base_dir, ${file:...}) become links to existing files. */
export function registerLinks(features: FeatureContext): void {
  const { connection, service } = features;
  connection.onDocumentLinks(async (params: DocumentLinkParams): Promise<DocumentLink[] | null> => {
    const analyzed = await analyzedDocument(features, params.textDocument.uri);
    if (!analyzed) return null;
    const { document, analysis } = analyzed;
    const context = service.engine.contextFor(analysis.kind, uriToPath(document.uri), document.getText(), analysis.parsed);
    const links: DocumentLink[] = [];
    const add = (start: number, end: number, file: string | undefined) => {
      if (!file || !context.files.exists(file)) return;
      links.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, target: pathToFileURL(file).href, tooltip: file });
    };
    const rules = RULES.filter((r) => r.kind === analysis.kind);
    for (const parsed of analysis.parsed.documents) {
      for (const property of walkProperties(parsed.root)) {
        const rule = rules.find((r) => r.key === property.key);
        if (!rule) continue;
        const values = property.value.type === 'array' ? property.value.items : [property.value];
        for (const node of values) {
          const value = stringValue(node);
          if (value && !(node.type === 'scalar' && node.placeholder)) add(node.start, node.end, rule.target(value, context, node));
        }
      }
    }
    // ${file:PATH} placeholders of CloudQuery specs.
    for (const span of analysis.parsed.placeholders) {
      if (span.type === 'file') add(span.start, span.end, path.resolve(path.dirname(context.path), span.body));
    }
    return links;
  });
}
