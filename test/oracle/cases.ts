// Tricky scalars and layouts for the YAML oracle: every form the issue lists plus their
// neighbours (signs, prefixes, underscores, case, quoting, tags, timestamps, out-of-range).

const INTEGERS = [
  '0', '7', '-7', '+7', '007', '017', '08', '09', '0o17', '0O17', '0o8', '0x1F', '0X1f', '-0x1F', '+0x1F', '0x_1F', '0x',
  '0b101', '0B101', '-0b101', '0b102', '1_000', '1__000', '_1000', '1000_', '-1_000', '+1_000', '0_7', '0_8',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '99999999999999999999', '0xFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFFF', '0o1777777777777777777777',
  '12:30', '1:30:00', '-12:30', '190:20:30', '1,000', '1 000', '0.', '00', '-0', '+0',
];
const FLOATS = [
  '1.5', '-1.5', '+1.5', '.5', '-.5', '1.', '1e3', '1E3', '1e+3', '1e-3', '1.5e3', '.5e3', '1e400', '-1e400', '1e-400',
  '1_000.5', '1.5_0', '.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.Inf', '.nan', '.NaN', '.NAN', 'inf', 'nan', '.', '..5',
  '1.2.3', '0x1p-2', '6.8523015e+5', '685.230_15e+03', '685_230.15', '190:20:30.15', '1e', 'e3', '.e3',
];
const WORDS = [
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE',
  'false', 'False', 'FALSE', 'tRUE', 'yEs', 'null', 'Null', 'NULL', 'nULL', '~', '', 'none', 'nil', '-', '+', '<<x',
];
const TIMES = [
  '2001-12-14', '2001-1-2', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43Z', '2001-12-14 21:59:43.10',
  '2001-12-14 21:59:43.10 -5', '2002-12-14', '2001-02-29', '2000-02-29', '2001-13-01', '2001-12-32', '01-12-14',
  '2001-12-14T25:00:00Z', '2001-12-14T21:59:43', '20011214', '2001-12', '2001-12-14x',
];
const TEXT = ['hello', 'a b', 'a: b', '${VAR}', '@@plugins.x.connection', '0x1F-a', 'v1.2.3', '1.2.3', '30s', '-5s', '127.0.0.1:8080'];

export const PLAIN_SCALARS = [...INTEGERS, ...FLOATS, ...WORDS, ...TIMES, ...TEXT];

/** YAML documents (value under key `v`) whose decoded type the oracle compares. */
export function yamlCases(): string[] {
  const docs: string[] = [];
  for (const scalar of PLAIN_SCALARS) {
    docs.push(`v: ${scalar}\n`);
    docs.push(`v: "${scalar.replace(/["\\]/g, '\\$&')}"\n`);
    // `[-]`: the yaml package refuses a lone `-` inside a flow sequence that Go's libyaml reads as
    // text (a known difference, in docs/hosts); the block forms above cover it.
    if (!/^[-+]$/.test(scalar)) docs.push(`v: [${scalar.includes(',') ? `'${scalar}'` : scalar}]\n`);
  }
  for (const scalar of ['1', '1.5', 'yes', 'x', '2001-12-14', '0x1F', '"3"', '~', '12:30']) {
    for (const tag of ['!!str', '!!int', '!!float', '!!bool', '!!null', '!custom']) docs.push(`v: ${tag} ${scalar}\n`);
  }
  docs.push('v: |\n  12\n', 'v: >-\n  yes\n', "v: '0x1F'\n", 'v: 1\nv: 2\n', 'base: &b {x: 1}\nv:\n  <<: *b\n  x: yes\n');
  docs.push('yes: 1\nno: 2\non: 3\n1: 4\n0x1F: 5\n', '%YAML 1.2\n---\nv: 1\n', '%YAML 1.1\n---\nv: 1\n', 'v: 1\n---\nv: 2\n');
  docs.push('? [a, b]\n: 1\n', 'v: 1\n...\n', '\uFEFFv: 1\n');
  return docs;
}
