import { isMainThread } from 'node:worker_threads';
import { CHECK_USAGE, runCheck } from './check-command';
import { NEW_USAGE, runNew } from './new-command';
import { processIo, UsageError, type Io } from './io';
import { VERSION } from './version';

const USAGE = `Usage: plugin-workbench <command> [options]

Commands:
  check [--format text|json|sarif|codequality] [--kind <kind-id>] <file-or-dir>...   validate plugin manifests
  new <template-id> --name <name> [--dir <parent>] [--set key=value]...              create a new plugin project
  new --list                                                                         list the templates

Run "plugin-workbench <command> --help" for a command's options.`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'new':
        return runNew(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE + '\n');
        return 0;
      case undefined:
        io.stderr(USAGE + '\n');
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = command === 'check' ? CHECK_USAGE : command === 'new' ? NEW_USAGE : USAGE;
      io.stderr(`plugin-workbench: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    io.stderr(`plugin-workbench: internal error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

/** Runs the command line of this process and sets its exit code. */
export function run(): void {
  // A reader that stops early (`check … | head`) closes the pipe: the rest of the report has
  // nowhere to go. The run ends with the check's own exit code instead of an unhandled EPIPE stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (node dist/cli-main.js); dist/cli.js loads it and calls run(). A check worker thread
// loads this file too (the bundle is one file): it must not run the CLI.
if (require.main === module && isMainThread) run();
