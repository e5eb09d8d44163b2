import type { Rule } from '../../rule';
import { ankletPluginFolder } from '../project/plugin-folder';
import { duplicateNames } from './duplicate-names';
import { emptyConfig } from './empty-config';
import { githubPlugins } from './github-plugins';
import { noDatabase } from './no-database';
import { unknownPlugin } from './unknown-plugin';

export const ANKLET_RULES: readonly Rule[] = [
  emptyConfig,
  noDatabase,
  unknownPlugin,
  duplicateNames,
  githubPlugins,
  ankletPluginFolder,
];
