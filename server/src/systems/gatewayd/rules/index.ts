import type { Rule } from '../../rule';
import { gatewaydRelease } from '../project/release';
import { checksumMatchesBinary } from './checksum';
import { configGroups } from './config-groups';
import { duplicatePluginNames } from './duplicate-names';
import { magicCookie } from './magic-cookie';

export const GATEWAYD_RULES: readonly Rule[] = [
  magicCookie,
  checksumMatchesBinary,
  duplicatePluginNames,
  configGroups,
  gatewaydRelease,
];
