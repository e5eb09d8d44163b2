import { SYSTEMS, type FixName } from '../../systems';
import { addMissingKey } from './add-missing-key';
import { createMissingFile } from './create-file';
import type { FixBuilder } from './fix';
import { insertListItem } from './insert-list-item';
import { moveKeyInto } from './move-key';
import {
  offerAllowedValues,
  replaceWithComputedChecksum,
  replaceWithKnownValue,
  replaceWithSuggestion,
} from './replace-value';

/** The fix families, by the names the system descriptors bind them with. */
const FIXES: Record<FixName, FixBuilder> = {
  addMissingKey,
  replaceWithSuggestion,
  replaceWithKnownValue,
  offerAllowedValues,
  replaceWithComputedChecksum,
  insertListItem,
  moveKeyInto,
  createMissingFile,
};

/**
 * Fix families by diagnostic code: an exact code (from the system descriptors), or `*.<suffix>`
 * for the schema codes every system shares (`<system>.missing-key` ...). Each family reads what
 * it needs from the diagnostic's `data` and offers nothing when it is not there.
 */
const BY_CODE: Record<string, FixBuilder[]> = {
  '*.missing-key': [addMissingKey],
  '*.unknown-key': [replaceWithSuggestion],
  '*.invalid-value': [replaceWithSuggestion, replaceWithKnownValue, offerAllowedValues],
  '*.invalid-format': [replaceWithKnownValue],
  '*.removed-key': [moveKeyInto],
  '*.deprecated-key': [moveKeyInto],
  ...Object.fromEntries(
    SYSTEMS.flatMap((system) => Object.entries(system.fixes ?? {})).map(([code, names]) => [
      code,
      names.map((name) => FIXES[name]),
    ]),
  ),
};

/** A code the table does not know (a rule written later): its `data` says which fix applies. */
const BY_DATA: Array<[field: string, fix: FixBuilder]> = [
  ['computed', replaceWithComputedChecksum],
  ['replace', replaceWithKnownValue],
  ['suggestion', replaceWithSuggestion],
  ['allowed', offerAllowedValues],
  ['insert', insertListItem],
  ['moveInto', moveKeyInto],
  ['create', createMissingFile],
];

export function fixesFor(code: string, data: Record<string, unknown>): FixBuilder[] {
  const suffix = code.includes('.') ? `*.${code.slice(code.indexOf('.') + 1)}` : undefined;
  const listed = BY_CODE[code] ?? (suffix ? BY_CODE[suffix] : undefined);
  if (listed) return listed;
  return BY_DATA.filter(([field]) => data[field] !== undefined).map(([, fix]) => fix);
}
