import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Input,
  Segmented,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDate, toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { useCreateFromPlan, usePlanDraft, type MilestoneMode } from '../api/assign.ts';
import { useCommunePlans, useCommuneStaff, useCommuneUnits, usePlan, type Person } from '../api/lookups.ts';
import type { PlanDraftItem } from '../api/types.ts';
import { itemFieldErrors, taskErrorText } from './errors.ts';
import { MilestonesEditor, type MilestoneDraft } from './MilestonesEditor.tsx';
import { useHomeScope } from './scope.ts';
import { fold } from './TaskFilters.tsx';
import './tasks.css';

interface Row extends Omit<PlanDraftItem, 'milestones'> {
  chosen: boolean;
  milestones: MilestoneDraft[];
}

const search = {
  filterOption: (input: string, opt?: { label?: unknown }) => fold(String(opt?.label ?? '')).includes(fold(input)),
};
const personLabel = (p: Person) => `${p.fullName} — ${p.unitName}`;

/** What is missing before a chosen item can be assigned (the server checks the rest). */
const missing = (r: Row) =>
  [!r.leadUnitId && 'lead', !r.assigneeId && 'person'].filter(Boolean) as ('lead' | 'person')[];

function ItemCard({
  row,
  index,
  units,
  people,
  error,
  onChange,
}: {
  row: Row;
  index: number;
  units: { id: string; name: string }[];
  people: Person[];
  error?: string[];
  onChange: (patch: Partial<Row>) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const gaps = row.chosen ? missing(row) : [];
  const setDates = (startDate: string, dueDate: string) =>
    onChange({
      startDate,
      dueDate,
      milestones: row.milestones.filter((m) => m.dueDate >= startDate && m.dueDate <= dueDate),
    });
  return (
    <div
      className={`xs-fp-item${row.chosen ? ' chosen' : ''}${gaps.length || error ? ' invalid' : ''}`}
      data-testid="plan-item"
      data-index={index}
      data-tracked={row.alreadyTracked ? 'yes' : 'no'}
    >
      <Flex gap={8} align="start">
        <Checkbox
          checked={row.chosen}
          onChange={(e) => onChange({ chosen: e.target.checked })}
          data-testid="item-choose"
          aria-label={row.title}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <div className="xs-fp-title">{row.title}</div>
          <Flex gap={6} wrap className="xs-muted" style={{ fontSize: 12 }}>
            {row.groupName && <span>{row.groupName}</span>}
            {row.leadText && <span>· {t('tasks.fromPlan.planLead', { text: row.leadText })}</span>}
            {row.alreadyTracked && <Tag color="blue">{t('tasks.fromPlan.tracked')}</Tag>}
          </Flex>
        </div>
      </Flex>
      {row.chosen && (
        <div className="xs-fp-fields">
          <label>
            <span>{t('tasks.filter.unit')}</span>
            <Select
              showSearch={search}
              value={row.leadUnitId ?? undefined}
              status={!row.leadUnitId ? 'error' : undefined}
              placeholder={t('tasks.fromPlan.needLead')}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              popupMatchSelectWidth={false}
              onChange={(v: string) =>
                onChange({
                  leadUnitId: v,
                  partnerUnitIds: row.partnerUnitIds.filter((p) => p !== v),
                  assigneeId:
                    row.assigneeId ??
                    people.find((p) => p.unitName === units.find((u) => u.id === v)?.name)?.id ??
                    null,
                })
              }
              data-testid="item-lead"
            />
          </label>
          <label>
            <span>{t('tasks.filter.person')}</span>
            <Select
              showSearch={search}
              value={row.assigneeId ?? undefined}
              status={!row.assigneeId ? 'error' : undefined}
              placeholder={t('tasks.fromPlan.needPerson')}
              options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
              popupMatchSelectWidth={false}
              onChange={(v: string) => onChange({ assigneeId: v })}
              data-testid="item-person"
            />
          </label>
          <label className="wide">
            <span>{t('tasks.form.partners')}</span>
            <Select
              mode="multiple"
              showSearch={search}
              value={row.partnerUnitIds}
              options={units.filter((u) => u.id !== row.leadUnitId).map((u) => ({ value: u.id, label: u.name }))}
              onChange={(v: string[]) => onChange({ partnerUnitIds: v })}
              maxTagCount="responsive"
              data-testid="item-partners"
            />
          </label>
          <label>
            <span>{t('tasks.fromPlan.start')}</span>
            <DatePicker
              format="DD/MM/YYYY"
              allowClear={false}
              value={dayjs(row.startDate)}
              onChange={(d) => d && setDates(toIsoDate(d), row.dueDate < toIsoDate(d) ? toIsoDate(d) : row.dueDate)}
              data-testid="item-start"
            />
          </label>
          <label>
            <span>{t('tasks.fromPlan.due')}</span>
            <DatePicker
              format="DD/MM/YYYY"
              allowClear={false}
              value={dayjs(row.dueDate)}
              disabledDate={(d) => toIsoDate(d) < row.startDate}
              onChange={(d) => d && setDates(row.startDate, toIsoDate(d))}
              data-testid="item-due"
            />
          </label>
          <div className="wide">
            <Flex gap={8} align="center" wrap>
              <span className="xs-muted">{t('tasks.fromPlan.milestoneCount', { n: row.milestones.length })}:</span>
              <span style={{ fontSize: 12 }}>
                {row.milestones.map((m) => `${m.title} (${formatDate(m.dueDate)})`).join('; ')}
              </span>
              <Button size="small" onClick={() => setEditing(true)} data-testid="item-milestones">
                {t('tasks.fromPlan.editMilestones')}
              </Button>
            </Flex>
          </div>
          {row.unmatchedPartners.length > 0 && (
            <Typography.Text type="warning" className="wide" style={{ fontSize: 12 }}>
              {t('tasks.fromPlan.unmatched', { names: row.unmatchedPartners.join(', ') })}
            </Typography.Text>
          )}
          {error && <Alert className="wide" type="error" showIcon title={error.join(' ')} data-testid="item-error" />}
        </div>
      )}
      <MilestonesEditor
        open={editing}
        value={row.milestones}
        startDate={row.startDate}
        dueDate={row.dueDate}
        onCancel={() => setEditing(false)}
        onSave={(milestones) => {
          onChange({ milestones });
          setEditing(false);
        }}
      />
    </div>
  );
}

function Assign({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [mode, setMode] = useState<MilestoneMode>('yearly');
  const draft = usePlanDraft(planId, mode);
  const plan = usePlan(planId);
  const communeId = plan.data?.communeId;
  const { units } = useCommuneUnits(communeId);
  const staff = useCommuneStaff(communeId, true);
  const people = staff.data ?? [];
  const create = useCreateFromPlan();
  const [rows, setRows] = useState<Row[]>([]);
  const [approverId, setApproverId] = useState<string | null>(null);
  const [authority, setAuthority] = useState('');

  const [rowsMode, setRowsMode] = useState<MilestoneMode | null>(null);
  useEffect(() => {
    if (!draft.data) return;
    // Keep what the officer chose and edited; a new milestone mode replaces only the milestones,
    // a refetch of the same mode only refreshes "already assigned".
    const newMode = rowsMode !== mode;
    setRows((old) =>
      draft.data.items.map((i) => {
        const prev = old.find((o) => o.planTaskId === i.planTaskId);
        if (!prev) return { ...i, chosen: !i.alreadyTracked && !!i.leadUnitId, milestones: i.milestones };
        return { ...prev, alreadyTracked: i.alreadyTracked, milestones: newMode ? i.milestones : prev.milestones };
      }),
    );
    setRowsMode(mode);
    setApproverId((a) => a ?? draft.data.approverId);
    setAuthority((a) => a || draft.data.approvingAuthority);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.data]);

  const chosen = rows.filter((r) => r.chosen);
  const incomplete = chosen.filter((r) => missing(r).length > 0).length;
  const errors = useMemo(() => {
    const byIndex = itemFieldErrors(create.error);
    return new Map([...byIndex].map(([i, msgs]) => [chosen[i]?.planTaskId, msgs]));
  }, [create.error]); // eslint-disable-line react-hooks/exhaustive-deps
  const update = (id: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.planTaskId === id ? { ...r, ...patch } : r)));

  const submit = () => {
    if (!approverId || incomplete || !chosen.length) return;
    create.mutate(
      {
        planId,
        approverId,
        approvingAuthority: authority.trim(),
        items: chosen.map((r) => ({
          planTaskId: r.planTaskId,
          title: r.title,
          groupName: r.groupName,
          leadUnitId: r.leadUnitId!,
          assigneeId: r.assigneeId!,
          partnerUnitIds: r.partnerUnitIds,
          expectedProduct: r.expectedProduct,
          startDate: r.startDate,
          dueDate: r.dueDate,
          milestones: r.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate })),
          targetIds: [],
        })),
      },
      {
        onSuccess: (res) => {
          message.success(t('tasks.fromPlan.created', { n: res.created }));
          navigate(`/tasks/board?communeId=${communeId}&planId=${planId}`);
        },
        onError: (e) => message.error(taskErrorText(e, locale, t)),
      },
    );
  };

  if (draft.error) return <Alert type="error" showIcon title={taskErrorText(draft.error, locale, t)} />;
  if (draft.isPending || plan.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={10}>
          <Typography.Text strong>{plan.data?.title}</Typography.Text>
          <Typography.Text type="secondary">{t('tasks.fromPlan.intro')}</Typography.Text>
          <div className="xs-fp-fields">
            <label>
              <span>{t('tasks.fromPlan.approver')}</span>
              <Select
                showSearch={search}
                value={approverId ?? undefined}
                status={!approverId ? 'error' : undefined}
                placeholder={t('tasks.fromPlan.needApprover')}
                options={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
                onChange={setApproverId}
                popupMatchSelectWidth={false}
                data-testid="approver"
              />
            </label>
            <label>
              <span>{t('tasks.fromPlan.authority')}</span>
              <Input value={authority} onChange={(e) => setAuthority(e.target.value)} maxLength={300} />
            </label>
            <label>
              <span>{t('tasks.fromPlan.milestones')}</span>
              <Segmented
                value={mode}
                onChange={(v) => setMode(v as MilestoneMode)}
                options={(['yearly', 'quarterly', 'none'] as const).map((m) => ({
                  value: m,
                  label: t(`tasks.fromPlan.mode.${m}`),
                }))}
                data-testid="milestone-mode"
              />
            </label>
          </div>
        </Flex>
      </Card>
      {rows.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.fromPlan.nothing')} />
        </Card>
      ) : (
        <>
          <Flex gap={8} align="center" wrap>
            <Typography.Text data-testid="chosen-count">
              {t('tasks.fromPlan.selected', { n: chosen.length, total: rows.length })}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => setRows((rs) => rs.map((r) => ({ ...r, chosen: !r.alreadyTracked })))}
              data-testid="choose-all"
            >
              {t('tasks.fromPlan.selectAll')}
            </Button>
            <Button
              size="small"
              onClick={() => setRows((rs) => rs.map((r) => ({ ...r, chosen: false })))}
              data-testid="choose-none"
            >
              {t('tasks.fromPlan.selectNone')}
            </Button>
          </Flex>
          <div className="xs-fp-items">
            {rows.map((r, i) => (
              <ItemCard
                key={r.planTaskId}
                row={r}
                index={i}
                units={units}
                people={people}
                error={errors.get(r.planTaskId)}
                onChange={(p) => update(r.planTaskId, p)}
              />
            ))}
          </div>
        </>
      )}
      <div className="xs-fp-bar">
        {incomplete > 0 && (
          <Typography.Text type="danger">{t('tasks.fromPlan.fixItems', { n: incomplete })}</Typography.Text>
        )}
        <Button
          type="primary"
          size="large"
          icon={<ApartmentOutlined />}
          disabled={!chosen.length || !!incomplete || !approverId || !authority.trim()}
          loading={create.isPending}
          onClick={submit}
          data-testid="create-from-plan"
        >
          {t('tasks.fromPlan.create', { n: chosen.length })}
        </Button>
      </div>
    </Flex>
  );
}

