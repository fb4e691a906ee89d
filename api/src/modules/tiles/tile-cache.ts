import { LRUCache } from 'lru-cache';
import type { EncodedBody } from '../../server/encoded-body.ts';

/** An encoded tile with its validator and compressed forms. */
export type CachedTile = EncodedBody;

/**
 * In-process least-recently-used cache of encoded tiles, bounded by total bytes. Keys carry the
 * boundary import version, and a new version empties the cache at once (old tiles can never be
 * served again, so keeping them would only hold memory). A budget of 0 turns it off.
 */
export class TileCache {
  private readonly entries: LRUCache<string, CachedTile> | undefined;
  private version: number | undefined;

  constructor(maxBytes: number) {
    // Sized by the tile's own bytes when kept; its compressed forms, made later, add about half again.
    // An empty tile still counts a byte: lru-cache sizes entries by positive integers.
    this.entries = maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (tile) => Math.max(tile.identity.byteLength, 1) }) : undefined;
  }

  get(version: number, key: string): CachedTile | undefined {
    return version === this.version ? this.entries?.get(key) : undefined;
  }

  /** A tile larger than the whole budget is not kept. */
  set(version: number, key: string, tile: CachedTile): void {
    if (version !== this.version) this.clear(version);
    this.entries?.set(key, tile);
  }

  clear(version?: number): void {
    this.entries?.clear();
    this.version = version;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  get totalBytes(): number {
    return this.entries?.calculatedSize ?? 0;
  }
}
