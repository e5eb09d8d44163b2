import type { KindId } from '../core/kinds';
import type { NameProvider } from '../features/name-references';
import { cloudqueryNames } from './cloudquery/names';
import { logcraftNames } from './logcraft/names';

/** The systems' name providers (rename, references, references lens). */
export const NAME_PROVIDERS: readonly NameProvider[] = [cloudqueryNames, logcraftNames];

export function nameProviderFor(kind: KindId): NameProvider | undefined {
  return NAME_PROVIDERS.find((p) => p.kinds.includes(kind));
}
