import { documentRule } from '../../rule';

// The CLI cuts a file at every "\n---\n" line and decodes each section; a section with no YAML in
// it (only comments or blank lines, e.g. a `---` at the end of the file) decodes to null, which is
// a source with no name: `failed to validate source : name is required` (spec_reader.go).
export const emptySection = documentRule('cloudquery.empty-section', ['cloudquery-spec'], {
  // A verdict names its section by number: the same while the file has as many sections.
  across: (context) => [context.documents.length],
  check(section, context) {
    if (
      section.broken ||
      (section.root !== undefined && !(section.root.type === 'scalar' && section.root.value === null))
    )
      return [];
    const sections = context.documents;
    // A file with no YAML at all: nothing to say beyond "expecting at least one source", which
    // the CLI says for every file (a folder may hold the others); keep quiet on an empty file.
    if (sections.length < 2 && sections.every((s) => s.root === undefined) && !context.text.trim()) return [];
    const index = sections.indexOf(section);
    const text = context.text.slice(section.start, section.end);
    const firstContent = text.search(/\S/);
    // Nothing at all after a `---` (the end of the file): point at that `---`.
    const separator = context.text.lastIndexOf('---', section.start);
    const start =
      firstContent >= 0 ? section.start + firstContent : index > 0 && separator >= 0 ? separator : section.start;
    const lineEnd = context.text.indexOf('\n', start);
    const directive = /^%/m.test(text);
    return [
      {
        start,
        end: Math.max(start + 1, lineEnd >= 0 ? lineEnd : section.end),
        severity: 'error',
        code: 'cloudquery.empty-section',
        message: directive
          ? `Section ${index + 1} holds only a YAML directive: the CLI splits the file at "---" lines before parsing, so the directive is cut off from its document (yaml: did not find expected <document start>). Remove the %YAML line.`
          : `Section ${index + 1} has no YAML in it: the CLI cuts the file at every line that is exactly "---" and decodes this part as an empty source: "failed to validate source : name is required". Remove the extra "---" or the empty part.`,
      },
    ];
  },
});
