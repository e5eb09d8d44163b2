/** Where the CLI writes; tests and the real process both provide one. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A mistake in how the command was called: message on stderr, exit code 2. */
export class UsageError extends Error {}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
