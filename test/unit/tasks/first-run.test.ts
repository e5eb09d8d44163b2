import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listTemplates, planScaffold, writeScaffold } from '../../../server/src/scaffold';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import {
  buildLaunchPlan,
  detectProjects,
  launchConfigurations,
  LaunchConfigError,
  tasksFor,
  type PluginHostConfiguration,
  type Project,
} from '../../../server/src/systems';
import { checkText, makeTree } from '../../helpers/engine';

// Every template as the scaffold writes it, then the tasks and F5 plans computed for it, checked
// against the template's own Makefile with the real `make -n` (what the Makefile would run) and
// against its specs. Nothing is edited between generating and planning.

const TOOLS = { host: '/stand-in/host', go: '/stand-in/go' };

/** An Anklet checkout as far as detection needs it (plugins are generated into one). */
function ankletCheckout(makefile: string): string {
  return makeTree({
    'go.mod': 'module github.com/veertuinc/anklet\n',
    'main.go': 'package main\n',
    'plugins/handlers/github/plugin.go': 'package github\n',
    Makefile: makefile,
  });
}

function generate(templateId: string, parentDir = makeTree({})): { dir: string; name: string } {
  const template = listTemplates().find((t) => t.id === templateId)!;
  const name = template.name.example;
  const plan = planScaffold({ templateId, name, parentDir, options: {} });
  writeScaffold(plan);
  return { dir: plan.directory, name };
}

/** The commands `make -n <target>` prints: what the Makefile itself runs. */
function makeDryRun(dir: string, target: string, vars: string[] = []): string[] {
  return execFileSync('make', ['-n', '-s', target, ...vars], { cwd: dir, encoding: 'utf8' })
    .trim()
    .split('\n');
}

function onlyProject(dir: string, kind: string): { project: Project; projects: Project[] } {
  const projects = detectProjects(dir);
  const project = projects.find((p) => p.kind === kind);
  assert.ok(project, `${kind} not detected in ${dir}: ${projects.map((p) => p.kind).join(', ')}`);
  return { project, projects };
}

function f5(project: Project, projects: Project[]): PluginHostConfiguration {
  const launch = launchConfigurations(projects).find((c) => c.project === project);
  assert.ok(launch, `no launch configuration for ${project.kind}`);
  const { name: _name, ...attributes } = launch.attributes;
  return { ...attributes, project: project.dir, port: 7777 };
}

const command = (task: { tool?: string; args?: string[] }) => [task.tool, ...(task.args ?? [])].join(' ');

for (const templateId of ['cloudquery-source-go', 'cloudquery-destination-go']) {
  test(`${templateId}: build writes the binary the Makefile and test/config.yml use; package takes the version from the project`, () => {
    const { dir } = generate(templateId);
    const { project, projects } = onlyProject(dir, 'cloudquery-plugin');
    const tasks = tasksFor(project);
    const build = tasks.find((t) => t.id === 'build')!;
    assert.deepEqual([command(build)], makeDryRun(dir, 'build'));
    // The spec's local plugin is the file the build writes (CloudQuery resolves it from the project folder).
    const local = parseAllDocuments(fs.readFileSync(path.join(dir, 'test/config.yml'), 'utf8'))
      .map((d) => d.toJS() as { spec?: { registry?: string; path?: string } })
      .find((d) => d.spec?.registry === 'local');
    assert.equal(path.resolve(dir, local!.spec!.path!), path.resolve(dir, build.args![2]));
    // No tag yet: CHANGELOG.md's newest heading, which is also the Makefile's default VERSION.
    assert.deepEqual([command(tasks.find((t) => t.id === 'package')!)], makeDryRun(dir, 'package'));
    // A release tag wins, as in the Makefile's `make package VERSION=<tag>`.
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync(
      'git',
      ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'x'],
      { cwd: dir },
    );
    for (const tag of ['v1.2.0', 'v1.10.0', 'v1.10.0-rc.1', 'not-a-version'])
      execFileSync('git', ['tag', tag], { cwd: dir });
    const tagged = onlyProject(dir, 'cloudquery-plugin').project;
    assert.deepEqual(
      [command(tasksFor(tagged).find((t) => t.id === 'package')!)],
      makeDryRun(dir, 'package', ['VERSION=v1.10.0']),
    );
    // F5: the plugin served on the port, the spec rewritten to it.
    const plan = buildLaunchPlan(f5(project, projects), TOOLS);
    assert.deepEqual(
      plan.steps.map((s) => s.args.slice(0, 2)),
      [
        ['run', 'main.go'],
        ['sync', plan.writes[0].file],
      ],
    );
    assert.match(plan.writes[0].content, /registry: "grpc"/);
  });
}

