import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatusOfKind, type FieldIssue } from './errors.ts';
import { maskPersonalData } from './logging.ts';

/** The one body every error answers with: { error: { code, message, fields? } }. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldIssue[] };
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Known Fastify / database errors that are the client's fault, never a 500. */
function translate(err: FastifyError & { code?: string; constraint?: string }): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('BODY_TOO_LARGE', 'too_large', 'Dữ liệu gửi lên vượt quá giới hạn cho phép.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'unsupported_media_type',
        'Kiểu nội dung (Content-Type) không được hỗ trợ.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_BODY', 'invalid', 'Nội dung gửi lên không phải JSON hợp lệ.');
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', 'invalid', 'Dữ liệu không hợp lệ.');
    case '23505':
      return new AppError('ALREADY_EXISTS', 'conflict', 'Bản ghi đã tồn tại.');
    case '23503':
      return new AppError('REFERENCE_NOT_FOUND', 'invalid', 'Dữ liệu tham chiếu không tồn tại.');
    case '22021': // invalid byte sequence (e.g. a NUL character in text)
    case '22P05': // untranslatable character
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '23514':
      return new AppError('VALIDATION_FAILED', 'invalid', 'Dữ liệu không hợp lệ.');
    case '40001':
      return new AppError('TRY_AGAIN', 'conflict', 'Dữ liệu vừa thay đổi, vui lòng thử lại.');
  }
  if (err.statusCode === 429)
    return new AppError('RATE_LIMITED', 'rate_limited', 'Quá nhiều yêu cầu, vui lòng thử lại sau.');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && err.code?.startsWith('FST_')) {
    return new AppError('BAD_REQUEST', 'invalid', 'Yêu cầu không hợp lệ.');
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [
          err.validationContext,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'không hợp lệ',
      }));
      return send(reply, 400, { error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.', fields } });
    }
    if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, issues: err.cause?.issues } },
        'response did not match its schema',
      );
      return send(reply, 500, { error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' } });
    }
    const appError = err instanceof AppError ? err : translate(err as FastifyError & { constraint?: string });
    if (appError) {
      if (appError.kind === 'unavailable') request.log.warn({ code: appError.code }, appError.message);
      return send(reply, httpStatusOfKind[appError.kind], {
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.fields ? { fields: appError.fields } : {}),
        },
      });
    }
    // Anything else is our fault: log it with the request id, tell the client nothing more.
    request.log.error(
      { err: { message: maskPersonalData(String(err.message)), code: err.code, stack: err.stack } },
      'unhandled error',
    );
    return send(reply, 500, { error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' } });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      error: { code: 'ROUTE_NOT_FOUND', message: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.` },
    }),
  );
}
