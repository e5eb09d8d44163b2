import type { Rule } from '../analysis/rule';
import { ANKLET_RULES } from './anklet/rules';
import { CLOUDQUERY_RULES } from './cloudquery/rules';
import { EKUIPER_RULES } from './ekuiper/rules';
import { GATEWAYD_RULES } from './gatewayd/rules';
import { LOGCRAFT_RULES } from './logcraft/rules';

/** Every rule beyond the schemas; each applies to the kinds it names. */
export const ALL_RULES: readonly Rule[] = [...CLOUDQUERY_RULES, ...GATEWAYD_RULES, ...EKUIPER_RULES, ...ANKLET_RULES, ...LOGCRAFT_RULES];
