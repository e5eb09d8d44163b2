import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { Workbench } from '../../helpers/features';
import { makeTree } from '../../helpers/engine';
import { withCursors } from '../../helpers/cursor';

// Hover and completion in project files without a schema (SystemDescriptor.editors), in-process
// over the real engine and files on disk. `|` is the cursor.
const workbench = new Workbench();

/** The range of the `n`th `needle` in the text with its cursor removed. */
function rangeOf(marked: string, needle: string, nth = 0): Range {
  const { text } = withCursors(marked);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  const position = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: position(at), end: position(at + needle.length) };
}

/** `text` with `from` replaced by `to`, literally (String.replace would read `$$` in `to`). */
const swap = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), from);
  return text.split(from).join(to);
};

const textOf = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : null);

const labels = (items: CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);

// ---- eKuiper go.mod

const goMod = (body: string) => `module github.com/acme/random\n\n${body}`;

test('eKuiper go.mod: hover on the go line says what the target release needs and that this line differs', async () => {
  const marked = goMod('go 1.2|1\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1 // the contract\n');
  const hover = await workbench.hoverAt(path.join(makeTree({}), 'go.mod'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*`go` directive\*\*/);
  assert.match(text!, /Target: eKuiper \*\*v2\.4\.0\*\* \(the default; set `pluginWorkbench\.ekuiper\.targetVersion`/);
  assert.match(
    text!,
    /eKuiper v2\.4\.0 is built with go 1\.25\.4 and contract\/v2 v2\.3\.1 \(go\.mod at tag v2\.4\.0\)/,
  );
  assert.match(text!, /does \*\*not\*\* match: it says `1\.21`, the target needs `1\.25\.4`/);
  assert.deepEqual(hover!.range, rangeOf(marked, 'go 1.21'));
  // On the verb too, with the same range.
  const onVerb = await workbench.hoverAt(path.join(makeTree({}), 'go.mod'), marked.replace('go 1.2|1', 'g|o 1.21'));
  assert.deepEqual(onVerb!.range, rangeOf(marked, 'go 1.21'));
});

test('eKuiper go.mod: hover on the contract requirement (require block); a matching line says so', async () => {
  const marked = goMod(
    'go 1.25.4\n\nrequire (\n\tgithub.com/lf-edge/ekuiper/contract/v2 v2.3|.1\n\tgithub.com/sirupsen/logrus v1.9.3\n)\n',
  );
  const hover = await workbench.hoverAt(path.join(makeTree({}), 'go.mod'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*`github\.com\/lf-edge\/ekuiper\/contract\/v2`\*\*/);
  assert.match(text!, /This line matches: `v2\.3\.1`\./);
  assert.deepEqual(hover!.range, rangeOf(marked, 'github.com/lf-edge/ekuiper/contract/v2 v2.3.1'));
  // The module path is the same line.
  const onPath = marked.replace('v2.3|.1', 'v2.3.1').replace('lf-edge/ekuiper/contract', 'lf-edge/ek|uiper/contract');
  assert.deepEqual(
    (await workbench.hoverAt(path.join(makeTree({}), 'go.mod'), onPath))!.range,
    rangeOf(marked, 'github.com/lf-edge/ekuiper/contract/v2 v2.3.1'),
  );
});

test('eKuiper go.mod: no hover on other lines, in comments, or on the whitespace between tokens', async () => {
  const file = path.join(makeTree({}), 'go.mod');
  const base =
    'go 1.25.4\n// go 1.21 in a comment\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1 // v2.0.0\n';
  for (const marked of [
    goMod(base).replace('module github.com/acme', 'mod|ule github.com/acme'),
    goMod(base.replace('// go 1.21', '// go 1.|21')),
    goMod(base.replace('// v2.0.0', '// v2.|0.0')),
    goMod(base.replace('go 1.25.4', 'go| 1.25.4')),
    goMod(base.replace('require github', 'requ|ire github')),
  ]) {
    assert.equal(await workbench.hoverAt(file, marked), null, marked);
  }
});

test('eKuiper go.mod: the target follows pluginWorkbench.ekuiper.targetVersion', async () => {
  const chosen = new Workbench({ ekuiper: { targetVersion: 'v2.2.0' } });
  const file = path.join(makeTree({}), 'go.mod');
  const text = textOf(
    await chosen.hoverAt(file, goMod('go 1.24.|1\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n')),
  );
  assert.match(text ?? '', /Target: eKuiper \*\*v2\.2\.0\*\* \(chosen by `pluginWorkbench\.ekuiper\.targetVersion`\)/);
  assert.match(text!, /This line matches: `1\.24\.1`\./);
  const items = await chosen.completionAt(
    file,
    goMod('go |\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n'),
  );
  assert.deepEqual(labels(items), ['1.24.1', '1.25.4', '1.24.5', '1.23.4', '1.23.1']);
  const contract = await chosen.completionAt(
    file,
    goMod('go 1.24.1\n\nrequire github.com/lf-edge/ekuiper/contract/v2 |\n'),
  );
  assert.deepEqual(labels(contract), ['v2.0.0', 'v2.3.1']);
  const unknown = new Workbench({ ekuiper: { targetVersion: '9.9' } });
  assert.match(
    textOf(
      await unknown.hoverAt(file, goMod('g|o 1.25.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n')),
    ) ?? '',
    /the setting names "9\.9", which is no verified release, so the default v2\.4\.0 is used/,
  );
});

test('eKuiper go.mod: completion after `go ` offers the target Go first, then the other releases', async () => {
  const file = path.join(makeTree({}), 'go.mod');
  const marked = goMod('go |\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n');
  const items = await workbench.completionAt(file, marked);
  assert.deepEqual(labels(items), ['1.25.4', '1.24.1', '1.24.5', '1.23.4', '1.23.1']);
  const byLabel = new Map(items.map((i) => [i.label, i]));
  assert.equal(byLabel.get('1.25.4')!.detail, 'target · eKuiper v2.4.0');
  // go 1.24.1 is v2.3.x and v2.2.0, not the releases between.
  assert.equal(byLabel.get('1.24.1')!.detail, 'eKuiper v2.3.0–v2.3.1, v2.2.0');
  assert.equal(byLabel.get('1.24.5')!.detail, 'eKuiper v2.2.1–v2.2.5');
  const cursor = rangeOf(marked.replace('|', '@'), '@').start;
  assert.deepEqual((byLabel.get('1.25.4')!.textEdit as { range: Range }).range, { start: cursor, end: cursor });
  // A partial version is replaced whole.
  const partial = goMod('go 1.2|\n');
  const [first] = await workbench.completionAt(file, partial);
  assert.deepEqual((first.textEdit as { range: Range }).range, rangeOf(partial, '1.2'));
});

test('eKuiper go.mod: completion after the contract module path offers the target contract first', async () => {
  const file = path.join(makeTree({}), 'go.mod');
  for (const marked of [
    goMod('go 1.25.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v|\n'),
    goMod('go 1.25.4\n\nrequire (\n\tgithub.com/lf-edge/ekuiper/contract/v2 |\n)\n'),
  ]) {
    const items = await workbench.completionAt(file, marked);
    assert.deepEqual(labels(items), ['v2.3.1', 'v2.0.0'], marked);
    assert.match(items.find((i) => i.label === 'v2.3.1')!.detail!, /^target · eKuiper v2\.3\.0–v2\.4\.0$/);
  }
});

test('eKuiper go.mod: no completion in a comment, on the module line or after another requirement', async () => {
  const file = path.join(makeTree({}), 'go.mod');
  for (const marked of [
    goMod('go 1.25.4 // go |\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n'),
    'module |\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n',
    goMod(
      'go 1.25.4\n\nrequire (\n\tgithub.com/lf-edge/ekuiper/contract/v2 v2.3.1\n\tgithub.com/sirupsen/logrus |\n)\n',
    ),
  ]) {
    assert.deepEqual(await workbench.completionAt(file, marked), [], marked);
  }
});

test('eKuiper plugin build: hover on a plugin go build (the flags, the target Go); none on tools or comments', async () => {
  const makefile = [
    'SO := plugins/sources/Random@v1.0.0.so',
    '# go build -o x.so . (a comment is no command)',
    'build:',
    '\tCGO_ENABLED=1 go build --buildmode=plugin -o $(SO) .',
    'tools:',
    '\tgo build -o bin/tool ./cmd/tool',
    '',
  ].join('\n');
  const root = makeTree({
    'go.mod': 'module github.com/acme/random\n\ngo 1.25.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n',
    Makefile: makefile,
  });
  const marked = swap(makefile, '=1 go build --', '=1 go bu|ild --');
  const hover = await workbench.hoverAt(path.join(root, 'Makefile'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*Native plugin build\*\* \(eKuiper\)/);
  assert.match(text!, /Build with go 1\.25\.4 and contract\/v2 v2\.3\.1, as eKuiper v2\.4\.0 is\./);
  assert.match(text!, /This build lacks `-trimpath`\.$/);
  assert.deepEqual(hover!.range, rangeOf(marked, 'go build', 1));
  for (const elsewhere of [
    swap(makefile, '# go build', '# go bu|ild'),
    swap(makefile, '\tgo build -o bin', '\tgo bu|ild -o bin'),
  ])
    assert.equal(await workbench.hoverAt(path.join(root, 'Makefile'), elsewhere), null);
});

// ---- LogCraft load()

const rustLib = (name: string) =>
  `use exports::logcraft::lgc::plugin::{Guest, Metadata};\n// fn load() -> Metadata { Metadata { name: "Commented".to_string() } }\nstruct Plugin;\nimpl Guest for Plugin {\n    fn load() -> Metadata {\n        Metadata {\n            name: "${name}".to_string(),\n            version: "0.1.0".to_string(),\n        }\n    }\n}\n`;
const pyMain = (name: string) =>
  `from wit_world.exports import Plugin as Plugins\nfrom wit_world.exports.plugin import Metadata\n\n# return Metadata("Commented", "1")\nclass Plugin(Plugins):\n    def load(self) -> Metadata:\n        return Metadata("${name}", "0.1.0")\n`;

test('LogCraft Rust load(): hover on the name: kebab-case rule, the .wasm name and the lgc.toml reference', async () => {
  const root = makeTree({ 'Cargo.toml': '[package]\nname = "my-plugin"\n' });
  const marked = rustLib('My_Pl|ugin');
  const hover = await workbench.hoverAt(path.join(root, 'src', 'lib.rs'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*Plugin name\*\* \(returned by `load\(\)`\)/);
  assert.match(text!, /`My_Plugin` is \*\*not\*\* kebab-case: use `my-plugin`/);
  assert.match(text!, /`<base_dir>\/plugins\/my-plugin\.wasm`/);
  assert.match(text!, /`plugin = "my-plugin"`/);
  assert.deepEqual(hover!.range, rangeOf(marked, 'My_Plugin'));
  const good = textOf(await workbench.hoverAt(path.join(root, 'src', 'lib.rs'), rustLib('my-pl|ugin')));
  assert.match(good ?? '', /`my-plugin` is kebab-case\./);
  // Not in the commented load(), not on the version.
  for (const elsewhere of [
    rustLib('My_Plugin').replace('"Commented"', '"Comm|ented"'),
    rustLib('My_Plugin').replace('"0.1.0"', '"0.1|.0"'),
  ])
    assert.equal(await workbench.hoverAt(path.join(root, 'src', 'lib.rs'), elsewhere), null);
});

test('LogCraft Python load(): hover on the Metadata name', async () => {
  const root = makeTree({});
  const marked = pyMain('MyPl|ugin');
  const hover = await workbench.hoverAt(path.join(root, 'main.py'), marked);
  assert.match(textOf(hover) ?? '', /`MyPlugin` is \*\*not\*\* kebab-case: use `my-plugin`/);
  assert.deepEqual(hover!.range, rangeOf(marked, 'MyPlugin'));
  assert.equal(
    await workbench.hoverAt(path.join(root, 'main.py'), pyMain('MyPlugin').replace('"Commented"', '"Comm|ented"')),
    null,
  );
});

// ---- CloudQuery table names

const cqTree = (name: string) =>
  makeTree({
    'go.mod':
      'module github.com/acme/cq-source-shop\n\ngo 1.24\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
    'resources/plugin/plugin.go': 'package plugin\n\nvar Name = "shop"\n',
    'resources/services/items.go': itemsGo(name),
  });
const itemsGo = (name: string) =>
  `package services\n\nimport "github.com/cloudquery/plugin-sdk/v4/schema"\n\n// Name: "not_a_table"\nfunc ItemsTable() *schema.Table {\n\treturn &schema.Table{\n\t\tName:        "${name}",\n\t\tDescription: "items of the shop",\n\t}\n}\n`;

test('CloudQuery table Name: hover shows the convention and the conventional name', async () => {
  const root = cqTree('item');
  const marked = itemsGo('it|em');
  const hover = await workbench.hoverAt(path.join(root, 'resources', 'services', 'items.go'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*Table name\*\* \(CloudQuery plugin\)/);
  assert.match(text!, /prefixed with the plugin name \(`shop_`, from the plugin name `shop`\)/);
  assert.match(
    text!,
    /`item` is not prefixed with the plugin name \("shop_"\), plural: the conventional name is `shop_items`\./,
  );
  assert.deepEqual(hover!.range, rangeOf(marked, 'item'));
  const good = await workbench.hoverAt(
    path.join(cqTree('shop_items'), 'resources', 'services', 'items.go'),
    itemsGo('shop_it|ems'),
  );
  assert.match(textOf(good) ?? '', /`shop_items` follows the convention\./);
  // The commented Name and the Description string are not table names.
  for (const elsewhere of [
    itemsGo('item').replace('"not_a_table"', '"not_a|_table"'),
    itemsGo('item').replace('items of', 'it|ems of'),
  ])
    assert.equal(await workbench.hoverAt(path.join(root, 'resources', 'services', 'items.go'), elsewhere), null);
});

// ---- GatewayD release

const GATEWAYD_PLUGIN_YAML = 'plugins:\n  - name: gatewayd-plugin-guard\n    localPath: ./gatewayd-plugin-guard\n';
const releaseMakefile = [
  'PLUGIN_NAME := gatewayd-plugin-guard',
  '',
  '# tar czf notes.tgz in a comment',
  'build-release:',
  '\t@for os in linux darwin; do for arch in amd64 arm64; do \\',
  '\t\tGOOS=$$os GOARCH=$$arch go build -o dist/$$os-$$arch/$(PLUGIN_NAME) . ; \\',
  '\t\ttar czf dist/$(PLUGIN_NAME)_$$os_$$arch.tar.gz -C dist/$$os-$$arch $(PLUGIN_NAME); \\',
  '\tdone; done',
  '\tcd dist && sha256sum *.tar.gz > checksums.txt',
  '',
].join('\n');
const gatewaydTree = (files: Record<string, string>) =>
  makeTree({
    'go.mod': 'module github.com/acme/gatewayd-plugin-guard\n\ngo 1.24\n',
    'gatewayd_plugin.yaml': GATEWAYD_PLUGIN_YAML,
    ...files,
  });

test('GatewayD release Makefile: hover on the asset name states the pattern for this repository and the finding', async () => {
  const root = gatewaydTree({ Makefile: releaseMakefile });
  const marked = swap(releaseMakefile, 'dist/$(PLUGIN_NAME)_$$os', 'dist/$(PLUGIN|_NAME)_$$os');
  const hover = await workbench.hoverAt(path.join(root, 'Makefile'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*Release asset\*\* \(GatewayD plugin release\)/);
  assert.match(text!, /here `gatewayd-plugin-guard-linux-amd64-v1\.0\.0\.tar\.gz`/);
  assert.match(
    text!,
    /This one does \*\*not\*\* follow it \(`gatewayd-plugin-guard_\$os_\$arch\.tar\.gz` once expanded\)/,
  );
  assert.deepEqual(hover!.range, rangeOf(marked, 'dist/$(PLUGIN_NAME)_$$os_$$arch.tar.gz'));
  // The checksum command and its file follow the rules.
  const onSum = releaseMakefile.replace('sha256sum', 'sha25|6sum');
  const sum = await workbench.hoverAt(path.join(root, 'Makefile'), onSum);
  assert.match(textOf(sum) ?? '', /^\*\*Release checksum\*\*[\s\S]*This one follows it\.$/);
  assert.deepEqual(sum!.range, rangeOf(onSum, 'sha256sum'));
  const file = await workbench.hoverAt(
    path.join(root, 'Makefile'),
    releaseMakefile.replace('> checksums.txt', '> checks|ums.txt'),
  );
  assert.match(textOf(file) ?? '', /^\*\*Checksum file\*\*/);
  const binary = await workbench.hoverAt(
    path.join(root, 'Makefile'),
    swap(releaseMakefile, '-o dist/$$os-$$arch/$(PLUGIN_NAME)', '-o dist/$$os-$$arch/$(PLUGIN_N|AME)'),
  );
  assert.match(textOf(binary) ?? '', /name contains `gatewayd-plugin-guard` as the plugin\.\n\nThis one follows it/);
  // Not in the comment, not on the target name.
  for (const elsewhere of [
    releaseMakefile.replace('notes.tgz', 'no|tes.tgz'),
    releaseMakefile.replace('build-release:', 'build-rel|ease:'),
  ])
    assert.equal(await workbench.hoverAt(path.join(root, 'Makefile'), elsewhere), null);
});

test('GatewayD release workflow: hover on the tag trigger', async () => {
  const workflow = (tag: string) =>
    `name: release\non:\n  push:\n    tags:\n      - "${tag}"\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make build-release\n`;
  const root = gatewaydTree({ '.github/workflows/release.yaml': workflow('release-*') });
  const marked = workflow('rele|ase-*');
  const hover = await workbench.hoverAt(path.join(root, '.github', 'workflows', 'release.yaml'), marked);
  const text = textOf(hover);
  assert.match(text ?? '', /^\*\*Release tag\*\* \(GatewayD plugin release\)/);
  assert.match(text!, /trigger on `v\*`/);
  assert.match(text!, /This one does \*\*not\*\* follow it: Releases are tagged vX\.Y\.Z/);
  assert.deepEqual(hover!.range, rangeOf(marked, '"release-*"'));
  const good = await workbench.hoverAt(path.join(root, '.github', 'workflows', 'release.yaml'), workflow('v|*.*.*'));
  assert.match(textOf(good) ?? '', /This one follows it\.$/);
  assert.equal(
    await workbench.hoverAt(
      path.join(root, '.github', 'workflows', 'release.yaml'),
      workflow('v*').replace('runs-on', 'runs|-on'),
    ),
    null,
  );
});

test('GatewayD GoReleaser: hover on the checksum algorithm, the checksum file name and the binary', async () => {
  const goreleaser = 'builds:\n  - binary: guard\nchecksum:\n  algorithm: md5\n  name_template: checksums.txt\n';
  const root = gatewaydTree({ '.goreleaser.yaml': goreleaser });
  const file = path.join(root, '.goreleaser.yaml');
  const algorithm = await workbench.hoverAt(file, swap(goreleaser, 'md5', 'm|d5'));
  assert.match(textOf(algorithm) ?? '', /^\*\*Release checksum\*\*[\s\S]*This one does \*\*not\*\* follow it: /);
  assert.deepEqual(algorithm!.range, rangeOf(goreleaser, 'md5'));
  assert.match(
    textOf(await workbench.hoverAt(file, swap(goreleaser, 'checksums.txt', 'check|sums.txt'))) ?? '',
    /This one follows it\.$/,
  );
  const binary = await workbench.hoverAt(file, swap(goreleaser, 'guard', 'gu|ard'));
  assert.match(
    textOf(binary) ?? '',
    /contains `gatewayd-plugin-guard` as the plugin\.\n\nThis one does \*\*not\*\* follow it/,
  );
  assert.equal(await workbench.hoverAt(file, swap(goreleaser, 'algorithm', 'algo|rithm')), null);
});

// ---- Anklet config: plugin names from the dispatch

test('Anklet config: plugin values are the cases of the dispatch in internal/run/run.go, not every folder', async () => {
  const runGo =
    'package run\n\nfunc Plugin(ctxPlugin config.Plugin) {\n\tswitch ctxPlugin.Plugin {\n\tcase "github":\n\tcase "github_receiver":\n\tcase "gitlab":\n\t// case "commented":\n\tdefault:\n\t\treturn\n\t}\n}\n';
  const root = makeTree({
    'internal/run/run.go': runGo,
    'plugins/handlers/github/github.go': 'package github\n',
    'plugins/handlers/gitlab/gitlab.go': 'package gitlab\n',
    'plugins/handlers/unwired/unwired.go': 'package unwired\n',
  });
  const items = await workbench.completionAt(
    path.join(root, 'config.yml'),
    'plugins:\n  - name: RUNNER1\n    plugin: |\n',
  );
  assert.deepEqual(items.map((i) => i.label).sort(), ['github', 'github_receiver', 'gitlab']);
  // Outside a checkout: the built-in plugins and the folders around the config.
  const plain = makeTree({ 'plugins/handlers/mine/mine.go': 'package mine\n' });
  const outside = await workbench.completionAt(
    path.join(plain, 'config.yml'),
    'plugins:\n  - name: RUNNER1\n    plugin: |\n',
  );
  assert.deepEqual(outside.map((i) => i.label).sort(), ['github', 'github_receiver', 'mine']);
});

// ---- LogCraft policy (YAML, schema-driven)

test('LogCraft policy: check and severity values complete and hover with what each means and needs', async () => {
  const file = path.join(makeTree({}), '.logcraft', 'policies', 'splunk', 'title.yaml');
  const items = await workbench.completionAt(file, 'field: /title\nseverity: error\ncheck: |\n');
  assert.deepEqual(labels(items), ['existence', 'absence', 'pattern', 'constraint']);
  const pattern = items.find((i) => i.label === 'pattern')!;
  assert.match((pattern.documentation as MarkupContent).value, /matching `regex` \(required;/);
  const marked = 'field: /title\nseverity: error\ncheck: con|straint\nvalidations:\n  values: [a]\n';
  const hover = await workbench.hoverAt(file, marked);
  const parts = textOf(hover)!.split('\n\n');
  assert.equal(parts[0], '**check**');
  assert.match(parts[1], /^`constraint`: The field must be a string within `validations` \(required: `minLength`/);
  assert.deepEqual(hover!.range, rangeOf(marked, 'constraint'));
  const severity = await workbench.completionAt(file, 'field: /title\nseverity: |\ncheck: existence\n');
  assert.deepEqual(labels(severity), ['warning', 'error']);
  assert.match((severity[1].documentation as MarkupContent).value, /exits 1/);
  // Keys of a constraint's validations.
  const keys = await workbench.completionAt(
    file,
    'field: /title\nseverity: error\ncheck: constraint\nvalidations:\n  |\n',
  );
  assert.deepEqual(labels(keys), ['maxLength', 'minLength', 'values']);
});

test('LogCraft policy field: the pointers of the plugin detections first, then its detection shape', async () => {
  const root = makeTree({
    'lgc.toml': '[core]\nworkspace = "detections"\n\n[services.splunk-prod]\nplugin = "splunk"\n',
    'detections/splunk/high-entropy.yaml':
      'title: High Entropy\nsearch: index=proxy\nparameters:\n  cron_schedule: 0 * * * *\n  x_team: soc\n',
    'detections/sentinel/other.yaml': 'name: Other\nkind: Scheduled\nproperties:\n  enabled: true\n',
  });
  const file = path.join(root, '.logcraft', 'policies', 'splunk', 'title.yaml');
  const items = await workbench.completionAt(file, 'field: |\nseverity: error\ncheck: existence\n');
  const found = labels(items);
  assert.deepEqual(found.slice(0, 5), [
    '/title',
    '/search',
    '/parameters',
    '/parameters/cron_schedule',
    '/parameters/x_team',
  ]);
  assert.ok(found.includes('/parameters/disabled'), 'a key of the Splunk shape');
  const detail = (label: string) => items.find((i) => i.label === label)!.detail;
  assert.equal(detail('/parameters/x_team'), 'defined in this workspace');
  assert.equal(detail('/parameters/disabled'), 'a field of splunk detections');
  assert.ok(!found.includes('/properties/enabled') && !found.includes('/name'), 'nothing of the Sentinel detections');
});
