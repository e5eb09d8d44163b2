// Generated inputs for the benchmark: CloudQuery multi-document specs, gatewayd_plugins.yaml with
// real binaries at localPath (checksums that match), unrelated YAML, and folders of manifests for
// the CLI. Deterministic: the same size gives the same text.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CloudQuery spec of about `lines` lines: sources naming destinations, every 10th a destination. */
export function cloudquerySpec(lines, prefix = 'main') {
  const out = [];
  let i = 0;
  while (out.length < lines) {
    if (i % 10 === 0) {
      out.push(
        'kind: destination',
        'spec:',
        `  name: ${prefix}-dest-${i}`,
        '  path: cloudquery/postgresql',
        '  version: v8.0.0',
        '  write_mode: overwrite-delete-stale',
        '  spec:',
        '    connection_string: ${PG_CONNECTION}',
        '---',
      );
    } else {
      const dest = `${prefix}-dest-${i - (i % 10)}`;
      out.push(
        'kind: source',
        'spec:',
        `  name: ${prefix}-source-${i}`,
        '  path: cloudquery/aws',
        '  version: v22.0.0',
        '  tables: ["aws_s3_buckets", "aws_ec2_*"]',
        `  destinations: [${dest}]`,
        '  spec:',
        '    regions: [us-east-1]',
        '---',
      );
    }
    i++;
  }
  out.pop(); // no trailing separator
  return out.join('\n') + '\n';
}

/** The line of a mid-file source's `destinations:` and the two values an edit alternates between. */
export function cloudqueryEditTarget(text) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  let line = middle;
  while (!lines[line].startsWith('  destinations: [')) line++;
  const original = lines[line];
  // One valid name, one that is not (an error appears and disappears, as while typing).
  return {
    line,
    values: [original, original.replace(/]$/, 'x]')],
    completeAt: { line, character: '  destinations: ['.length },
  };
}

/** gatewayd_plugins.yaml of about `lines` lines whose entries point at real files (round-robin). */
export function gatewaydPlugins(lines, binaries) {
  const out = [
    'enableMetricsMerger: true',
    'metricsMergerPeriod: 5s',
    'healthCheckPeriod: 5s',
    'reloadOnCrash: true',
    'timeout: 30s',
    'defaultPolicy: passthrough',
    'plugins:',
  ];
  for (let i = 0; out.length < lines; i++) {
    const binary = binaries[i % binaries.length];
    out.push(
      `  - name: plugin-${i}`,
      '    enabled: true',
      `    url: github.com/example-org/plugin-${i}@v1.0.${i}`,
      `    localPath: ${binary.relative}`,
      '    args: ["--log-level", "info"]',
      '    env:',
      '      - MAGIC_COOKIE_KEY=GATEWAYD_PLUGIN',
      '      - MAGIC_COOKIE_VALUE=5712b87aa5d7e9f9e9ab643e6603181c5b796015cb1c09d6f5ada882bf2a1872',
      `    checksum: ${binary.sha256}`,
    );
  }
  return out.join('\n') + '\n';
}

export function gatewaydEditTarget(text) {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (!lines[line].startsWith('  - name: ')) line++;
  const original = lines[line];
  return {
    line,
    values: [original, original + 'x'],
    completeAt: { line: line + 1, character: '    enabled: '.length },
  };
}

/** `count` binaries of `bytes` pseudo-random bytes in `dir/plugins/`, with their SHA-256. */
export function writeBinaries(dir, count = 40, bytes = 64 * 1024) {
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  const binaries = [];
  let seed = 12345;
  for (let b = 0; b < count; b++) {
    const data = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      data[i] = seed >> 16;
    }
    const relative = `./plugins/plugin-bin-${b}`;
    writeFileSync(join(dir, relative), data, { mode: 0o755 });
    binaries.push({ relative, sha256: createHash('sha256').update(data).digest('hex') });
  }
  return binaries;
}

/** A Kubernetes-like YAML that is no manifest of ours (it must cost nothing per keystroke). */
export function unrelatedYaml(lines) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: app-${i}`,
      '  labels:',
      `    app: app-${i}`,
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      containers:',
      `        - name: app-${i}`,
      '          image: nginx:1.27',
      '---',
    );
  }
  out.pop();
  return out.join('\n') + '\n';
}

export function unrelatedEditTarget(text) {
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (!lines[line].startsWith('  replicas: ')) line++;
  return { line, values: [lines[line], '  replicas: 3'], completeAt: { line, character: 2 } };
}

/**
 * `count` small manifests for the CLI: in one folder (CloudQuery specs, which all see each other),
 * or in folders of 20 (a spec folder, a gatewayd_plugins.yaml, an eKuiper source config pair).
 */
export function writeManifestFolder(dir, count, layout) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const folder = layout === 'one' ? dir : join(dir, `project-${Math.floor(i / 20)}`);
    if (layout !== 'one') mkdirSync(folder, { recursive: true });
    if (layout !== 'one' && i % 20 === 0) {
      writeFileSync(
        join(folder, 'gatewayd_plugins.yaml'),
        gatewaydPlugins(30, [{ relative: './missing-binary', sha256: 'ab'.repeat(32) }]),
      );
      continue;
    }
    const n = i % 20;
    const text =
      n % 5 === 0
        ? cloudquerySpec(18, `f${i}`)
        : [
            'kind: source',
            'spec:',
            `  name: src-${i}`,
            '  path: cloudquery/aws',
            '  version: v22.0.0',
            '  tables: ["*"]',
            `  destinations: [f${i - (i % 5)}-dest-0]`,
            '',
          ].join('\n');
    writeFileSync(join(folder, `spec-${i}.yml`), text);
  }
}
