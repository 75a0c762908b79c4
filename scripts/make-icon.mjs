// Draws images/icon.png (128×128, the Marketplace icon): a blue rounded square with a white "<" for web.config
// and three log lines (time stamp, message), one highlighted as a warning. Only node:zlib, so anyone can redraw it.
// Usage: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

const TOP_BLUE = [0x1e, 0x6f, 0xc8];
const BOTTOM_BLUE = [0x0b, 0x4a, 0x8b];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xff, 0xc1, 0x07];

/** Distance from (x, y) to the segment a-b: a capsule of radius r is `distance <= r`. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.max(radius, Math.min(SIZE - radius, x));
  const cy = Math.max(radius, Math.min(SIZE - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** Shapes painted over the background, last on top: each is a list of segments, a stroke radius and a colour. */
const STROKES = [
  { segments: [[[50, 38], [28, 64]], [[28, 64], [50, 90]]], radius: 6.5, color: WHITE },
  // A log line: a short time stamp, then the message.
  { segments: [[[64, 44], [70, 44]], [[80, 44], [104, 44]]], radius: 4.5, color: WHITE },
  { segments: [[[64, 64], [70, 64]], [[80, 64], [96, 64]]], radius: 4.5, color: AMBER },
  { segments: [[[64, 84], [70, 84]], [[80, 84], [100, 84]]], radius: 4.5, color: WHITE },
];

function pixel(px, py) {
  let background = 0;
  const strokeCoverage = STROKES.map(() => 0);
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (!insideRoundedSquare(x, y, 24)) continue;
      background++;
      STROKES.forEach((stroke, index) => {
        if (stroke.segments.some(([a, b]) => segmentDistance(x, y, a, b) <= stroke.radius)) strokeCoverage[index]++;
      });
    }
  }
  const total = SAMPLES * SAMPLES;
  const t = py / (SIZE - 1);
  let color = TOP_BLUE.map((top, channel) => top + (BOTTOM_BLUE[channel] - top) * t);
  STROKES.forEach((stroke, index) => {
    const alpha = background === 0 ? 0 : strokeCoverage[index] / background;
    color = color.map((value, channel) => value + (stroke.color[channel] - value) * alpha);
  });
  return [...color.map(Math.round), Math.round((255 * background) / total)];
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

// Each row: filter type 0 (none), then RGBA pixels.
const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), rowStart + 1 + x * 4);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
