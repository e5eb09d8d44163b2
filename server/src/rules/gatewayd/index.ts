import type { Rule } from '../rule';

export const GATEWAYD_RULES: readonly Rule[] = [];
