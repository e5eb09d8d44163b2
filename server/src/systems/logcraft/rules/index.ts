import type { Rule } from '../../rule';
import { applyPolicies } from '../project/apply-policies';
import { logcraftPluginSource } from '../project/plugin-source';
import { logcraftPolicy } from '../project/policy';
import { detectionYaml } from './detection-yaml';
import { idClash } from './id-clash';
import { missingPlugin } from './missing-plugin';
import { serviceSettings } from './settings';

export const LOGCRAFT_RULES: readonly Rule[] = [
  idClash,
  detectionYaml,
  missingPlugin,
  serviceSettings,
  logcraftPluginSource,
  logcraftPolicy,
  applyPolicies,
];
