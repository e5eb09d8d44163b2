import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { runCli } from '../helpers/cli';
import { makeTree } from '../helpers/engine';

// The judged shape: a plugin project tree broken in one way, `check --format json <folder>`, the
// problem on the right file and line; the mended tree has no error.

interface Reported {
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

function check(
  dir: string,
  extra: string[] = [],
): { status: number | null; files: Map<string, { kind: string; diagnostics: Reported[] }> } {
  const result = runCli(['check', '--format', 'json', ...extra, dir]);
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string; kind: string; diagnostics: Reported[] }> };
  return {
    status: result.status,
    files: new Map(report.files.map((f) => [path.relative(dir, f.path).split(path.sep).join('/'), f])),
  };
}

function expectProblem(
  dir: string,
  file: string,
  kind: string,
  code: string,
  line: number,
  severity = 'error',
  extra: string[] = [],
): Reported {
  const { files } = check(dir, extra);
  const entry = files.get(file);
  assert.ok(entry, `${file} is reported (got ${[...files.keys()].join(', ')})`);
  assert.equal(entry.kind, kind);
  const found = entry.diagnostics.find((d) => d.code === code);
  assert.ok(found, `${file}: expected ${code}, got ${JSON.stringify(entry.diagnostics)}`);
  assert.equal(found.line, line, found.message);
  assert.equal(found.severity, severity);
  return found;
}

function expectNoProblem(dir: string, codes: RegExp, extra: string[] = []): void {
  const { files } = check(dir, extra);
  const problems = [...files.entries()].flatMap(([file, f]) =>
    f.diagnostics
      .filter((d) => d.severity === 'error' || codes.test(d.code))
      .map((d) => `${file}:${d.line} ${d.code} ${d.message}`),
  );
  assert.deepEqual(problems, []);
}

const goMod = (go: string, contract: string) =>
  `module github.com/acme/random\n\ngo ${go} // the toolchain\n\nrequire (\n\tgithub.com/lf-edge/ekuiper/contract/v2 ${contract}\n)\n`;

test('eKuiper go.mod: go line and contract/v2 must be the target release (default v2.4.0: go 1.25.4, v2.3.1)', () => {
  const broken = makeTree({ 'go.mod': goMod('1.21', 'v2.3.1') });
  const found = expectProblem(broken, 'go.mod', 'ekuiper-go-module', 'ekuiper.go-version', 3);
  assert.equal(found.column, 4);
  const contract = makeTree({ 'go.mod': goMod('1.25.4', 'v2.0.0') });
  expectProblem(contract, 'go.mod', 'ekuiper-go-module', 'ekuiper.contract-version', 6);
  expectNoProblem(makeTree({ 'go.mod': goMod('1.25.4', 'v2.3.1') }), /^ekuiper\./);
});

test('eKuiper go.mod: --ekuiper-version and --target choose another verified release; unknown releases are a usage error', () => {
  const tree = makeTree({ 'go.mod': goMod('1.23.4', 'v2.0.0') });
  expectNoProblem(tree, /^ekuiper\./, ['--ekuiper-version', 'v2.1.5']);
  expectNoProblem(tree, /^ekuiper\./, ['--target', 'ekuiper=v2.1.0']);
  expectProblem(tree, 'go.mod', 'ekuiper-go-module', 'ekuiper.contract-version', 6, 'error', [
    '--target',
    'ekuiper=v2.3.0',
  ]);
  const bad = runCli(['check', '--ekuiper-version', 'v9.9.9', tree]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown ekuiper release "v9\.9\.9"/);
});

test('eKuiper go.mod: a go.mod without eKuiper modules, or in a comment only, is not claimed', () => {
  const tree = makeTree({
    'go.mod': 'module x\n\ngo 1.21\n\n// require github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n',
  });
  assert.equal(check(tree).files.size, 0);
});

