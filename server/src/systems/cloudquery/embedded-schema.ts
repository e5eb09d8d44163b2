import type { EmbeddedSchemaProvider } from '../types';
import { projectFor, publishedSchema } from './rules/plugin-spec-schema';

/**
 * Inside a CloudQuery spec's own `spec:` the plugin's published schema applies (the one the
 * plugin-spec rule validates against), when the spec runs the plugin developed here.
 */
export const cloudqueryPluginSpec: EmbeddedSchemaProvider = {
  kinds: ['cloudquery-spec'],
  at(file, files, path, documentValue) {
    if (path[0] !== 'spec' || path[1] !== 'spec') return undefined;
    const spec = (documentValue as { spec?: { registry?: unknown; path?: unknown; spec?: unknown } } | undefined)?.spec;
    const registry = spec?.registry;
    if (registry !== 'local' && registry !== 'grpc') return undefined;
    const project = projectFor(file, registry, typeof spec?.path === 'string' ? spec.path : undefined, files);
    const schema = project && publishedSchema(project, files);
    return schema ? { ...schema, depth: 2, value: spec?.spec } : undefined;
  },
};
