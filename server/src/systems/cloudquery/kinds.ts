import type { KindDefinition } from '../../core';
import { CLOUDQUERY_DECODING } from './decoding';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const CLOUDQUERY_KINDS: KindDefinition[] = [
  {
    id: 'cloudquery-spec',
    system: 'cloudquery',
    title: 'CloudQuery sync spec',
    format: 'yaml',
    yamlVersion: '1.1',
    multiDocument: true,
    // spec_reader.go: bytes.Split on "\n---\n" (after \r\n -> \n), then ghodss/yaml (yaml.v2) per section.
    rawSeparator: /\r?\n---\r?\n/,
    yaml: { goScalars: 'v2', duplicateKeys: 'warning', keys: 'ghodss' },
    decoding: CLOUDQUERY_DECODING,
    textPlaceholders: true,
    valuePlaceholders: [/^@@plugins\.[^.\s]+\.connection$/],
    content: {
      signatures: [
        { allKeys: ['kind', 'spec'], values: { kind: ['source', 'destination', 'transformer'] } },
        // Half-written: `kind: source` before its `spec:` (not a Kubernetes object).
        { allKeys: ['kind'], values: { kind: ['source', 'destination', 'transformer'] }, noKeys: ['apiVersion', 'metadata'] },
      ],
    },
    startedBeside: { keys: ['kind', 'spec'] },
    docs: 'https://docs.cloudquery.io/docs/reference/source-spec',
  },
];
