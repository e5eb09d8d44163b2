import type { Format } from './types';

// Everything that differs between the plugin systems at the level of reading a file lives in
// this table: format, YAML dialect, placeholder syntax and how a file is recognised.

export const KIND_IDS = [
  'cloudquery-spec',
  'gatewayd-plugins',
  'gatewayd-config',
  'ekuiper-source-meta',
  'ekuiper-sink-meta',
  'ekuiper-function-meta',
  'ekuiper-source-config',
  'ekuiper-portable-manifest',
  'anklet-config',
  'logcraft-config',
  'logcraft-detection',
] as const;

export type KindId = (typeof KIND_IDS)[number];
export type SystemId = 'cloudquery' | 'gatewayd' | 'ekuiper' | 'anklet' | 'logcraft';

export function isKindId(value: string): value is KindId {
  return (KIND_IDS as readonly string[]).includes(value);
}

/** A declarative test on a document's root value, used to recognise a kind by content. */
export interface ContentSignature {
  /** The root must be an object with all of these keys. */
  allKeys?: string[];
  /** ... and at least one of these. */
  anyKeys?: string[];
  /** ... and these keys must hold one of the given scalar values. */
  values?: Record<string, Array<string | number | boolean>>;
  /** ... and these keys must hold a value of this type. */
  types?: Record<string, 'object' | 'array' | 'string'>;
  /** ... and these keys must hold a list whose first object item has at least one of the keys. */
  listItemKeys?: Record<string, string[]>;
  /** ... and none of these keys. */
  noKeys?: string[];
}

export interface KindDefinition {
  id: KindId;
  system: SystemId;
  title: string;
  format: Format;
  /** YAML dialect of the host's parser. */
  yamlVersion?: '1.1' | '1.2';
  /** The host reads every `---` document (otherwise only the first). */
  multiDocument?: boolean;
  /** The host expands `${...}` in the raw text before parsing. */
  textPlaceholders?: boolean;
  /** Scalar values the host expands later (never a type error). */
  valuePlaceholders?: RegExp[];
  /** Paths (with `/` separators) that are this kind by name and place. */
  paths?: RegExp[];
  /** Recognises the kind by content, optionally only at certain paths. */
  content?: { signatures: ContentSignature[]; paths?: RegExp[] };
  /**
   * A file still being written (empty, or only these top-level keys) is this kind when a file of
   * the same format in its folder is recognised as this kind by content: a new `prod.yml` next to
   * the `sync.yml` of a CloudQuery folder gets completion from its first line.
   */
  startedBeside?: { keys: string[] };
  /** Host documentation. */
  docs: string;
}

export const KINDS: Record<KindId, KindDefinition> = {
  'cloudquery-spec': {
    id: 'cloudquery-spec',
    system: 'cloudquery',
    title: 'CloudQuery sync spec',
    format: 'yaml',
    yamlVersion: '1.1',
    multiDocument: true,
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
  'gatewayd-plugins': {
    id: 'gatewayd-plugins',
    system: 'gatewayd',
    title: 'GatewayD plugins config',
    format: 'yaml',
    yamlVersion: '1.2',
    paths: [/(^|\/)gatewayd_plugins?\.ya?ml$/],
    content: {
      signatures: [
        { anyKeys: ['enableMetricsMerger', 'metricsMergerPeriod', 'healthCheckPeriod', 'reloadOnCrash', 'defaultPolicy', 'policyTimeout', 'actionRedis'] },
        { listItemKeys: { plugins: ['localPath', 'checksum'] } },
      ],
    },
    docs: 'https://docs.gatewayd.io/using-gatewayd/plugins-configuration/plugins-configuration',
  },
  'gatewayd-config': {
    id: 'gatewayd-config',
    system: 'gatewayd',
    title: 'GatewayD global config',
    format: 'yaml',
    yamlVersion: '1.2',
    paths: [/(^|\/)gatewayd\.ya?ml$/],
    content: { signatures: [{ allKeys: ['loggers'], anyKeys: ['pools', 'proxies', 'servers', 'clients'] }] },
    docs: 'https://docs.gatewayd.io/using-gatewayd/global-configuration/',
  },
  'ekuiper-source-meta': {
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
  'ekuiper-sink-meta': {
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
  'ekuiper-function-meta': {
    id: 'ekuiper-function-meta',
    system: 'ekuiper',
    title: 'eKuiper function metadata',
    format: 'json',
    content: {
      signatures: [{ types: { functions: 'array' }, listItemKeys: { functions: ['name', 'args', 'return', 'example', 'hint'] } }],
    },
    docs: 'https://ekuiper.org/docs/en/latest/extension/native/develop/function.html',
  },
  'ekuiper-source-config': {
    id: 'ekuiper-source-config',
    system: 'ekuiper',
    title: 'eKuiper source config',
    format: 'yaml',
    yamlVersion: '1.2',
    paths: [/(^|\/)etc\/sources\/[^/]+\.ya?ml$/, /(^|\/)etc\/mqtt_source\.ya?ml$/],
    content: { signatures: [{ types: { default: 'object' } }], paths: [/(^|\/)sources\/[^/]+\.ya?ml$/] },
    docs: 'https://ekuiper.org/docs/en/latest/guide/sources/overview.html',
  },
  'ekuiper-portable-manifest': {
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
  'anklet-config': {
    id: 'anklet-config',
    system: 'anklet',
    title: 'Anklet config',
    format: 'yaml',
    yamlVersion: '1.1',
    paths: [/(^|\/)\.config\/anklet\/config\.ya?ml$/],
    content: {
      signatures: [
        { listItemKeys: { plugins: ['plugin'] }, noKeys: ['healthCheckPeriod', 'reloadOnCrash'] },
        { anyKeys: ['work_dir', 'pid_file_dir', 'log_file_dir', 'plugins_path', 'global_database_url', 'global_private_key', 'global_token'] },
      ],
    },
    docs: 'https://github.com/veertuinc/anklet#configuration',
  },
  'logcraft-config': {
    id: 'logcraft-config',
    system: 'logcraft',
    title: 'LogCraft project config (lgc.toml)',
    format: 'toml',
    textPlaceholders: true,
    paths: [/(^|\/)lgc\.toml$/],
    docs: 'https://docs.logcraft.io/',
  },
  'logcraft-detection': {
    id: 'logcraft-detection',
    system: 'logcraft',
    title: 'LogCraft detection',
    format: 'yaml',
    yamlVersion: '1.2',
    docs: 'https://docs.logcraft.io/',
  },
};

export function systemOf(kind: KindId): SystemId {
  return KINDS[kind].system;
}
