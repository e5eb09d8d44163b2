import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A reported path as report formats want it: `/` separators and no leading `./` (code scanning and
 * GitLab resolve it against the repository root); with `encode`, a URI reference (SARIF), where an
 * absolute path becomes a `file://` URI and every segment is percent-encoded.
 */
export function reportUri(file: string, options: { encode: boolean }): string {
  if (path.isAbsolute(file)) return options.encode ? pathToFileURL(file).href : file.split(path.sep).join('/');
  let relative = file.split('\\').join('/');
  while (relative.startsWith('./')) relative = relative.slice(2);
  return options.encode ? relative.split('/').map(encodeURIComponent).join('/') : relative;
}
