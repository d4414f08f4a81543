// Short unguessable tokens for the buttons under replies, drawn from a pool of system entropy
// refilled 4 KiB at a time: one system call per few hundred replies instead of one per reply.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let used = pool.length;

/** `bytes` random bytes as base64url (6 bytes: 8 characters). */
export function randomToken(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 64) throw new RangeError(`a token is 1 to 64 bytes, not ${bytes}`);
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + bytes);
  used += bytes;
  return token;
}
