import { diagnosticAt, uniqueNames } from '../../../core';
import type { Rule } from '../../rule';
import { hasRepeatedNames, keyOf, specsInDocuments } from './spec-index';

// Two specs of one kind with the same name in one file: CloudQuery stops with "duplicate source
// name". Across files of a folder names may repeat (dev.yml and prod.yml are alternatives).
export const duplicateNames: Rule = {
  id: 'cloudquery.duplicate-name',
  kinds: ['cloudquery-spec'],
  check(context) {
    // Counted per document and kept while the names stay (see OwnSpecs): no walk per keystroke.
    if (!hasRepeatedNames(context)) return [];
    const specs = specsInDocuments(context.documents, context.path);
    return uniqueNames(specs, (entry) => entry.key ?? keyOf(entry.kind, entry.name)).flatMap(({ item: entry }) =>
      entry.nameNode
        ? [
            diagnosticAt(
              entry.nameNode,
              'cloudquery.duplicate-name',
              'error',
              `Duplicate ${entry.kind} name "${entry.name}" in this file: each ${entry.kind} needs its own name.`,
            ),
          ]
        : [],
    );
  },
};
