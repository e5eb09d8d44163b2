import type { Rule } from '../../rule';
import { applyPolicies } from '../project/apply-policies';
import { logcraftPluginSource } from '../project/plugin-source';
import { logcraftPolicy } from '../project/policy';
import { idClash } from './id-clash';
import { missingPlugin } from './missing-plugin';
import { serviceSettings } from './settings';

export const LOGCRAFT_RULES: readonly Rule[] = [
  idClash,
  missingPlugin,
  serviceSettings,
  logcraftPluginSource,
  logcraftPolicy,
  applyPolicies,
];
