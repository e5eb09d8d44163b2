// Runs the extension-host test suite (test/e2e/suite) inside a real VS Code: code-server 4.100.3
// (VS Code 1.100.3) driven by Playwright in Debian's Chromium. Three runs:
//   vsix       the packaged .vsix installed into code-server, in a trusted folder
//   untrusted  the extension from this checkout, in a folder left untrusted (restricted mode)
//   first-run  the packaged .vsix in a trusted multi-root workspace of one empty folder per
//              template id, where each template is generated and started with F5
// Each run writes mocha's results to a file this harness waits for; any failure, or a run that
// cannot be set up, fails the whole command (it never skips).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CODE_SERVER = path.join(ROOT, '.vscode-test', 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
const TEST_ENTRY = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
const VSIX = path.join(ROOT, 'plugin-workbench.vsix');
// Screenshots go to test-results/ (ignored), so that a test run leaves the tracked files as they
// are; PW_UPDATE_SCREENSHOTS=1 writes the README's images in docs/images/ instead.
const SCREENSHOTS =
  process.env.PW_UPDATE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs', 'images')
    : path.join(ROOT, 'test-results', 'screenshots');
const only = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit ${result.status}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** A fresh workspace: the examples plus the e2e files (compose file, checksum case, ...). */
function makeWorkspace(base) {
  const workspace = path.join(base, 'workspace');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  // A plugin binary whose checksum in gatewayd_plugins.yaml is wrong on purpose.
  fs.writeFileSync(
    path.join(workspace, 'checksum-case', 'plugin-bin'),
    'not the binary the checksum was computed for\n',
  );
  return workspace;
}

/** One empty folder per template id, as the folders of a multi-root workspace (F5 runs per folder). */
function makeTemplateWorkspace(base) {
  const root = path.join(base, 'first-run');
  const ids = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'index.json'), 'utf8'));
  for (const id of ids) fs.mkdirSync(path.join(root, id), { recursive: true });
  const file = path.join(root, 'first-run.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: ids.map((id) => ({ path: id })) }, null, 2));
  return { workspace: root, open: file, query: `workspace=${encodeURIComponent(file)}` };
}

