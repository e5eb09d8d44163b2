import type { KindDefinition } from '../kinds';
import type { ParsedFile, PlaceholderSpan, ValueNode } from '../types';
import { walkNodes } from '../tree-query';
import { readJson } from './json-reader';
import { substitutePlaceholders } from './placeholders';
import { readToml } from './toml-reader';
import { readYaml } from './yaml-reader';

/** Parses a file the way its host does: format, YAML dialect, placeholder expansion. */
export function parseFile(text: string, kind: KindDefinition): ParsedFile {
  const substituted = kind.textPlaceholders ? substitutePlaceholders(text, kind.format) : { text, spans: [] };
  const read =
    kind.format === 'json'
      ? readJson(substituted.text)
      : kind.format === 'toml'
        ? readToml(substituted.text)
        : readYaml(substituted.text, { version: kind.yamlVersion ?? '1.2' });
  for (const document of read.documents) markPlaceholders(document.root, substituted.spans, kind.valuePlaceholders ?? []);
  return {
    format: kind.format,
    text: substituted.text,
    documents: read.documents,
    diagnostics: read.diagnostics,
    placeholders: substituted.spans,
  };
}

function markPlaceholders(root: ValueNode | undefined, spans: PlaceholderSpan[], patterns: RegExp[]): void {
  if (!spans.length && !patterns.length) return;
  for (const node of walkNodes(root)) {
    if (node.type !== 'scalar') continue;
    const overlaps = spans.some((s) => s.start < node.end && s.end > node.start);
    const matches = typeof node.value === 'string' && patterns.some((p) => p.test(node.value as string));
    if (overlaps || matches) node.placeholder = true;
  }
}
