import { Button, Checkbox, Popconfirm, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { RuleContent, TargetContent, TaskContent } from '../../api/types.ts';
import { ItemForm } from '../forms/ItemForm.tsx';
import { IndicatorLink } from '../IndicatorLink.tsx';
import { RuleSummary, TargetSummary, TaskSummary } from '../ItemSummary.tsx';
import type { AnyItem, ListName, Row } from './reviewState.ts';

interface Props {
  list: ListName;
  row: Row<AnyItem>;
  communeId: string;
  unitNames: Map<string, string>;
  active: boolean;
  editing: boolean;
  invalid?: string;
  onOpen: () => void;
  onEdit: (editing: boolean) => void;
  onChange: (item: AnyItem) => void;
  onAccept: (accepted: boolean) => void;
  onRemove: () => void;
}

/** One extracted item in the review: tick, what was read, its source line, correct / delete. */
export function ReviewRow({
  list,
  row,
  communeId,
  unitNames,
  active,
  editing,
  invalid,
  onOpen,
  onEdit,
  onChange,
  onAccept,
  onRemove,
}: Props) {
  const { t } = useI18n();
  const line = 'sourceLine' in row.item ? row.item.sourceLine : null;
  const tags = (
    <>
      {line && (
        <Tag style={{ marginInlineEnd: 0 }} data-testid="line-tag">
          {t('plans.review.line', { n: line })}
        </Tag>
      )}
      {row.isNew && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('plans.review.newItem')}
        </Tag>
      )}
    </>
  );
  const cls = ['xs-review-row', active && 'is-active', !row.accepted && 'is-rejected', invalid && 'is-invalid']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={cls}
      onClick={onOpen}
      data-testid={`review-${list}`}
      data-key={row.key}
      data-line={line ?? undefined}
    >
      <div className="xs-row-head">
        <Tooltip title={row.accepted ? t('plans.review.acceptedHint') : t('plans.review.rejectedHint')}>
          <Checkbox
            checked={row.accepted}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => onAccept(e.target.checked)}
            aria-label={t('plans.review.accept')}
            data-testid="accept"
          />
        </Tooltip>
        <div className="xs-row-body">
          {list === 'targets' && <TargetSummary item={row.item as TargetContent} extra={tags} />}
          {list === 'tasks' && (
            <TaskSummary
              item={row.item as TaskContent}
              leadUnitName={
                (row.item as TaskContent).leadUnitId ? unitNames.get((row.item as TaskContent).leadUnitId!) : null
              }
              extra={tags}
            />
          )}
          {list === 'reporting' && <RuleSummary item={row.item as RuleContent} extra={tags} />}
          {invalid && (
            <div style={{ color: '#ff4d4f', fontSize: 13 }} role="alert">
              {invalid}
            </div>
          )}
        </div>
        <div className="xs-row-actions" onClick={(e) => e.stopPropagation()}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('plans.edit')}
            onClick={() => onEdit(!editing)}
            data-testid="edit-item"
          />
          <Popconfirm
            title={t('plans.review.deleteConfirm')}
            okText={t('plans.delete')}
            cancelText={t('common.cancel')}
            onConfirm={onRemove}
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
        </div>
      </div>
      {list === 'targets' && !editing && (
        <IndicatorLink
          value={{
            indicatorId: (row.item as TargetContent).indicatorId,
            indicatorLink: (row.item as TargetContent).indicatorLink,
          }}
          suggestion={row.suggestion}
          unit={(row.item as TargetContent).unit}
          onChange={(v) => onChange({ ...(row.item as TargetContent), ...v })}
        />
      )}
      {editing && (
        <div
          onClick={(e) => e.stopPropagation()}
          style={{ marginTop: 10, borderTop: '1px dashed #f0f0f0', paddingTop: 10 }}
        >
          <ItemForm
            editable={{ kind: list, item: row.item } as never}
            communeId={communeId}
            onCancel={() => onEdit(false)}
            onSave={(fields) => {
              onChange({ ...row.item, ...(fields as object) } as AnyItem);
              onEdit(false);
            }}
          />
        </div>
      )}
    </div>
  );
}
