import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Flex, Grid, Result, Skeleton, Tabs } from 'antd';
import { ApartmentOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../../lib/errors.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import { useEditPlan, type ItemKind, type PlanEdit } from '../../api/edit-plan.ts';
import { usePlan } from '../../api/get-plan.ts';
import type { PlanHeader, PlanView, RuleContent, TargetContent, TaskContent } from '../../api/types.ts';
import { ItemFormModal, type Editable } from '../forms/ItemForm.tsx';
import { UploadPlanModal } from '../UploadPlanModal.tsx';
import { PlanHeaderCard } from './PlanHeaderCard.tsx';
import { RulesSection, TargetsSection, TasksSection, type ItemActions } from './PlanSections.tsx';
import { VersionsTab } from './VersionsTab.tsx';
import '../plans.css';

type Editing = { editable: Editable; itemId: string | null } | null;

const blank: { targets: TargetContent; tasks: TaskContent; reporting: RuleContent } = {
  targets: {
    groupName: null,
    text: '',
    kind: 'target',
    comparator: '>=',
    value: 0,
    valueMax: null,
    unit: '%',
    year: null,
    sourceLine: null,
    indicatorId: null,
    indicatorLink: null,
  },
  tasks: {
    groupName: null,
    title: '',
    leadText: null,
    leadUnitId: null,
    partners: [],
    fromYear: null,
    toYear: null,
    expected: null,
    sourceLine: null,
  },
  reporting: { cycle: 'quarterly', reporter: null, recipient: null, deadlineText: null, day: null, month: null },
};

const headerOf = (p: PlanView): PlanHeader => ({
  title: p.title,
  number: p.number,
  issuedOn: p.issuedOn,
  periodFrom: p.periodFrom,
  periodTo: p.periodTo,
  signerName: p.signerName,
  signerTitle: p.signerTitle,
});

function Plan({ plan }: { plan: PlanView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'targets';
  const edit = useEditPlan(plan.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [reimporting, setReimporting] = useState(false);
  const narrow = !Grid.useBreakpoint().sm;
  // On a phone the four tabs fit only without their counts (each list shows its own).
  const tabLabel = (key: 'targets' | 'tasks' | 'reporting' | 'versions', n: number) =>
    narrow ? t(`plans.tab.${key}Short`) : `${t(`plans.tab.${key}`)} (${n})`;
  const canEdit = plan.allowedActions.includes('edit');
  const canReimport = plan.allowedActions.includes('reimport');

  const run = (e: PlanEdit, done?: () => void) =>
    edit.mutate(e, {
      onSuccess: () => {
        message.success(t('common.saved'));
        done?.();
      },
      onError: (err) => {
        if (!done) message.error(errorText(err, locale));
      },
    });

  const actionsFor = <T extends { id?: string }>(kind: ItemKind): ItemActions<T> | undefined =>
    canEdit
      ? {
          onAdd: () => {
            edit.reset();
            setEditing({ editable: { kind, item: blank[kind] } as Editable, itemId: null });
          },
          onEdit: (item) => {
            edit.reset();
            setEditing({ editable: { kind, item } as unknown as Editable, itemId: item.id ?? null });
          },
          onDelete: (item) => run({ op: 'delete', kind, itemId: item.id! }),
        }
      : undefined;

  const save = (fields: object) => {
    if (!editing) return;
    const { editable, itemId } = editing;
    const close = () => setEditing(null);
    if (editable.kind === 'header') run({ op: 'header', body: fields as PlanHeader }, close);
    else if (itemId) run({ op: 'update', kind: editable.kind, itemId, body: fields }, close);
    else run({ op: 'add', kind: editable.kind, body: fields }, close);
  };

  const headerActions = (
    <>
      {canEdit && (
        <Button
          size={narrow ? 'small' : 'middle'}
          icon={<EditOutlined />}
          onClick={() => {
            edit.reset();
            setEditing({ editable: { kind: 'header', item: headerOf(plan) }, itemId: null });
          }}
          data-testid="edit-header"
        >
          {t('plans.editHeader')}
        </Button>
      )}
      {canReimport && (
        <Button
          size={narrow ? 'small' : 'middle'}
          icon={<SyncOutlined />}
          onClick={() => setReimporting(true)}
          data-testid="reimport"
        >
          {t('plans.reimport')}
        </Button>
      )}
      {canEdit && (
        <Link to={`/tasks/from-plan/${plan.id}`}>
          <Button size={narrow ? 'small' : 'middle'} icon={<ApartmentOutlined />} data-testid="assign-from-plan">
            {t('tasks.fromPlan')}
          </Button>
        </Link>
      )}
    </>
  );

  const modalTitle = editing
    ? editing.editable.kind === 'header'
      ? t('plans.editHeader')
      : t(`plans.${editing.itemId ? 'editItem' : 'addItem'}.${editing.editable.kind}`)
    : '';

  return (
    <Flex vertical gap={12}>
      <Breadcrumb items={[{ title: <Link to="/plans">{t('plans.title')}</Link> }, { title: plan.communeName }]} />
      <PlanHeaderCard
        header={headerOf(plan)}
        communeName={plan.communeName}
        version={plan.currentVersion}
        updatedAt={plan.updatedAt}
        actions={canEdit || canReimport ? headerActions : null}
      />
      <Tabs
        activeKey={tab}
        tabBarGutter={narrow ? 20 : undefined}
        onChange={(k) => setParams(k === 'targets' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'targets',
            label: tabLabel('targets', plan.targets.length),
            children: (
              <TargetsSection
                targets={plan.targets}
                actions={actionsFor('targets')}
                onLink={canEdit ? (x, v) => run({ op: 'update', kind: 'targets', itemId: x.id!, body: v }) : undefined}
              />
            ),
          },
          {
            key: 'tasks',
            label: tabLabel('tasks', plan.tasks.length),
            children: <TasksSection tasks={plan.tasks} actions={actionsFor('tasks')} />,
          },
          {
            key: 'reporting',
            label: tabLabel('reporting', plan.reporting.length),
            children: <RulesSection rules={plan.reporting} actions={actionsFor('reporting')} />,
          },
          {
            key: 'versions',
            label: tabLabel('versions', plan.versions.length),
            children: <VersionsTab planId={plan.id} versions={plan.versions} current={plan.currentVersion} />,
          },
        ]}
      />
      <ItemFormModal
        open={!!editing}
        title={modalTitle}
        editable={editing?.editable ?? { kind: 'header', item: headerOf(plan) }}
        communeId={plan.communeId}
        onSave={save}
        onCancel={() => setEditing(null)}
        saving={edit.isPending}
        error={edit.error}
      />
      {canReimport && (
        <UploadPlanModal
          open={reimporting}
          onClose={() => setReimporting(false)}
          reimport={{ planId: plan.id, communeId: plan.communeId, communeName: plan.communeName }}
        />
      )}
    </Flex>
  );
}

/** /plans/:id — the plan as data: targets, tasks, reporting rules, versions; editable by its officers. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const plan = usePlan(id);
  if (plan.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (plan.error)
    return (
      <Result
        status="warning"
        title={errorText(plan.error, locale)}
        extra={
          <Link to="/plans">
            <Button>{t('plans.backToList')}</Button>
          </Link>
        }
      />
    );
  return <Plan plan={plan.data} />;
}
