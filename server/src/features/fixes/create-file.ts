import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind } from 'vscode-languageserver';
import type { FixBuilder } from './fix';

/** `data.create`: a file the host needs beside the manifest (an eKuiper source's YAML config). */
export const createMissingFile: FixBuilder = (input) => {
  if (typeof input.data.create !== 'string') return [];
  const target = path.resolve(path.dirname(input.filePath), input.data.create);
  const uri = pathToFileURL(target).href;
  const content = '# Default configuration of this source (the confKey every stream gets).\ndefault:\n  {}\n';
  return [
    {
      title: `Create ${input.data.create}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      isPreferred: true,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
        ],
      },
    },
  ];
};
