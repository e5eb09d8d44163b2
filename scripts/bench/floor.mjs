// The floor the CLI is measured against: walk the folder, read every manifest and parse it with
// `yaml` (JSON with JSON.parse), nothing else. Prints the number of files read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

let count = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const file = join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.ya?ml$/i.test(entry.name)) {
      parseAllDocuments(readFileSync(file, 'utf8'));
      count++;
    } else if (/\.json$/i.test(entry.name)) {
      JSON.parse(readFileSync(file, 'utf8'));
      count++;
    }
  }
}
for (const dir of process.argv.slice(2)) walk(dir);
console.log(count);
