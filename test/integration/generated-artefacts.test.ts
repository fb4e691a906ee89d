import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createScratchDatabase, root } from '../support/servers.ts';

const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env } }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error) => ({ code: error.code as number, output: `${error.stdout}${error.stderr}` }),
  );

describe('committed generated artefacts', () => {
  it('api/schema.graphql matches the schema the resolvers build', async () => {
    const result = await tsx('api/src/schema/emit-schema.ts', ['--check']);
    expect(result.output).toContain('up to date');
    expect(result.code).toBe(0);
  });

  describe('migrations', () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    beforeAll(async () => {
      scratch = await createScratchDatabase('ntm_migrations');
    });
    afterAll(() => scratch?.drop());

    it('carry every change of the entities (no drift)', async () => {
      const result = await tsx('api/src/db/create-migration.ts', ['--check'], { DATABASE_URL: scratch.url });
      expect(result.output).toContain('migrations match the entities');
      expect(result.code).toBe(0);
    });
  });
});
