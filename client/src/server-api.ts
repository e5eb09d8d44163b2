import * as path from 'node:path';
import type * as Systems from '../../server/src/systems';

declare const PLUGIN_WORKBENCH_BUNDLED: boolean | undefined;

let loaded: typeof Systems | undefined;

/**
 * The systems' descriptors (kinds, projects, tasks, launch plans) and the parsers they need. In the
 * bundle they are dist/systems.js, loaded on first use, so activating the extension does not load
 * the YAML/TOML stack; compiled for the tests they are the server's own module.
 */
export function systems(): typeof Systems {
  if (!loaded) {
    const entry =
      typeof PLUGIN_WORKBENCH_BUNDLED !== 'undefined' ? path.join(__dirname, 'systems.js') : '../../server/src/systems';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(entry) as typeof Systems;
  }
  return loaded;
}
