import * as path from 'node:path';
import type { KindDefinition } from '../../core';
import { ANKLET_DECODING } from './decoding';

/** The manifest kinds of this system: how each is read and recognised (see KindDefinition). */
export const ANKLET_KINDS: KindDefinition[] = [
  {
    id: 'anklet-config',
    system: 'anklet',
    title: 'Anklet config',
    format: 'yaml',
    yamlVersion: '1.1',
    // internal/config LoadConfig: yaml.v2 Decoder into structs (non-strict: repeated keys load).
    yaml: { goScalars: 'v2', duplicateKeys: 'warning' },
    decoding: ANKLET_DECODING,
    paths: [/(^|\/)\.config\/anklet\/config\.ya?ml$/],
    content: {
      signatures: [
        { listItemKeys: { plugins: ['plugin'] }, noKeys: ['healthCheckPeriod', 'reloadOnCrash'] },
        {
          anyKeys: [
            'work_dir',
            'pid_file_dir',
            'log_file_dir',
            'plugins_path',
            'global_database_url',
            'global_private_key',
            'global_token',
          ],
        },
      ],
    },
    docs: 'https://github.com/veertuinc/anklet#configuration',
  },
  // Project files that are not manifests (issue #14), recognised by name and place.
  {
    id: 'anklet-plugin-folder',
    system: 'anklet',
    title: 'Anklet plugin folder',
    format: 'text',
    paths: [/(^|\/)plugins\/(handlers|receivers)\/[^/]+\/[^/]+\.go$/],
    // An Anklet checkout: its dispatch lives in internal/run/run.go above plugins/.
    place: (file, _text, files) =>
      files.exists(path.join(path.dirname(file), '..', '..', '..', 'internal', 'run', 'run.go')),
    docs: 'https://github.com/veertuinc/anklet/blob/main/internal/run/run.go',
  },
];
