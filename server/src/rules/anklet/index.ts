import type { Rule } from '../rule';

export const ANKLET_RULES: readonly Rule[] = [];