for (const templateId of ['gatewayd-plugin-go', 'gatewayd-plugin-python']) {
  test(`${templateId}: make tasks exist in its Makefile; F5 runs gatewayd --dev with its gatewayd.yaml, the built plugin and the trace level`, () => {
    const { dir, name } = generate(templateId);
    const { project, projects } = onlyProject(dir, 'gatewayd-plugin');
    const tasks = tasksFor(project);
    assert.deepEqual(
      tasks.map((t) => t.id),
      ['build-dev', 'test', 'build-release', 'update-checksum'],
    );
    for (const task of tasks.filter((t) => t.tool === 'make'))
      assert.doesNotThrow(() => makeDryRun(dir, task.args![0]), task.id);
    const plan = buildLaunchPlan(f5(project, projects), TOOLS);
    const [host] = plan.steps;
    assert.deepEqual(host.args.slice(0, 4), ['run', '--dev', '-c', path.join(dir, 'gatewayd.yaml')]);
    assert.equal(host.env.GATEWAYD_LOGGERS_DEFAULT_LEVEL, 'trace');
    assert.deepEqual(plan.notes, []);
    // The dev plugins config points at what build-dev writes (Go) or the generated launcher (Python).
    const binary = path.join(dir, name);
    assert.match(plan.writes[0].content, new RegExp(`localPath: "${binary.replace(/[/.]/g, '\\$&')}"`));
    if (templateId.endsWith('-go'))
      assert.ok(makeDryRun(dir, 'build-dev').some((line) => line.includes(`-o ${name} .`)));
    else assert.ok(fs.statSync(binary).mode & 0o100, 'the launcher is executable');
  });
}

test('gatewayd: a project without gatewayd.yaml runs with a session config of the defaults, said in the Debug Console; a named missing one gets a hint', () => {
  const { dir } = generate('gatewayd-plugin-go');
  fs.rmSync(path.join(dir, 'gatewayd.yaml'));
  const { project, projects } = onlyProject(dir, 'gatewayd-plugin');
  const config = f5(project, projects);
  assert.equal(config.config, undefined);
  const plan = buildLaunchPlan(config, TOOLS);
  const session = plan.steps[0].args[3];
  assert.notEqual(path.dirname(session), dir);
  const written = plan.writes.find((w) => w.file === session)!;
  const template = fs.readFileSync(
    path.join(__dirname, '../../../../templates/gatewayd-plugin-go/files/gatewayd.yaml.tmpl'),
    'utf8',
  );
  assert.deepEqual(parseYaml(written.content), parseYaml(template));
  assert.equal(plan.notes?.length, 1);
  assert.match(
    plan.notes![0],
    /has no gatewayd\.yaml: this session uses a dev config with GatewayD's defaults at .*gatewayd\.yaml/,
  );
  assert.throws(
    () => buildLaunchPlan({ ...config, config: 'dev/gatewayd.yaml' }, TOOLS),
    (e: unknown) =>
      e instanceof LaunchConfigError &&
      /gatewayd config init -c dev\/gatewayd\.yaml/.test(e.message) &&
      /remove the "config" attribute/.test(e.message),
  );
});

for (const templateId of ['logcraft-plugin-rust', 'logcraft-plugin-python']) {
  test(`${templateId}: build as the Makefile builds; F5 installs the .wasm into dev/plugins/ and runs lgc in dev/`, () => {
    const { dir, name } = generate(templateId);
    const kind = templateId;
    const { project, projects } = onlyProject(dir, kind);
    const build = tasksFor(project).find((t) => t.id === 'build-wasm')!;
    assert.deepEqual([command(build)], makeDryRun(dir, 'build'));
    // `make install` copies the built file to the same place; the build's output stands in for a real build.
    const install = makeDryRun(dir, 'install')
      .find((line) => line.startsWith('cp '))!
      .split(' ');
    fs.mkdirSync(path.dirname(path.join(dir, install[1])), { recursive: true });
    fs.writeFileSync(path.join(dir, install[1]), 'built');
    const plan = buildLaunchPlan(f5(project, projects), TOOLS);
    assert.deepEqual(plan.copies, [{ from: path.join(dir, install[1]), to: path.join(dir, install[2]) }]);
    assert.equal(plan.copies[0].to, path.join(dir, 'dev', 'plugins', `${name}.wasm`));
    assert.deepEqual(
      plan.steps.map((s) => [s.args, s.cwd]),
      [[['validate'], path.join(dir, 'dev')]],
    );
    // The dev lgc.toml's service uses the plugin by that name.
    assert.match(fs.readFileSync(path.join(dir, 'dev', 'lgc.toml'), 'utf8'), new RegExp(`plugin = "${name}"`));
  });
}

