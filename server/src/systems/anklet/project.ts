import * as fs from 'node:fs';
import * as path from 'node:path';
import { LaunchConfigError, need, safeList, type HostDescriptor, type ProjectKind } from '../projects';

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
    launch: () => ({ name: 'Anklet: run with config.yml', config: 'config.yml' }),
  },
];

/** Anklet runs from its own checkout: `go run main.go`, with the plugins compiled in. */
export const ANKLET_HOST: HostDescriptor = {
  needsGo: true,
  plan: (config, tools) => {
    const env = { ...(config.env ?? {}) };
    const go = need(tools.go, 'go was not found on PATH: install Go to run Anklet from source.');
    const configFile = path.resolve(config.project, config.config ?? 'config.yml');
    if (!fs.existsSync(configFile)) {
      // A checkout with freshly generated plugins: their example entries are what config.yml needs.
      const examples = ['handlers', 'receivers']
        .flatMap((group) =>
          safeList(path.join(config.project, 'plugins', group)).map(
            (name) => `plugins/${group}/${name}/config.example.yml`,
          ),
        )
        .filter((f) => fs.existsSync(path.join(config.project, f)));
      const hint = examples.length
        ? ` Copy the entries of ${examples.join(', ')} into it (with your tokens in the environment)`
        : ' Write one';
      throw new LaunchConfigError(
        `The Anklet config ${configFile} (attribute "config") does not exist.${hint}, or name another file in "config".`,
      );
    }
    return {
      copies: [],
      writes: [],
      steps: [
        {
          role: 'host',
          command: go,
          args: ['run', 'main.go', '-c', configFile, ...(config.args ?? [])],
          cwd: config.project,
          env: { LOG_LEVEL: 'dev', ...env },
        },
      ],
    };
  },
};
