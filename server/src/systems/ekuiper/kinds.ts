import * as path from 'node:path';
import {
  deriveFrom,
  findProperty,
  findUp,
  goModModule,
  goModRequires,
  readJson,
  zipMembers,
  type KindDefinition,
} from '../../core';
import { EKUIPER_FUNCTION_DECODING, EKUIPER_SINK_DECODING, EKUIPER_SOURCE_DECODING } from './decoding';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const EKUIPER_KINDS: KindDefinition[] = [
  {
    id: 'ekuiper-source-meta',
    system: 'ekuiper',
    title: 'eKuiper source metadata',
    format: 'json',
    decoding: EKUIPER_SOURCE_DECODING,
    content: {
      signatures: [
        { allKeys: ['about'], types: { properties: 'object' } },
        { allKeys: ['about'], noKeys: ['functions', 'properties'] },
      ],
      paths: [/(^|\/)sources\/[^/]+\.json$/],
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/source.html',
  },
  {
    id: 'ekuiper-sink-meta',
    system: 'ekuiper',
    title: 'eKuiper sink metadata',
    format: 'json',
    decoding: EKUIPER_SINK_DECODING,
    content: {
      signatures: [
        { allKeys: ['about'], types: { properties: 'array' } },
        { allKeys: ['about'], noKeys: ['functions', 'properties'] },
      ],
      paths: [/(^|\/)sinks\/[^/]+\.json$/],
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/sink.html',
  },
  {
    id: 'ekuiper-function-meta',
    system: 'ekuiper',
    title: 'eKuiper function metadata',
    format: 'json',
    decoding: EKUIPER_FUNCTION_DECODING,
    content: {
      signatures: [
        { types: { functions: 'array' }, listItemKeys: { functions: ['name', 'args', 'return', 'example', 'hint'] } },
      ],
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/function.html',
  },
  {
    id: 'ekuiper-source-config',
    system: 'ekuiper',
    title: 'eKuiper source config',
    format: 'yaml',
    yamlVersion: '1.2',
    paths: [/(^|\/)etc\/sources\/[^/]+\.ya?ml$/, /(^|\/)etc\/mqtt_source\.ya?ml$/],
    content: { signatures: [{ types: { default: 'object' } }], paths: [/(^|\/)sources\/[^/]+\.ya?ml$/] },
    // A source config sits beside its metadata: random.yaml + random.json.
    byNeighbours: (file, files) => {
      // Parsed once per version of the neighbour, not on every keystroke.
      const isSourceMeta = deriveFrom(files, file.replace(/\.ya?ml$/i, '.json'), 'ekuiper.source-meta', (text) => {
        const meta = readJson(text).documents[0]?.root;
        return !!meta && !!findProperty(meta, 'about') && findProperty(meta, 'properties')?.value.type === 'object';
      });
      return isSourceMeta === true;
    },
    docs: 'https://ekuiper.org/docs/en/latest/guide/sources/overview.html',
  },
  {
    id: 'ekuiper-portable-manifest',
    system: 'ekuiper',
    title: 'eKuiper portable plugin manifest',
    format: 'json',
    content: {
      signatures: [
        { allKeys: ['language', 'executable'], noKeys: ['about'] },
        { allKeys: ['version'], anyKeys: ['sources', 'sinks', 'functions'], noKeys: ['about'] },
      ],
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/portable/overview.html',
  },
  // Project files that are not manifests (issue #14), recognised by name and place.
  {
    id: 'ekuiper-go-module',
    system: 'ekuiper',
    title: 'eKuiper plugin go.mod',
    format: 'text',
    paths: [/(^|\/)go\.mod$/],
    // A plugin requires eKuiper's modules; eKuiper's own go.mod (or its contract's) is not a plugin.
    place: (_file, text) => goModRequires(text, EKUIPER_MODULES) && !EKUIPER_MODULES.includes(goModModule(text) ?? ''),
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/plugins_tutorial.html',
  },
  {
    id: 'ekuiper-plugin-build',
    system: 'ekuiper',
    title: 'eKuiper plugin build (Makefile, build scripts)',
    format: 'text',
    paths: [/(^|\/)Makefile$/, /\.sh$/],
    // A build file of a plugin project (its go.mod requires eKuiper's modules) that runs go build.
    place: (file, text, files) => {
      if (!/\bgo\s+build\b/.test(text)) return false;
      const root = findUp(path.dirname(file), 'go.mod', files, 3);
      const mod = root ? files.readText(path.join(root, 'go.mod')) : undefined;
      return !!mod && goModRequires(mod, EKUIPER_MODULES) && !EKUIPER_MODULES.includes(goModModule(mod) ?? '');
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/overview.html',
  },
  {
    id: 'ekuiper-plugin-zip',
    system: 'ekuiper',
    title: 'eKuiper native plugin zip',
    format: 'binary',
    paths: [/\.zip$/i],
    place: (file, _text, files) => (zipMembers(files.readBytes?.(file)) ?? []).some((name) => /\.so$/.test(name)),
    docs: 'https://ekuiper.org/docs/en/latest/operation/restapi/plugins.html',
  },
];

const EKUIPER_MODULES = ['github.com/lf-edge/ekuiper/contract/v2', 'github.com/lf-edge/ekuiper/v2'];
