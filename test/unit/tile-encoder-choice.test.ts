import { describe, expect, it } from 'vitest';
import { isConnectionFailure } from '../../api/src/modules/tiles/tile-encoder.ts';

describe('choosing the tile encoder', () => {
  it('falls back to the Node encoder only when the database itself refuses ST_AsMVT', () => {
    // PGlite's PostGIS: "ST_AsMVTGeom: Compiled without protobuf-c support".
    expect(isConnectionFailure(Object.assign(new Error('Compiled without protobuf-c support'), { code: 'XX000' }))).toBe(false);
    expect(isConnectionFailure(Object.assign(new Error('function st_asmvt does not exist'), { code: '42883' }))).toBe(false);
  });

  it('treats a lost connection as no answer, so the choice is asked again', () => {
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
  });
});
