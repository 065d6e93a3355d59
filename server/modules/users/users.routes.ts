import type { FastifyInstance } from 'fastify';
import { commonErrors, IdParams, typed } from '../../platform/http.ts';
import {
  CreateUserBody,
  CreateUserResponse,
  GrantBody,
  GrantParams,
  ListUsersQuery,
  TemporaryPasswordResponse,
  UpdateUserBody,
  UserPage,
  UserView,
} from './users.contract.ts';
import * as service from './users.service.ts';

export async function userRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Người dùng'];
  const one = { 200: UserView, ...commonErrors };
  r.get('/', {
    schema: {
      tags,
      summary: 'Người dùng trong phạm vi quản lý',
      querystring: ListUsersQuery,
      response: { 200: UserPage, ...commonErrors },
    },
    handler: (req) => service.listUsers(req.ctx, req.query),
  });
  r.post('/', {
    schema: {
      tags,
      summary: 'Tạo người dùng với mật khẩu tạm',
      body: CreateUserBody,
      response: { 201: CreateUserResponse, ...commonErrors },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createUser(req.ctx, req.body)),
  });
  r.get('/:id', {
    schema: { tags, summary: 'Một người dùng', params: IdParams, response: one },
    handler: (req) => service.getUser(req.ctx, req.params.id),
  });
  r.patch('/:id', {
    schema: {
      tags,
      summary: 'Sửa thông tin, vô hiệu hóa hoặc kích hoạt lại',
      params: IdParams,
      body: UpdateUserBody,
      response: one,
    },
    handler: (req) => service.updateUser(req.ctx, req.params.id, req.body),
  });
  r.post('/:id/reset-password', {
    schema: {
      tags,
      summary: 'Cấp lại mật khẩu tạm (đăng xuất mọi phiên)',
      params: IdParams,
      response: { 200: TemporaryPasswordResponse, ...commonErrors },
    },
    handler: (req) => service.resetPassword(req.ctx, req.params.id),
  });
  r.post('/:id/unlock', {
    schema: { tags, summary: 'Mở khóa sau khi đăng nhập sai nhiều lần', params: IdParams, response: one },
    handler: (req) => service.unlockUser(req.ctx, req.params.id),
  });
  r.post('/:id/grants', {
    schema: { tags, summary: 'Giao một vai trò trên một đơn vị', params: IdParams, body: GrantBody, response: one },
    handler: (req) => service.addGrant(req.ctx, req.params.id, req.body),
  });
  r.delete('/:id/grants/:grantId', {
    schema: { tags, summary: 'Thu hồi một vai trò', params: GrantParams, response: one },
    handler: (req) => service.removeGrant(req.ctx, req.params.id, req.params.grantId),
  });
}
