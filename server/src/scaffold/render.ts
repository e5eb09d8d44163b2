import { words } from '../core/text/case';

/** `{{pw.name}}`: the only placeholder form, so `${{ secrets.X }}` or Go templates pass through. */
const PLACEHOLDER = /\{\{pw\.([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

export class RenderError extends Error {}

export function render(text: string, variables: Record<string, string>, where: string): string {
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
