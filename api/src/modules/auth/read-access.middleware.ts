import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';

/** With PUBLIC_READ=false, every top-level query but `me` needs a login; mutations check their own rights. */
export const readAccess: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  if (info.parentType.name === 'Query' && info.fieldName !== 'me') context.access.requireRead();
  return next();
};
