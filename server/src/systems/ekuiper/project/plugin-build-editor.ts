import type { RuleContext } from '../../rule';
import type { EditorHover, ProjectEditor } from '../../types';
import { targetNote, targetOf } from './go-module-editor';
import { pluginBuilds } from './plugin-build';

/** The hover on the `go build` of a native plugin build: the flags and the Go of the target release. */
export function pluginBuildHover(context: RuleContext, offset: number): EditorHover | undefined {
  const build = pluginBuilds(context.text, !/\.sh$/.test(context.path)).find(
    (b) => offset >= b.go.start && offset < b.build.end,
  );
  if (!build) return undefined;
  const { release } = targetOf(context);
  return {
    start: build.go.start,
    end: build.build.end,
    markdown: [
      '**Native plugin build** (eKuiper)',
      "eKuiper builds native plugins with `go build -trimpath --buildmode=plugin`: kuiperd opens the `.so` with Go's `plugin.Open`, and release kuiperd is built with `-trimpath`.",
      `${targetNote(context)} Build with go ${release.go} and contract/v2 ${release.contract}, as eKuiper ${release.version} is.`,
      build.missing.length
        ? `This build lacks ${build.missing.map((f) => `\`${f}\``).join(' and ')}.`
        : 'This build has both flags.',
    ].join('\n\n'),
  };
}

export const pluginBuildEditor: ProjectEditor = { kinds: ['ekuiper-plugin-build'], hover: pluginBuildHover };
