import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, editsFor } from '../../../helpers/apply-edits';
import { makeTree } from '../../../helpers/engine';
import { Workbench } from '../../../helpers/features';

// Each project check whose mend is one obvious edit offers it; applying it (as the editor does)
// leaves the file without that problem.

async function fixAndRecheck(root: string, relative: string, code: string, expectedTitle: RegExp): Promise<string> {
  const workbench = new Workbench();
  const file = path.join(root, relative);
  const text = fs.readFileSync(file, 'utf8');
  const document = await workbench.openFile(file, text);
  const diagnostics = (await workbench.diagnostics(document)).filter((d) => d.code === code);
  assert.ok(diagnostics.length, `${relative}: no ${code}`);
  const actions = (await workbench.codeActionsFor(document, [diagnostics[0]])) ?? [];
  const action = actions.find((a) => 'edit' in a && a.edit && expectedTitle.test(a.title));
  assert.ok(action && 'edit' in action, `${code}: actions ${JSON.stringify(actions.map((a) => a.title))}`);
  const fixed = applyEdits(text, editsFor(action.edit, document.uri));
  fs.writeFileSync(file, fixed);
  const again = new Workbench();
  const after = await again.diagnostics(await again.openFile(file, fixed));
  const remaining = after.filter((d) => d.code === code && d.range.start.line === diagnostics[0].range.start.line);
  assert.deepEqual(
    remaining.map((d) => d.message),
    [],
    `${code} is mended by "${action.title}"`,
  );
  return fixed;
}

test('eKuiper go.mod: set the go line and the contract requirement to the target release', async () => {
  const root = makeTree({ 'go.mod': 'module x\n\ngo 1.21\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.0.0\n' });
  await fixAndRecheck(root, 'go.mod', 'ekuiper.go-version', /1\.25\.4/);
  const fixed = await fixAndRecheck(root, 'go.mod', 'ekuiper.contract-version', /v2\.3\.1/);
  assert.match(fixed, /^go 1\.25\.4$/m);
  assert.match(fixed, /contract\/v2 v2\.3\.1$/m);
});

test('eKuiper plugin build: add the missing -trimpath and --buildmode=plugin to go build', async () => {
  const root = makeTree({
    'go.mod': 'module x\n\ngo 1.25.4\n\nrequire github.com/lf-edge/ekuiper/contract/v2 v2.3.1\n',
    Makefile: 'build:\n\tgo build -o plugins/sinks/Random@v1.0.0.so .\n',
    'build.sh': '#!/bin/sh\nCGO_ENABLED=1 go build -buildmode=plugin -o Random.so .\n',
  });
  const makefile = await fixAndRecheck(root, 'Makefile', 'ekuiper.plugin-build-flags', /-trimpath --buildmode=plugin/);
  assert.match(makefile, /^\tgo build -trimpath --buildmode=plugin -o plugins\/sinks\/Random@v1\.0\.0\.so \.$/m);
  const script = await fixAndRecheck(root, 'build.sh', 'ekuiper.plugin-build-flags', /-trimpath/);
  assert.match(script, /^CGO_ENABLED=1 go build -trimpath -buildmode=plugin -o Random\.so \.$/m);
});

test('LogCraft: kebab-case the load() name (Rust) and rename the Python class to Plugin', async () => {
  const rust = makeTree({
    'Cargo.toml': '[package]\nname = "x"\n',
    'src/lib.rs':
      'use exports::logcraft::lgc::plugin::Metadata;\nfn load() -> Metadata {\n    Metadata { name: "My_Plugin".to_string(), version: "1".into() }\n}\n',
  });
  assert.match(await fixAndRecheck(rust, 'src/lib.rs', 'logcraft.plugin-name', /my-plugin/), /name: "my-plugin"/);
  const py = makeTree({
    'main.py':
      'from wit_world.exports import Plugin as Plugins\n\nclass MyPlugin(Plugins):\n    def load(self):\n        return Metadata("my-plugin", "1")\n',
  });
  assert.match(await fixAndRecheck(py, 'main.py', 'logcraft.plugin-class', /Plugin/), /^class Plugin\(Plugins\):$/m);
});

test('CloudQuery: rename the table to its conventional name', async () => {
  const root = makeTree({
    'go.mod': 'module github.com/acme/cq-source-shop\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.80.0\n',
    'resources/services/items.go':
      'package services\n\nfunc T() *schema.Table {\n\treturn &schema.Table{Name: "item"}\n}\n',
  });
  assert.match(
    await fixAndRecheck(root, 'resources/services/items.go', 'cloudquery.table-name', /shop_items/),
    /Name: "shop_items"/,
  );
});

test('GatewayD release: sha256sum, checksums.txt, the binary and asset names, a v tag', async () => {
  const root = makeTree({
    'go.mod': 'module github.com/acme/gatewayd-plugin-guard\n',
    'gatewayd_plugin.yaml': 'plugins: []\n',
    Makefile:
      'VERSION ?= v1.0.0\nbuild-release:\n\tgo build -o dist/guard .\n\tfor os in linux; do for arch in amd64; do tar czf dist/guard_$$os_$$arch.tar.gz -C dist gatewayd-plugin-guard; done; done\n\tcd dist && md5sum *.tar.gz > sums.md5\n',
    '.github/workflows/release.yaml': 'on:\n  push:\n    tags: ["release-*"]\n',
  });
  await fixAndRecheck(root, 'Makefile', 'gatewayd.release-binary', /gatewayd-plugin-guard/);
  await fixAndRecheck(root, 'Makefile', 'gatewayd.release-checksum', /sha256sum/);
  await fixAndRecheck(root, 'Makefile', 'gatewayd.release-checksums-file', /checksums\.txt/);
  const makefile = await fixAndRecheck(root, 'Makefile', 'gatewayd.release-asset-name', /gatewayd-plugin-guard-\$\$os/);
  assert.match(makefile, /tar czf dist\/gatewayd-plugin-guard-\$\$os-\$\$arch-\$\(VERSION\)\.tar\.gz /);
  assert.match(makefile, /go build -o dist\/gatewayd-plugin-guard \./);
  assert.match(makefile, /sha256sum \*\.tar\.gz > checksums\.txt/);
  assert.match(
    await fixAndRecheck(root, '.github/workflows/release.yaml', 'gatewayd.release-tag', /v\*/),
    /tags: \["v\*"\]/,
  );
});

test('LogCraft policy: rename the older constraints: to validations:', async () => {
  const root = makeTree({
    'lgc.toml': '[core]\n',
    '.logcraft/policies/splunk/p.yaml':
      'field: /title\nseverity: error\ncheck: constraint\nconstraints:\n  maxLength: 5\n',
  });
  assert.match(
    await fixAndRecheck(root, '.logcraft/policies/splunk/p.yaml', 'logcraft.policy-constraints', /validations/),
    /^validations:$/m,
  );
});
