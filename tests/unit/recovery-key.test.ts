import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newRecoveryKey, open, parseRecoveryKey, seal } from '../../electron/core/vault/crypto';
import { lockoutSeconds } from '../../electron/core/session/logins';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The recovery-key text for a known secret, built independently of the code under test. */
function encode(secret: Buffer): string {
  const bytes = Buffer.concat([secret, crypto.createHash('sha256').update(secret).digest().subarray(0, 2)]);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  while (bits.length % 5) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

describe('recovery keys', () => {
  it('are 256 random bits with a checksum, written in groups of four Crockford base32 characters', () => {
    const { text, secret } = newRecoveryKey();
    expect(secret).toHaveLength(32);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4}){13}$/);
    expect(text).toBe(encode(secret));
    expect(parseRecoveryKey(text)?.equals(secret)).toBe(true);
    expect(newRecoveryKey().text).not.toBe(text);
  });

  it('are accepted as people type them: any case, spaces or no separators, O for 0, I or L for 1', () => {
    const secret = crypto.createHash('sha256').update('fixed test secret').digest();
    const text = encode(secret);
    for (const typed of [text.toLowerCase(), text.replace(/-/g, ' '), text.replace(/-/g, ''), ` ${text} `, text.replace(/0/g, 'O').replace(/1/g, 'l')]) {
      expect(parseRecoveryKey(typed)?.equals(secret), typed).toBe(true);
    }
  });

  it('a single mistyped character is caught by the checksum', () => {
    const secret = crypto.createHash('sha256').update('fixed test secret').digest();
    const compact = encode(secret).replace(/-/g, '');
    // The last character also carries padding bits, so only the 54 full characters are checked.
    for (let i = 0; i < compact.length - 1; i++) {
      const wrong = alphabet[(alphabet.indexOf(compact[i]) + 1) % 32];
      expect(parseRecoveryKey(compact.slice(0, i) + wrong + compact.slice(i + 1)), `position ${i}`).toBeNull();
    }
  });

  it('a missing group, an extra group or a foreign character is refused', () => {
    const text = newRecoveryKey().text;
    expect(parseRecoveryKey(text.slice(0, -5))).toBeNull();
    expect(parseRecoveryKey(`${text}-AAAA`)).toBeNull();
    expect(parseRecoveryKey(text.replace(/^./, 'U'))).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
  });
});

describe('sealed boxes', () => {
  it('open only with the same key and the same slot label, and not after any change', () => {
    const key = crypto.randomBytes(32);
    const box = seal(key, Buffer.from('data key bytes'), 'homeward/slot/a/private');
    expect(open(key, box, 'homeward/slot/a/private')?.toString()).toBe('data key bytes');
    expect(open(crypto.randomBytes(32), box, 'homeward/slot/a/private')).toBeNull();
    // A slot copied under another user's id does not open: the label binds it to its slot.
    expect(open(key, box, 'homeward/slot/b/private')).toBeNull();
    const flipped = Buffer.from(box.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(open(key, { ...box, ciphertext: flipped.toString('base64') }, 'homeward/slot/a/private')).toBeNull();
  });
});

describe('login back-off', () => {
  it('waits nothing for two failures, then 5 s, 15 s, and doubles from a minute up to 15 minutes', () => {
    expect(Array.from({ length: 12 }, (_, i) => lockoutSeconds(i + 1))).toEqual([0, 0, 5, 15, 60, 120, 240, 480, 900, 900, 900, 900]);
  });
});