async function runSuite(name, { installVsix, trusted, templates = false }) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `pw-e2e-${name}-`));
  const userData = path.join(base, 'user-data');
  const extensions = path.join(base, 'extensions');
  const results = path.join(base, 'results.json');
  const markers = path.join(base, 'markers');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(markers);
  const { workspace, open, query } = templates
    ? makeTemplateWorkspace(base)
    : (() => {
        const folder = makeWorkspace(base);
        return { workspace: folder, open: folder, query: `folder=${encodeURIComponent(folder)}` };
      })();
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !trusted,
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.startupEditor': 'none',
      // The walkthrough would open over the editors the tests drive (the suite opens it itself).
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'editor.minimap.enabled': false,
    }),
  );
  if (installVsix)
    run(CODE_SERVER, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', VSIX]);

  const port = await freePort();
  const logFile = path.join(base, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const server = spawn(
    CODE_SERVER,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      open,
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        PW_E2E_SUITE: name,
        PW_E2E_RESULTS: results,
        PW_E2E_MARKERS: markers,
        PW_E2E_WORKSPACE: workspace,
      },
    },
  );
  let browser;
  try {
    await waitFor(
      async () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      'code-server to listen',
    );
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    // The packaged run loads the installed .vsix; its development path is an empty shim extension.
    const developmentPath = installVsix ? path.join(ROOT, 'test', 'e2e', 'shim') : ROOT;
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(TEST_ENTRY)],
    ];
    const url = `http://127.0.0.1:${port}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const deadline = Date.now() + 8 * 60_000;
    while (!fs.existsSync(results)) {
      if (Date.now() > deadline) throw new Error(`the ${name} suite wrote no results in 8 minutes; see ${logFile}`);
      // The suite asks for a screenshot (shot-<name>) once what it shows is on screen.
      for (const marker of fs.readdirSync(markers).filter((f) => /^shot-[\w-]+$/.test(f))) {
        if (fs.existsSync(path.join(markers, `${marker}.done`))) continue;
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        // Below the title bar, which says "[Extension Development Host]" in a test window.
        const size = page.viewportSize() ?? { width: 1280, height: 800 };
        await page.screenshot({
          path: path.join(SCREENSHOTS, `${marker.slice(5)}.png`),
          clip: { x: 0, y: 35, width: size.width, height: size.height - 35 },
        });
        fs.writeFileSync(path.join(markers, `${marker}.done`), '');
      }
      await driveUi(page, markers);
      await new Promise((r) => setTimeout(r, 250));
    }
    return JSON.parse(fs.readFileSync(results, 'utf8'));
  } finally {
    await browser?.close().catch(() => undefined);
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * The suite cannot type into VS Code's own pickers from the extension host, so it asks the harness:
 * `ui-<n>.json` holds keyboard actions (and texts to wait for or read), `ui-<n>.done` the answer.
 */
async function driveUi(page, markers) {
  for (const file of fs
    .readdirSync(markers)
    .filter((f) => /^ui-\d+\.json$/.test(f))
    .sort()) {
    const done = path.join(markers, file.replace(/\.json$/, '.done'));
    if (fs.existsSync(done)) continue;
    const read = [];
    let error;
    try {
      for (const action of JSON.parse(fs.readFileSync(path.join(markers, file), 'utf8'))) {
        if (action.until)
          await page
            .locator(action.until)
            .filter({ hasText: action.text ?? '' })
            .first()
            .waitFor({ state: 'visible', timeout: 20_000 });
        else if (action.type !== undefined) await page.keyboard.type(action.type, { delay: 15 });
        else if (action.press) await page.keyboard.press(action.press);
        else if (action.click)
          await page
            .locator(action.click)
            .filter({ hasText: action.text ?? '' })
            .first()
            .click({ timeout: 20_000 });
        else if (action.attribute)
          read.push(
            (await page.locator(action.attribute).first().getAttribute(action.name, { timeout: 10_000 })) ?? '',
          );
        else if (action.read) read.push(await page.locator(action.read).first().innerText({ timeout: 10_000 }));
        else if (action.pause) await new Promise((r) => setTimeout(r, action.pause));
      }
    } catch (e) {
      error = String(e && e.message ? e.message : e);
    }
    fs.writeFileSync(done, JSON.stringify({ read, error }));
  }
}

/**
 * What users install: only the bundles, schemas, snippets, templates, images and documents, under
 * 2 MB, with the marketplace fields set. Returns one result per check, like the suites do.
 */
function inspectVsix() {
  const results = [];
  const check = (title, ok, detail = '') =>
    results.push({ title: `.vsix ${title}`, state: ok ? 'passed' : 'failed', error: ok ? undefined : detail });
  const size = fs.statSync(VSIX).size;
  check('is under 2 MB', size < 2 * 1024 * 1024, `${size} bytes`);
  const listing = spawnSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' });
  if (listing.status !== 0) throw new Error(`cannot list ${VSIX}: ${listing.stderr}`);
  const files = listing.stdout
    .trim()
    .split('\n')
    .filter((f) => f.startsWith('extension/'))
    .map((f) => f.slice('extension/'.length));
  const allowed =
    /^(dist\/(client|language-client|server|cli|cli-main|systems)\.js|dist\/cli-main\.js\.cache|dist\/(language|templates)\/.+|dist\/grammars\/[^/]+\.wasm|schemas\/[^/]+\.schema\.json|snippets\/[^/]+\.json|images\/[^/]+\.png|media\/walkthrough\/[^/]+\.svg|package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/;
  const unexpected = files.filter((f) => !allowed.test(f));
  check(
    'holds only dist/, schemas/, snippets/, images and the documents',
    unexpected.length === 0,
    unexpected.join(', '),
  );
  for (const required of [
    'dist/client.js',
    'dist/language-client.js',
    'dist/systems.js',
    'dist/server.js',
    'dist/cli.js',
    'dist/cli-main.js',
    'dist/cli-main.js.cache',
    'schemas/gatewayd-plugins.schema.json',
    'snippets/go.json',
    'media/walkthrough/system.svg',
    'images/icon.png',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
    'dist/templates/index.json',
  ]) {
    check(`contains ${required}`, files.includes(required));
  }
  const manifest = JSON.parse(spawnSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' }).stdout);
  const engine = /^\^1\.(\d+)\.\d+$/.exec(manifest.engines?.vscode ?? '');
  check('targets VS Code 1.100 or older', !!engine && Number(engine[1]) <= 100, manifest.engines?.vscode);
  for (const field of [
    'publisher',
    'displayName',
    'description',
    'icon',
    'categories',
    'keywords',
    'repository',
    'license',
  ]) {
    check(
      `manifest has ${field}`,
      Boolean(manifest[field]) && (!Array.isArray(manifest[field]) || manifest[field].length > 0),
    );
  }
  check(
    'declares limited support for untrusted workspaces',
    manifest.capabilities?.untrustedWorkspaces?.supported === 'limited',
  );
  check('does not activate on *', !(manifest.activationEvents ?? []).includes('*'));
  return results;
}

async function main() {
  // Idempotent and quick once installed; installs Chromium and code-server on a fresh machine.
  run('bash', [path.join(ROOT, 'test', 'e2e', 'harness', 'setup.sh')]);
  run('npm', ['run', '-s', 'package']);
  run('npx', ['tsc', '-b']);
  const runs = [
    ['vsix', { installVsix: true, trusted: true }],
    ['untrusted', { installVsix: false, trusted: false }],
    ['first-run', { installVsix: true, trusted: true, templates: true }],
  ].filter(([name]) => !only.length || only.includes(name));
  let passed = 0;
  let failed = 0;
  const inspection = inspectVsix();
  for (const t of inspection)
    console.log(`${t.state === 'passed' ? 'ok' : 'not ok'} - ${t.title}${t.error ? ` (${t.error})` : ''}`);
  passed += inspection.filter((t) => t.state === 'passed').length;
  failed += inspection.filter((t) => t.state !== 'passed').length;
  for (const [name, options] of runs) {
    console.log(`\n# e2e run "${name}" in VS Code 1.100.3 (code-server) + Chromium`);
    const result = await runSuite(name, options);
    for (const t of result.tests) {
      console.log(
        `${t.state === 'passed' ? 'ok' : 'not ok'} - [${name}] ${t.title}${t.error ? `\n    ${t.error.split('\n').join('\n    ')}` : ''}`,
      );
    }
    if (!result.tests.length) throw new Error(`the ${name} suite ran no test`);
    passed += result.tests.filter((t) => t.state === 'passed').length;
    failed += result.tests.filter((t) => t.state !== 'passed').length;
  }
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
});