const rustLib = (name: string) =>
  `use exports::logcraft::lgc::plugin::{Guest, Metadata};\n// fn load() -> Metadata { Metadata { name: "Commented".to_string() } }\nstruct Plugin;\nimpl Guest for Plugin {\n    fn load() -> Metadata {\n        Metadata {\n            name: "${name}".to_string(),\n            version: "0.1.0".to_string(),\n        }\n    }\n}\n`;
const pyMain = (name: string, cls = 'Plugin') =>
  `from wit_world.exports import Plugin as Plugins\nfrom wit_world.exports.plugin import Metadata\n\n# return Metadata("Commented", "1")\nclass ${cls}(Plugins):\n    def load(self) -> Metadata:\n        return Metadata("${name}", "0.1.0")\n`;

test('LogCraft Rust plugin: load() name must be kebab-case (the commented load is not read)', () => {
  const broken = makeTree({ 'Cargo.toml': '[package]\nname = "my-plugin"\n', 'src/lib.rs': rustLib('My_Plugin') });
  const found = expectProblem(broken, 'src/lib.rs', 'logcraft-plugin-source', 'logcraft.plugin-name', 7, 'warning');
  assert.match(found.message, /"my-plugin"/);
  expectNoProblem(
    makeTree({ 'Cargo.toml': '[package]\nname = "my-plugin"\n', 'src/lib.rs': rustLib('my-plugin') }),
    /^logcraft\./,
  );
});

test('LogCraft Python plugin: load() name kebab-case, and the exported class must be Plugin', () => {
  expectProblem(
    makeTree({ 'main.py': pyMain('MyPlugin') }),
    'main.py',
    'logcraft-plugin-source',
    'logcraft.plugin-name',
    7,
    'warning',
  );
  expectProblem(
    makeTree({ 'main.py': pyMain('my-plugin', 'MyPlugin') }),
    'main.py',
    'logcraft-plugin-source',
    'logcraft.plugin-class',
    5,
  );
  expectNoProblem(makeTree({ 'main.py': pyMain('my-plugin') }), /^logcraft\./);
});

const RUN_GO =
  'package run\n\nfunc Run() error {\n\tswitch ctxPlugin.Plugin {\n\tcase "github":\n\t\treturn github.Run()\n\t// case "gitlab":\n\tcase "github_receiver":\n\t\treturn receiver.Run()\n\tdefault:\n\t\treturn fmt.Errorf("plugin not supported")\n\t}\n}\n';
const ankletTree = (runGo: string) =>
  makeTree({
    'internal/run/run.go': runGo,
    'plugins/handlers/github/github.go': 'package github\n',
    'plugins/handlers/github/README.md': '# github\n',
    'plugins/handlers/gitlab/gitlab.go': 'package gitlab\n',
    'plugins/handlers/gitlab/README.md': '# gitlab\n',
    'config.yml': 'global_database_url: localhost:6379\nplugins:\n  - name: RUNNER1\n    plugin: gitlab\n',
  });

test('Anklet: a config naming a plugin folder that run.go does not dispatch is an error on its plugin line', () => {
  const broken = ankletTree(RUN_GO);
  expectProblem(broken, 'config.yml', 'anklet-config', 'anklet.plugin-not-dispatched', 4);
  expectProblem(broken, 'plugins/handlers/gitlab/gitlab.go', 'anklet-plugin-folder', 'anklet.plugin-not-dispatched', 1);
  expectNoProblem(
    ankletTree(RUN_GO.replace('\t// case "gitlab":\n', '\tcase "gitlab":\n\t\treturn gitlab.Run()\n')),
    /^anklet\.plugin/,
  );
});

test('Anklet plugin folder: missing README.md is a warning naming the file', () => {
  const tree = ankletTree(RUN_GO.replace('\t// case "gitlab":\n', '\tcase "gitlab":\n'));
  fs.rmSync(path.join(tree, 'plugins/handlers/gitlab/README.md'));
  const found = expectProblem(
    tree,
    'plugins/handlers/gitlab/gitlab.go',
    'anklet-plugin-folder',
    'anklet.plugin-folder-files',
    1,
    'warning',
  );
  assert.match(found.message, /README\.md/);
});

