import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.ts';

const View = z.object({ id: z.string().uuid(), name: z.string(), grants: z.array(z.object({ role: z.string() })) });
const serialize = serializerCompiler({ schema: View, method: 'GET', url: '/x/:id', httpStatus: '200' } as never) as (
  data: unknown,
) => string;
const id = '5c18d563-1849-4a8e-8ea0-24d84de41438';

describe('the response serializer', () => {
  it('writes only the fields the schema names, at every depth', () => {
    const out = JSON.parse(
      serialize({ id, name: 'Xã Vĩnh Bảo', passwordHash: 'secret', grants: [{ role: 'commune_leader', token: 'x' }] }),
    );
    expect(out).toEqual({ id, name: 'Xã Vĩnh Bảo', grants: [{ role: 'commune_leader' }] });
  });

  it('refuses an answer that does not match its schema, naming the route', () => {
    let error: unknown;
    try {
      serialize({ id: 'not-a-uuid', name: 'x', grants: [] });
    } catch (e) {
      error = e;
    }
    expect(isResponseSerializationError(error)).toBe(true);
    expect(error).toMatchObject({ method: 'GET', url: '/x/:id' });
  });

  it('takes a schema wrapped as { properties } too', () => {
    const wrapped = serializerCompiler({
      schema: { properties: View },
      method: 'GET',
      url: '/y',
      httpStatus: '200',
    } as never) as (data: unknown) => string;
    expect(JSON.parse(wrapped({ id, name: 'n', grants: [] }))).toEqual({ id, name: 'n', grants: [] });
  });
});
