import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineDiagnostic, Severity } from '../core';
import type { WorkbenchSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Engine diagnostics as LSP diagnostics, with the user's severity overrides applied. */
export function toLspDiagnostics(document: TextDocument, diagnostics: EngineDiagnostic[], settings: WorkbenchSettings): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = settings.severityOverrides[d.code];
    if (override === 'off') continue;
    result.push({
      range: { start: document.positionAt(d.start), end: document.positionAt(Math.max(d.end, d.start)) },
      severity: SEVERITY[override ?? d.severity],
      code: d.code,
      source: 'plugin-workbench',
      message: d.message,
      data: d.data,
    });
  }
  return result;
}
