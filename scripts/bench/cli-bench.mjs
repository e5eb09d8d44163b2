// The CLI's files/second on folders of manifests, against the floor script (read + parse only).
// Runs interleaved; wall time and peak RSS from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeManifestFolder } from './generate.mjs';
import { median } from './stats.mjs';

function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const lines = result.stderr.trim().split('\n');
  const [seconds, kb] = lines[lines.length - 1].split(' ').map(Number);
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { seconds, rssMb: kb / 1024 };
}

export function cliBench({ root, counts, sessions, dist }) {
  const rows = [];
  for (const count of counts) {
    for (const layout of ['one', 'many']) {
      const dir = join(root, `cli-${layout}-${count}`);
      if (!existsSync(dir)) {
        mkdirSync(dir, { recursive: true });
        writeManifestFolder(dir, count, layout);
      }
      const floor = [];
      const cli = [];
      for (let s = 0; s < sessions; s++) {
        const runFloor = () => floor.push(timed(['scripts/bench/floor.mjs', dir]));
        const runCli = () => cli.push(timed([`${dist}/cli.js`, 'check', '--format', 'json', dir]));
        for (const run of s % 2 === 0 ? [runFloor, runCli] : [runCli, runFloor]) run();
      }
      const floorRate = count / median(floor.map((r) => r.seconds));
      const cliRate = count / median(cli.map((r) => r.seconds));
      rows.push({
        count,
        layout,
        floorRate,
        cliRate,
        ratio: cliRate / floorRate,
        cliRss: median(cli.map((r) => r.rssMb)),
        floorRss: median(floor.map((r) => r.rssMb)),
      });
    }
  }
  return rows;
}
