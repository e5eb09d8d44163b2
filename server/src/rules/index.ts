import type { Rule } from './rule';
import { timePlaceholder } from './cloudquery/time-placeholder';

/** Every rule beyond the schemas; each applies to the kinds it names. */
export const ALL_RULES: readonly Rule[] = [timePlaceholder];
