import type { ReactNode } from 'react';
import { Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { RuleContent, TargetContent, TaskContent } from '../../api/types.ts';
import { IndicatorLink, type LinkValue } from '../IndicatorLink.tsx';
import { RuleSummary, TargetSummary, TaskSummary } from '../ItemSummary.tsx';
import { groupInOrder } from '../planText.ts';

type WithId<T> = T & { id?: string };
export type PlanTarget = WithId<TargetContent> & { indicatorName?: string | null };
export type PlanTask = WithId<TaskContent> & { leadUnitName?: string | null };
export type PlanRule = WithId<RuleContent>;

/** What the plan page can do with an item; absent when the plan is read-only (a unit officer, an old version). */
export interface ItemActions<T> {
  onAdd: () => void;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
  busy?: boolean;
}

function ItemRow({
  children,
  onEdit,
  onDelete,
  testId,
}: {
  children: ReactNode;
  onEdit?: () => void;
  onDelete?: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <div className="xs-plan-item" data-testid={testId}>
      <div className="xs-row-body">{children}</div>
      {onEdit && onDelete && (
        <Flex gap={2} style={{ flex: 'none' }}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('plans.edit')}
            onClick={onEdit}
            data-testid="edit-item"
          />
          <Popconfirm
            title={t('plans.deleteConfirm')}
            okText={t('plans.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={onDelete}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('plans.delete')}
              data-testid="delete-item"
            />
          </Popconfirm>
        </Flex>
      )}
    </div>
  );
}

function Groups<T extends { groupName: string | null }>({
  items,
  render,
  empty,
}: {
  items: T[];
  render: (item: T, i: number) => ReactNode;
  empty: string;
}) {
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ padding: 12 }} />;
  let n = 0;
  return (
    <>
      {groupInOrder(items).map((g, gi) => (
        <div key={gi}>
          {g.name && (
            <div className="xs-group-title" style={{ background: '#fafafa', borderBottom: '1px solid #f0f0f0' }}>
              {g.name}
            </div>
          )}
          {g.items.map((it) => render(it, n++))}
        </div>
      ))}
    </>
  );
}

function AddButton({ actions, label, testId }: { actions?: ItemActions<never>; label: string; testId: string }) {
  return actions ? (
    <Button size="small" icon={<PlusOutlined />} onClick={actions.onAdd} data-testid={testId}>
      {label}
    </Button>
  ) : null;
}

export function TargetsSection({
  targets,
  actions,
  onLink,
}: {
  targets: PlanTarget[];
  actions?: ItemActions<PlanTarget>;
  onLink?: (t: PlanTarget, v: LinkValue) => void;
}) {
  const { t } = useI18n();
  const row = (x: PlanTarget, i: number) => (
    <ItemRow
      key={x.id ?? i}
      testId="plan-target"
      onEdit={actions && (() => actions.onEdit(x))}
      onDelete={actions && (() => actions.onDelete(x))}
    >
      <TargetSummary item={x} />
      <IndicatorLink
        value={{ indicatorId: x.indicatorId, indicatorLink: x.indicatorLink }}
        name={x.indicatorName}
        unit={x.unit}
        onChange={onLink && ((v) => onLink(x, v))}
      />
    </ItemRow>
  );
  const goals = targets.filter((x) => x.kind !== 'baseline');
  const baselines = targets.filter((x) => x.kind === 'baseline');
  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('plans.targets')}
        extra={<AddButton actions={actions as never} label={t('plans.addTarget')} testId="add-target" />}
        styles={{ body: { padding: 0 } }}
      >
        <Groups items={goals} render={row} empty={t('plans.noTargets')} />
      </Card>
      {baselines.length > 0 && (
        <Card size="small" title={t('plans.baselines')} styles={{ body: { padding: 0 } }} data-testid="baselines">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 12px 0' }}>
            {t('plans.baselinesHint')}
          </Typography.Paragraph>
          <Groups items={baselines} render={row} empty="" />
        </Card>
      )}
    </Flex>
  );
}

export function TasksSection({ tasks, actions }: { tasks: PlanTask[]; actions?: ItemActions<PlanTask> }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('plans.tasks')}
      extra={<AddButton actions={actions as never} label={t('plans.addTask')} testId="add-task" />}
      styles={{ body: { padding: 0 } }}
    >
      <Groups
        items={tasks}
        empty={t('plans.noTasks')}
        render={(x, i) => (
          <ItemRow
            key={x.id ?? i}
            testId="plan-task"
            onEdit={actions && (() => actions.onEdit(x))}
            onDelete={actions && (() => actions.onDelete(x))}
          >
            <TaskSummary item={x} leadUnitName={x.leadUnitName} />
          </ItemRow>
        )}
      />
    </Card>
  );
}

export function RulesSection({ rules, actions }: { rules: PlanRule[]; actions?: ItemActions<PlanRule> }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('plans.reporting')}
      extra={<AddButton actions={actions as never} label={t('plans.addRule')} testId="add-rule" />}
      styles={{ body: { padding: 0 } }}
    >
      {rules.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.noRules')} style={{ padding: 12 }} />
      )}
      {rules.map((r, i) => (
        <ItemRow
          key={r.id ?? i}
          testId="plan-rule"
          onEdit={actions && (() => actions.onEdit(r))}
          onDelete={actions && (() => actions.onDelete(r))}
        >
          <RuleSummary item={r} />
        </ItemRow>
      ))}
    </Card>
  );
}
