import * as path from 'node:path';
import { findUp, goModRequires, type FileAccess, type KindDefinition } from '../../core';
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
        {
          allKeys: ['kind'],
          values: { kind: ['source', 'destination', 'transformer'] },
          noKeys: ['apiVersion', 'metadata'],
        },
      ],
    },
    startedBeside: { keys: ['kind', 'spec'] },
    docs: 'https://docs.cloudquery.io/docs/reference/source-spec',
  },
  // Project files that are not manifests (issue #14), recognised by name and place.
  {
    id: 'cloudquery-plugin-source',
    system: 'cloudquery',
    title: 'CloudQuery plugin source (tables)',
    format: 'text',
    paths: [/\.go$/],
    place: (file, text, files) =>
      /\bschema\.Table\b/.test(text) &&
      goModRequires(nearestGoMod(file, files) ?? '', ['github.com/cloudquery/plugin-sdk']),
    docs: 'https://docs.cloudquery.io/docs/developers/creating-new-plugin',
  },
];

function nearestGoMod(file: string, files: FileAccess): string | undefined {
  const dir = findUp(path.dirname(file), 'go.mod', files);
  return dir === undefined ? undefined : files.readText(path.join(dir, 'go.mod'));
}
