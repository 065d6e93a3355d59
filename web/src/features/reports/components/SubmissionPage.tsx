import { useEffect } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Result,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSaveSubmission, useSubmission, useSubmitSubmission } from '../api/submission.ts';
import type { SubmissionView } from '../api/types.ts';
import { Attachments } from './Attachments.tsx';
import { History } from './History.tsx';
import { submissionChip } from './labels.ts';
import { ReviewButtons } from './ReviewButtons.tsx';
import { applyServerFields, ratio, toBody, toForm, type FormValues } from './submissionForm.ts';
import { NarrativeRows, ValueRows } from './ValueRows.tsx';
import './reports.css';

/** /reports/periods/:periodId/units/:unitId — a unit's report for a period. */
export function SubmissionPage() {
  const { periodId = '', unitId = '' } = useParams();
  const { t, locale } = useI18n();
  const q = useSubmission(periodId, unitId);
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
  return <SubmissionForm view={q.data} />;
}

function SubmissionForm({ view }: { view: SubmissionView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveSubmission(view.periodId, view.unitId);
  const submit = useSubmitSubmission(view.periodId, view.unitId);
  const canSave = view.allowedActions.includes('save');
  const chip = submissionChip(view.status, view.isLate);

  // A new view from the server (saved, submitted, reviewed) resets the inputs to what is stored.
  useEffect(() => {
    form.setFieldsValue(toForm(view, locale));
  }, [view, locale, form]);

  const onValuesChange = (changed: Partial<FormValues>) => {
    changed.values?.forEach((c, i) => {
      if (!c || (c.numerator === undefined && c.denominator === undefined) || view.values[i]?.unit !== '%') return;
      const pct = ratio(form.getFieldValue(['values', i]), locale);
      if (pct !== undefined)
        form.setFieldValue(['values', i, 'value'], locale === 'vi' ? String(pct).replace('.', ',') : String(pct));
    });
  };

  const fail = (e: unknown) => {
    applyServerFields(form, e, view, locale);
    message.error(errorText(e, locale));
  };
  /** Checks the form in the browser, then sends it: saved as a draft, or saved and submitted in one request. */
  const sendForm = async (how: 'save' | 'submit') => {
    try {
      await form.validateFields();
      // All of the store: ids and task titles have no input of their own.
      const body = toBody(form.getFieldsValue(true) as FormValues, locale);
      if (how === 'save') {
        await save.mutateAsync(body);
        message.success(t('reports.form.saved'));
      } else {
        const r = await submit.mutateAsync(body);
        message.success(t(r.isLate ? 'reports.form.submittedLate' : 'reports.form.submitted'));
      }
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) message.error(t('reports.form.fixErrors'));
      else fail(e);
    }
  };
  const saveDraft = () => sendForm('save');
  const send = () => sendForm('submit');

  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/reports">{t('reports.title')}</Link> }, { title: view.periodLabel }]} />
      <Card size="small">
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {view.unitName}
        </Typography.Title>
        <div>{t('reports.form.heading', { label: view.periodLabel })}</div>
        <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
          <Tag color={chip.color} data-testid="submission-status">
            {t(chip.label)}
          </Tag>
          {view.isLate && view.status !== 'submitted' && (
            <Tag color="orange" data-testid="late-tag">
              {t('reports.status.late')}
            </Tag>
          )}
          <span className="xs-muted" style={{ fontSize: 13 }}>
            {t('reports.due', { date: formatDate(view.dueOn) })}
          </span>
          {view.submittedAt && (
            <span className="xs-muted" style={{ fontSize: 13 }}>
              · {t('reports.form.submittedAt', { at: formatDateTime(view.submittedAt) })}
            </span>
          )}
        </Flex>
      </Card>
      {view.status === 'returned' && view.reviewComment && (
        <Alert
          type="error"
          showIcon
          title={t('reports.form.returnedWith')}
          description={
            <span className="xs-rp-comment" data-testid="review-comment">
              {view.reviewComment}
            </span>
          }
        />
      )}
      {view.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          title={t('reports.form.approvedLocked')}
          description={view.reviewComment ?? undefined}
        />
      )}
      {view.status === 'submitted' && !canSave && <Alert type="info" showIcon title={t('reports.form.waiting')} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!canSave}
        onValuesChange={onValuesChange}
        initialValues={toForm(view, locale)}
        data-testid="submission-form"
      >
        <Flex vertical gap={12}>
          <ValueRows values={view.values} />
          <NarrativeRows
            count={view.narratives.length}
            titles={view.narratives.map((n) => ({ title: n.taskTitle, group: n.groupName, prefilled: n.prefilled }))}
          />
          <Card size="small" title={t('reports.form.generalNote')}>
            <Form.Item name="generalNote" style={{ margin: 0 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} />
            </Form.Item>
          </Card>
        </Flex>
      </Form>
      <Attachments periodId={view.periodId} unitId={view.unitId} status={view.status} />
      {view.allowedActions.length > 0 && (
        <div className="xs-rp-actions">
          {view.allowedActions.includes('save') && (
            <Button
              icon={<SaveOutlined />}
              onClick={saveDraft}
              loading={save.isPending && !submit.isPending}
              data-testid="save-draft"
            >
              {t('reports.form.save')}
            </Button>
          )}
          {view.allowedActions.includes('submit') && (
            <Popconfirm
              title={t('reports.form.submitConfirm')}
              okText={t('reports.form.submit')}
              cancelText={t('common.cancel')}
              onConfirm={send}
            >
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="submit-report">
                {t('reports.form.submit')}
              </Button>
            </Popconfirm>
          )}
          {view.allowedActions.includes('approve') && view.id && (
            <ReviewButtons submissionId={view.id} unitName={view.unitName} />
          )}
        </div>
      )}
      <Card size="small" title={t('reports.history')}>
        <History events={view.history} />
      </Card>
    </Flex>
  );
}
