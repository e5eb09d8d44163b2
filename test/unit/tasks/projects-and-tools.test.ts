import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { detectProjects, resolveTool, tasksFor } from '../../../server/src/systems';
import { makeTree } from '../../helpers/engine';

test('projects of every system are recognised, with their tasks', () => {
  const root = makeTree({
    'cq-source-books/go.mod':
      'module github.com/acme/cq-source-books\n\nrequire github.com/cloudquery/plugin-sdk/v4 v4.70.0\n',
    'gatewayd-plugin-guard/go.mod': 'module github.com/acme/gatewayd-plugin-guard\n',
    'gatewayd-plugin-guard/gatewayd_plugin.yaml': 'plugins:\n  - name: gatewayd-plugin-guard\n',
    'gatewayd-plugin-guard/Makefile': 'build-dev:\n\tgo build\ntest:\n\tgo test ./...\nbuild-release:\n\ttrue\n',
    'anklet/go.mod': 'module github.com/veertuinc/anklet\n',
    'anklet/main.go': 'package main\n',
    'anklet/plugins/handlers/github/plugin.go': 'package github\n',
    'detections/lgc.toml': '[core]\nworkspace = "rules"\n',
    'py-plugin/wit/world.wit': '',
    'py-plugin/main.py': 'class Plugin: pass\n',
  });
  const projects = detectProjects(root);
  const summary = projects.map((p) => `${p.kind}:${p.name}`).sort();
  assert.deepEqual(summary, [
    'anklet:anklet',
    'cloudquery-plugin:books',
    'gatewayd-plugin:gatewayd-plugin-guard',
    'logcraft-plugin-python:py-plugin',
    'logcraft-project:detections',
  ]);
  const ids = (kind: string) => tasksFor(projects.find((p) => p.kind === kind)!).map((t) => t.id);
  assert.deepEqual(ids('cloudquery-plugin'), ['build', 'test', 'package', 'docs']);
  assert.deepEqual(ids('gatewayd-plugin'), ['build-dev', 'test', 'build-release', 'update-checksum']);
  // No Makefile, no make generate-plugins (current Anklet has none).
  assert.deepEqual(ids('anklet'), ['build']);
  assert.deepEqual(ids('logcraft-plugin-python'), ['build-wasm', 'install']);
  const python = tasksFor(projects.find((p) => p.kind === 'logcraft-plugin-python')!)[0];
  assert.deepEqual(python.args, [
    '--wit-path',
    'wit',
    '--world',
    'plugins',
    '--world-module',
    'wit_world',
    'componentize',
    'main',
    '-o',
    'py-plugin.wasm',
  ]);
});

test('a missing tool gets a message naming the setting or the install step', () => {
  const empty = { PATH: makeTree({}) };
  const gatewayd = resolveTool('gatewayd', undefined, empty);
  assert.ok(
    'missing' in gatewayd && /pluginWorkbench\.gatewayd\.path/.test(gatewayd.missing),
    JSON.stringify(gatewayd),
  );
  const go = resolveTool('go', undefined, empty);
  assert.ok('missing' in go && /Install Go/.test(go.missing));
  const cargo = resolveTool('cargo', undefined, empty);
  assert.ok('missing' in cargo && /rustup target add wasm32-wasip2/.test(cargo.missing));
  const configured = resolveTool('lgc', path.join(makeTree({}), 'lgc'), empty);
  assert.ok('missing' in configured && /setting pluginWorkbench\.logcraft\.path/.test(configured.missing));
  const found = resolveTool('node', undefined, { PATH: path.dirname(process.execPath) });
  assert.ok('path' in found);
});