test('logcraft: a plugin prefers the LogCraft project inside its folder to others in the workspace', () => {
  const parent = makeTree({ 'elsewhere/lgc.toml': '[core]\nworkspace = "rules"\nbase_dir = "."\n' });
  const { dir } = generate('logcraft-plugin-rust', parent);
  const { project, projects } = onlyProject(parent, 'logcraft-plugin-rust');
  assert.equal(projects.filter((p) => p.kind === 'logcraft-project').length, 2);
  assert.equal(f5(project, projects).lgcProject, 'dev');
  assert.equal(path.resolve(dir, f5(project, projects).lgcProject!), path.join(dir, 'dev'));
});

for (const templateId of ['ekuiper-source-go', 'ekuiper-sink-go', 'ekuiper-function-go']) {
  test(`${templateId}: build writes the .so the Makefile writes, and F5 loads that file`, () => {
    const { dir } = generate(templateId);
    const { project, projects } = onlyProject(dir, 'ekuiper-native');
    const build = tasksFor(project).find((t) => t.id === 'build')!;
    assert.deepEqual([command(build)], makeDryRun(dir, 'build'));
    fs.mkdirSync(path.dirname(path.join(dir, build.args![4])), { recursive: true });
    fs.writeFileSync(path.join(dir, build.args![4]), 'built');
    const plan = buildLaunchPlan(f5(project, projects), TOOLS);
    assert.ok(
      plan.copies.some((c) => c.from === path.join(dir, build.args![4])),
      JSON.stringify(plan.copies),
    );
  });
}

