import { findProperty } from '../../../core';
import { documentRule } from '../../rule';
import { specIndex, specOf } from './spec-index';

const CONNECTION = /^@@plugins\.([^.\s]+)\.connection$/;

// backend_options.connection: "@@plugins.<name>.connection" reuses a destination's connection.
export const backendConnection = documentRule('cloudquery.unknown-backend-destination', ['cloudquery-spec'], {
  across: (context) => specIndex(context).across,
  check(document, context) {
    const found = specOf(document);
    if (found?.kind !== 'source') return [];
    const connection = findProperty(findProperty(found.spec, 'backend_options')?.value, 'connection')?.value;
    if (connection?.type !== 'scalar' || typeof connection.value !== 'string') return [];
    const match = CONNECTION.exec(connection.value);
    if (!match || specIndex(context).has('destination', match[1])) return [];
    return [
      {
        start: connection.start,
        end: connection.end,
        severity: 'error',
        code: 'cloudquery.unknown-backend-destination',
        message: `backend_options.connection refers to destination "${match[1]}", which is not defined here or in the folder's other spec files.`,
      },
    ];
  },
});
