import { useMemo } from 'react';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { useCreateTask } from '../api/assign.ts';
import { useCommunePlans, useCommuneStaff, useCommuneUnits, usePlan } from '../api/lookups.ts';
import { taskErrorText } from './errors.ts';
import { useHomeScope } from './scope.ts';
import { fold } from './TaskFilters.tsx';
import './tasks.css';

interface Values {
  source: 'meeting' | 'letter' | 'other';
  sourceRef: string;
  title: string;
  description?: string;
  leadUnitId: string;
  assigneeId: string;
  partnerUnitIds?: string[];
  approverId: string;
  approvingAuthority: string;
  expectedProduct: string;
  startDate: Dayjs;
  dueDate: Dayjs;
  targetIds?: string[];
}

const search = {
  filterOption: (input: string, opt?: { label?: unknown }) => fold(String(opt?.label ?? '')).includes(fold(input)),
};

/** /tasks/new — a leader assigns an ad-hoc task (meeting conclusion, directive letter) by "6 rõ". */
export function NewTaskPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const home = useHomeScope(me);
  const communeId = home.communeId;
  const { units } = useCommuneUnits(communeId);
  const staff = useCommuneStaff(communeId, true);
  const plans = useCommunePlans(communeId);
  const plan = usePlan(plans.data?.items[0]?.id);
  const create = useCreateTask();
  const [form] = Form.useForm<Values>();
  const lead = Form.useWatch('leadUnitId', form);
  const people = (staff.data ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }));
  const targets = useMemo(() => (plan.data?.targets ?? []).map((x) => ({ value: x.id!, label: x.text })), [plan.data]);

  const submit = async (v: Values) => {
    create.mutate(
      {
        communeId: communeId!,
        source: v.source,
        sourceRef: v.sourceRef.trim(),
        title: v.title.trim(),
        description: v.description?.trim() || null,
        leadUnitId: v.leadUnitId,
        assigneeId: v.assigneeId,
        partnerUnitIds: v.partnerUnitIds ?? [],
        approverId: v.approverId,
        approvingAuthority: v.approvingAuthority.trim(),
        expectedProduct: v.expectedProduct.trim(),
        startDate: toIsoDate(v.startDate),
        dueDate: toIsoDate(v.dueDate),
        targetIds: v.targetIds ?? [],
        milestones: [],
      },
      {
        onSuccess: (task) => {
          message.success(t('tasks.form.created'));
          navigate(`/tasks/${task.id}`);
        },
        onError: (e) => {
          if (e instanceof ApiError)
            form.setFields(
              e.fields.map((f) => ({
                name: f.path.replace(/^body\./, '').split('.')[0] as keyof Values,
                errors: [f.message],
              })),
            );
          message.error(taskErrorText(e, locale, t));
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/tasks">{t('tasks.title')}</Link> }, { title: t('tasks.form.title') }]} />
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('tasks.form.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('tasks.form.intro')}</Typography.Text>
      {!communeId && !home.pending && <Alert type="info" showIcon title={t('tasks.pickCommune')} />}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            source: 'meeting',
            approverId: me.id,
            approvingAuthority: 'Chủ tịch UBND xã',
            startDate: dayjs(),
            dueDate: dayjs().add(30, 'day'),
          }}
          className="xs-task-form"
        >
          <Form.Item name="source" label={t('tasks.form.source')}>
            <Radio.Group
              options={(['meeting', 'letter', 'other'] as const).map((s) => ({
                value: s,
                label: t(`tasks.source.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="sourceRef"
            label={t('tasks.form.sourceRef')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input placeholder={t('tasks.form.sourceRefHint')} maxLength={500} data-testid="form-source-ref" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('tasks.form.taskTitle')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="form-title" />
          </Form.Item>
          <Form.Item name="description" label={t('tasks.form.description')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <div className="xs-form-grid">
            <Form.Item
              name="leadUnitId"
              label={t('tasks.form.lead')}
              rules={[{ required: true, message: t('tasks.fromPlan.needLead') }]}
            >
              <Select
                showSearch={search}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                data-testid="form-lead"
              />
            </Form.Item>
            <Form.Item
              name="assigneeId"
              label={t('tasks.form.assignee')}
              rules={[{ required: true, message: t('tasks.fromPlan.needPerson') }]}
            >
              <Select showSearch={search} options={people} loading={staff.isPending} data-testid="form-assignee" />
            </Form.Item>
          </div>
          <Form.Item name="partnerUnitIds" label={t('tasks.form.partners')}>
            <Select
              mode="multiple"
              showSearch={search}
              options={units.filter((u) => u.id !== lead).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <div className="xs-form-grid">
            <Form.Item
              name="approverId"
              label={t('tasks.form.approver')}
              rules={[{ required: true, message: t('tasks.fromPlan.needApprover') }]}
            >
              <Select showSearch={search} options={people} />
            </Form.Item>
            <Form.Item
              name="approvingAuthority"
              label={t('tasks.form.authority')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </div>
          <Form.Item
            name="expectedProduct"
            label={t('tasks.form.product')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="form-product" />
          </Form.Item>
          <div className="xs-form-grid">
            <Form.Item
              name="startDate"
              label={t('tasks.form.start')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="dueDate"
              label={t('tasks.form.due')}
              dependencies={['startDate']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, d?: Dayjs) =>
                    !d || !getFieldValue('startDate') || !d.isBefore(getFieldValue('startDate'), 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('tasks.form.dueBeforeStart'))),
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </div>
          {targets.length > 0 && (
            <Form.Item name="targetIds" label={t('tasks.form.targets')}>
              <Select
                mode="multiple"
                showSearch={search}
                options={targets}
                optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
              />
            </Form.Item>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending}
            disabled={!communeId}
            data-testid="form-submit"
          >
            {t('tasks.form.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
