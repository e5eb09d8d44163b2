import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { classify } from '../../../server/src/systems';
import { nodeFileAccess } from '../../../server/src/core';
import { makeTree } from '../../helpers/engine';

const kindOf = (file: string, text: string, root?: string) =>
  classify({ path: root ? path.join(root, file) : file, text, files: nodeFileAccess() }).kind;

test('file names and places decide first', () => {
  assert.equal(kindOf('deploy/gatewayd_plugins.yaml', ''), 'gatewayd-plugins');
  assert.equal(kindOf('gatewayd_plugin.yaml', 'x: 1'), 'gatewayd-plugins');
  assert.equal(kindOf('gatewayd.yaml', ''), 'gatewayd-config');
  assert.equal(kindOf('project/lgc.toml', ''), 'logcraft-config');
  assert.equal(kindOf('kuiper/etc/sources/random.yaml', 'default: {}'), 'ekuiper-source-config');
  assert.equal(kindOf('/home/u/.config/anklet/config.yml', ''), 'anklet-config');
});

test('content decides next', () => {
  assert.equal(kindOf('sync.yml', 'kind: source\nspec:\n  name: aws\n'), 'cloudquery-spec');
  assert.equal(kindOf('sync.yml', '# intro\n---\nkind: destination\nspec: {}\n'), 'cloudquery-spec');
  assert.equal(kindOf('config.yml', 'plugins:\n  - name: RUNNER1\n    plugin: github\n'), 'anklet-config');
  assert.equal(
    kindOf('my.yaml', 'plugins:\n  - name: cache\n    localPath: ./cache\n    checksum: abc\n'),
    'gatewayd-plugins',
  );
  assert.equal(
    kindOf('mirror.json', '{"version":"v1","language":"go","executable":"mirror","sources":["random"]}'),
    'ekuiper-portable-manifest',
  );
  assert.equal(kindOf('etc/sinks/file.json', '{"about":{"trial":false},"properties":[]}'), 'ekuiper-sink-meta');
  assert.equal(
    kindOf('etc/sources/file.json', '{"about":{"trial":false},"properties":{"default":[]}}'),
    'ekuiper-source-meta',
  );
  assert.equal(kindOf('echo.json', '{"about":{},"functions":[{"name":"echo","args":[]}]}'), 'ekuiper-function-meta');
});

test('a modeline or a $schema naming our schema decides explicitly', () => {
  assert.equal(kindOf('whatever.yaml', '# plugin-workbench: kind=anklet-config\nfoo: 1\n'), 'anklet-config');
  assert.equal(
    kindOf('x.json', '{"$schema": "https://plugin-workbench.dev/schemas/ekuiper-sink-meta.schema.json"}'),
    'ekuiper-sink-meta',
  );
  const unknown = classify({ path: 'a.yaml', text: '# plugin-workbench: kind=nope\n' });
  assert.equal(unknown.kind, undefined);
  assert.equal(unknown.unknownModeline?.id, 'nope');
});

test('unrelated YAML and JSON are left alone', () => {
  assert.equal(kindOf('docker-compose.yml', 'services:\n  web:\n    image: nginx\n'), undefined);
  assert.equal(
    kindOf('.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'),
    undefined,
  );
  assert.equal(kindOf('package.json', '{"name":"x","version":"1.0.0"}'), undefined);
  assert.equal(kindOf('k8s.yaml', 'kind: Deployment\nspec:\n  replicas: 1\n'), undefined);
  assert.equal(kindOf('pyproject.toml', '[project]\nname = "x"\n'), undefined);
  assert.equal(kindOf('values.yaml', 'default:\n  a: 1\n'), undefined);
});

test('context: detections below an lgc.toml workspace and source configs beside their metadata', () => {
  const root = makeTree({
    'lgc.toml': '[core]\nworkspace = "detections"\n',
    'detections/splunk/brute-force.yaml': 'title: x\n',
    'other/splunk/not-a-detection.yaml': 'title: x\n',
    'ext/random/random.json': '{"about":{"trial":false},"properties":{"default":[]}}',
    'ext/random/random.yaml': 'default:\n  interval: 10\n',
  });
  assert.equal(kindOf('detections/splunk/brute-force.yaml', 'title: x\n', root), 'logcraft-detection');
  assert.equal(kindOf('other/splunk/not-a-detection.yaml', 'title: x\n', root), undefined);
  assert.equal(kindOf('ext/random/random.yaml', 'default:\n  interval: 10\n', root), 'ekuiper-source-config');
});

test('a file still being written: `kind: source` alone, or only `kind:` beside CloudQuery specs', () => {
  assert.equal(kindOf('new.yml', 'kind: destination\n'), 'cloudquery-spec');
  assert.equal(kindOf('crd.yml', 'kind: source\napiVersion: v1\n'), undefined);
  const root = makeTree({
    'specs/sync.yml': 'kind: source\nspec:\n  name: aws\n',
    'specs/new.yml': 'kind: \n',
    'specs/empty.yml': '',
    'other/notes.yml': 'title: x\n',
    'other/new.yml': 'kind: \n',
  });
  assert.equal(kindOf('specs/new.yml', 'kind: \n', root), 'cloudquery-spec');
  assert.equal(kindOf('specs/new.yml', 'kind:\nspec:\n  na\n', root), 'cloudquery-spec');
  // An empty file is not counted as a manifest; other top-level keys are not CloudQuery's.
  assert.equal(kindOf('specs/empty.yml', '', root), undefined);
  assert.equal(kindOf('specs/new.yml', 'kind: \nservices: {}\n', root), undefined);
  assert.equal(kindOf('other/new.yml', 'kind: \n', root), undefined);
});
