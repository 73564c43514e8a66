// Environment-free. Bech32 (BIP 173) encoding, the text form of age keys: `age1…` recipients and
// `AGE-SECRET-KEY-1…` identities: encoding, and strict decoding (checksum, one case, padding).
const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= generators[i];
  }
  return chk;
}

function toWords(bytes: Uint8Array): number[] {
  const words: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  return words;
}

/** Bech32 of `bytes` under the human-readable part `hrp` (lower case; callers upper-case identities). */
export function bech32Encode(hrp: string, bytes: Uint8Array): string {
  const prefix = hrp.toLowerCase();
  const words = toWords(bytes);
  const expanded = [...[...prefix].map((c) => c.charCodeAt(0) >> 5), 0, ...[...prefix].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return `${prefix}1${[...words, ...checksum].map((w) => charset[w]).join('')}`;
}

/**
 * The bytes of a Bech32 string under `hrp` (compared case-insensitively), or null when it is not
 * one: wrong checksum or part, mixed case, characters outside the charset, or non-zero padding.
 */
export function bech32Decode(hrp: string, text: string): Uint8Array | null {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const lower = text.toLowerCase();
  const prefix = hrp.toLowerCase();
  if (!lower.startsWith(`${prefix}1`) || lower.length < prefix.length + 7) return null;
  const data: number[] = [];
  for (const c of lower.slice(prefix.length + 1)) {
    const v = charset.indexOf(c);
    if (v < 0) return null;
    data.push(v);
  }
  const expanded = [...[...prefix].map((c) => c.charCodeAt(0) >> 5), 0, ...[...prefix].map((c) => c.charCodeAt(0) & 31)];
  if (polymod([...expanded, ...data]) !== 1) return null;
  const words = data.slice(0, -6);
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const w of words) {
    acc = ((acc << 5) | w) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >>> bits) & 0xff);
    }
  }
  if (bits >= 5 || ((acc << (8 - bits)) & 0xff) !== 0) return null;
  return Uint8Array.from(bytes);
}
