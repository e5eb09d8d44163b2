import type { Rule } from '../rule';

export const EKUIPER_RULES: readonly Rule[] = [];
