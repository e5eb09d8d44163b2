import { readGoMod, type GoModFile, type GoModLine, type GoModToken } from '../../../core';
import type { RuleContext } from '../../rule';
import { targetRelease, TARGET_TABLES, type TargetRelease } from '../../targets';
import type { EditorCompletion, EditorHover, ProjectEditor } from '../../types';
import { CONTRACT_MODULE } from './go-module';

// Hover and completion in a plugin's go.mod: the `go` line, the `toolchain` line and the
// contract/v2 requirement against the target eKuiper release (the same row the rule checks).

type Topic = 'go' | 'toolchain' | 'contract';

/** The line's first token: the verb, or inside a `require ( … )` block its module path. */
const firstToken = (line: GoModLine): GoModToken | undefined => (line.inBlock ? line.args[0] : line.verbToken);

/** The directive or requirement a go.mod line is, if it is one this editor knows. */
function topicOf(line: GoModLine): Topic | undefined {
  if (!line.inBlock && (line.verb === 'go' || line.verb === 'toolchain')) return line.verb;
  if (line.verb === 'require' && line.args[0]?.text === CONTRACT_MODULE) return 'contract';
  return undefined;
}

/** The value a line of this topic carries (the version token), and what the target wants there. */
function valueOf(line: GoModLine, topic: Topic): GoModToken | undefined {
  return topic === 'contract' ? line.args[1] : line.args[0];
}

function wanted(topic: Topic, release: TargetRelease): string {
  if (topic === 'go') return release.go;
  if (topic === 'toolchain') return `go${release.go}`;
  return release.contract;
}

export function targetOf(context: RuleContext) {
  return targetRelease('ekuiper', context.targets?.ekuiper)!;
}

/** Where the target comes from, for the hover's first line. */
export function targetNote(context: RuleContext): string {
  const target = targetOf(context);
  const table = TARGET_TABLES.ekuiper;
  const chosen = target.unknown
    ? `the setting names "${target.unknown}", which is no verified release, so the default ${table.default} is used`
    : context.targets?.ekuiper
      ? 'chosen by `pluginWorkbench.ekuiper.targetVersion`'
      : `the default; set \`pluginWorkbench.ekuiper.targetVersion\` for another release`;
  return `Target: eKuiper **${target.release.version}** (${chosen}).`;
}

const WHY: Record<Topic, string> = {
  go: 'A native plugin must be built with the Go version of the eKuiper server it loads into: Go\'s `plugin.Open` refuses a `.so` built with another toolchain ("plugin was built with a different version of package …").',
  toolchain: 'The toolchain line selects the Go that builds the plugin: it must be the Go of the eKuiper server.',
  contract: `\`${CONTRACT_MODULE}\` must be exactly the version the eKuiper server is built with, or the server refuses to load the plugin.`,
};

const LABEL: Record<Topic, string> = {
  go: '`go` directive',
  toolchain: '`toolchain` directive',
  contract: `\`${CONTRACT_MODULE}\``,
};

function hoverText(context: RuleContext, mod: GoModFile, line: GoModLine, topic: Topic): string {
  const { release } = targetOf(context);
  const value = valueOf(line, topic)?.text;
  const expected = wanted(topic, release);
  const replaced =
    topic === 'contract' && mod.lines.some((l) => l.verb === 'replace' && l.args[0]?.text === CONTRACT_MODULE);
  const verdict = replaced
    ? 'A `replace` of the contract points at a local checkout: the version here is not checked.'
    : value === expected
      ? `This line matches: \`${value}\`.`
      : value
        ? `This line does **not** match: it says \`${value}\`, the target needs \`${expected}\`.`
        : `The target needs \`${expected}\`.`;
  return [
    `**${LABEL[topic]}** (eKuiper native plugin)`,
    WHY[topic],
    `${targetNote(context)} eKuiper ${release.version} is built with go ${release.go} and contract/v2 ${release.contract} (${release.source}).`,
    verdict,
  ].join('\n\n');
}

/** The known line whose tokens hold `offset` (never a comment: the reader drops `//` text). */
function tokenLineAt(mod: GoModFile, offset: number): { line: GoModLine; topic: Topic } | undefined {
  for (const line of mod.lines) {
    const topic = topicOf(line);
    if (!topic) continue;
    // `go 1.21` is the directive's line; a requirement is its module path and version (not `require`).
    const tokens = topic === 'contract' ? line.args.slice(0, 2) : [line.verbToken, ...line.args];
    if (tokens.some((t) => offset >= t.start && offset < t.end)) return { line, topic };
  }
  return undefined;
}

export function goModHover(context: RuleContext, offset: number): EditorHover | undefined {
  const mod = readGoMod(context.text);
  const found = tokenLineAt(mod, offset);
  if (!found) return undefined;
  const { line, topic } = found;
  const start = topic === 'contract' ? line.args[0].start : line.verbToken.start;
  const end = (valueOf(line, topic) ?? (topic === 'contract' ? line.args[0] : line.verbToken)).end;
  return { start, end, markdown: hoverText(context, mod, line, topic) };
}

/**
 * After `go `, `toolchain ` or the contract's module path: the target's value first, then the
 * values of the other verified releases (newest first), each naming its releases.
 */
export function goModCompletion(context: RuleContext, offset: number): EditorCompletion | undefined {
  const text = context.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  const comment = text.slice(lineStart, lineEnd).indexOf('//');
  if (comment >= 0 && offset > lineStart + comment) return undefined;
  const mod = readGoMod(text);
  const line = mod.lines.find((l) => {
    const first = firstToken(l);
    return !!first && first.start >= lineStart && first.start <= lineEnd;
  });
  const topic = line && topicOf(line);
  if (!line || !topic) return undefined;
  // The cursor after the token before the value, on the value (or where it goes).
  const before = topic === 'contract' ? line.args[0] : line.verbToken;
  if (offset <= before.end) return undefined;
  const value = valueOf(line, topic);
  const extra = line.args.slice(topic === 'contract' ? 2 : 1);
  if (value && (offset < value.start || offset > value.end)) return undefined;
  if (!value && extra.length) return undefined;
  const { release } = targetOf(context);
  // Consecutive releases (newest first) with the same value form one run: go 1.24.1 is v2.3.x and v2.2.0.
  const byValue = new Map<string, string[][]>();
  let previous: string | undefined;
  for (const row of TARGET_TABLES.ekuiper.releases) {
    const v = wanted(topic, row);
    const runs = byValue.get(v) ?? [];
    if (v !== previous || !runs.length) runs.push([]);
    runs[runs.length - 1].push(row.version);
    byValue.set(v, runs);
    previous = v;
  }
  const first = wanted(topic, release);
  const ordered = [first, ...[...byValue.keys()].filter((v) => v !== first)];
  return {
    start: value?.start ?? offset,
    end: value?.end ?? offset,
    items: ordered.map((v) => ({
      label: v,
      detail: `${v === first ? 'target · ' : ''}eKuiper ${byValue.get(v)!.map(span).join(', ')}`,
      documentation: v === first ? `${targetNote(context)} ${WHY[topic]}` : undefined,
    })),
  };
}

/** `v2.4.0` or `v2.2.1–v2.2.5` (the table lists releases newest first). */
function span(versions: string[]): string {
  return versions.length === 1 ? versions[0] : `${versions[versions.length - 1]}–${versions[0]}`;
}

export const goModEditor: ProjectEditor = {
  kinds: ['ekuiper-go-module'],
  hover: goModHover,
  complete: goModCompletion,
};