const GATEWAYD_BROKEN_MAKEFILE = [
  'VERSION ?= $(shell git describe --tags)',
  '',
  'build-release:',
  '\tmkdir -p dist',
  '\t@for os in linux darwin; do for arch in amd64 arm64; do \\',
  '\t\tGOOS=$$os GOARCH=$$arch go build -o dist/guard . ; \\',
  '\t\ttar czf dist/guard_$$os_$$arch.tar.gz -C dist guard; \\',
  '\tdone; done',
  '\tcd dist && md5sum *.tar.gz > sums.md5',
  '',
].join('\n');
const GATEWAYD_MENDED_MAKEFILE = [
  'PLUGIN_NAME := gatewayd-plugin-guard',
  'VERSION ?= $(shell git describe --tags)',
  '',
  '# md5sum is not used here',
  'build-release:',
  '\tmkdir -p dist',
  '\t@for os in linux darwin; do for arch in amd64 arm64; do \\',
  '\t\tGOOS=$$os GOARCH=$$arch go build -o dist/$$os-$$arch/$(PLUGIN_NAME) . ; \\',
  '\t\ttar czf dist/$(PLUGIN_NAME)-$$os-$$arch-$(VERSION).tar.gz -C dist/$$os-$$arch $(PLUGIN_NAME); \\',
  '\tdone; done',
  '\tcd dist && sha256sum *.tar.gz > checksums.txt',
  '',
].join('\n');
// A complete plugin config (as the template writes it), so only the release files differ.
const GATEWAYD_PLUGIN_YAML = [
  'enableMetricsMerger: true',
  'metricsMergerPeriod: 5s',
  'healthCheckPeriod: 5s',
  'reloadOnCrash: true',
  'timeout: 30s',
  'startTimeout: 1m',
  'defaultPolicy: passthrough',
  'policyTimeout: 30s',
  'actionTimeout: 30s',
  'actionRedis:',
  '  enabled: false',
  '  address: localhost:6379',
  '  channel: gatewayd-actions',
  'policies: []',
  'plugins:',
  '  - name: gatewayd-plugin-guard',
  '    enabled: true',
  '    url: github.com/example-org/gatewayd-plugin-guard@latest',
  '    localPath: ../gatewayd-plugin-guard/gatewayd-plugin-guard',
  '    args: ["--log-level", "info"]',
  '    env:',
  '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
  '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872',
  '      - METRICS_ENABLED=true',
  '      - METRICS_UNIX_DOMAIN_SOCKET=/tmp/gatewayd-plugin-guard.sock',
  '      - METRICS_ENDPOINT=/metrics',
  '    checksum: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '',
].join('\n');
const workflow = (tag: string) =>
  `name: release\non:\n  push:\n    tags:\n      - "${tag}"\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make build-release\n`;
const gatewaydTree = (makefile: string, tag: string) =>
  makeTree({
    'go.mod': 'module github.com/acme/gatewayd-plugin-guard\n\ngo 1.24\n',
    'gatewayd_plugin.yaml': GATEWAYD_PLUGIN_YAML,
    Makefile: makefile,
    '.github/workflows/release.yaml': workflow(tag),
  });

test('GatewayD release: binary name, asset name, checksum tool and file, tag pattern, each on its line', () => {
  const broken = gatewaydTree(GATEWAYD_BROKEN_MAKEFILE, 'release-*');
  expectProblem(broken, 'Makefile', 'gatewayd-release', 'gatewayd.release-binary', 6);
  expectProblem(broken, 'Makefile', 'gatewayd-release', 'gatewayd.release-asset-name', 7);
  expectProblem(broken, 'Makefile', 'gatewayd-release', 'gatewayd.release-checksum', 9);
  expectProblem(broken, 'Makefile', 'gatewayd-release', 'gatewayd.release-checksums-file', 9);
  expectProblem(broken, '.github/workflows/release.yaml', 'gatewayd-release', 'gatewayd.release-tag', 5);
  expectNoProblem(gatewaydTree(GATEWAYD_MENDED_MAKEFILE, 'v*.*.*'), /^gatewayd\.release/);
});

