import type { KindId, FileAccess } from '../core';
import { SYSTEMS } from '../systems';
import type { EmbeddedSchemaProvider } from '../systems/types';
import type { JsonSchema, SchemaStore } from '../schemas/schema-store';
import { SchemaNavigator, type PathSegment } from '../schemas/navigator';

const PROVIDERS: readonly EmbeddedSchemaProvider[] = SYSTEMS.flatMap((system) => system.embeddedSchemas ?? []);
const parsed = new Map<string, JsonSchema | null>();

/**
 * The navigator and schemas at a path, for completion and hover: the kind's schema, or below an
 * embedded root (a CloudQuery plugin's own spec schema) that one.
 */
export function schemasAt(
  store: SchemaStore,
  kind: KindId,
  file: string,
  files: FileAccess,
  path: PathSegment[],
  documentValue: unknown,
): { navigator: SchemaNavigator; schemas: JsonSchema[] } | undefined {
  for (const provider of PROVIDERS) {
    if (!provider.kinds.includes(kind)) continue;
    const embedded = provider.at(file, files, path, documentValue);
    if (!embedded) continue;
    const key = `${embedded.file}:${embedded.text.length}:${embedded.text.slice(0, 64)}`;
    if (!parsed.has(key)) {
      try {
        parsed.set(key, JSON.parse(embedded.text) as JsonSchema);
      } catch {
        parsed.set(key, null);
      }
    }
    const root = parsed.get(key);
    if (!root) continue;
    const navigator = new SchemaNavigator(store, embedded.file, root);
    return { navigator, schemas: navigator.at(path.slice(embedded.depth), embedded.value) };
  }
  const navigator = SchemaNavigator.for(store, kind);
  return navigator ? { navigator, schemas: navigator.at(path, documentValue) } : undefined;
}
