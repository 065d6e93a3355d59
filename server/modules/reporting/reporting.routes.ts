import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { commonErrors, IdParams, minimalOrWhole, typed } from '../../platform/http.ts';
import {
  ApproveBody,
  AttachmentList,
  AttachmentParams,
  AttachmentView,
  CalendarQuery,
  CalendarView,
  CommuneReportBody,
  CommuneReportView,
  CompletenessQuery,
  CompletenessView,
  DocumentQuery,
  GenerateCalendarBody,
  PeriodUnitParams,
  PeriodView,
  ProvinceReportsQuery,
  ProvinceReportsView,
  ReturnBody,
  SaveSubmissionBody,
  SubmissionReceipt,
  SubmissionView,
  SubmitSubmissionBody,
  UpdatePeriodBody,
} from './reporting.contract.ts';
import { DOCX_TYPE, readUpload, sendDownload, sendFile, XLSX_TYPE } from '../../platform/files.ts';
import * as report from './commune-report.service.ts';
import * as attachments from './report-attachments.service.ts';
import * as calendar from './reporting-calendar.service.ts';
import * as service from './reporting.service.ts';

export async function reportingRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['Báo cáo định kỳ'];
  const sub = { 200: SubmissionView, ...commonErrors };
  // A save or submit answers the whole view, or a receipt to `Prefer: return=minimal` (RFC 7240).
  const saved = {
    200: z
      .union([SubmissionView, SubmissionReceipt])
      .describe('Toàn bộ báo cáo; hoặc biên nhận ngắn khi yêu cầu có "Prefer: return=minimal"'),
    ...commonErrors,
  };
  const cr = { 200: CommuneReportView, ...commonErrors };

  r.post('/plans/:id/calendar', {
    schema: {
      tags,
      summary: 'Lập lịch báo cáo của năm từ chế độ báo cáo của kế hoạch',
      params: IdParams,
      body: GenerateCalendarBody,
      response: {
        200: CalendarView.extend({
          added: z.number(),
          skipped: z.array(z.object({ ruleId: z.string(), reason: z.string() })),
        }),
        ...commonErrors,
      },
    },
    handler: (req) => calendar.generateCalendar(req.ctx, req.params.id, req.body.year),
  });
  r.get('/calendar', {
    schema: {
      tags,
      summary: 'Lịch báo cáo của xã: các kỳ, hạn, tình trạng từng đơn vị',
      querystring: CalendarQuery,
      response: { 200: CalendarView, ...commonErrors },
    },
    handler: (req) => calendar.calendar(req.ctx, req.query.communeId, req.query.year),
  });
  r.patch('/periods/:id', {
    schema: {
      tags,
      summary: 'Sửa hạn nộp của một kỳ',
      params: IdParams,
      body: UpdatePeriodBody,
      response: { 200: PeriodView, ...commonErrors },
    },
    handler: (req) => calendar.updatePeriod(req.ctx, req.params.id, req.body),
  });
  r.get('/periods/:id/units/:unitId', {
    schema: {
      tags,
      summary: 'Báo cáo của một đơn vị cho kỳ: chỉ tiêu (điền sẵn số liệu đã có), tường thuật theo nhiệm vụ',
      params: PeriodUnitParams,
      response: sub,
    },
    handler: (req) => service.getSubmission(req.ctx, req.params.id, req.params.unitId),
  });
  r.put('/periods/:id/units/:unitId', {
    schema: {
      tags,
      summary: 'Lưu nháp báo cáo của đơn vị',
      params: PeriodUnitParams,
      body: SaveSubmissionBody,
      response: saved,
    },
    handler: (req, reply) =>
      minimalOrWhole(req, reply, (minimal) =>
        service.saveSubmission(req.ctx, req.params.id, req.params.unitId, req.body, minimal ? 'receipt' : 'view'),
      ),
  });
  r.post('/periods/:id/units/:unitId/submit', {
    schema: {
      tags,
      summary: 'Nộp báo cáo (đánh dấu muộn nếu quá hạn); gửi kèm số liệu thì lưu rồi nộp trong một bước',
      params: PeriodUnitParams,
      body: SubmitSubmissionBody,
      response: saved,
    },
    handler: (req, reply) => {
      const b = req.body;
      const body =
        b?.values && b.narratives
          ? { values: b.values, narratives: b.narratives, generalNote: b.generalNote }
          : undefined;
      return minimalOrWhole(req, reply, (minimal) =>
        service.submitSubmission(req.ctx, req.params.id, req.params.unitId, body, minimal ? 'receipt' : 'view'),
      );
    },
  });
  r.get('/periods/:id/units/:unitId/attachments', {
    schema: {
      tags,
      summary: 'Tệp đính kèm báo cáo của đơn vị',
      params: PeriodUnitParams,
      response: { 200: AttachmentList, ...commonErrors },
    },
    handler: (req) => attachments.listAttachments(req.ctx, req.params.id, req.params.unitId),
  });
  r.post('/periods/:id/units/:unitId/attachments', {
    schema: {
      tags,
      summary:
        'Đính kèm tệp vào báo cáo của đơn vị (PDF, ảnh, .docx, .xlsx; multipart, trường "file"; nhận dạng theo nội dung); chỉ khi chưa nộp hoặc bị trả lại',
      params: PeriodUnitParams,
      response: { 201: AttachmentView, 413: commonErrors[400], 415: commonErrors[400], ...commonErrors },
    },
    handler: async (req, reply) => {
      await attachments.assertCanAttach(req.ctx, req.params.id, req.params.unitId);
      const file = await readUpload(req, attachments.ATTACHMENT, req.ctx.config.evidenceMaxBytes);
      return reply
        .status(201)
        .send(await attachments.uploadAttachment(req.ctx, req.params.id, req.params.unitId, file));
    },
  });
  r.get('/periods/:id/units/:unitId/attachments/:attachmentId', {
    schema: {
      tags,
      summary: 'Tải về tệp đính kèm báo cáo',
      params: AttachmentParams,
      response: { 200: z.any().describe('Nội dung tệp'), ...commonErrors },
    },
    handler: async (req, reply) =>
      sendFile(
        reply,
        await attachments.downloadAttachment(req.ctx, req.params.id, req.params.unitId, req.params.attachmentId),
        'dinh-kem',
      ),
  });
  r.delete('/periods/:id/units/:unitId/attachments/:attachmentId', {
    schema: {
      tags,
      summary: 'Xóa tệp đính kèm (khi báo cáo chưa nộp hoặc bị trả lại)',
      params: AttachmentParams,
      response: { 200: AttachmentList, ...commonErrors },
    },
    handler: (req) => attachments.deleteAttachment(req.ctx, req.params.id, req.params.unitId, req.params.attachmentId),
  });
  r.post('/submissions/:id/return', {
    schema: { tags, summary: 'Trả lại báo cáo kèm ý kiến', params: IdParams, body: ReturnBody, response: sub },
    handler: (req) => service.reviewSubmission(req.ctx, req.params.id, 'return', req.body.comment),
  });
  r.post('/submissions/:id/approve', {
    schema: { tags, summary: 'Duyệt báo cáo (khóa lại)', params: IdParams, body: ApproveBody, response: sub },
    handler: (req) => service.reviewSubmission(req.ctx, req.params.id, 'approve', req.body.comment),
  });

  r.get('/periods/:id/commune-report', {
    schema: {
      tags,
      summary: 'Báo cáo của xã cho kỳ: nội dung tổng hợp, trạng thái, lịch sử',
      params: IdParams,
      response: cr,
    },
    handler: (req) => report.getCommuneReport(req.ctx, req.params.id),
  });
  r.patch('/periods/:id/commune-report', {
    schema: {
      tags,
      summary: 'Soạn báo cáo của xã: số văn bản, khó khăn, đề xuất',
      params: IdParams,
      body: CommuneReportBody,
      response: cr,
    },
    handler: (req) => report.updateCommuneReport(req.ctx, req.params.id, req.body),
  });
  r.post('/periods/:id/commune-report/sign', {
    schema: { tags, summary: 'Lãnh đạo ký báo cáo (nội dung được khóa)', params: IdParams, response: cr },
    handler: (req) => report.signCommuneReport(req.ctx, req.params.id),
  });
  r.post('/periods/:id/commune-report/send', {
    schema: { tags, summary: 'Gửi báo cáo lên tỉnh', params: IdParams, response: cr },
    handler: (req) => report.sendCommuneReport(req.ctx, req.params.id),
  });
  r.post('/periods/:id/commune-report/receive', {
    schema: { tags, summary: 'Tỉnh xác nhận đã nhận', params: IdParams, response: cr },
    handler: (req) => report.receiveCommuneReport(req.ctx, req.params.id),
  });
  r.get('/periods/:id/commune-report/document', {
    schema: {
      tags,
      summary: 'Tải báo cáo: .docx theo thể thức NĐ 30/2020 hoặc .xlsx',
      params: IdParams,
      querystring: DocumentQuery,
    },
    handler: async (req, reply) => {
      const { bytes, name } = await report.communeReportFile(req.ctx, req.params.id, req.query.format);
      const mediaType = req.query.format === 'docx' ? DOCX_TYPE : XLSX_TYPE;
      return sendDownload(reply, { fileName: name, mediaType, bytes });
    },
  });
  r.get('/province-reports', {
    schema: {
      tags,
      summary: 'Tỉnh: báo cáo của từng xã cho một kỳ',
      querystring: ProvinceReportsQuery,
      response: { 200: ProvinceReportsView, ...commonErrors },
    },
    handler: (req) => report.provinceReports(req.ctx, req.query.provinceId, req.query.period),
  });
  r.get('/completeness', {
    schema: {
      tags,
      summary: 'Tính đầy đủ và đúng hạn của báo cáo theo đơn vị hoặc theo xã',
      querystring: CompletenessQuery,
      response: { 200: CompletenessView, ...commonErrors },
    },
    handler: (req) => report.completenessFigures(req.ctx, req.query),
  });
}
