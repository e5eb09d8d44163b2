import { findProperty, stringValue, type EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { isPlaceholder, specOf } from './spec-index';

// CloudQuery: "sync_group_id is not supported with write_mode: overwrite-delete-stale", and that
// write mode is the default when none is given.
export const syncGroupId: Rule = {
  id: 'cloudquery.sync-group-id',
  kinds: ['cloudquery-spec'],
  check(context) {
    const diagnostics: EngineDiagnostic[] = [];
    for (const document of context.documents) {
      const found = specOf(document);
      if (found?.kind !== 'destination') continue;
      const syncGroup = findProperty(found.spec, 'sync_group_id');
      if (
        !syncGroup ||
        (syncGroup.value.type === 'scalar' && (syncGroup.value.value === null || syncGroup.value.value === ''))
      )
        continue;
      const writeMode = findProperty(found.spec, 'write_mode')?.value;
      if (isPlaceholder(writeMode)) continue;
      const mode = stringValue(writeMode) ?? 'overwrite-delete-stale';
      if (mode !== 'overwrite-delete-stale') continue;
      diagnostics.push({
        start: syncGroup.keyStart,
        end: syncGroup.keyEnd,
        severity: 'error',
        code: 'cloudquery.sync-group-id',
        message: writeMode
          ? 'sync_group_id is not supported with write_mode: overwrite-delete-stale. Use write_mode: append or overwrite, or remove sync_group_id.'
          : 'sync_group_id is not supported with the default write_mode (overwrite-delete-stale). Set write_mode: append or overwrite, or remove sync_group_id.',
      });
    }
    return diagnostics;
  },
};
