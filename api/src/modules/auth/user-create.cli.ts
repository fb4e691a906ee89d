/**
 * Creates an account from the command line, e.g. the first admin:
 *   USER_PASSWORD='a long passphrase' npm run user:create -- --username admin --role admin
 *   npm run user:create -- --username chilang --role district-editor --unit 187 < password.txt
 * The password comes from USER_PASSWORD or the first line of standard input, never from an argument
 * (arguments show up in process lists and shell history). Uses DATABASE_URL or the embedded database
 * in DATA_DIR (with the server stopped).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { validate } from 'class-validator';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { operatorActor } from './access.ts';
import { Role } from './user.entity.ts';
import { UserInput } from './user.input.ts';
import { createUser, userSnapshot } from './user.service.ts';

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer USER_PASSWORD or a pipe): ');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, 'display-name': { type: 'string' } },
  });
  const roles = Object.values(Role) as string[];
  if (!values.username || !values.role || !roles.includes(values.role)) {
    console.error(`Usage: npm run user:create -- --username NAME --role ${roles.join('|')} [--unit GSO_CODE] [--display-name TEXT]`);
    return 2;
  }
  const input = Object.assign(new UserInput(), {
    username: values.username,
    password: await readPassword(),
    role: values.role as Role,
    unitCode: values.unit,
    displayName: values['display-name'],
  });
  const problems = await validate(input);
  if (problems.length) {
    for (const p of problems) console.error(`${p.property}: ${Object.values(p.constraints ?? {}).join(', ')}`);
    return 1;
  }
  const database = await openDatabase(loadConfig(), () => {});
  try {
    const user = await database.orm.em.fork().transactional(async (tx) => {
      const created = await createUser(tx, input);
      recordAudit(tx, {
        actor: { ...operatorActor, username: 'cli' },
        action: 'createUser',
        entity: 'user',
        entityId: created.id,
        unitCode: created.unit?.code,
        before: null,
        after: userSnapshot(created),
      });
      return created;
    });
    console.log(`Created ${user.role} "${user.username}"${user.unit ? ` for ${user.unit.code} ${user.unit.name}` : ''}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