test('GatewayD release: a shell variable set by a parameter expansion stays a variable in the asset name', () => {
  // `os=$${platform%/*}` (the templates' loop over linux/amd64 ...): its "/" is no path separator.
  const makefile = GATEWAYD_MENDED_MAKEFILE.replace(
    '\t@for os in linux darwin; do for arch in amd64 arm64; do \\',
    '\t@for platform in linux/amd64 darwin/arm64; do for x in 1; do os=$${platform%/*}; arch=$${platform#*/}; \\',
  );
  assert.notEqual(makefile, GATEWAYD_MENDED_MAKEFILE);
  expectNoProblem(gatewaydTree(makefile, 'v*.*.*'), /^gatewayd\.release-asset-name$/);
  const glued = makefile.replace('$(PLUGIN_NAME)-$$os-$$arch-$(VERSION).tar.gz', '$(PLUGIN_NAME)_$$os_$$arch.tar.gz');
  assert.notEqual(glued, makefile);
  expectProblem(gatewaydTree(glued, 'v*.*.*'), 'Makefile', 'gatewayd-release', 'gatewayd.release-asset-name', 9);
});

const ekuiperTree = (makefile: string, script = '') =>
  makeTree({
    'go.mod': 'module github.com/acme/random\n\ngo 1.25.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n',
    Makefile: makefile,
    ...(script ? { 'scripts/build.sh': script } : {}),
  });

test('eKuiper plugin build: go build of a plugin without -trimpath or --buildmode=plugin, on its line', () => {
  const broken = ekuiperTree(
    [
      'SO := plugins/sources/Random@v1.0.0.so',
      '# go build -o x.so . (a comment is no command)',
      'build:',
      '\tmkdir -p plugins/sources',
      '\tCGO_ENABLED=1 go build --buildmode=plugin -o $(SO) .',
      'tools:',
      '\tgo build -o bin/tool ./cmd/tool',
      '',
    ].join('\n'),
    '#!/bin/sh\nset -e\ngo build -trimpath -o plugins/sinks/Print.so ./sinks/print\n',
  );
  const found = expectProblem(broken, 'Makefile', 'ekuiper-plugin-build', 'ekuiper.plugin-build-flags', 5);
  assert.match(found.message, /lacks -trimpath/);
  const script = expectProblem(broken, 'scripts/build.sh', 'ekuiper-plugin-build', 'ekuiper.plugin-build-flags', 3);
  assert.match(script.message, /lacks --buildmode=plugin/);
  // Mended: both flags (or GOFLAGS=-trimpath); a go build of a tool is no plugin build.
  const mended = ekuiperTree(
    'SO := plugins/sources/Random@v1.0.0.so\nbuild:\n\tgo build -trimpath --buildmode=plugin -o $(SO) .\ntools:\n\tgo build -o bin/tool ./cmd/tool\n',
    '#!/bin/sh\nGOFLAGS=-trimpath go build -buildmode plugin -o plugins/sinks/Print.so ./sinks/print\n',
  );
  expectNoProblem(mended, /^ekuiper\.plugin-build-flags$/);
});

test('eKuiper plugin build: a Makefile outside an eKuiper plugin project is not claimed', () => {
  const tree = makeTree({ 'go.mod': 'module x\n\ngo 1.24\n', Makefile: 'build:\n\tgo build -o x.so .\n' });
  assert.equal(check(tree).files.size, 0);
});

test('GatewayD release: a Makefile outside a GatewayD plugin repo is not claimed', () => {
  const tree = makeTree({ Makefile: GATEWAYD_BROKEN_MAKEFILE });
  assert.equal(check(tree).files.size, 0);
});

const cqTree = (name: string) =>
  makeTree({
    'go.mod':
      'module github.com/acme/cq-source-shop\n\ngo 1.24\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
    'resources/plugin/plugin.go': 'package plugin\n\nvar Name = "shop"\n',
    'resources/services/items.go': `package services\n\nimport "github.com/cloudquery/plugin-sdk/v4/schema"\n\n// Name: "not_a_table"\nfunc ItemsTable() *schema.Table {\n\treturn &schema.Table{\n\t\tName:     "${name}",\n\t\tResolver: fetchItems,\n\t}\n}\n`,
  });

