/**
 * PostGraphile 5 as a side-by-side peer on the benchmark's database: the same tables, exposed by
 * introspection (Amber preset + simplified inflection), over HTTP on loopback. Started by
 * run-bench.ts as its own process so that it gets the same treatment as the app server.
 * Usage: tsx bench/postgraphile-peer.ts <connection string> <port> <pool size>
 *
 * PostGraphile 5 declares Node >= 22; the one Node 22 feature it uses is Promise.withResolvers
 * (without it every database-backed field resolves to an opaque error), so the peer supplies it
 * on Node 20, before PostGraphile loads.
 */
import './node22-promise-with-resolvers.ts';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';

const [connectionString, port, poolSize] = process.argv.slice(2);
const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ connectionString, poolConfig: { max: Number(poolSize) }, schemas: ['public'] })],
  grafserv: { port: Number(port), graphqlPath: '/graphql' },
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
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
