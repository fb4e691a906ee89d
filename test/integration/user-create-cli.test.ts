import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createScratchDatabase, root } from '../support/servers.ts';
import { withSql } from '../support/sql.ts';

/** `npm run user:create` on a fresh database: the migrations run, the account and its audit entry are written. */
describe('npm run user:create', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase('ntm_user_cli');
  });
  afterAll(() => scratch?.drop());

  const run = (args: string[], stdin: string) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', 'api/src/modules/auth/user-create.cli.ts', ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: scratch.url, USER_PASSWORD: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` }),
      );
      child.stdin!.end(stdin);
    });

  it('creates an admin with the password from standard input, hashed, and audits it', async () => {
    const result = await run(['--username', 'First.Admin', '--role', 'admin'], 'a long cli password\n');
    expect(result.output).toContain('Created admin "first.admin"');
    expect(result.code).toBe(0);
    const rows = await withSql(scratch.url, (q) => q(`select username, role, password_hash from app_user`));
    expect(rows).toEqual([{ username: 'first.admin', role: 'admin', password_hash: expect.stringMatching(/^scrypt\$16384\$8\$1\$/) }]);
    expect(rows[0].password_hash).not.toContain('a long cli password');
    const audit = await withSql(scratch.url, (q) => q(`select actor_username, action, after->>'username' as username from audit_entry`));
    expect(audit).toEqual([{ actor_username: 'cli', action: 'createUser', username: 'first.admin' }]);
  });

  it.each([
    ['a short password', ['--username', 'second', '--role', 'viewer'], 'short\n', /password must be longer/],
    ['a taken username', ['--username', 'FIRST.ADMIN', '--role', 'viewer'], 'a long cli password\n', /first\.admin is taken/],
    ['an editor without a unit', ['--username', 'second', '--role', 'district-editor'], 'a long cli password\n', /needs the code of a district/],
    ['an unknown role', ['--username', 'second', '--role', 'root'], 'a long cli password\n', /Usage/],
  ])('refuses %s and writes nothing', async (_label, args, stdin, message) => {
    const result = await run(args, stdin);
    expect(result.output).toMatch(message);
    expect(result.code).not.toBe(0);
    expect(await withSql(scratch.url, (q) => q(`select count(*)::int as n from app_user`))).toEqual([{ n: 1 }]);
  });
});
