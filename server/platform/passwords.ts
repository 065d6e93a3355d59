import crypto from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, t=3, p=4), as OWASP recommends, of the password in
 * NFC: "ệ" typed precomposed on one keyboard and decomposed on another is the same password.
 */
export const hashPassword = (password: string) => argon2.hash(password.normalize('NFC'), { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // An account without a password (single sign-on only) still costs one verification, so
  // timing does not tell which usernames exist.
  const target = hash ?? (await dummyHash);
  try {
    const nfc = password.normalize('NFC');
    // Hashes made before passwords were normalised hold the text as it was typed.
    const ok = (await argon2.verify(target, nfc)) || (nfc !== password && (await argon2.verify(target, password)));
    return ok && hash !== null;
  } catch {
    return false;
  }
}

const dummyHash = argon2.hash(crypto.randomBytes(16).toString('hex'), { type: argon2.argon2id });

/** A readable temporary password: four groups, 19 characters, no look-alike letters. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const group = () => Array.from(crypto.randomBytes(4), (b) => alphabet[b % alphabet.length]).join('');
  return [group(), group(), group(), group()].join('-');
}

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');
export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
