import { findProperty, type ScalarNode } from '../../core';
import type { NameProvider, NameSite } from '../name-sites';
import type { ReferenceRow } from '../types';
import { siteRows, valueSpan } from '../name-sites';
import { siblingSpecFiles, specOf } from './rules/spec-index';

/** `@@plugins.<name>.connection` names a destination, in backend_options and anywhere in a plugin's own spec (expanded at sync time). */
const CONNECTION = /@@plugins\.([^.\s"']+)\.connection/;

/** Where a spec names another: a source's destinations and backend connection, a destination's transformers, a connection anywhere. */
export const CLOUDQUERY_REFERENCES: ReferenceRow[] = [
  { path: 'spec.destinations[]', target: 'destination' },
  { path: 'spec.transformers[]', target: 'transformer' },
  { path: 'spec.backend_options.connection', target: 'destination', pattern: CONNECTION },
  { target: 'destination', pattern: CONNECTION },
];

const uses = siteRows(CLOUDQUERY_REFERENCES);

/**
 * Destination and transformer names: declared by a spec's `name:`, used by other specs of the same
 * file or of the sibling spec files (the folder `cloudquery sync` reads).
 */
export const cloudqueryNames: NameProvider = {
  kinds: ['cloudquery-spec'],
  scope: (context) => [
    { file: context.path, kind: 'cloudquery-spec' },
    ...siblingSpecFiles(context).map((file) => ({ file, kind: 'cloudquery-spec' as const })),
  ],
  sites(parsed, file, text) {
    const sites: NameSite[] = [];
    for (const document of parsed.documents) {
      const spec = specOf(document);
      if (!spec) continue;
      const owner = { owner: spec.kind, ownerId: `${file}:${document.start}` };
      const nameNode = findProperty(spec.spec, 'name')?.value;
      const declared =
        nameNode?.type === 'scalar' && !nameNode.placeholder ? valueSpan(nameNode as ScalarNode, text) : undefined;
      if (declared) sites.push({ file, ...declared, target: spec.kind, declaration: true, ...owner });
      sites.push(...uses(document.root, file, text, owner));
    }
    return sites;
  },
};
