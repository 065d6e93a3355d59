import { useEffect } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Result,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { documentUrl, useCommuneReport, useCommuneReportAction, useEditCommuneReport } from '../api/commune-report.ts';
import type { CommuneReportView } from '../api/types.ts';
import { History } from './History.tsx';
import { communeReportChip } from './labels.ts';
import { ReportPreview } from './ReportPreview.tsx';
import './reports.css';

const NUMBER_RE = /^(0[1-9]|[1-9]\d+)\/BC-[A-ZĐ][A-ZĐ0-9-]*$/;

/** /reports/periods/:periodId/commune-report — the commune's report: compose, sign, send, receive, download. */
export function CommuneReportPage() {
  const { periodId = '' } = useParams();
  const { t, locale } = useI18n();
  const q = useCommuneReport(periodId);
  if (q.error)
    return (
      <Result
        status="warning"
        title={errorText(q.error, locale)}
        extra={
          <Link to="/reports">
            <Button>{t('reports.backToCalendar')}</Button>
          </Link>
        }
      />
    );
  if (!q.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  return <CommuneReport view={q.data} />;
}

function CommuneReport({ view }: { view: CommuneReportView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string; difficulties: string; proposals: string }>();
  const edit = useEditCommuneReport(view.periodId);
  const act = useCommuneReportAction(view.periodId);
  const can = (a: CommuneReportView['allowedActions'][number]) => view.allowedActions.includes(a);
  const chip = communeReportChip(view.status);

  useEffect(() => {
    form.setFieldsValue({
      number: view.number ?? '',
      difficulties: view.difficulties ?? '',
      proposals: view.proposals ?? '',
    });
  }, [view, form]);

  const save = async () => {
    const v = await form.validateFields();
    edit.mutate(
      {
        number: v.number.trim() || null,
        difficulties: v.difficulties.trim() || null,
        proposals: v.proposals.trim() || null,
      },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (e) => {
          applyFieldErrors(form, e, locale);
          message.error(errorText(e, locale));
        },
      },
    );
  };
  const run = (a: 'sign' | 'send' | 'receive') =>
    act.mutate(a, {
      onSuccess: () => message.success(t(`reports.cr.done.${a}`)),
      onError: (e) => {
        applyFieldErrors(form, e, locale);
        message.error(errorText(e, locale));
      },
    });

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          {
            title: (
              <Link to={`/reports?communeId=${view.communeId}&year=${view.periodCode.slice(0, 4)}`}>
                {t('reports.title')}
              </Link>
            ),
          },
          { title: view.periodLabel },
        ]}
      />
      <Card size="small">
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {t('reports.cr.title', { label: view.periodLabel })}
        </Typography.Title>
        <div>{view.communeName}</div>
        <Flex gap={6} wrap align="center" style={{ margin: '6px 0' }}>
          <Tag color={chip.color} data-testid="cr-status">
            {t(chip.label)}
          </Tag>
          {view.isLate && (
            <Tag color="orange" data-testid="cr-late">
              {t('reports.sentLate')}
            </Tag>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'due', label: t('reports.dueLabel'), children: formatDate(view.dueOn) },
            ...(view.number ? [{ key: 'no', label: t('reports.cr.number'), children: view.number }] : []),
            ...(view.signedAt
              ? [
                  {
                    key: 'signed',
                    label: t('reports.cr.signedBy'),
                    children: `${view.signedByName ?? ''} · ${formatDateTime(view.signedAt)}`,
                  },
                ]
              : []),
            ...(view.sentAt
              ? [{ key: 'sent', label: t('reports.cr.sentAt'), children: formatDateTime(view.sentAt) }]
              : []),
            ...(view.receivedAt
              ? [{ key: 'received', label: t('reports.cr.receivedAt'), children: formatDateTime(view.receivedAt) }]
              : []),
          ]}
        />
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {can('sign') && (
            <Popconfirm
              title={t('reports.cr.signConfirm')}
              okText={t('reports.cr.sign')}
              cancelText={t('common.cancel')}
              onConfirm={() => run('sign')}
            >
              <Button
                type="primary"
                icon={<EditOutlined />}
                loading={act.isPending && act.variables === 'sign'}
                data-testid="cr-sign"
              >
                {t('reports.cr.sign')}
              </Button>
            </Popconfirm>
          )}
          {can('send') && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => run('send')}
              loading={act.isPending && act.variables === 'send'}
              data-testid="cr-send"
            >
              {t('reports.cr.send')}
            </Button>
          )}
          {can('receive') && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => run('receive')}
              loading={act.isPending && act.variables === 'receive'}
              data-testid="cr-receive"
            >
              {t('reports.cr.receive')}
            </Button>
          )}
          {can('download') && (
            <>
              <Button href={documentUrl(view.periodId, 'docx')} icon={<FileWordOutlined />} data-testid="cr-docx">
                {t('reports.cr.docx')}
              </Button>
              <Button href={documentUrl(view.periodId, 'xlsx')} icon={<FileExcelOutlined />} data-testid="cr-xlsx">
                {t('reports.cr.xlsx')}
              </Button>
            </>
          )}
        </Flex>
      </Card>
      {can('edit') && (
        <Card size="small" title={t('reports.cr.compose')}>
          <Form form={form} layout="vertical" data-testid="cr-form">
            <Form.Item
              name="number"
              label={t('reports.cr.number')}
              extra={t('reports.cr.numberHelp')}
              rules={[{ pattern: NUMBER_RE, message: t('reports.cr.numberInvalid') }]}
            >
              <Input placeholder="05/BC-UBND" maxLength={40} style={{ maxWidth: 240 }} data-testid="cr-number" />
            </Form.Item>
            <Form.Item name="difficulties" label={t('reports.form.difficulties')} extra={t('reports.cr.linesHelp')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10_000} data-testid="cr-difficulties" />
            </Form.Item>
            <Form.Item name="proposals" label={t('reports.form.proposals')} extra={t('reports.cr.linesHelp')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10_000} />
            </Form.Item>
            <Button onClick={save} loading={edit.isPending} data-testid="cr-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
      {view.status === 'none' && can('sign') && !can('edit') && (
        <Alert type="info" showIcon title={t('reports.cr.notComposed')} />
      )}
      <div style={{ overflow: 'hidden' }}>
        <ReportPreview doc={view.document} />
      </div>
      <Card size="small" title={t('reports.history')}>
        <History events={view.history} />
      </Card>
    </Flex>
  );
}
