import * as fs from 'node:fs';
import * as path from 'node:path';

/** The templates folder: dist/templates in a bundle, templates/ in a checkout. */
export function locateTemplates(): string {
  const override = process.env.PLUGIN_WORKBENCH_TEMPLATES;
  if (override) return override;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'templates'), path.join(dir, 'dist', 'templates')]) {
      if (fs.existsSync(path.join(candidate, 'index.json'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new Error('The scaffolding templates were not found next to the program.');
}
