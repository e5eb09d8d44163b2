import * as path from 'node:path';
import {
  closest,
  findProperty,
  treeFact,
  treeFacts,
  type EngineDiagnostic,
  type ScalarNode,
  type ValueNode,
} from '../../../core';
import { documentRule } from '../../rule';
import { isPlaceholder, keyOf, specIndex, specOf, type SpecKind } from './spec-index';

// A source's `destinations` must name destination specs, a destination's `transformers` must name
// transformer specs; CloudQuery refuses to sync otherwise.
const REFERENCES: Array<{ from: SpecKind; key: string; to: SpecKind; code: string }> = [
  { from: 'source', key: 'destinations', to: 'destination', code: 'cloudquery.unknown-destination' },
  { from: 'destination', key: 'transformers', to: 'transformer', code: 'cloudquery.unknown-transformer' },
];

/** Destinations the CLI injects itself (CloudQuery Platform syncs). */
const BUILT_IN: Partial<Record<SpecKind, string[]>> = { destination: ['platform'] };

export const specReferences = documentRule('cloudquery.unknown-destination', ['cloudquery-spec'], {
  // The names the file and its folder define (a miss's message lists them).
  across: (context) => specIndex(context).across,
  check(document, context) {
    if (!document.root) return [];
    const named = treeFact(NAMED, document.root, namedBy);
    if (!named.length) return [];
    const index = specIndex(context);
    const diagnostics: EngineDiagnostic[] = [];
    for (const { reference, item, name, key } of named) {
      // `name: ${DEST}` may be any of the referenced names.
      if (index.placeholderNamed(reference.to)) continue;
      if (index.has(reference.to, name, key) || BUILT_IN[reference.to]?.includes(name)) continue;
      const known = index.answer(`names\0${reference.to}`, () => [
        ...new Set([...index.names(reference.to), ...(BUILT_IN[reference.to] ?? [])]),
      ]);
      const suggestion = index.answer(`closest\0${key}`, () => closest(name, known));
      const folder = path.basename(path.dirname(context.path)) || '.';
      diagnostics.push({
        start: item.start,
        end: item.end,
        severity: 'error',
        code: reference.code,
        message:
          `No ${reference.to} named "${name}" in this file or in the other spec files of ${folder}/. ` +
          (suggestion
            ? `Did you mean "${suggestion}"?`
            : known.length
              ? `Known ${reference.to}s: ${known.join(', ')}.`
              : `Add a document with kind: ${reference.to} and name: ${name}.`),
        data: suggestion ? { suggestion } : undefined,
      });
    }
    return diagnostics;
  },
});

/** A name one document refers to, with its lookup key. */
interface Named {
  reference: (typeof REFERENCES)[number];
  item: ScalarNode;
  name: string;
  key: string;
}

/** The names each document refers to, kept per section tree (see treeFact). */
const NAMED = treeFacts<Named[]>();

function namedBy(root: ValueNode): Named[] {
  const found = specOf({ root, start: 0, end: 0, broken: false });
  const named: Named[] = [];
  for (const reference of REFERENCES) {
    if (found?.kind !== reference.from) continue;
    const list = findProperty(found.spec, reference.key)?.value;
    if (list?.type !== 'array') continue;
    for (const item of list.items) {
      // Empty names are the schema's to report.
      if (item.type !== 'scalar' || isPlaceholder(item) || item.value === null || item.value === '') continue;
      const name = String(item.value);
      named.push({ reference, item, name, key: keyOf(reference.to, name) });
    }
  }
  return named;
}
