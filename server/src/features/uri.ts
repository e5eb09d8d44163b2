import { URI } from 'vscode-uri';

/** The file path a document URI names (an untitled or virtual document: its path part). */
export function uriToPath(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
}
