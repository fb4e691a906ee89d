import fs from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { PGlite } from '@electric-sql/pglite';

type EmscriptenOptions = Parameters<NodeFS['init']>[1];
interface NodeFsStream {
  nfd?: number;
  node: { mode: number };
}
interface EmscriptenModule {
  FS: {
    filesystems: { NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number }; realPath(node: NodeFsStream['node']): string } };
    isFile(mode: number): boolean;
  };
}

/**
 * PGlite's Node filesystem (Emscripten NODEFS) has no `fsync`: PostgreSQL's fsync() of a WAL or
 * data file returns success without reaching the disk, so `fsync=on` alone would be a promise
 * kept only until the next power cut. This filesystem gives NODEFS streams a real fsync(2)
 * (`wal_sync_method=fsync` routes WAL flushes through it; fdatasync is a no-op in Emscripten).
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: EmscriptenOptions) {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [
      ...((emscriptenOpts.preRun as ((module: EmscriptenModule) => void)[] | undefined) ?? []),
      (module: EmscriptenModule) => {
        const nodefs = module.FS.filesystems.NODEFS;
        nodefs.stream_ops.fsync = (stream) => {
          if (stream.nfd !== undefined && module.FS.isFile(stream.node.mode)) {
            fs.fsyncSync(stream.nfd);
          } else {
            // NODEFS opens directories without a host descriptor; PostgreSQL fsyncs them so that a
            // new WAL segment's directory entry survives a crash.
            const descriptor = fs.openSync(nodefs.realPath(stream.node), 'r');
            try {
              fs.fsyncSync(descriptor);
            } finally {
              fs.closeSync(descriptor);
            }
          }
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as EmscriptenOptions };
  }
}
