import type { Rule } from '../../rule';

// CloudQuery expands `${time:<when>}` or `${time:<when>|<Go layout>}` before parsing and refuses
// to start when <when> is not a time it understands.
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const RELATIVE =
  /^\d+(\.\d+)?\s*(nanosecond|microsecond|millisecond|second|minute|hour|day|week|month|year)s?\s+(ago|from\s+now)$/i;
const DURATION = /^[+-]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

export function isValidTimeExpression(body: string): boolean {
  const [when, layout, ...rest] = body.split('|');
  if (rest.length || (layout !== undefined && !layout.trim())) return false;
  const value = when.trim();
  return value === 'now' || ABSOLUTE.test(value) || RELATIVE.test(value) || DURATION.test(value);
}

export const timePlaceholder: Rule = {
  id: 'cloudquery.time-placeholder',
  kinds: ['cloudquery-spec'],
  check({ file, text }) {
    return file.placeholders
      .filter((span) => span.type === 'time' && !isValidTimeExpression(span.body) && !inComment(text, span.start))
      .map((span) => ({
        start: span.start,
        end: span.end,
        severity: 'error' as const,
        code: 'cloudquery.time-placeholder',
        message: `CloudQuery cannot expand \${time:${span.body}}: use an absolute time (2025-01-31 or 2025-01-31T10:00:00Z), "now", a relative time ("7 days ago", "2 hours from now") or a duration ("-24h"), optionally followed by |<Go layout>.`,
      }));
  },
};

/** CloudQuery strips comments before it expands placeholders. */
function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''));
}
