import * as path from 'node:path';
import {
  deriveFrom,
  findProperty,
  stringValue,
  toValue,
  type FileAccess,
  type ObjectNode,
  type ParsedDocument,
} from '../../../core';
import { mapSchemaErrors } from '../../../schemas/error-mapper';
import { documentRule } from '../../rule';
import { specOf } from './spec-index';

const EMBED = /\/\/go:embed\s+(\S+\.json)/g;

/** A Go module that is a CloudQuery plugin (it requires the plugin SDK). */
function isPluginProject(dir: string, files: FileAccess): boolean {
  return (
    deriveFrom(files, path.join(dir, 'go.mod'), 'cloudquery.is-plugin', (text) =>
      text.includes('github.com/cloudquery/plugin-sdk'),
    ) ?? false
  );
}

/**
 * The plugin project a spec runs when it uses a plugin under development: `registry: local` names
 * its binary; `registry: grpc` serves it from the project the spec lives in (e.g. test/config.yml).
 */
export function projectFor(
  specFile: string,
  registry: string,
  pluginPath: string | undefined,
  files: FileAccess,
): string | undefined {
  const candidates: string[] = [];
  if (registry === 'local' && pluginPath) {
    for (const base of [path.dirname(specFile), path.dirname(path.dirname(specFile))])
      candidates.push(path.dirname(path.resolve(base, pluginPath)));
  }
  let dir = path.dirname(specFile);
  for (let depth = 0; depth < 4; depth++) {
    candidates.push(dir);
    dir = path.dirname(dir);
  }
  return candidates.find((c) => isPluginProject(c, files));
}

/** The JSON schema a plugin publishes for its spec: dist/spec_json_schema.json, or the file its Go code embeds. */
export function publishedSchema(project: string, files: FileAccess): { file: string; text: string } | undefined {
  const packaged = path.join(project, 'dist', 'spec_json_schema.json');
  const text = files.readText(packaged);
  if (text !== undefined) return { file: packaged, text };
  for (const folder of [
    project,
    ...files
      .list(project)
      .map((f) => path.join(project, f))
      .filter((f) => files.isDirectory(f)),
  ]) {
    for (const name of files.list(folder)) {
      if (!name.endsWith('.go')) continue;
      const embedded = deriveFrom(files, path.join(folder, name), 'cloudquery.embedded-schemas', (source) =>
        source.includes('JSONSchema') ? [...source.matchAll(EMBED)].map((m) => m[1]) : [],
      );
      for (const name of embedded ?? []) {
        const file = path.join(folder, name);
        const schema = files.readText(file);
        if (schema !== undefined) return { file, text: schema };
      }
    }
  }
  return undefined;
}

// When a spec runs the plugin being developed here, its own `spec:` is checked against the schema
// the plugin publishes, as `cloudquery sync` does with the schema it gets from the plugin.
export const pluginSpecSchema = documentRule('cloudquery.plugin-spec', ['cloudquery-spec'], {
  // Only a spec that runs a plugin under development reads files (its project's schema); those
  // are checked again at every version, the others keep their (empty) verdict.
  fresh: (document) => registryOf(document) !== undefined,
  check(document, context) {
    const found = specOf(document);
    const registry = registryOf(document);
    if (!found || !registry) return [];
    const inner = findProperty(found.spec, 'spec')?.value;
    if (!inner || inner.type !== 'object') return [];
    const project = projectFor(
      context.path,
      registry,
      stringValue(findProperty(found.spec, 'path')?.value),
      context.files,
    );
    const schema = project && publishedSchema(project, context.files);
    if (!schema) return [];
    // Compiled once per version of the schema file, not hashed again on every keystroke.
    const validate = deriveFrom(context.files, schema.file, 'cloudquery.plugin-spec-validator', (text) =>
      context.schemas.validatorForText(schema.file, text),
    );
    if (!validate || validate(toValue(inner))) return [];
    const source = path.relative(path.dirname(context.path), schema.file);
    const mapped = mapSchemaErrors([...(validate.errors ?? [])], {
      system: 'cloudquery.plugin-spec',
      root: inner as ObjectNode,
      text: context.file.text,
    });
    return mapped.map((d) => ({ ...d, message: `${d.message} (the plugin's spec schema, ${source})` }));
  },
});

/** `registry: local` or `registry: grpc`: the spec runs a plugin under development. */
function registryOf(document: ParsedDocument): 'local' | 'grpc' | undefined {
  const registry = stringValue(findProperty(specOf(document)?.spec, 'registry')?.value);
  return registry === 'local' || registry === 'grpc' ? registry : undefined;
}
