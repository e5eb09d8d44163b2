import * as path from 'node:path';
import type { KindDefinition } from '../../core';
import { GATEWAYD_CONFIG_DECODING, GATEWAYD_PLUGINS_DECODING } from './decoding';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const GATEWAYD_KINDS: KindDefinition[] = [
  {
    id: 'gatewayd-plugins',
    system: 'gatewayd',
    title: 'GatewayD plugins config',
    format: 'yaml',
    yamlVersion: '1.2',
    // koanf's yaml parser: yaml.v3 Unmarshal (repeated keys fail).
    yaml: { goScalars: 'v3', duplicateKeys: 'error' },
    decoding: GATEWAYD_PLUGINS_DECODING,
    paths: [/(^|\/)gatewayd_plugins?\.ya?ml$/],
    content: {
      signatures: [
        {
          anyKeys: [
            'enableMetricsMerger',
            'metricsMergerPeriod',
            'healthCheckPeriod',
            'reloadOnCrash',
            'defaultPolicy',
            'policyTimeout',
            'actionRedis',
          ],
        },
        { listItemKeys: { plugins: ['localPath', 'checksum'] } },
      ],
    },
    docs: 'https://docs.gatewayd.io/using-gatewayd/plugins-configuration/plugins-configuration',
  },
  {
    id: 'gatewayd-config',
    system: 'gatewayd',
    title: 'GatewayD global config',
    format: 'yaml',
    yamlVersion: '1.2',
    yaml: { goScalars: 'v3', duplicateKeys: 'error' },
    decoding: GATEWAYD_CONFIG_DECODING,
    paths: [/(^|\/)gatewayd\.ya?ml$/],
    content: { signatures: [{ allKeys: ['loggers'], anyKeys: ['pools', 'proxies', 'servers', 'clients'] }] },
    docs: 'https://docs.gatewayd.io/using-gatewayd/global-configuration/',
  },
  // Project files that are not manifests (issue #14), recognised by name and place.
  {
    id: 'gatewayd-release',
    system: 'gatewayd',
    title: 'GatewayD plugin release (Makefile, workflows, GoReleaser)',
    format: 'text',
    paths: [/(^|\/)Makefile$/, /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/, /(^|\/)\.goreleaser\.ya?ml$/],
    place: (file, _text, files) => {
      const slash = file.split(path.sep).join('/');
      const root = /\/\.github\/workflows\/[^/]+$/.test(slash)
        ? path.dirname(path.dirname(path.dirname(file)))
        : path.dirname(file);
      return files.exists(path.join(root, 'gatewayd_plugin.yaml'));
    },
    dotFolders: ['.github'],
    docs: 'https://docs.gatewayd.io/plugins/developing-plugins/plugin-developers-guide',
  },
];
