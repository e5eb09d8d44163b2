import { parseSource } from '../../../core';
import type { RuleContext } from '../../rule';
import type { EditorHover, ProjectEditor } from '../../types';
import { KEBAB, pythonLoadName, rustLoadName, toKebab } from './plugin-source';

/** The hover on the name load() returns (Rust `Metadata { name: "…" }`, Python `Metadata("…")`). */
export async function loadNameHover(context: RuleContext, offset: number): Promise<EditorHover | undefined> {
  const python = context.path.endsWith('.py');
  const tree = await parseSource(context.text, python ? 'python' : 'rust');
  try {
    const name = python ? pythonLoadName(tree.rootNode) : rustLoadName(tree.rootNode);
    if (!name || offset < name.start || offset >= name.end) return undefined;
    const kebab = KEBAB.test(name.value);
    const installed = kebab ? name.value : toKebab(name.value);
    return {
      start: name.start,
      end: name.end,
      markdown: [
        '**Plugin name** (returned by `load()`)',
        "The plugin's identifier. lgc's identifiers are kebab-case (`^[a-z0-9]+(-[a-z0-9]+)*$`, `ensure_kebab_case`).",
        kebab
          ? `\`${name.value}\` is kebab-case.`
          : `\`${name.value}\` is **not** kebab-case${installed ? `: use \`${installed}\`` : ''}.`,
        installed
          ? `lgc loads the plugin by its file name: install the built module as \`<base_dir>/plugins/${installed}.wasm\` and name it in \`lgc.toml\` services as \`plugin = "${installed}"\`; keep this name the same.`
          : 'lgc loads the plugin by its file name, `<base_dir>/plugins/<name>.wasm`: keep this name the same.',
      ].join('\n\n'),
    };
  } finally {
    tree.delete();
  }
}

export const LOGCRAFT_EDITORS: ProjectEditor[] = [{ kinds: ['logcraft-plugin-source'], hover: loadNameHover }];
