import type express from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import { EncodedBody, sendEncodedBody } from '../../server/encoded-body.ts';
import { accessFor, clientAddressOf, type AuthSettings } from '../auth/authenticate.ts';
import { currentDataVersion } from './data-version.repository.ts';

/** A finished GraphQL answer as it went out, valid while the data version it was computed at holds. */
interface KeptResponse {
  version: string;
  contentType: string;
  body: EncodedBody;
}

/**
 * What the GraphQL layer learns about one request: the operation asks only for answers that depend on
 * their arguments and the data version (kept-response.plugin.ts), read at this version.
 */
export interface ResponseKeeping {
  keepAtVersion?: string;
}

/**
 * Whole answers of versioned queries (map colours, criteria sets, data coverage: kept-response.plugin.ts)
 * kept as the bytes that went out, with their brotli and gzip forms and a validator, keyed by the request as sent (Accept, query, operation name, variables). A hit is
 * answered before GraphQL sees the request: no parse, no validation, no execution and no
 * serialisation, only the read-access decision and one read of the data version. A budget of 0
 * (RESPONSE_CACHE_BYTES=0) turns keeping off; an answer larger than the budget is not kept.
 */
export class KeptResponses {
  private readonly entries: LRUCache<string, KeptResponse> | undefined;

  constructor(capacityBytes: number) {
    // Sized at twice the identity bytes: the compressed forms, made when asked for, are well under that.
    this.entries =
      capacityBytes > 0 ? new LRUCache({ maxSize: capacityBytes, sizeCalculation: (r) => Math.max(r.body.identity.byteLength * 2, 1) }) : undefined;
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  /** The request's key, or undefined for a request that could not be kept (no query text: a persisted query, a multipart upload). */
  static keyOf(req: express.Request): string | undefined {
    const fields = req.method === 'GET' ? getFields(req.query) : req.method === 'POST' && !req.is('multipart/form-data') ? postFields(req.body) : undefined;
    if (!fields) return undefined;
    return JSON.stringify([req.headers.accept ?? '', fields.query, fields.operationName ?? null, fields.variables ?? {}]);
  }

  get(key: string, version: string): KeptResponse | undefined {
    const kept = this.entries?.get(key);
    return kept?.version === version ? kept : undefined;
  }

  has(key: string): boolean {
    return this.entries?.has(key) ?? false;
  }

  keep(key: string, response: KeptResponse): void {
    this.entries?.set(key, response);
  }

  /**
   * The route in front of Apollo: a hit is sent as kept (304 when the client holds it); a miss goes
   * on to GraphQL, and its answer is kept as it is sent if the operation allowed it.
   */
  route(em: EntityManager, auth: AuthSettings, cacheScope: 'public' | 'private'): express.RequestHandler {
    return async (req, res, next) => {
      try {
        const key = this.enabled ? KeptResponses.keyOf(req) : undefined;
        if (!key) return next();
        const keeping: ResponseKeeping = {};
        res.locals.responseKeeping = keeping;
        if (this.has(key) && passesCsrfPrevention(req)) {
          const fork = em.fork();
          // The same decision GraphQL takes (readAccessPlugin): a refusal goes on to GraphQL, which words it.
          const access = await accessFor(fork, req.headers.authorization, auth, clientAddressOf(req));
          const hit = access.mayRead() ? this.get(key, await currentDataVersion(fork)) : undefined;
          if (hit) {
            res.set({ 'Content-Type': hit.contentType, 'Cache-Control': `${cacheScope}, no-cache` }).vary('Accept');
            sendEncodedBody(req, res, hit.body);
            return;
          }
        }
        this.keepWhenSent(key, res, keeping, cacheScope);
        next();
      } catch (error) {
        next(error);
      }
    };
  }

  /** Catches the answer Apollo sends (one string for a single result) and keeps it if the operation allowed it. */
  private keepWhenSent(key: string, res: express.Response, keeping: ResponseKeeping, cacheScope: 'public' | 'private') {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const contentType = res.get('Content-Type');
      if (keeping.keepAtVersion && res.statusCode === 200 && typeof body === 'string' && contentType) {
        // Few answers are kept, each asked for many times: worth brotli at its best, made off the request
        // when first asked for again (an answer a write replaces before anyone asks again costs nothing).
        const kept = new EncodedBody(Buffer.from(body), { brotliQuality: 11 });
        this.keep(key, { version: keeping.keepAtVersion, contentType, body: kept });
        // Apollo says no-store for an answer without cache hints; this one can be revalidated.
        res.set({ ETag: kept.etag, 'Cache-Control': `${cacheScope}, no-cache` }).vary('Accept');
      }
      return send(body);
    };
  }
}

/** Request types a browser sends cross-site without a preflight (Apollo's csrfPrevention list). */
const simpleContentTypes = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Apollo's CSRF prevention, which a hit would otherwise skip: a request must carry a non-simple
 * Content-Type or one of Apollo's preflight headers. Anything else goes on to Apollo, which refuses it.
 */
function passesCsrfPrevention(req: express.Request): boolean {
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !simpleContentTypes.has(contentType)) return true;
  return req.headers['x-apollo-operation-name'] !== undefined || req.headers['apollo-require-preflight'] !== undefined;
}

interface RequestFields {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

function postFields(body: unknown): RequestFields | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName != null && typeof operationName !== 'string')) return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, operationName: operationName ?? undefined, variables: (variables ?? undefined) as RequestFields['variables'] };
}

/** GET carries the variables as JSON text; parsed so that a GET and a POST of one request share a key. */
function getFields(query: express.Request['query']): RequestFields | undefined {
  if (typeof query.query !== 'string') return undefined;
  let variables: unknown;
  if (typeof query.variables === 'string') {
    try {
      variables = JSON.parse(query.variables);
    } catch {
      return undefined;
    }
  }
  return postFields({ query: query.query, operationName: query.operationName, variables });
}
