import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../api/src/modules/auth/password.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores its parameters and a per-password salt, never the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
  });

  it('verifies hashes made with other parameters', async () => {
    const hash = await hashPassword('cheaper hash', { N: 1024, r: 8, p: 1 });
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('cheaper hash', hash)).toBe(true);
  });

  it('treats composed and decomposed Vietnamese the same (NFC)', async () => {
    const hash = await hashPassword('mật khẩu Đình Lập'.normalize('NFD'));
    expect(await verifyPassword('mật khẩu Đình Lập'.normalize('NFC'), hash)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$10$abc'],
    ['absurd parameters', 'scrypt$99999999$8$1$c2FsdA$a2V5'],
    ['a truncated key', 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$a2V5'],
  ])('refuses %s as a stored hash without throwing', async (_label, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
