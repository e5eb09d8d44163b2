import type { Rule } from '../rule';

export const LOGCRAFT_RULES: readonly Rule[] = [];
