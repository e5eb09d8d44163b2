import type { Rule } from './rule';
import { ANKLET_RULES } from './anklet';
import { CLOUDQUERY_RULES } from './cloudquery';
import { EKUIPER_RULES } from './ekuiper';
import { GATEWAYD_RULES } from './gatewayd';
import { LOGCRAFT_RULES } from './logcraft';

/** Every rule beyond the schemas; each applies to the kinds it names. */
export const ALL_RULES: readonly Rule[] = [...CLOUDQUERY_RULES, ...GATEWAYD_RULES, ...EKUIPER_RULES, ...ANKLET_RULES, ...LOGCRAFT_RULES];
