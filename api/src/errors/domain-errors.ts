/** Errors the domain raises on purpose; format-error.ts maps each to a GraphQL `extensions.code`. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, key: string) {
    super(`${entity} "${key}" does not exist`, { entity, key });
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}

/** An uploaded file that cannot be read as the import template (not XLSX/CSV, corrupt, no header). */
export class InvalidFileError extends DomainError {
  readonly code = 'INVALID_FILE';
}

export class UnsupportedFileTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_FILE_TYPE';
}

export class FileTooLargeError extends DomainError {
  readonly code = 'FILE_TOO_LARGE';
}

export class TooManyRowsError extends DomainError {
  readonly code = 'TOO_MANY_ROWS';
}

/** A REST path that names no resource (NOT_FOUND, like NotFoundError, with a hint of the right form). */
export class UnknownRouteError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/**
 * A request the transport could not read (a malformed multipart part). `extensions.http` reaches
 * graphql-js and Apollo, so a resolver throwing it answers HTTP 400 as the REST routes do.
 */
export class MalformedRequestError extends DomainError {
  readonly code = 'BAD_REQUEST';
  readonly extensions = { http: { status: 400 } };
}

/** A backup that cannot be made or restored as asked (locked database, foreign or damaged file, other schema). */
export class BackupRefusedError extends DomainError {
  readonly code = 'BACKUP_REFUSED';
}
