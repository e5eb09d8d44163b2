import type { FileReport } from '../report';

/** Exactly one JSON object: `{ "files": [ { path, kind, diagnostics } ] }`. */
export function formatJson(files: FileReport[]): string {
  return JSON.stringify({ files }, null, 2) + '\n';
}