test("ekuiper-portable-python: package task; F5 installs the members where eKuiper's own install puts them, then starts kuiperd", () => {
  const { dir, name } = generate('ekuiper-portable-python');
  const { project, projects } = onlyProject(dir, 'ekuiper-portable');
  assert.deepEqual(
    tasksFor(project).map((t) => t.id),
    ['package-zip'],
  );
  const home = makeTree({ 'bin/kuiperd': '' });
  const plan = buildLaunchPlan(f5(project, projects), { host: path.join(home, 'bin', 'kuiperd') });
  const copies = new Map(plan.copies.map((c) => [path.relative(dir, c.from), path.relative(home, c.to)]));
  // The zip `make package` writes holds exactly the members installed, each where install puts it.
  const zipped = execFileSync('make', ['-n', '-s', 'package'], { cwd: dir, encoding: 'utf8' });
  assert.match(zipped, new RegExp(`zip -r dist/${name}\\.zip ${name}\\.json main\\.py`));
  assert.equal(copies.get(`${name}.json`), `plugins/portable/${name}/${name}.json`);
  assert.equal(copies.get('main.py'), `plugins/portable/${name}/main.py`);
  assert.equal(copies.get(`sources/${name}.yaml`), `etc/sources/${name}.yaml`);
  assert.equal(copies.get(`functions/${name}Upper.json`), `etc/functions/${name}Upper.json`);
  for (const [from, to] of copies) {
    assert.ok(fs.existsSync(path.join(dir, from)), from);
    assert.ok(to.startsWith(`plugins/portable/${name}/`) || /^etc\/(sources|sinks|functions)\//.test(to), to);
  }
  assert.deepEqual(
    plan.steps.map((s) => [s.command, s.args, s.cwd]),
    [[path.join(home, 'bin', 'kuiperd'), [], home]],
  );
  // A manifest whose executable is gone is refused with the packaging rule, not an ENOENT.
  fs.rmSync(path.join(dir, 'main.py'));
  assert.throws(
    () => buildLaunchPlan(f5(project, projects), { host: path.join(home, 'bin', 'kuiperd') }),
    (e: unknown) => e instanceof LaunchConfigError && /the executable main\.py does not exist/.test(e.message),
  );
});

for (const templateId of ['anklet-handler-go', 'anklet-receiver-go']) {
  test(`${templateId}: generated into an Anklet checkout, make generate-plugins is offered only where the Makefile has it, F5 says which config to write`, () => {
    const checkout = ankletCheckout(
      '# generate-plugins: gone from current Anklet\nVERSION := 1\nbuild:\n\tgo build -o anklet .\n\tgenerate-plugins: not a rule\n',
    );
    const { dir } = generate(templateId, checkout);
    const { project, projects } = onlyProject(checkout, 'anklet');
    assert.deepEqual(
      tasksFor(project).map((t) => t.id),
      ['build'],
    );
    const old = ankletCheckout('generate-plugins:\n\tgo generate ./...\n');
    assert.deepEqual(
      tasksFor(onlyProject(old, 'anklet').project).map((t) => t.id),
      ['build', 'generate-plugins'],
    );
    const example = path.relative(checkout, path.join(dir, 'config.example.yml'));
    // No config.yml and one generated plugin: the session runs with a copy of its example, and says so.
    const session = buildLaunchPlan(f5(project, projects), TOOLS);
    const copy = session.steps[0].args[3];
    assert.deepEqual(session.steps[0].args, ['run', 'main.go', '-c', copy]);
    assert.equal(session.steps[0].cwd, checkout);
    assert.notEqual(path.dirname(copy), checkout);
    assert.deepEqual(session.writes, [
      { file: copy, content: fs.readFileSync(path.join(dir, 'config.example.yml'), 'utf8') },
    ]);
    assert.match(session.notes![0], new RegExp(`has no config\\.yml: this session runs with a copy of ${example}`));
    // A config named in the launch that is missing, or two examples to choose from: say which to copy.
    assert.throws(
      () => buildLaunchPlan({ ...f5(project, projects), config: 'config.yml' }, TOOLS),
      (e: unknown) => e instanceof LaunchConfigError && e.message.includes(`Copy the entries of ${example} into it`),
    );
    const other = templateId === 'anklet-handler-go' ? 'anklet-receiver-go' : 'anklet-handler-go';
    generate(other, checkout);
    assert.throws(
      () => buildLaunchPlan(f5(project, projects), TOOLS),
      (e: unknown) => e instanceof LaunchConfigError && /Copy the entries of .*, .* into it/.test(e.message),
    );
    // With the example's entries copied into config.yml, F5 runs Anklet from the checkout with it.
    fs.copyFileSync(path.join(dir, 'config.example.yml'), path.join(checkout, 'config.yml'));
    const plan = buildLaunchPlan(f5(project, projects), TOOLS);
    assert.deepEqual(plan.steps[0].args, ['run', 'main.go', '-c', path.join(checkout, 'config.yml')]);
    assert.deepEqual(plan.writes, []);
  });
}

test('every template is covered above', () => {
  const covered = fs.readFileSync(__filename, 'utf8');
  for (const template of listTemplates()) assert.ok(covered.includes(`'${template.id}'`), template.id);
  assert.equal(spawnSync('make', ['--version']).status, 0, 'make is the oracle of these tests');
});

test('gatewayd: update-checksum before any build says what the editor diagnostic says, no ENOENT', async () => {
  const { dir } = generate('gatewayd-plugin-go');
  const { project, projects } = onlyProject(dir, 'gatewayd-plugin');
  const manifest = path.join(dir, 'gatewayd_plugin.yaml');
  const task = tasksFor(project).find((t) => t.id === 'update-checksum')!;
  const display = (file: string) => path.relative(dir, file);
  const failure = await task.run!({ project, projects, findFiles: async () => [manifest], display }).then(
    () => undefined,
    (error: Error) => error.message,
  );
  const { diagnostics } = await checkText('gatewayd-plugins', fs.readFileSync(manifest, 'utf8'), manifest);
  const note = diagnostics.find((d) => d.code === 'gatewayd.binary-missing');
  assert.ok(note, JSON.stringify(diagnostics));
  assert.equal(failure, `gatewayd_plugin.yaml: ${note.message}`);
  assert.doesNotMatch(failure!, /ENOENT/);
});
