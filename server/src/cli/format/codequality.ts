import { createHash } from 'node:crypto';
import type { FileReport } from '../report';
import { reportUri } from './uri';

// GitLab's code quality report (artifacts:reports:codequality): a JSON array of issues, a subset of
// the Code Climate engine spec. GitLab's scale is info < minor < major < critical < blocker; a host
// refusing the file is `major`, a likely mistake `minor`, advice `info`.
const SEVERITIES = { error: 'major', warning: 'minor', information: 'info', hint: 'info' } as const;

export function formatCodeQuality(files: FileReport[]): string {
  const seen = new Map<string, number>();
  const issues = files.flatMap((file) => {
    const path = reportUri(file.path, { encode: false });
    return file.diagnostics.map((d) => {
      // The fingerprint leaves out the line, so an issue keeps its identity when lines above it move
      // (GitLab compares base and head by fingerprint); repeats of one message count up instead.
      const identity = [path, d.code, d.message].join('\0');
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      return {
        type: 'issue',
        check_name: d.code,
        description: d.message,
        categories: ['Bug Risk'],
        severity: SEVERITIES[d.severity],
        fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
        location: { path, lines: { begin: d.line, end: d.endLine } },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
