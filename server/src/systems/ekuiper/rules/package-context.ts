import * as path from 'node:path';
import { classify } from '../..';
import { asObject, deriveFrom, findProperty, stringValue, type FileAccess, type ObjectNode } from '../../../core';
import type { RuleContext } from '../../rule';

// Shared by the rules on a portable plugin's manifest: which folder is a plugin package, and
// whether that folder builds its executable. Not a rule itself.

/** Files that build a portable plugin's executable (besides the executable itself). */
const BUILD_INPUTS =
  /^(go\.mod|Makefile|makefile|GNUmakefile|requirements\.txt|pyproject\.toml|setup\.py|setup\.cfg|.+\.go|.+\.py)$/;

/** The manifest's root object, or undefined for an empty or non-object document. */
export function manifestRoot(context: RuleContext): ObjectNode | undefined {
  return asObject(context.documents[0]?.root);
}

/** Whether a JSON file's text is a portable plugin manifest, classified as the engine would. */
export function isPortableManifest(file: string, text: string | undefined): boolean {
  return text !== undefined && classify({ path: file, text }).kind === 'ekuiper-portable-manifest';
}

/** `isPortableManifest` of a file on disk, worked out once per version of the file. */
export function isPortableManifestFile(file: string, files: FileAccess): boolean {
  return deriveFrom(files, file, 'ekuiper.portable-manifest', (text) => isPortableManifest(file, text)) ?? false;
}

/**
 * A portable plugin's folder holds exactly one manifest at its root (eKuiper installs
 * `<name>.json` from the zip's root and everything else beside it). With several manifests side
 * by side (a folder of examples, a test corpus) we cannot tell which files belong to which
 * plugin, so every file-system check of the package stays silent there.
 */
export function isSinglePluginFolder(context: RuleContext): boolean {
  const dir = path.dirname(context.path);
  let manifests = 0;
  for (const name of context.files.list(dir)) {
    if (!name.toLowerCase().endsWith('.json')) continue;
    const file = path.join(dir, name);
    const manifest =
      file === context.path || (context.files.isFile(file) && isPortableManifestFile(file, context.files));
    if (manifest && ++manifests > 1) return false;
  }
  return true;
}

/**
 * Whether the manifest's folder holds what builds the executable (a Go module, a Makefile, Python
 * sources or packaging files): then a missing executable may just not be built yet.
 * `executable` (as written in the manifest) is not counted: a Python plugin's script is its own input.
 */
export function hasBuildInputs(context: RuleContext, executable: string): boolean {
  const dir = path.dirname(context.path);
  const self = path.normalize(executable);
  return context.files
    .list(dir)
    .some((name) => name !== self && BUILD_INPUTS.test(name) && context.files.isFile(path.join(dir, name)));
}

/** The `executable` property when it is a non-empty relative path, with its value. */
export function executableOf(
  root: ObjectNode,
): { value: NonNullable<ReturnType<typeof findProperty>>['value']; file: string } | undefined {
  const property = findProperty(root, 'executable');
  const file = stringValue(property?.value)?.trim();
  if (!property || !file || path.isAbsolute(file) || path.win32.isAbsolute(file)) return undefined;
  return { value: property.value, file };
}
