import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB of memory per hash (OWASP's minimum is 19 MiB). */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
/** At least twice the memory a hash needs, or Node refuses. */
const MAX_MEMORY = 128 * COST.N * COST.r * 2;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, bytes: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, bytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `a password has at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/** `scrypt$N$r$p$<salt>$<key>` (base64): the parameters travel with the hash, so they can grow later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { ...COST, maxmem: MAX_MEMORY }, KEY_BYTES);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** A hash of nothing anyone knows: checked against when the username is unknown, so timing tells nothing. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; with a null `stored`, spends the same time and is false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  const hash = stored ?? (await decoy);
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    { ...options, maxmem: 128 * options.N * options.r * 2 },
    expected.length,
  );
  return stored !== null && timingSafeEqual(actual, expected);
}