test('CloudQuery tables: a singular unprefixed name is reported on its line with the conventional name', () => {
  const found = expectProblem(
    cqTree('item'),
    'resources/services/items.go',
    'cloudquery-plugin-source',
    'cloudquery.table-name',
    8,
    'warning',
  );
  assert.match(found.message, /"shop_items"/);
  expectNoProblem(cqTree('shop_items'), /^cloudquery\.table-name$/);
});

function pluginZip(members: Record<string, string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, strToU8(v)]))));
}

test('eKuiper zip: a nested folder is an install error; members at the root are clean', () => {
  const nested = makeTree({
    'random.zip': pluginZip({
      'random/Random.so': 'so',
      'random/random.json': '{"about":{},"properties":{}}',
      'random/random.yaml': 'default: {}\n',
    }),
  });
  const found = expectProblem(nested, 'random.zip', 'ekuiper-plugin-zip', 'ekuiper.zip-so', 1);
  assert.match(found.message, /inside a folder/);
  const mended = makeTree({
    'random.zip': pluginZip({
      'Random.so': 'so',
      'random.json': '{"about":{},"properties":{}}',
      'random.yaml': 'default: {}\n',
      'etc/extra.yaml': 'a: 1\n',
      'install.sh': '#!/bin/sh\n',
    }),
  });
  expectNoProblem(mended, /^ekuiper\.zip/);
  const unrelated = makeTree({ 'data.zip': pluginZip({ 'readme.txt': 'x' }) });
  assert.equal(check(unrelated).files.size, 0);
});

const lgcTree = (title: string, policy: string) =>
  makeTree({
    'lgc.toml': '[core]\nworkspace = "rules"\nbase_dir = "."\n\n[services.splunk-prod]\nplugin = "splunk"\n',
    'rules/splunk/brute.yaml': `title: ${title}\nsearch: index=main\nparameters:\n  disabled: false\n`,
    '.logcraft/policies/splunk/title.yaml': policy,
  });
const PATTERN_POLICY =
  'field: /title\nseverity: error\ncheck: pattern\nregex: \'^(MAL|INT)-\\d+\\s\'\nmessage: "${fieldName} must start with MAL-<n> or INT-<n>"\n';

test('LogCraft: a detection violating a policy gets the policy message and severity on the field', () => {
  const found = expectProblem(
    lgcTree('brute force', PATTERN_POLICY),
    'rules/splunk/brute.yaml',
    'logcraft-detection',
    'logcraft.policy',
    1,
  );
  assert.match(found.message, /^\/title must start with MAL-<n> or INT-<n> \(policy: /);
  const { files } = check(lgcTree('MAL-12 brute force', PATTERN_POLICY));
  assert.equal(files.get('.logcraft/policies/splunk/title.yaml')?.kind, 'logcraft-policy');
  expectNoProblem(lgcTree('MAL-12 brute force', PATTERN_POLICY), /^logcraft\.policy/);
});

test('LogCraft policy: a bad check, a bad regex and the older constraints: key are errors on the policy', () => {
  expectProblem(
    lgcTree('x', 'field: /title\nseverity: error\ncheck: exists\n'),
    '.logcraft/policies/splunk/title.yaml',
    'logcraft-policy',
    'logcraft.invalid-value',
    3,
  );
  expectProblem(
    lgcTree('x', "field: /title\nseverity: error\ncheck: pattern\nregex: '^(MAL'\n"),
    '.logcraft/policies/splunk/title.yaml',
    'logcraft-policy',
    'logcraft.policy-regex',
    4,
  );
  expectProblem(
    lgcTree('x', 'field: /title\nseverity: error\ncheck: constraint\nconstraints:\n  maxLength: 5\n'),
    '.logcraft/policies/splunk/title.yaml',
    'logcraft-policy',
    'logcraft.policy-constraints',
    4,
  );
});
