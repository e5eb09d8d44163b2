import * as path from 'node:path';
import {
  findProperty,
  goModModule,
  readYaml,
  type EngineDiagnostic,
  type FileAccess,
  type ValueNode,
} from '../../../core';
import type { Rule, RuleContext } from '../../rule';
import {
  expandMake,
  logicalLines,
  makeVariables,
  shellCommands,
  stripComment,
  type LogicalLine,
  type Word,
} from '../../shared/shell-words';

// What `gatewayd plugin install github.com/<owner>/<repo>@<version>` needs from a release
// (gatewayd cmd/plugin_install.go): a tag starting with "v" (other versions find no release), an
// asset whose name holds GOOS, GOARCH and .tar.gz (.zip on Windows), a `checksums.txt` asset
// whose line for that asset starts with its SHA-256 (sha256sum's format), and an extracted file
// whose name contains the repository name (the plugin binary).

/** The repository name of a GatewayD plugin project: go.mod's module, else gatewayd_plugin.yaml's url or name. */
export function pluginRepoName(root: string, files: FileAccess): string | undefined {
  const module = goModModule(files.readText(path.join(root, 'go.mod')) ?? '');
  if (module) return module.split('/').pop();
  const yaml = files.readText(path.join(root, 'gatewayd_plugin.yaml'));
  const url = yaml && /^\s*url:\s*["']?github\.com\/[^/\s]+\/([^@\s"']+)/m.exec(yaml);
  if (url) return url[1];
  const name = yaml && /^\s*-?\s*name:\s*["']?([A-Za-z0-9_.-]+)/m.exec(yaml);
  return name ? name[1] : undefined;
}

/** Words before a command that are not the command (`do go build ...`, `then tar ...`). */
const SHELL_KEYWORDS = new Set([
  'do',
  'then',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  '{',
  '}',
  'time',
  'exec',
  'done',
  'fi',
]);
const OTHER_SUMS = /^(md5sum|sha1sum|sha224sum|sha384sum|sha512sum|b2sum|cksum|md5)$/;
const RELEASE_TARGET = /release|dist|publish|package|archive/i;

/** A token a publishing rule is about (for the hover), whether or not it breaks the rule. */
export interface ReleaseSite {
  start: number;
  end: number;
  topic: 'asset' | 'checksum' | 'checksums-file' | 'binary' | 'tag';
  /** The text as the host sees it: make and shell variables expanded. */
  shown: string;
}

const siteOf = (word: { start: number; end: number }, topic: ReleaseSite['topic'], shown: string): ReleaseSite => ({
  start: word.start,
  end: word.end,
  topic,
  shown,
});

interface Finding {
  word: Word;
  severity: EngineDiagnostic['severity'];
  code: string;
  message: string;
  replacement?: string;
}

/** Checks the simple commands of one release script (a recipe or a workflow `run:`). */
function checkCommands(
  commands: Word[][],
  expand: (text: string) => string,
  repo: string | undefined,
  sites: ReleaseSite[] = [],
): { findings: Finding[]; checksumFiles: Word[]; wroteChecksums: boolean } {
  const findings: Finding[] = [];
  const checksumFiles: Word[] = [];
  let wroteChecksums = false;
  // `archive=$(NAME)-$$os-...; tar czf $$archive.tar.gz`: shell variables set in the script.
  const shellVars = new Map<string, string>();
  // A value made by a parameter expansion or command substitution (`os=$${platform%/*}`) is not known
  // text: the variable stays a variable (its `/` must not split the asset's file name).
  const opaque = (value: string) => /\$\{[^}]*[^A-Za-z0-9_}][^}]*\}|\$\(|`/.test(value);
  const expandShell = (text: string) =>
    expand(text).replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (all, name) => {
      const value = shellVars.get(name);
      return value === undefined || opaque(value) ? all : value;
    });
  for (const words of commands) {
    if (words.length && words.every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text))) {
      for (const w of words)
        shellVars.set(w.text.slice(0, w.text.indexOf('=')), expand(w.text.slice(w.text.indexOf('=') + 1)));
      continue;
    }
    // Skip leading VAR=value assignments (GOOS=linux go build ...).
    let i = 0;
    while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].text) || SHELL_KEYWORDS.has(words[i].text)))
      i++;
    const program = words[i];
    if (!program) continue;
    const name = path.posix.basename(expand(program.text));
    const args = words.slice(i + 1);
    const redirect = args.findIndex((w) => w.text === '>' || w.text === '>>');
    const redirected = redirect >= 0 ? args[redirect + 1] : undefined;
    if (/checksums\.txt/.test(expand(words.map((w) => w.text).join(' '))))
      wroteChecksums ||= !!redirected && path.posix.basename(expand(redirected.text)) === 'checksums.txt';
    if (OTHER_SUMS.test(name) || name === 'sha256sum' || name === 'shasum')
      sites.push(siteOf(program, 'checksum', name));
    if (redirected && (OTHER_SUMS.test(name) || name === 'sha256sum' || name === 'shasum'))
      sites.push(siteOf(redirected, 'checksums-file', path.posix.basename(expand(redirected.text))));
    if (
      OTHER_SUMS.test(name) ||
      (name === 'shasum' &&
        !args.some((a, k) => (a.text === '-a' && args[k + 1]?.text === '256') || a.text === '-a256'))
    ) {
      findings.push({
        word: program,
        severity: 'error',
        code: 'gatewayd.release-checksum',
        message: `gatewayd plugin install compares the SHA-256 of the downloaded asset with its line in checksums.txt; ${name} writes another digest, so verification fails. Use sha256sum.`,
        replacement: 'sha256sum',
      });
      if (redirected) checksumFiles.push(redirected);
    } else if (name === 'sha256sum' && redirected) {
      checksumFiles.push(redirected);
    }
    if (name === 'go' && args[0]?.text === 'build') {
      const o = args.findIndex((w) => w.text === '-o');
      const out = o >= 0 ? args[o + 1] : undefined;
      const shown = out ? path.posix.basename(expand(out.text)) : '';
      if (out) sites.push(siteOf(out, 'binary', shown));
      // Judged only when the name is known text after expanding make variables.
      if (out && repo && !/\{|\$/.test(shown) && !shown.replace(/\.exe$/, '').includes(repo)) {
        findings.push({
          word: out,
          severity: 'error',
          code: 'gatewayd.release-binary',
          message: `The plugin binary must be named as the repository ("${repo}"): gatewayd plugin install takes the extracted file whose name contains "${repo}" as the plugin; "${shown}" is not found.`,
          replacement: out.text.replace(/[^/]+$/, repo),
        });
      }
    }
    const archive = archiveOf(name, args);
    if (archive) {
      sites.push(siteOf(archive, 'asset', path.posix.basename(expandShell(archive.text))));
      findings.push(...checkAssetName(archive, expandShell, repo));
    }
  }
  return { findings, checksumFiles, wroteChecksums };
}

/** The archive a tar/zip command writes. */
function archiveOf(program: string, args: Word[]): Word | undefined {
  if (program === 'tar') {
    const flag = args.findIndex(
      (w) => /^-?[a-zA-Z]*c[a-zA-Z]*f$/.test(w.text) || w.text === '-f' || w.text === '--file',
    );
    if (flag >= 0) return args[flag + 1];
    return args.find((w) => w.text.startsWith('--file='));
  }
  if (program === 'zip') return args.find((w) => !w.text.startsWith('-'));
  return undefined;
}

const GOOS = /^(linux|darwin|windows|freebsd|openbsd|netbsd)$/;
const GOARCH = /^(amd64|arm64|386|arm|ppc64le|s390x|riscv64)$/;

function checkAssetName(archive: Word, expand: (text: string) => string, repo: string | undefined): Finding[] {
  const written = archive.text;
  const base = path.posix.basename(expand(written));
  const findings: Finding[] = [];
  // `$os_$arch` in sh is the variable "os_" then "arch": the OS silently disappears.
  const glued = /\$([A-Za-z_][A-Za-z0-9]*_[A-Za-z0-9_]*)/.exec(base);
  const ext = /\.tar\.gz$/.test(base)
    ? '.tar.gz'
    : /\.zip$/.test(base)
      ? '.zip'
      : /\.tgz$/.test(base)
        ? '.tgz'
        : undefined;
  const stem = ext ? base.slice(0, -ext.length) : base;
  const parts = stem.split('-');
  const isVar = (p: string | undefined) => !!p && /^(\{[^}]+\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)$/.test(p);
  const wellFormed =
    !glued &&
    (ext === '.tar.gz' || ext === '.zip') &&
    parts.length >= 4 &&
    (isVar(parts[parts.length - 3]) || GOOS.test(parts[parts.length - 3])) &&
    (isVar(parts[parts.length - 2]) || GOARCH.test(parts[parts.length - 2])) &&
    (isVar(parts[parts.length - 1]) || /^v\d+\.\d+\.\d+/.test(parts[parts.length - 1])) &&
    (!repo || parts.slice(0, -3).join('-') === repo || isVar(parts.slice(0, -3).join('-')));
  if (wellFormed) return findings;
  const osVar = /\$\$?\{?(os|goos|GOOS)(?![A-Za-z0-9])\}?/.exec(written)?.[0];
  const archVar = /\$\$?\{?(arch|goarch|GOARCH)(?![A-Za-z0-9])\}?/.exec(written)?.[0];
  const dir = written.includes('/') ? written.slice(0, written.lastIndexOf('/') + 1) : '';
  const name =
    /^\$\((\w+)\)/.exec(path.posix.basename(written))?.[0] &&
    expand(/^\$\((\w+)\)/.exec(path.posix.basename(written))![0]) === repo
      ? /^\$\((\w+)\)/.exec(path.posix.basename(written))![0]
      : (repo ?? '<name>');
  // A fix only where the recipe already has its OS and architecture variables to name the asset with.
  const replacement = osVar && archVar ? `${dir}${name}-${osVar}-${archVar}-$(VERSION).tar.gz` : undefined;
  const refused = !!glued || !ext || ext === '.tgz';
  findings.push({
    word: archive,
    severity: refused ? 'error' : 'warning',
    code: 'gatewayd.release-asset-name',
    message: glued
      ? `In the shell, "$${glued[1]}" is one variable (not $${glued[1].split('_')[0]} followed by "_"): the asset name loses its OS or architecture and gatewayd plugin install, which looks for an asset naming GOOS, GOARCH and .tar.gz, finds none. Name assets <name>-<GOOS>-<GOARCH>-<version>.tar.gz.`
      : !ext || ext === '.tgz'
        ? `gatewayd plugin install looks for an asset whose name holds GOOS, GOARCH and ".tar.gz" (".zip" on Windows); "${base}" is none. Name assets <name>-<GOOS>-<GOARCH>-<version>.tar.gz.`
        : `Release assets are named <name>-<GOOS>-<GOARCH>-<version>.tar.gz (${repo ? `"${repo}-linux-amd64-v1.0.0.tar.gz"` : 'the repository name first'}); "${base}" is not.`,
    replacement,
  });
  return findings;
}

function toDiagnostic(f: Finding): EngineDiagnostic {
  return {
    start: f.word.start,
    end: f.word.end,
    severity: f.severity,
    code: f.code,
    message: f.message,
    data: f.replacement ? { replace: f.replacement } : undefined,
  };
}

function checksumsName(files: Word[], wrote: boolean, expand: (t: string) => string): EngineDiagnostic[] {
  if (wrote || !files.length) return [];
  const last = files[files.length - 1];
  const base = path.posix.basename(expand(last.text));
  if (/checksums\.txt$/.test(base)) return [];
  return [
    {
      start: last.start,
      end: last.end,
      severity: 'error',
      code: 'gatewayd.release-checksums-file',
      message: `gatewayd plugin install downloads the release asset named checksums.txt (one "<sha256>  <asset>" line per archive); this release writes "${base}" and no checksums.txt, so the install stops with "The checksum file could not be found".`,
      data: { replace: last.text.replace(/[^/]+$/, 'checksums.txt') },
    },
  ];
}

function checkMakefile(text: string, repo: string | undefined, sites?: ReleaseSite[]): EngineDiagnostic[] {
  const lines = logicalLines(text);
  const vars = makeVariables(lines);
  const expand = (t: string) => expandMake(t, vars);
  const diagnostics: EngineDiagnostic[] = [];
  let target: string | undefined;
  const recipes = new Map<string, LogicalLine[]>();
  for (const line of lines) {
    if (line.text.startsWith('\t')) {
      if (target) recipes.get(target)!.push(line);
      continue;
    }
    const rule = /^([^\s:=#][^:=#]*?)\s*::?(?!=)/.exec(stripComment(line.text));
    if (rule && !/^\s*(export|override|define|ifeq|ifneq|ifdef|ifndef|include)\b/.test(line.text)) {
      target = rule[1].trim().split(/\s+/)[0];
      if (!recipes.has(target)) recipes.set(target, []);
    } else if (line.text.trim() && !/^\s*#/.test(line.text)) target = undefined;
  }
  for (const [name, recipe] of recipes) {
    const commands = recipe.flatMap((line) => shellCommands(line, /^\t[@+-]*/.exec(line.text)![0].length));
    const archives = commands.some((c) => c.some((w) => w.text === 'tar' || w.text === 'zip'));
    if (!RELEASE_TARGET.test(name) && !archives) continue;
    const result = checkCommands(commands, expand, repo, sites);
    diagnostics.push(
      ...result.findings.map(toDiagnostic),
      ...checksumsName(result.checksumFiles, result.wroteChecksums, expand),
    );
  }
  return diagnostics;
}

function scalarText(node: ValueNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function checkWorkflow(text: string, repo: string | undefined, sites?: ReleaseSite[]): EngineDiagnostic[] {
  const doc = readYaml(text, { version: '1.2' }).documents[0];
  const root = doc?.root;
  if (!root) return [];
  const diagnostics: EngineDiagnostic[] = [];
  // YAML 1.1 readers (GitHub's) take `on` as a key; our 1.2 reader too.
  const on = findProperty(root, 'on')?.value ?? findProperty(root, 'true')?.value;
  const tags = findProperty(findProperty(on, 'push')?.value, 'tags')?.value;
  const patterns = tags?.type === 'array' ? tags.items : tags ? [tags] : [];
  for (const pattern of patterns) {
    const value = scalarText(pattern);
    if (value !== undefined) sites?.push(siteOf(pattern, 'tag', value));
    if (value === undefined || /^['"]?v/.test(value) || value === '*' || value === '**') continue;
    diagnostics.push({
      start: pattern.start,
      end: pattern.end,
      severity: 'error',
      code: 'gatewayd.release-tag',
      message: `Releases are tagged vX.Y.Z: gatewayd plugin install github.com/<owner>/<repo>@<version> looks a release up only for versions starting with "v", and plugin URLs pin @vX.Y.Z. A tag matching "${value}" cannot be installed by version.`,
      data: { replace: 'v*' },
    });
  }
  // Every `run:` script of the workflow's steps is a release script.
  const jobs = findProperty(root, 'jobs')?.value;
  for (const job of jobs?.type === 'object' ? jobs.properties : []) {
    const steps = findProperty(job.value, 'steps')?.value;
    for (const step of steps?.type === 'array' ? steps.items : []) {
      const run = findProperty(step, 'run')?.value;
      if (run?.type !== 'scalar' || typeof run.value !== 'string') continue;
      diagnostics.push(...checkScript(text, run, repo, sites));
    }
  }
  return diagnostics;
}

/** A `run:` value as shell lines with their offsets in the file (block scalars line by line). */
function checkScript(
  text: string,
  run: ValueNode,
  repo: string | undefined,
  sites?: ReleaseSite[],
): EngineDiagnostic[] {
  const raw = text.slice(run.start, run.end);
  const lines = logicalLines(raw).map((l) => ({
    ...l,
    offsets: l.offsets.map((o) => o + run.start),
    start: l.start + run.start,
  }));
  const body = /^[|>]/.test(raw) ? lines.slice(1) : lines;
  const commands = body.flatMap((line) => shellCommands(line));
  const expand = (t: string) => t.replace(/\$\{\{[^}]*\}\}/g, '{expr}');
  const result = checkCommands(commands, expand, repo, sites);
  return [...result.findings.map(toDiagnostic), ...checksumsName(result.checksumFiles, result.wroteChecksums, expand)];
}

function checkGoreleaser(text: string, repo: string | undefined, sites?: ReleaseSite[]): EngineDiagnostic[] {
  const root = readYaml(text, { version: '1.2' }).documents[0]?.root;
  const diagnostics: EngineDiagnostic[] = [];
  const checksum = findProperty(root, 'checksum')?.value;
  const algorithm = findProperty(checksum, 'algorithm')?.value;
  if (algorithm && scalarText(algorithm)) sites?.push(siteOf(algorithm, 'checksum', scalarText(algorithm)!));
  if (algorithm && scalarText(algorithm) && scalarText(algorithm) !== 'sha256') {
    diagnostics.push({
      start: algorithm.start,
      end: algorithm.end,
      severity: 'error',
      code: 'gatewayd.release-checksum',
      message: `gatewayd plugin install verifies assets with SHA-256; checksum.algorithm ${scalarText(algorithm)} makes verification fail. Use sha256 (GoReleaser's default).`,
      data: { replace: 'sha256' },
    });
  }
  const template = findProperty(checksum, 'name_template')?.value;
  if (template && scalarText(template)) sites?.push(siteOf(template, 'checksums-file', scalarText(template)!));
  if (template && scalarText(template) && !/checksums\.txt/.test(scalarText(template)!)) {
    diagnostics.push({
      start: template.start,
      end: template.end,
      severity: 'error',
      code: 'gatewayd.release-checksums-file',
      message: `gatewayd plugin install downloads the asset whose name contains "checksums.txt"; "${scalarText(template)}" is not found.`,
      data: { replace: 'checksums.txt' },
    });
  }
  const builds = findProperty(root, 'builds')?.value;
  for (const build of builds?.type === 'array' ? builds.items : []) {
    const binary = findProperty(build, 'binary')?.value;
    const value = scalarText(binary);
    if (binary && value) sites?.push(siteOf(binary, 'binary', value));
    if (binary && value && repo && !value.includes(repo) && !value.includes('{{')) {
      diagnostics.push({
        start: binary.start,
        end: binary.end,
        severity: 'error',
        code: 'gatewayd.release-binary',
        message: `The plugin binary must be named as the repository ("${repo}"): gatewayd plugin install takes the extracted file whose name contains it; "${value}" is not found.`,
        data: { replace: repo },
      });
    }
  }
  return diagnostics;
}

/** Reads a release file as the rule does: its findings, the tokens the rules are about, the repository name. */
export function readRelease(context: Pick<RuleContext, 'path' | 'text' | 'files'>): {
  diagnostics: EngineDiagnostic[];
  sites: ReleaseSite[];
  repo: string | undefined;
} {
  const slash = context.path.split(path.sep).join('/');
  const inWorkflows = /\/\.github\/workflows\/[^/]+$/.test(slash);
  const root = inWorkflows ? path.dirname(path.dirname(path.dirname(context.path))) : path.dirname(context.path);
  const repo = pluginRepoName(root, context.files);
  const sites: ReleaseSite[] = [];
  const diagnostics = inWorkflows
    ? checkWorkflow(context.text, repo, sites)
    : /\.goreleaser\.ya?ml$/.test(slash)
      ? checkGoreleaser(context.text, repo, sites)
      : checkMakefile(context.text, repo, sites);
  return { diagnostics, sites, repo };
}

export const gatewaydRelease: Rule = {
  id: 'gatewayd.release-*',
  kinds: ['gatewayd-release'],
  check: (context) => readRelease(context).diagnostics,
};
