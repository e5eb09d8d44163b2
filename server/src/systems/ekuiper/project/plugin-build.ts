import type { EngineDiagnostic } from '../../../core';
import type { Rule } from '../../rule';
import { expandMake, logicalLines, makeVariables, shellCommands, type Word } from '../../shared/shell-words';

// eKuiper's plugin guides build every native plugin with `go build -trimpath --buildmode=plugin`
// (docs/en_US/extension/native/develop/overview.md), and its release kuiperd is built with
// -trimpath (Makefile `build_prepare`/`build_with_edgex`). kuiperd opens the .so with Go's
// plugin.Open (internal/plugin/native/manager.go): a file that is no plugin does not open, and a
// plugin whose packages were built without -trimpath differs from the server's ("plugin was built
// with a different version of package ..."). Both are refused at load time.

const BUILDMODE = /^--?buildmode=plugin$/;

function flagsOf(words: Word[], expand: (t: string) => string) {
  const texts = words.map((w) => expand(w.text));
  const buildmode = texts.some((t, i) => BUILDMODE.test(t) || (/^--?buildmode$/.test(t) && texts[i + 1] === 'plugin'));
  const trimpath = texts.some((t) => /(^|[\s=])--?trimpath(=true)?$/.test(t) || /GOFLAGS=.*-trimpath/.test(t));
  const out = texts.findIndex((t) => t === '-o' || t === '--o');
  const output = out >= 0 ? texts[out + 1] : texts.find((t) => /^--?o=/.test(t))?.replace(/^--?o=/, '');
  return { buildmode, trimpath, output };
}

/** A plugin `go build` of a build file: its `go` and `build` words and the flags it lacks. */
export interface PluginBuild {
  go: Word;
  build: Word;
  buildmode: boolean;
  missing: string[];
}

/** Every plugin `go build` (it asks for a plugin, or writes a .so) of a Makefile's recipes or a script. */
export function pluginBuilds(text: string, makefile: boolean): PluginBuild[] {
  const lines = logicalLines(text);
  const vars = makefile ? makeVariables(lines) : new Map<string, string>();
  const expand = (t: string) => (makefile ? expandMake(t, vars) : t);
  const builds: PluginBuild[] = [];
  for (const line of lines) {
    // In a Makefile only recipe lines run commands; a script runs every line.
    if (makefile && !line.text.startsWith('\t')) continue;
    if (!makefile && /^\s*#/.test(line.text)) continue;
    const from = makefile ? /^\t[@+-]*/.exec(line.text)![0].length : 0;
    for (const words of shellCommands(line, from)) {
      const go = words.findIndex((w, i) => /(^|\/)go$/.test(expand(w.text)) && words[i + 1]?.text === 'build');
      if (go < 0) continue;
      const { buildmode, trimpath, output } = flagsOf(words, expand);
      // A plugin build: it asks for a plugin, or writes a .so.
      if (!buildmode && !(output && /\.so$/.test(output))) continue;
      const missing = [...(trimpath ? [] : ['-trimpath']), ...(buildmode ? [] : ['--buildmode=plugin'])];
      builds.push({ go: words[go], build: words[go + 1], buildmode, missing });
    }
  }
  return builds;
}

export function checkPluginBuilds(text: string, makefile: boolean): EngineDiagnostic[] {
  const diagnostics: EngineDiagnostic[] = [];
  for (const { go: goWord, build, buildmode, missing } of pluginBuilds(text, makefile)) {
    if (!missing.length) continue;
    diagnostics.push({
      start: goWord.start,
      end: build.end,
      severity: 'error',
      code: 'ekuiper.plugin-build-flags',
      message: `eKuiper builds native plugins with go build -trimpath --buildmode=plugin; this build lacks ${missing.join(' and ')}. ${
        buildmode
          ? 'kuiperd is built with -trimpath, and Go refuses a plugin whose packages were built otherwise ("plugin was built with a different version of package ...").'
          : 'Without it go build writes no plugin, and kuiperd cannot open the .so (plugin.Open).'
      }`,
      data: { replace: `${goWord.text} build ${missing.join(' ')}` },
    });
  }
  return diagnostics;
}

export const ekuiperPluginBuild: Rule = {
  id: 'ekuiper.plugin-build-flags',
  kinds: ['ekuiper-plugin-build'],
  check: (context) => checkPluginBuilds(context.text, !/\.sh$/.test(context.path)),
};
