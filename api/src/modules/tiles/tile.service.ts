import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { lodForZoom } from './level-of-detail.ts';
import { tileCodeLists, tileLevels, type TileLevel } from './tile-level.ts';
import { codeListInForce, isIsoDate, today } from '../admin-units/code-lists.ts';
import type { TileCache, CachedTile } from './tile-cache.ts';
import { chooseTileEncoder, type TileAddress, type TileEncoder } from './tile-encoder.ts';
import { latestBoundaryImportId } from './tile-geometry-build.ts';
import { readPrerenderedTile } from './tile-pyramid.ts';
import { EncodedBody } from '../../server/encoded-body.ts';

export const maxTileZoom = 16;
/** How long a known boundary version is trusted before the database is asked again. */
const versionCheckMs = 2000;

/** What a tile request (or its TileJSON and style) is about: a level of the units in force on a date. */
export interface TileScope {
  level: TileLevel;
  codeList: (typeof tileCodeLists)[number]['codeList'];
  /** The date asked for, or undefined for today (what no date means). */
  asOf: string | undefined;
}

/**
 * Reads `level` and `?asOf=YYYY-MM-DD` (default today) into the code list in force that day; refuses a
 * level not in force then (no district from 01/07/2025). Every problem is named in the error.
 */
export function parseTileScope(level: string, asOf?: unknown): TileScope {
  if (!(tileLevels as readonly string[]).includes(level)) {
    throw new InvalidInputError(`unknown level "${level}": use one of ${tileLevels.join(', ')}`, { level });
  }
  if (asOf !== undefined && (typeof asOf !== 'string' || !isIsoDate(asOf))) {
    throw new InvalidInputError(`asOf must be a date written YYYY-MM-DD, got "${String(asOf)}"`, { asOf: String(asOf) });
  }
  const date = (asOf as string | undefined) ?? today();
  const codeList = codeListInForce(date);
  const served = tileCodeLists.find((c) => c.codeList === codeList)!;
  if (!(served.levels as readonly string[]).includes(level)) {
    throw new InvalidInputError(`no ${level} is in force on ${date} (code list ${codeList} has ${served.levels.join(', ')})`, { level, asOf: date });
  }
  return { level: level as TileLevel, codeList, asOf: asOf as string | undefined };
}

/**
 * Parses and bounds `/tiles/{level}/{z}/{x}/{y}.pbf?asOf=YYYY-MM-DD`; every problem is named in the
 * error. The tile shows the units in force on `asOf` (default: today), so a code list per date.
 */
export function parseTileAddress(level: string, z: string, x: string, y: string, asOf?: unknown): TileAddress {
  const scope = parseTileScope(level, asOf);
  const zoom = parseTileInteger('z', z, maxTileZoom);
  const column = parseTileInteger('x', x, 2 ** zoom - 1);
  const row = parseTileInteger('y', y, 2 ** zoom - 1);
  return { codeList: scope.codeList, level: scope.level, z: zoom, x: column, y: row, lod: lodForZoom(zoom) };
}

function parseTileInteger(name: string, raw: string, max: number): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > max) {
    throw new InvalidInputError(`${name} must be an integer from 0 to ${max}, got "${raw}"`, { [name]: raw });
  }
  return Number(raw);
}

/** Vector tiles of the units of a code list, cached per boundary import. */
export class TileService {
  private encoder: Promise<TileEncoder> | undefined;
  private version: { id: number; checkedAt: number } | undefined;

  constructor(
    private readonly em: EntityManager,
    readonly cache: TileCache,
    /** Zooms up to this one are read from the tiles stored at boundary import (tile-pyramid.ts). */
    private readonly prerenderMaxZoom: number,
  ) {}

  encoderName(): Promise<TileEncoder['name']> {
    return this.tileEncoder().then((e) => e.name);
  }

  async tile(address: TileAddress): Promise<CachedTile> {
    const version = await this.boundaryVersion();
    const key = `${address.codeList}/${address.level}/${address.z}/${address.x}/${address.y}`;
    const cached = this.cache.get(version, key);
    if (cached) return cached;
    const body = (address.z <= this.prerenderMaxZoom && (await readPrerenderedTile(this.em.fork(), address, version))) || (await this.encode(address));
    const tile = new EncodedBody(body, { etagPrefix: `${version}-` });
    this.cache.set(version, key, tile);
    return tile;
  }

  private async encode(address: TileAddress): Promise<Buffer> {
    const encoder = await this.tileEncoder();
    return encoder.encode(this.em.fork(), address);
  }

  private tileEncoder(): Promise<TileEncoder> {
    // A choice that failed (the connection dropped while probing) is forgotten, so the next tile asks again.
    this.encoder ??= chooseTileEncoder(this.em.fork()).catch((error: unknown) => {
      this.encoder = undefined;
      throw error;
    });
    return this.encoder;
  }

  /** The latest boundary import; a new import (even by another process) changes it and so every key. */
  private async boundaryVersion(): Promise<number> {
    const now = Date.now();
    if (!this.version || now - this.version.checkedAt > versionCheckMs) {
      this.version = { id: (await latestBoundaryImportId(this.em)) ?? 0, checkedAt: now };
    }
    return this.version.id;
  }
}
