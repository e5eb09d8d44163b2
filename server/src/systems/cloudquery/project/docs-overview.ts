import * as path from 'node:path';
import type { Rule } from '../../rule';
import { moduleLineSpan } from './plugin-project';

/**
 * Usage docs in `docs/overview.md` (CloudQuery's "Publishing an Integration to the Hub"): the SDK's
 * `package` command copies the `*.md` files of `docs/` (or `--docs-dir`) into dist/ and fails
 * without that folder ("failed to copy docs: open docs: no such file or directory",
 * serve/package.go copyDocs); `cloudquery plugin publish` uploads them, `overview.md` shown first.
 * Reported on go.mod's `module` line, the file that stands for the project.
 */
export const cloudqueryDocsOverview: Rule = {
  id: 'cloudquery.docs-overview',
  kinds: ['cloudquery-go-module'],
  check(context) {
    const docs = path.join(path.dirname(context.path), 'docs');
    const at = moduleLineSpan(context.text);
    if (!context.files.isDirectory(docs))
      return [
        {
          ...at,
          severity: 'warning',
          code: 'cloudquery.docs-overview',
          message:
            'The plugin has no docs/ folder: `go run main.go package` fails with "failed to copy docs: open docs: no such file or directory". Write the usage docs in docs/overview.md (the Hub shows it first) and keep the README short.',
        },
      ];
    if (context.files.isFile(path.join(docs, 'overview.md'))) return [];
    return [
      {
        ...at,
        severity: 'information',
        code: 'cloudquery.docs-overview',
        message:
          "docs/ has no overview.md: CloudQuery's convention puts the plugin's usage docs there (the Hub shows overview.md first, its other pages after it in alphabetical order).",
      },
    ];
  },
};
