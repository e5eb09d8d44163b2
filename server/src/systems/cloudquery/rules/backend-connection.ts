import { findProperty, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { specIndex, specOf } from './spec-index';

const CONNECTION = /^@@plugins\.([^.\s]+)\.connection$/;

// backend_options.connection: "@@plugins.<name>.connection" reuses a destination's connection.
export const backendConnection: Rule = {
  id: 'cloudquery.unknown-backend-destination',
  kinds: ['cloudquery-spec'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const document of context.documents) {
      const found = specOf(document);
      if (found?.kind !== 'source') continue;
      const connection = findProperty(findProperty(found.spec, 'backend_options')?.value, 'connection')?.value;
      if (connection?.type !== 'scalar' || typeof connection.value !== 'string') continue;
      const match = CONNECTION.exec(connection.value);
      if (!match) continue;
      if (specIndex(context).has('destination', match[1])) continue;
      diagnostics.push({
        start: connection.start,
        end: connection.end,
        severity: 'error',
        code: 'cloudquery.unknown-backend-destination',
        message: `backend_options.connection refers to destination "${match[1]}", which is not defined here or in the folder's other spec files.`,
      });
    }
    return diagnostics;
  },
};
