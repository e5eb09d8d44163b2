import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTargets, makeVariableValue } from '../../../server/src/systems';
import { makeTree } from '../../helpers/engine';

// GNU make is the oracle: a name is a target when `make -n <name>` finds a rule for it.
const MAKEFILE = [
  '# build-old: a comment, not a target',
  'BINARY := cq-source-x',
  'VERSION ?= v0.0.1',
  'FLAGS = a:b',
  'LDFLAGS += -s',
  'NOW != date',
  'export GOFLAGS := -mod=mod',
  'define RECIPE',
  'inside: define',
  'endef',
  '.PHONY: build test',
  'build: ; @true',
  'test lint: build',
  '\t@echo recipe: not-a-target',
  'release:: ',
  '\t@true',
  'long \\',
  '  continued: ',
  '\t@true',
  'debug: VERBOSE = 1',
  '%.o: %.c',
  '$(BINARY): build',
  'with-comment: # trailing comment',
  '',
].join('\n');

test('makeTargets finds exactly the targets GNU make has rules for', () => {
  const dir = makeTree({ Makefile: MAKEFILE });
  const targets = makeTargets(fs.readFileSync(path.join(dir, 'Makefile'), 'utf8'));
  const candidates = [
    'build',
    'test',
    'lint',
    'release',
    'long',
    'continued',
    'with-comment',
    'build-old',
    'inside',
    'not-a-target',
    'recipe',
    'debug',
    'BINARY',
    'FLAGS',
    'a',
    'NOW',
    'GOFLAGS',
    'VERSION',
  ];
  for (const name of candidates) {
    const make = spawnSync('make', ['-n', '-s', name], { cwd: dir, encoding: 'utf8' });
    const hasRule = make.status === 0;
    assert.equal(targets.has(name), hasRule, `${name}: make says ${hasRule ? 'a target' : make.stderr.trim()}`);
  }
  assert.deepEqual([...targets].sort(), ['build', 'continued', 'lint', 'long', 'release', 'test', 'with-comment']);
});

test('makeVariableValue reads a plain value and leaves computed ones out', () => {
  assert.equal(makeVariableValue(MAKEFILE, 'BINARY'), 'cq-source-x');
  assert.equal(makeVariableValue(MAKEFILE, 'VERSION'), 'v0.0.1');
  assert.equal(makeVariableValue('OUT := $(NAME).bin\n', 'OUT'), undefined);
  assert.equal(makeVariableValue(MAKEFILE, 'MISSING'), undefined);
});
