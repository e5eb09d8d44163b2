import * as path from 'node:path';
import { goModRequires, slashPath, type KindDefinition } from '../../core';
import { CLOUDQUERY_DECODING } from './decoding';
import { isPluginModule, nearestGoMod, PLUGIN_SDK } from './project/plugin-project';

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
    title: 'CloudQuery plugin source (Go)',
    format: 'text',
    paths: [/\.go$/],
    // Table definitions anywhere in a plugin-sdk module; any other Go file of a plugin (client/, main.go).
    place: (file, text, files) => {
      if (/(^|\/)(vendor|testdata)\//.test(slashPath(file))) return false;
      const mod = nearestGoMod(file, files);
      if (!mod || !goModRequires(mod.text, [PLUGIN_SDK])) return false;
      return /\bschema\.Table\b/.test(text) || isPluginModule(mod.root, mod.text, files);
    },
    docs: 'https://docs.cloudquery.io/docs/developers/creating-new-plugin',
  },
  {
    id: 'cloudquery-go-module',
    system: 'cloudquery',
    title: 'CloudQuery plugin go.mod (the project: docs, .gitignore)',
    format: 'text',
    paths: [/(^|\/)go\.mod$/],
    place: (file, text, files) => isPluginModule(path.dirname(file), text, files),
    docs: 'https://docs.cloudquery.io/docs/developers/publishing-an-integration-to-the-hub',
  },
  {
    id: 'cloudquery-gitignore',
    system: 'cloudquery',
    title: 'CloudQuery plugin .gitignore',
    format: 'text',
    paths: [/(^|\/)\.gitignore$/],
    // The module folder's own .gitignore (where `go build` writes the binary).
    place: (file, _text, files) => {
      const root = path.dirname(file);
      const goMod = files.readText(path.join(root, 'go.mod'));
      return goMod !== undefined && isPluginModule(root, goMod, files);
    },
    docs: 'https://docs.cloudquery.io/docs/developers/creating-new-plugin/go-source',
  },
];
