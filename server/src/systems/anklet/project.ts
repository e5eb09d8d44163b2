import * as fs from 'node:fs';
import * as path from 'node:path';
import { LaunchConfigError, need, safeList, tempFile, type HostDescriptor, type ProjectKind } from '../projects';

export const ANKLET_PROJECTS: ProjectKind[] = [
  {
    id: 'anklet',
    priority: 40,
    detect: (folder) =>
      folder.goMod.includes('module github.com/veertuinc/anklet') ||
      (folder.goMod && folder.exists(path.join('plugins', 'handlers')) && folder.files.has('main.go'))
        ? { name: 'anklet', details: {} }
        : undefined,
    tasks: () => [
      {
        id: 'build',
        label: 'build',
        group: 'build',
        tool: 'go',
        args: ['build', '-o', 'anklet', '.'],
        problemMatcher: ['$go'],
        detail: 'go build the anklet binary',
      },
      {
        id: 'generate-plugins',
        label: 'make generate-plugins',
        tool: 'make',
        args: ['generate-plugins'],
        detail: 'regenerate the plugin registration',
      },
    ],
    // No "config": config.yml, else (a checkout with one generated plugin) a session copy of its example.
    launch: () => ({ name: 'Anklet: run with config.yml' }),
  },
];

/** Anklet runs from its own checkout: `go run main.go`, with the plugins compiled in. */
export const ANKLET_HOST: HostDescriptor = {
  needsGo: true,
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const go = need(tools.go, 'go was not found on PATH: install Go to run Anklet from source.');
    const configFile = path.resolve(config.project, config.config ?? 'config.yml');
    let run = configFile;
    const writes: Array<{ file: string; content: string }> = [];
    const notes: string[] = [];
    if (!fs.existsSync(configFile)) {
      // A checkout with freshly generated plugins: their example entries are what config.yml needs.
      const examples = ['handlers', 'receivers']
        .flatMap((group) =>
          safeList(path.join(config.project, 'plugins', group)).map(
            (name) => `plugins/${group}/${name}/config.example.yml`,
          ),
        )
        .filter((f) => fs.existsSync(path.join(config.project, f)));
      if (config.config !== undefined || examples.length !== 1) {
        const hint = examples.length
          ? ` Copy the entries of ${examples.join(', ')} into it (with your tokens in the environment)`
          : ' Write one';
        throw new LaunchConfigError(
          `The Anklet config ${configFile} (attribute "config") does not exist.${hint}, or name another file in "config".`,
        );
      }
      // The one generated plugin's example is a whole config: this session runs with a copy of it.
      run = tempFile('config.yml');
      writes.push({ file: run, content: fs.readFileSync(path.join(config.project, examples[0]), 'utf8') });
      notes.push(
        `${config.project} has no config.yml: this session runs with a copy of ${examples[0]} at ${run}. Copy it to config.yml to keep it (secrets come from the environment).`,
      );
    }
    return {
      copies: [],
      writes,
      notes,
      steps: [
        {
          role: 'host',
          command: go,
          args: ['run', 'main.go', '-c', run, ...(config.args ?? [])],
          cwd: config.project,
          env: { LOG_LEVEL: 'dev', ...env },
        },
      ],
    };
  },
};
