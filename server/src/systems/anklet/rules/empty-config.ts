import type { Rule } from '../../rule';

// Anklet decodes the whole file; an empty one ends in "unable to load config.yml".
export const emptyConfig: Rule = {
  id: 'anklet.empty-config',
  kinds: ['anklet-config'],
  check(context) {
    if (context.documents.some((d) => d.root !== undefined || d.broken)) return [];
    return [
      {
        start: 0,
        end: Math.min(
          context.text.length,
          Math.max(1, context.text.indexOf('\n') === -1 ? context.text.length : context.text.indexOf('\n')),
        ),
        severity: 'error',
        code: 'anklet.empty-config',
        message:
          'The config is empty: Anklet stops with "unable to load config.yml". Add at least a plugins: list (see the anklet-config snippet).',
      },
    ];
  },
};
