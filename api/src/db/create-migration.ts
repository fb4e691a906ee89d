/**
 * Writes a migration for the difference between the entities and a database migrated to the
 * latest committed migration. Usage: DATABASE_URL=postgres://… npm run migration:create
 * (then add the new class to migrations/index.ts). With `--check` it writes nothing and exits
 * non-zero when the entities have changes no committed migration carries.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './mikro-orm.config.ts';

const clientUrl = process.env.DATABASE_URL;
if (!clientUrl) throw new Error('Set DATABASE_URL to a scratch PostGIS database.');
const orm = await MikroORM.init(ormConfig({ clientUrl, poolMax: 1 }));
try {
  const migrator = orm.migrator;
  await migrator.up();
  if (process.argv.includes('--check')) {
    const pending = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    if (pending.trim()) {
      console.error(`The entities differ from the committed migrations; run npm run migration:create:\n${pending}`);
      process.exitCode = 1;
    } else {
      console.log('migrations match the entities');
    }
  } else {
    const result = await migrator.create();
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  }
} finally {
  await orm.close();
}
