import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, gatewaydDevLaunch, open, ours, useStandInHost, waitFor } from './helpers';

interface Api {
  statusBar(): { text: string; tooltip: string; visible: boolean };
  refreshStatus(): Promise<void>;
}

describe('Plugin Workbench in an untrusted folder', () => {
  let api: Api;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this run uses an untrusted folder');
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('still validates manifests', async () => {
    const uri = (await open('gatewayd/gatewayd_plugins.yaml')).document.uri;
    await waitFor('GatewayD diagnostics', () => ours(uri).some((d) => codeOf(d) === 'gatewayd.invalid-value'));
  });

  it('reads no plugin binary: no checksum comparison, and the status bar says so', async () => {
    const uri = (await open('checksum-case/gatewayd_plugins.yaml')).document.uri;
    await waitFor(
      'the checksum-case file to be validated',
      () => vscode.languages.getDiagnostics(uri) && api.refreshStatus().then(() => api.statusBar().visible),
    );
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(
      ours(uri).some((d) => codeOf(d) === 'gatewayd.checksum-mismatch'),
      false,
    );
    assert.match(api.statusBar().tooltip, /Restricted mode/);
  });

  it('offers no build tasks', async () => {
    const tasks = await within(20_000, vscode.tasks.fetchTasks({ type: 'plugin-workbench' }));
    assert.deepEqual(
      (tasks ?? []).map((t) => t.name),
      [],
    );
  });

  it('starts no plugin-host session and runs no host', async () => {
    // A host that would run if trust were not checked: the stand-in, set where restricted mode keeps it.
    const standIns = await useStandInHost('standins', 'gatewayd');
    // VS Code itself may hold the request behind a trust prompt that never gets an answer in tests.
    const started = await within(
      15_000,
      vscode.debug.startDebugging(vscode.workspace.workspaceFolders![0], gatewaydDevLaunch('untrusted')),
    );
    assert.notEqual(started, true);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(fs.existsSync(`${standIns}/gatewayd.record.json`), false);
  });
});

/** The promise's value, or undefined when it has not settled in time. */
function within<T>(ms: number, promise: Thenable<T>): Promise<T | undefined> {
  return Promise.race([
    Promise.resolve(promise),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
}
