/**
 * Opens an embedded database in the folder given as argument, commits one row and closes it:
 * run under strace by the durability test to see which writes reach the disk.
 */
import { openEmbeddedPglite } from '../../api/src/db/embedded-postgis.ts';

const [pgDir, mode] = process.argv.slice(2);
const db = await openEmbeddedPglite(pgDir, mode === 'unsafe');
await db.exec('create table if not exists probe (id serial primary key, at timestamptz default now())');
console.log('COMMIT-START');
await db.exec('insert into probe default values');
console.log('COMMIT-END');
await db.close();
