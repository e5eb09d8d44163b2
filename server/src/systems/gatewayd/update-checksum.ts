import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readYaml } from '../../core';
import { findProperty } from '../../core';
import { stringValue } from '../../core';

export interface ChecksumChange {
  file: string;
  plugin: string;
  before?: string;
  after: string;
}

/** What the editor's diagnostic and the update-checksum task say when the plugin is not built yet. */
export function binaryMissingMessage(plugin: string, file: string): string {
  return `${plugin}: no binary at ${file} yet; build the plugin (make build-dev) to compare or write its checksum.`;
}

/** The plugin entries of a plugins config whose `localPath` resolves to `binary`: their names and localPath as written. */
export function entriesPointingAt(configFile: string, binary: string): Array<{ plugin: string; localPath: string }> {
  const text = fs.readFileSync(configFile, 'utf8');
  const plugins = findProperty(readYaml(text, { version: '1.2' }).documents[0]?.root, 'plugins')?.value;
  if (plugins?.type !== 'array') return [];
  const found: Array<{ plugin: string; localPath: string }> = [];
  for (const entry of plugins.items) {
    const localPath = stringValue(findProperty(entry, 'localPath')?.value);
    if (localPath && path.resolve(path.dirname(configFile), localPath) === path.resolve(binary)) {
      found.push({ plugin: stringValue(findProperty(entry, 'name')?.value) ?? '(unnamed)', localPath });
    }
  }
  return found;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Writes the SHA-256 of `binary` into the `checksum` of every plugin entry of `configFile` whose
 * `localPath` points at it. Only the checksum's characters change: comments, quotes and layout
 * stay as they were. A missing `checksum` key is added under `localPath` with its indentation.
 */
export async function updateChecksum(configFile: string, binary: string, checksum?: string): Promise<ChecksumChange[]> {
  const hash = checksum ?? (await sha256File(binary));
  const text = fs.readFileSync(configFile, 'utf8');
  const { documents } = readYaml(text, { version: '1.2' });
  const plugins = findProperty(documents[0]?.root, 'plugins')?.value;
  if (plugins?.type !== 'array') return [];
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const changes: ChecksumChange[] = [];
  const target = path.resolve(binary);
  for (const entry of plugins.items) {
    const localPath = findProperty(entry, 'localPath');
    const value = stringValue(localPath?.value);
    if (!localPath || !value || path.resolve(path.dirname(configFile), value) !== target) continue;
    const name = stringValue(findProperty(entry, 'name')?.value) ?? '(unnamed)';
    const existing = findProperty(entry, 'checksum');
    if (existing && existing.value.type === 'scalar' && existing.value.end > existing.value.start) {
      const raw = text.slice(existing.value.start, existing.value.end);
      const quote = raw.startsWith('"') || raw.startsWith("'") ? raw[0] : '';
      if (stringValue(existing.value) === hash) continue;
      edits.push({ start: existing.value.start, end: existing.value.end, text: `${quote}${hash}${quote}` });
      changes.push({ file: configFile, plugin: name, before: stringValue(existing.value), after: hash });
    } else if (existing) {
      edits.push({ start: existing.keyEnd, end: existing.value.end, text: `: ${hash}` });
      changes.push({ file: configFile, plugin: name, after: hash });
    } else {
      const lineStart = text.lastIndexOf('\n', localPath.keyStart - 1) + 1;
      const indent = ' '.repeat(localPath.keyStart - lineStart);
      const lineEnd = text.indexOf('\n', localPath.value.end);
      const at = lineEnd === -1 ? text.length : lineEnd;
      edits.push({ start: at, end: at, text: `\n${indent}checksum: ${hash}` });
      changes.push({ file: configFile, plugin: name, after: hash });
    }
  }
  if (!edits.length) return changes;
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  // Write beside and rename: an interrupted write never leaves half a config.
  const temporary = `${configFile}.pw-${process.pid}`;
  fs.writeFileSync(temporary, result);
  fs.renameSync(temporary, configFile);
  return changes;
}
