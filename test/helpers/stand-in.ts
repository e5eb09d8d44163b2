import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a stand-in for a host program (gatewayd, cloudquery, kuiperd, lgc, go): a small Node
 * script that records its argv, env and cwd to <dir>/<name>.record.json, prints a few lines,
 * starts a child of its own (to prove that stopping kills the whole process tree), and then either
 * exits or keeps running. Named as such: these are test doubles, not the real hosts.
 */
export function writeStandIn(
  dir: string,
  name: string,
  behaviour: {
    exitCode?: number;
    stayAlive?: boolean;
    /** Files a build tool writes (relative to its cwd), and whether it writes the file after `-o`. */
    creates?: string[];
    writesOutput?: boolean;
  } = {},
): string {
  const file = path.join(dir, name);
  const record = path.join(dir, `${name}.record.json`);
  const script = `#!${process.execPath}
// Stand-in for ${name}: records how it was started. Test double, not the real program.
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, pid: process.pid, grandchild: grandchild.pid }));
// Like a build tool: leaves behind what the real one would write, so that later steps find it.
const outputs = ${JSON.stringify(behaviour.creates ?? [])};
const o = process.argv.indexOf('-o');
if (${Boolean(behaviour.writesOutput)} && o > 0) outputs.push(process.argv[o + 1]);
for (const output of outputs) {
  require('node:fs').mkdirSync(require('node:path').dirname(require('node:path').resolve(output)), { recursive: true });
  fs.writeFileSync(output, '${name} stand-in output', { mode: 0o755 });
}
console.log('${name} stand-in: starting in dev mode');
console.error('${name} stand-in: a line on stderr');
// Like a plugin server: listen where --address says.
const at = process.argv.indexOf('--address');
if (at > 0) require('node:net').createServer(() => {}).listen(Number(process.argv[at + 1].split(':').pop()), '127.0.0.1');
${behaviour.stayAlive ? 'setInterval(() => {}, 1000);' : `setTimeout(() => { grandchild.kill(); process.exit(${behaviour.exitCode ?? 0}); }, 100);`}
`;
  fs.writeFileSync(file, script, { mode: 0o755 });
  return file;
}

export function readRecord(
  dir: string,
  name: string,
): { argv: string[]; cwd: string; env: Record<string, string>; pid: number; grandchild: number } {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.record.json`), 'utf8'));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
