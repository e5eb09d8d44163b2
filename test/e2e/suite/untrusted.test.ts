import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, open, ours, waitFor } from './helpers';

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
    await waitFor('the checksum-case file to be validated', () => vscode.languages.getDiagnostics(uri) && api.refreshStatus().then(() => api.statusBar().visible));
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(ours(uri).some((d) => codeOf(d) === 'gatewayd.checksum-mismatch'), false);
    assert.match(api.statusBar().tooltip, /Restricted mode/);
  });
});
