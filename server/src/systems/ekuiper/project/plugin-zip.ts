import * as path from 'node:path';
import { findProperty, readJson, zipMembers, type EngineDiagnostic } from '../../../core';
import { unzipSync, strFromU8 } from 'fflate';
import type { Rule } from '../../rule';

/** The plugin name a zip installs as: its file name without `@version` and `.zip` (as the REST examples name it). */
export function zipPluginName(file: string): string {
  return path
    .basename(file)
    .replace(/\.zip$/i, '')
    .replace(/@.*$/, '');
}

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * eKuiper's native plugin install (internal/plugin/native/manager.go, install) reads the zip's
 * members by their exact names at the root: `<name>.so` or `<Name>.so` (optional `@version`),
 * `<name>.yaml` for a source, `<name>.json`, `install.sh`, and `etc/...`. Anything else goes to a
 * temporary folder and is deleted; without the .so (and the .yaml of a source) it fails with
 * "invalid zip file".
 */
export const ekuiperPluginZip: Rule = {
  id: 'ekuiper.zip-layout',
  kinds: ['ekuiper-plugin-zip'],
  check(context) {
    const at = (severity: EngineDiagnostic['severity'], code: string, message: string): EngineDiagnostic => ({
      start: 0,
      end: 0,
      severity,
      code,
      message,
    });
    const bytes = context.files.readBytes?.(context.path);
    const members = zipMembers(bytes);
    if (!bytes || !members)
      return [
        at('error', 'ekuiper.zip-unreadable', 'This file is not a readable zip archive; eKuiper cannot install it.'),
      ];
    const name = zipPluginName(context.path);
    const files = members.filter((m) => !m.endsWith('/'));
    const root = files.filter((m) => !m.includes('/'));
    const soPattern = new RegExp(`^(${escape(name)}|${escape(upperFirst(name))})(@.*)?\\.so$`);
    const diagnostics: EngineDiagnostic[] = [];
    const nested = files.filter((m) => m.includes('/') && !m.startsWith('etc/'));
    const so = root.find((m) => soPattern.test(m));
    if (!so) {
      const misplaced = files.find((m) => m.endsWith('.so'));
      diagnostics.push(
        at(
          'error',
          'ekuiper.zip-so',
          misplaced
            ? `eKuiper looks for ${name}.so or ${upperFirst(name)}.so at the root of the zip; "${misplaced}" ${misplaced.includes('/') ? 'is inside a folder' : 'has another name'}, so the install fails with "invalid zip file". Zip the files themselves, not their folder (e.g. cd <folder> && zip ../${name}.zip *).`
            : `The zip holds no ${name}.so or ${upperFirst(name)}.so at its root: the install fails with "invalid zip file".`,
        ),
      );
    }
    const json = root.includes(`${name}.json`);
    const yaml = root.includes(`${name}.yaml`);
    const isSource =
      yaml ||
      sourceMetadata(bytes, `${name}.json`) ||
      files.some((m) => m.endsWith(`/${name}.yaml`) || m === `etc/sources/${name}.yaml`);
    if (isSource && !yaml) {
      diagnostics.push(
        at(
          'error',
          'ekuiper.zip-source-yaml',
          `A source plugin's zip must hold ${name}.yaml at its root (its default config); without it the install fails with "invalid zip file".`,
        ),
      );
    }
    if (!json) {
      diagnostics.push(
        at(
          'warning',
          'ekuiper.zip-metadata',
          `The zip has no ${name}.json at its root: the plugin installs, but eKuiper has no metadata for it (UI forms, function list).`,
        ),
      );
    }
    for (const member of nested) {
      diagnostics.push(
        at(
          'warning',
          'ekuiper.zip-nested',
          `"${member}" is inside a folder: eKuiper reads only root members and etc/; it is unpacked to a temporary folder and deleted.`,
        ),
      );
    }
    const stray = root.filter(
      (m) => m !== so && m !== `${name}.json` && m !== `${name}.yaml` && m !== 'install.sh' && m.endsWith('.so'),
    );
    for (const member of stray) {
      diagnostics.push(
        at(
          'warning',
          'ekuiper.zip-so-name',
          `"${member}" does not match the plugin name "${name}" (${name}.so, ${upperFirst(name)}.so or with @version): eKuiper ignores it.`,
        ),
      );
    }
    return diagnostics;
  },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the zip's metadata describe a source (properties as an object)? */
function sourceMetadata(bytes: Uint8Array, member: string): boolean {
  try {
    const found = unzipSync(bytes, { filter: (f) => f.name === member && f.originalSize < 1024 * 1024 });
    const text = found[member] ? strFromU8(found[member]) : undefined;
    const root = text ? readJson(text).documents[0]?.root : undefined;
    return findProperty(root, 'properties')?.value.type === 'object';
  } catch {
    return false;
  }
}
