import type { Rule } from '../../../analysis/rule';
import { idClash } from './id-clash';
import { missingPlugin } from './missing-plugin';
import { serviceSettings } from './settings';

export const LOGCRAFT_RULES: readonly Rule[] = [idClash, missingPlugin, serviceSettings];
