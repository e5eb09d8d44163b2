import { findProperty, stringValue } from '../../../core';
import { documentRule } from '../../rule';
import { isPlaceholder, specOf } from './spec-index';

// CloudQuery: "sync_group_id is not supported with write_mode: overwrite-delete-stale", and that
// write mode is the default when none is given.
export const syncGroupId = documentRule('cloudquery.sync-group-id', ['cloudquery-spec'], {
  check(document) {
    const found = specOf(document);
    if (found?.kind !== 'destination') return [];
    const syncGroup = findProperty(found.spec, 'sync_group_id');
    if (
      !syncGroup ||
      (syncGroup.value.type === 'scalar' && (syncGroup.value.value === null || syncGroup.value.value === ''))
    )
      return [];
    const writeMode = findProperty(found.spec, 'write_mode')?.value;
    if (isPlaceholder(writeMode)) return [];
    const mode = stringValue(writeMode) ?? 'overwrite-delete-stale';
    if (mode !== 'overwrite-delete-stale') return [];
    return [
      {
        start: syncGroup.keyStart,
        end: syncGroup.keyEnd,
        severity: 'error',
        code: 'cloudquery.sync-group-id',
        message: writeMode
          ? 'sync_group_id is not supported with write_mode: overwrite-delete-stale. Use write_mode: append or overwrite, or remove sync_group_id.'
          : 'sync_group_id is not supported with the default write_mode (overwrite-delete-stale). Set write_mode: append or overwrite, or remove sync_group_id.',
      },
    ];
  },
});
