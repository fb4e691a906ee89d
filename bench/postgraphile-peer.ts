/**
 * PostGraphile 5 as a side-by-side peer on the benchmark's database: the same tables, exposed by
 * introspection (Amber preset + simplified inflection), over HTTP on loopback. Started by
 * run-bench.ts as its own process so that it gets the same treatment as the app server.
 * Usage: tsx bench/postgraphile-peer.ts <connection string> <port> <pool size>
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';

const [connectionString, port, poolSize] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: Number(poolSize) });
const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { port: Number(port), graphqlPath: '/graphql' },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => {
  server.on('error', (e) => console.error(e));
  console.log(`postgraphile ready: http://127.0.0.1:${port}/graphql`);
});
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1');
const stop = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
