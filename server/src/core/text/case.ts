/** Words of a name: `my-cool_plugin`, `myCoolPlugin`, `MyCoolPlugin` -> my, cool, plugin. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Naming conventions a schema can ask for with `x-suggest`, each turning a name into that form. */
export const CASE_TRANSFORMS: Record<string, (name: string) => string> = {
  'kebab-case': (name) => words(name).join('-'),
  snake_case: (name) => words(name).join('_'),
  lowerCamel: (name) =>
    words(name)
      .map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w))
      .join(''),
};
