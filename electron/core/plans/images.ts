// Node-only. An acknowledgement image must be what it claims: a renderer bug or a crafted call
// should not store arbitrary bytes labelled image/png in the case file.
const signatures: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};

export function imageMatchesMime(bytes: Buffer, mime: string): boolean {
  return signatures[mime]?.(bytes) ?? false;
}
