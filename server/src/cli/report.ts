import { LineIndex, type EngineDiagnostic, type KindId, type Severity } from '../core';

/** One diagnostic as the CLI contract prints it: 1-based lines and columns, end exclusive. */
export interface ReportedDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface FileReport {
  path: string;
  kind: KindId;
  diagnostics: ReportedDiagnostic[];
}

export function toReported(text: string, diagnostics: EngineDiagnostic[]): ReportedDiagnostic[] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(Math.max(d.end, d.start));
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}
