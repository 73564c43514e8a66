// Node-only. Small, real PNG pictures for the generator: a signature-like stroke and a
// thumbprint-like whorl, so generated acknowledgements look like the ones workers record. Each is
// drawn once and shared by every generated case.
import zlib from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes an 8-bit greyscale image (0 black … 255 white) as a PNG. */
function greyPng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x += 1) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A looping handwritten-looking stroke across a white box. */
export const signaturePng: Buffer = (() => {
  const width = 300;
  const height = 100;
  const ink = new Uint8Array(width * height).fill(255);
  for (let t = 0; t < 1; t += 0.0004) {
    const x = 20 + t * 260 + 14 * Math.sin(t * 40);
    const y = 55 + 22 * Math.sin(t * 19) * Math.cos(t * 3) - 10 * Math.cos(t * 40);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px >= 0 && px < width && py >= 0 && py < height) ink[py * width + px] = 30;
      }
    }
  }
  return greyPng(width, height, (x, y) => ink[y * width + x]);
})();

/** Concentric, slightly wavy ridges in an oval, as an ink thumbprint scans. */
export const thumbprintPng: Buffer = greyPng(120, 160, (x, y) => {
  const dx = (x - 60) / 50;
  const dy = (y - 80) / 70;
  const r = Math.sqrt(dx * dx + dy * dy);
  if (r > 1) return 255;
  const ridge = Math.sin(r * 60 + Math.sin(Math.atan2(dy, dx) * 3) * 1.5);
  return ridge > 0.2 ? 60 : 235;
});
