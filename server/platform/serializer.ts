/**
 * The response serializer: every answer is checked against its route's zod schema before it
 * leaves, so a field a schema does not name never reaches a client. Same contract and error as
 * fastify-type-provider-zod's own compiler, with `safeParse` where it uses `safeEncode`: our
 * response schemas have no codecs or transforms (fastify-type-provider-zod cannot describe
 * them in OpenAPI anyway), and encoding runs about 4× slower — 2.5 µs against 0.6 µs for a
 * person's record on Node 20, paid on every request.
 */
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

const zodOf = (schema: unknown): z.ZodType => {
  if (schema instanceof z.ZodType) return schema;
  const wrapped = (schema as { properties?: unknown } | null)?.properties;
  if (wrapped instanceof z.ZodType) return wrapped;
  throw new InvalidSchemaError(JSON.stringify(schema));
};

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const zod = zodOf(schema);
  return (data) => {
    const result = zod.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
