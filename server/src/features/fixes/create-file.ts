import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind } from 'vscode-languageserver';
import type { FixBuilder } from './fix';

/** What a new file starts with, by its name. */
const TEMPLATES: Array<{ test: RegExp; content: (name: string) => string }> = [
  {
    // An eKuiper source configuration: the `default` confKey is applied to every stream of the source.
    test: /\.ya?ml$/,
    content: (name) =>
      `# Configuration of the ${name} source: "default" applies to every stream; add more confKeys beside it.\ndefault: {}\n`,
  },
];

/** `data.create`: a file the host needs beside the manifest (an eKuiper source's YAML), created with a `default:` block. */
export const createMissingFile: FixBuilder = (input) => {
  if (typeof input.data.create !== 'string') return [];
  const target = path.resolve(path.dirname(input.filePath), input.data.create);
  const template = TEMPLATES.find((t) => t.test.test(target));
  if (!template) return [];
  const uri = pathToFileURL(target).href;
  const name =
    typeof input.data.source === 'string' ? input.data.source : path.basename(target).replace(/\.[^.]+$/, '');
  const start = { line: 0, character: 0 };
  return [
    {
      title: `Create ${input.data.create.split(path.sep).join('/')}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [input.diagnostic],
      isPreferred: true,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          {
            textDocument: { uri, version: null },
            edits: [{ range: { start, end: start }, newText: template.content(name) }],
          },
        ],
      },
    },
  ];
};
