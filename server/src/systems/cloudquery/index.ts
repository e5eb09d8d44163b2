import snippets from './snippets.json';
import { CLOUDQUERY_ACTIONS } from './actions';
import { findProperty, stringValue } from '../../core';
import { relativePath } from '../link-resolvers';
import { CLOUDQUERY_HOST, CLOUDQUERY_PROJECTS, CLOUDQUERY_TOOLS } from './project';
import type { SystemDescriptor } from '../types';
import { cloudqueryPluginSpec } from './embedded-schema';
import { CLOUDQUERY_KINDS } from './kinds';
import { CLOUDQUERY_REFERENCES, cloudqueryNames } from './names';
import { CLOUDQUERY_RULES } from './rules';
import { CLOUDQUERY_EDITORS } from './project/table-names-editor';
import { specNames, specsInDocuments, visibleSpecs, type SpecKind } from './rules/spec-index';

const SPEC = 'cloudquery-spec';

export const cloudquery: SystemDescriptor = {
  id: 'cloudquery',
  name: 'CloudQuery',
  label: 'CloudQuery',
  kinds: CLOUDQUERY_KINDS,
  rules: CLOUDQUERY_RULES,
  outline: {
    [SPEC]: [
      { path: '', label: '{kind} {spec.name}', kind: 'module', detail: '{spec.path}', select: 'spec.name' },
      { path: 'spec.*', label: '{@key}', detail: '{@value}' },
      { path: 'spec.destinations[]', label: '{@value}', kind: 'event' },
      { path: 'spec.transformers[]', label: '{@value}', kind: 'event' },
    ],
  },
  links: [
    {
      kind: SPEC,
      path: 'spec.path',
      // Only a `registry: local` plugin's path is a file (otherwise a registry name or an address).
      resolve: (v, c, root) =>
        stringValue(findProperty(findProperty(root, 'spec')?.value, 'registry')?.value) === 'local'
          ? relativePath(v, c, root)
          : [],
    },
  ],
  workspaceValues: [
    {
      kind: SPEC,
      path: 'spec.destinations[]',
      values: (c) => specNames(c, 'destination'),
    },
    {
      kind: SPEC,
      path: 'spec.transformers[]',
      values: (c) => specNames(c, 'transformer'),
    },
  ],
  references: [
    {
      kind: SPEC,
      references: CLOUDQUERY_REFERENCES,
      // A destination or transformer name jumps to the `name:` of its spec, here or in a sibling file.
      declarations: (context, target, name) => {
        const wanted = (s: { kind: SpecKind; name: string }) => s.kind === target && s.name === name;
        const here = specsInDocuments(context.file.documents, context.path).find(wanted);
        if (here?.nameNode) return [{ file: context.path, start: here.nameNode.start, end: here.nameNode.end }];
        const found = [];
        for (const spec of visibleSpecs(context).filter((s) => wanted(s) && s.file !== context.path)) {
          // Sibling specs come without their name nodes: parse the file again (cached) for the offsets.
          const parsed = context.parseOther(spec.file, SPEC);
          const entry = parsed && specsInDocuments(parsed.documents, spec.file).find(wanted);
          if (entry?.nameNode) found.push({ file: spec.file, start: entry.nameNode.start, end: entry.nameNode.end });
        }
        return found;
      },
    },
  ],
  names: cloudqueryNames,
  embeddedSchemas: [cloudqueryPluginSpec],
  editors: CLOUDQUERY_EDITORS,
  fixes: {
    'cloudquery.table-name': ['replaceWithKnownValue'],
    'cloudquery.gitignore-binary': ['replaceWithKnownValue'],
    'cloudquery.http-context': ['replaceWithKnownValue'],
    'cloudquery.spec-snake-case': ['replaceWithKnownValue'],
    'cloudquery.unknown-destination': ['replaceWithSuggestion'],
    'cloudquery.unknown-transformer': ['replaceWithSuggestion'],
    'cloudquery.unknown-backend-destination': ['replaceWithSuggestion'],
  },
  projects: CLOUDQUERY_PROJECTS,
  host: CLOUDQUERY_HOST,
  tools: CLOUDQUERY_TOOLS,
  actions: CLOUDQUERY_ACTIONS,
  snippets: Object.values(snippets),
  templates: ['cloudquery-source-go', 'cloudquery-destination-go'],
};
