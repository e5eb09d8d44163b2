import type { FileReport } from '../report';
import { reportUri } from './uri';

const LEVELS = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, for code-scanning dashboards. */
export function formatSarif(files: FileReport[], version: string): string {
  const ruleIds = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const results = files.flatMap((file) =>
    file.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIds.indexOf(d.code),
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: reportUri(file.path, { encode: true }) },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      properties: { kind: file.kind },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plugin-workbench',
            version,
            informationUri: 'https://github.com/plugin-workbench/plugin-workbench',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        // Our columns count UTF-16 code units (SARIF's default would be code points).
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
