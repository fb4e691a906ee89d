/** An encoded tile with its strong validator. */
export interface CachedTile {
  body: Buffer;
  etag: string;
}

/**
 * In-process least-recently-used cache of encoded tiles, bounded by total bytes. Keys carry the
 * boundary import version, and a new version empties the cache at once (old tiles can never be
 * served again, so keeping them would only hold memory).
 */
export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private bytes = 0;
  private version: number | undefined;

  constructor(private readonly maxBytes: number) {}

  get(version: number, key: string): CachedTile | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert so that Map order is least- to most-recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: number, key: string, tile: CachedTile): void {
    if (version !== this.version) this.clear(version);
    if (tile.body.byteLength > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.body.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, tile);
    this.bytes += tile.body.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.byteLength;
    }
  }

  clear(version?: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
