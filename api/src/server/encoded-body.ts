import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import type express from 'express';
import fresh from 'fresh';

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The content codings a kept body is stored in besides identity, best first. */
const codings = ['br', 'gzip'] as const;
type ContentCoding = (typeof codings)[number];

/** Below this size a coding saves less than its header costs (the compression middleware's own threshold). */
const minEncodedBytes = 1024;

/** Brotli's setting per body: 11 (its best, as the built assets) for a few kept answers, 9 for tiles, of which there are thousands. */
const encoders = (brotliQuality: number): Record<ContentCoding, (bytes: Buffer) => Promise<Buffer>> => ({
  br: (bytes) =>
    brotliCompress(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    }),
  gzip: (bytes) => gzip(bytes, { level: 9 }),
});

/**
 * The finished bytes of a response kept in memory (a tile, a kept GraphQL answer) with a content
 * hash validator. Each compressed form is made once, in zlib's thread pool, and then kept: a repeat
 * costs neither serialisation nor compression. No request waits for one: until it is made, the
 * compression middleware compresses that request's copy on the fly.
 */
export class EncodedBody {
  /** Weak: the compressed forms are other bytes of the same representation (RFC 9110 §8.8.1). */
  readonly etag: string;
  private readonly started = new Set<ContentCoding>();
  private readonly made = new Map<ContentCoding, Buffer>();
  private readonly brotliQuality: number;

  constructor(
    readonly identity: Buffer,
    {
      etagPrefix = '',
      brotliQuality = 9,
    }: {
      /** Distinguishes validators of bodies that could hash alike across versions (e.g. the boundary import). */
      etagPrefix?: string;
      brotliQuality?: number;
    } = {},
  ) {
    this.etag = `W/"${etagPrefix}${createHash('sha1').update(identity).digest('base64url')}"`;
    this.brotliQuality = brotliQuality;
  }

  /** The form in this coding if it is made; otherwise starts making it and answers undefined. */
  ready(coding: ContentCoding): Buffer | undefined {
    const bytes = this.made.get(coding);
    if (!bytes) this.start(coding);
    return bytes;
  }

  private start(coding: ContentCoding) {
    if (this.started.has(coding)) return;
    this.started.add(coding);
    encoders(this.brotliQuality)
      [coding](this.identity)
      .then(
        (bytes) => this.made.set(coding, bytes),
        // A failed compression is forgotten; the next request tries again (and is compressed on the fly meanwhile).
        () => this.started.delete(coding),
      );
  }
}

/**
 * Whether the request's If-None-Match names this validator (weakly, `*`, in a list: RFC 9110
 * §13.1.2), so a 304 answers it. Only If-None-Match is passed: `fresh` also treats a request's
 * Cache-Control: no-cache as "not fresh" (a cache's rule; fetch sends it with every conditional
 * request), but an origin server evaluates the precondition all the same (RFC 9110 §13.2.1).
 */
export function clientHolds(req: express.Request, etag: string): boolean {
  return fresh({ 'if-none-match': req.headers['if-none-match'] }, { etag });
}

/** The coding to send: brotli where the client takes it, else gzip, else the bytes as they are. */
export function negotiateCoding(req: express.Request, body: EncodedBody): ContentCoding | 'identity' {
  if (body.identity.byteLength < minEncodedBytes) return 'identity';
  return codings.find((coding) => req.acceptsEncodings(coding) === coding) ?? 'identity';
}

/**
 * Sends a kept body: 304 when the client's If-None-Match holds its validator, else the body in the
 * negotiated coding. The caller sets Content-Type and Cache-Control.
 */
export function sendEncodedBody(req: express.Request, res: express.Response, body: EncodedBody): void {
  res.vary('Accept-Encoding');
  res.set('ETag', body.etag);
  if (clientHolds(req, body.etag)) {
    res.status(304).end();
    return;
  }
  const coding = negotiateCoding(req, body);
  const encoded = coding === 'identity' ? undefined : body.ready(coding);
  if (encoded) res.set('Content-Encoding', coding);
  // Not made yet: sent as is, which the compression middleware compresses on the way, negotiated alike.
  const bytes = encoded ?? body.identity;
  res.status(200).set('Content-Length', String(bytes.byteLength)).end(bytes);
}
