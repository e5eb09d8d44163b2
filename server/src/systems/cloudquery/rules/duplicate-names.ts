import type { EngineDiagnostic } from '../../../core';
import type { Rule } from '../../../analysis/rule';
import { specsInDocuments } from './spec-index';

// Two specs of one kind with the same name in one file: CloudQuery stops with "duplicate source
// name". Across files of a folder names may repeat (dev.yml and prod.yml are alternatives).
export const duplicateNames: Rule = {
  id: 'cloudquery.duplicate-name',
  kinds: ['cloudquery-spec'],
  check(context) {
    const seen = new Map<string, true>();
    const diagnostics: EngineDiagnostic[] = [];
    for (const entry of specsInDocuments(context.documents, context.path)) {
      const key = `${entry.kind}:${entry.name}`;
      if (seen.has(key) && entry.nameNode) {
        diagnostics.push({
          start: entry.nameNode.start,
          end: entry.nameNode.end,
          severity: 'error',
          code: 'cloudquery.duplicate-name',
          message: `Duplicate ${entry.kind} name "${entry.name}" in this file: each ${entry.kind} needs its own name.`,
        });
      }
      seen.set(key, true);
    }
    return diagnostics;
  },
};
