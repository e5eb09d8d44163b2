import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { readJson } from '../../core';
import { findProperty } from '../../core';
import { stringValue } from '../../core';
import { safeList, type Project } from '../projects';

/** The native plugin project kind (a .so); the other is a portable plugin. */
const NATIVE = 'ekuiper-native';

export interface PackageResult {
  zip: string;
  entries: string[];
}

export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not packaged:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

/**
 * Builds the eKuiper plugin zip in-process. Native plugins: flat, with the `.so`, `<name>.json`,
 * `<name>.yaml` (required for sources) and an optional `install.sh`. Portable plugins: the manifest,
 * the executable and the sources/sinks/functions folders. Every rule is checked first; on any
 * problem nothing is written.
 */
export function packageEkuiper(project: Project): PackageResult {
  const files = project.kind === NATIVE ? nativeEntries(project) : portableEntries(project);
  const zip = path.join(project.dir, 'dist', `${project.name}.zip`);
  const content: Zippable = {};
  for (const [entry, source] of files)
    content[entry] = [fs.readFileSync(source), { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }];
  fs.mkdirSync(path.dirname(zip), { recursive: true });
  const temporary = `${zip}.pw-${process.pid}`;
  fs.writeFileSync(temporary, zipSync(content));
  fs.renameSync(temporary, zip);
  return { zip, entries: [...files.keys()] };
}

function nativeEntries(project: Project): Map<string, string> {
  const problems: string[] = [];
  const entries = new Map<string, string>();
  const symbol = project.name.charAt(0).toUpperCase() + project.name.slice(1);
  const soFolder = path.join(project.dir, 'plugins', `${project.details.pluginType}s`);
  const pattern = new RegExp(`^(${escape(project.name)}|${escape(symbol)})(@v?[0-9A-Za-z.+-]+)?\\.so$`);
  const built = safeList(soFolder).filter((f) => f.endsWith('.so'));
  const matching = built.filter((f) => pattern.test(f));
  if (!matching.length) {
    problems.push(
      built.length
        ? `${built.join(', ')} in ${rel(project, soFolder)} do not follow the naming rule ${symbol}.so or ${project.name}.so with an optional @v<version>`
        : `no ${symbol}@v${project.details.version}.so in ${rel(project, soFolder)}: run the "build .so" task first`,
    );
  } else {
    const preferred = matching.find((f) => f.includes(`@v${project.details.version}`)) ?? matching.sort().at(-1)!;
    entries.set(preferred, path.join(soFolder, preferred));
  }
  const metadata = project.details.metadata;
  if (!metadata || !fs.existsSync(metadata)) problems.push(`the metadata ${project.name}.json is missing`);
  else entries.set(`${project.name}.json`, metadata);
  if (project.details.pluginType === 'source') {
    const yaml = [
      path.join(path.dirname(metadata ?? project.dir), `${project.name}.yaml`),
      path.join(project.dir, `${project.name}.yaml`),
      path.join(project.dir, 'etc', 'sources', `${project.name}.yaml`),
    ].find((f) => fs.existsSync(f));
    if (!yaml) problems.push(`a source plugin needs ${project.name}.yaml (its default configuration) in the zip`);
    else entries.set(`${project.name}.yaml`, yaml);
  }
  const install = path.join(project.dir, 'install.sh');
  if (fs.existsSync(install)) entries.set('install.sh', install);
  if (problems.length) throw new PackagingError(problems);
  return entries;
}

/** A portable plugin's members (zip entry -> file), as `package zip` and a dev-mode install put them. */
export function portableEntries(project: Project): Map<string, string> {
  const problems: string[] = [];
  const entries = new Map<string, string>();
  const manifestFile = project.details.manifest;
  const root = readJson(fs.readFileSync(manifestFile, 'utf8')).documents[0]?.root;
  entries.set(path.basename(manifestFile), manifestFile);
  const executable = stringValue(findProperty(root, 'executable')?.value);
  if (!executable) problems.push('the manifest names no executable');
  else if (!fs.existsSync(path.join(project.dir, executable)))
    problems.push(`the executable ${executable} does not exist: build it first`);
  const sources = findProperty(root, 'sources')?.value;
  for (const item of sources?.type === 'array' ? sources.items : []) {
    const name = stringValue(item);
    if (name && !fs.existsSync(path.join(project.dir, 'sources', `${name}.yaml`)))
      problems.push(`source ${name} needs sources/${name}.yaml`);
  }
  if (problems.length) throw new PackagingError(problems);
  const include = (relative: string) =>
    entries.set(relative.split(path.sep).join('/'), path.join(project.dir, relative));
  for (const file of walk(project.dir)) {
    const relative = path.relative(project.dir, file);
    const top = relative.split(path.sep)[0];
    if (
      ['sources', 'sinks', 'functions'].includes(top) ||
      relative === executable ||
      (/\.(py|txt)$/.test(relative) && !relative.includes(path.sep))
    )
      include(relative);
  }
  return entries;
}

function walk(dir: string): string[] {
  const result: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'dist' || entry.name === '__pycache__') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...walk(full));
    else if (entry.isFile()) result.push(full);
  }
  return result;
}

function rel(project: Project, file: string): string {
  return path.relative(project.dir, file) || '.';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
