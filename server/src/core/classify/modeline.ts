import type { KindId } from '../kinds';

const MODELINE = /^[ \t]*#[ \t]*plugin-workbench:[ \t]*kind[ \t]*=[ \t]*([a-z0-9-]+)/m;
const SCHEMA_REF = /"\$schema"\s*:\s*"[^"]*?([a-z0-9-]+)\.schema\.json"/;

/**
 * An explicit kind written in the file: `# plugin-workbench: kind=<kind-id>` (YAML, TOML) or a
 * `"$schema"` naming one of our schemas (JSON). Only the first 4 KiB are searched: a modeline
 * belongs at the top.
 */
export function explicitKind(
  text: string,
  isKindId: (id: string) => boolean,
): { kind?: KindId; unknown?: string; offset?: number } {
  const head = text.slice(0, 4096);
  const modeline = MODELINE.exec(head);
  if (modeline) {
    const id = modeline[1];
    const offset = modeline.index + modeline[0].lastIndexOf(id);
    return isKindId(id) ? { kind: id, offset } : { unknown: id, offset };
  }
  // A "$schema" naming somebody else's schema is none of our business: no complaint.
  const schema = SCHEMA_REF.exec(head);
  return schema && isKindId(schema[1]) ? { kind: schema[1], offset: schema.index } : {};
}
