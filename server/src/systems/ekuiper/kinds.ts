import { findProperty, readJson, type KindDefinition } from '../../core';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const EKUIPER_KINDS: KindDefinition[] = [
  {
    id: 'ekuiper-source-meta',
    system: 'ekuiper',
    title: 'eKuiper source metadata',
    format: 'json',
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
    content: {
      signatures: [{ types: { functions: 'array' }, listItemKeys: { functions: ['name', 'args', 'return', 'example', 'hint'] } }],
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
      const text = files.readText(file.replace(/\.ya?ml$/i, '.json'));
      const meta = text === undefined ? undefined : readJson(text).documents[0]?.root;
      return !!meta && !!findProperty(meta, 'about') && findProperty(meta, 'properties')?.value.type === 'object';
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
];
