import type { KindId } from '../core';
import type { NameProvider } from './name-sites';
import { SYSTEMS } from './index';

/** The systems' name providers (rename, references, references lens), from their descriptors. */
export const NAME_PROVIDERS: readonly NameProvider[] = SYSTEMS.flatMap((system) =>
  system.names ? [system.names] : [],
);

export function nameProviderFor(kind: KindId): NameProvider | undefined {
  return NAME_PROVIDERS.find((p) => p.kinds.includes(kind));
}