/** The commune's plans to choose from, when the page is opened from the tasks area. */
function PickPlan() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const home = useHomeScope(me);
  const plans = useCommunePlans(home.communeId);
  if (plans.isPending && home.communeId)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const items = plans.data?.items ?? [];
  if (!items.length) return <Alert type="info" showIcon title={t('tasks.fromPlan.noPlan')} />;
  return (
    <Card size="small" title={t('tasks.fromPlan.pickPlan')}>
      {items.map((p) => (
        <Link key={p.id} to={`/tasks/from-plan/${p.id}`} className="xs-row" data-testid="pick-plan">
          <span className="xs-row-main xs-row-title">{p.title}</span>
        </Link>
      ))}
    </Card>
  );
}

/**
 * /tasks/from-plan/:planId — "Giao từ kế hoạch": the plan officer previews the plan's tasks as
 * assignments (lead unit, responsible person, partners, dates, milestones), adjusts them, and
 * creates the chosen ones in one go (all or nothing).
 */
export function FromPlanPage() {
  const { planId } = useParams();
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[{ title: <Link to="/tasks">{t('tasks.title')}</Link> }, { title: t('tasks.fromPlan.title') }]}
      />
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('tasks.fromPlan.title')}
      </Typography.Title>
      {planId ? <Assign planId={planId} /> : <PickPlan />}
    </Flex>
  );
}
