import { words } from '../core';

/** `{{pw.name}}`: the only placeholder form, so `${{ secrets.X }}` or Go templates pass through. */
const PLACEHOLDER = /\{\{pw\.([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

export class RenderError extends Error {}

/**
 * `{{#pw.flag}}…{{/pw.flag}}` keeps its text when the variable is "true", `{{^pw.flag}}…{{/pw.flag}}`
 * when it is not: how one template offers an option such as CloudQuery's premium plugin. A tag
 * alone on its line (indented or not) takes its whole line with it. Blocks of different variables may nest.
 */
const BODY = '((?:(?!\\{\\{[#^]pw\\.\\2\\}\\})[\\s\\S])*?)';
const LINE_BLOCK = new RegExp(
  `^[ \\t]*\\{\\{([#^])pw\\.([A-Za-z_][A-Za-z0-9_]*)\\}\\}[ \\t]*\\n${BODY}^[ \\t]*\\{\\{/pw\\.\\2\\}\\}[ \\t]*(?:\\n|$)`,
  'gm',
);
const INLINE_BLOCK = new RegExp(`\\{\\{([#^])pw\\.([A-Za-z_][A-Za-z0-9_]*)\\}\\}${BODY}\\{\\{/pw\\.\\2\\}\\}`, 'g');

export function render(text: string, variables: Record<string, string>, where: string): string {
  let previous: string;
  do {
    previous = text;
    const choose = (_: string, sign: string, name: string, body: string) => {
      if (!(name in variables)) throw new RenderError(`${where}: unknown block variable {{${sign}pw.${name}}}`);
      return (variables[name] === 'true') === (sign === '#') ? body : '';
    };
    text = text.replace(LINE_BLOCK, choose).replace(INLINE_BLOCK, choose);
  } while (text !== previous);
  if (/\{\{[#^/]pw\./.test(text)) throw new RenderError(`${where}: an unclosed or crossed {{#pw.…}} block`);
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in variables)) throw new RenderError(`${where}: unknown placeholder {{pw.${name}}}`);
    return variables[name];
  });
}

/** The spellings of a plugin name that templates need. */
export function nameVariables(name: string): Record<string, string> {
  const parts = words(name);
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    name,
    // eKuiper's exported symbol: the name with its first letter upper-cased, nothing else changed.
    NameFirstUpper: name.charAt(0).toUpperCase() + name.slice(1),
    NamePascal: parts.map(capital).join(''),
    nameCamel: parts.map((w, i) => (i ? capital(w) : w)).join(''),
    name_snake: parts.join('_'),
    name_kebab: parts.join('-'),
    NAME_UPPER: parts.join('_').toUpperCase(),
    NameTitle: parts.map(capital).join(' '),
  };
}
