import * as path from 'node:path';
import { classify } from '../../engine/classify/classify';
import type { RuleContext } from '../rule';

/** Files in a portable plugin's folder that build its executable. */
const BUILD_INPUTS = /^(go\.mod|Makefile|requirements\.txt|pyproject\.toml|setup\.py|setup\.cfg|.*\.go|.*\.py)$/;

/**
 * A portable plugin's folder holds exactly one manifest at its root. With several side by side we
 * cannot tell which files belong to which plugin, so package checks stay silent there.
 */
export function isPluginFolder(context: RuleContext): boolean {
  const dir = path.dirname(context.path);
  let manifests = 0;
  for (const name of context.files.list(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    const text = file === context.path ? context.text : context.files.readText(file);
    if (text !== undefined && classify({ path: file, text }).kind === 'ekuiper-portable-manifest') manifests++;
    if (manifests > 1) return false;
  }
  return true;
}

/** Build inputs in the folder other than `except` (the executable itself may be a script). */
export function hasBuildInputs(context: RuleContext, except?: string): boolean {
  const dir = path.dirname(context.path);
  return context.files.list(dir).some((name) => name !== except && BUILD_INPUTS.test(name) && context.files.isFile(path.join(dir, name)));
}
