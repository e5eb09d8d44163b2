// Draws images/icon.png (128x128): a plug on a rounded tile with a check mark, rendered from
// signed distances with 4x4 supersampling. Run by hand when the icon changes; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const box = (x, y, cx, cy, hw, hh, r) => {
  const dx = Math.abs(x - cx) - hw + r;
  const dy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by, w) => {
  const px = x - ax,
    py = y - ay,
    vx = bx - ax,
    vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - w;
};

function color(x, y) {
  if (box(x, y, 64, 64, 62, 62, 22) > 0) return [0, 0, 0, 0];
  const plug = Math.min(
    box(x, y, 64, 70, 26, 20, 9), // body
    box(x, y, 52, 40, 5, 14, 2), // prongs
    box(x, y, 76, 40, 5, 14, 2),
    box(x, y, 64, 100, 7, 14, 3), // cable
  );
  const check = Math.min(segment(x, y, 50, 70, 60, 80, 4.5), segment(x, y, 60, 80, 80, 58, 4.5));
  if (check < 0) return [30, 42, 56, 255];
  if (plug < 0) return [94, 196, 150, 255];
  const t = y / SIZE;
  return [Math.round(30 + 10 * t), Math.round(42 + 12 * t), Math.round(56 + 18 * t), 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const c = color(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
        acc[3] += c[3];
      }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const a = acc[3] / 16;
    for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8;
header[9] = 6;
writeFileSync(
  'images/icon.png',
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
console.log('images/icon.png written');
