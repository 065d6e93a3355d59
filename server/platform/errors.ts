/**
 * One error model for the whole server (STYLE.md "One error model").
 * Services and rules throw AppError with a stable code; the single Fastify error handler
 * (platform/error-handler.ts) maps `kind` to an HTTP status. The web shows its own
 * Vietnamese / English text for each code, so `message` is for logs, the CLI and API users.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'locked'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export const httpStatusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  locked: 423,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly fields?: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    kind: ErrorKind,
    message: string,
    extra: { fields?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.fields = extra.fields;
    this.details = extra.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** A record the actor may not see answers exactly like a record that does not exist. */
export const notFound = (code: string, what: string) => new AppError(code, 'not_found', `Không tìm thấy ${what}.`);
