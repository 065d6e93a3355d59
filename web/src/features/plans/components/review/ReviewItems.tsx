import { Button, Card, Empty, Flex, Form, Grid, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState, type CSSProperties } from 'react';
import { useI18n } from '../../../../lib/i18n.tsx';
import { useCommuneUnits } from '../../api/lookups.ts';
import { HeaderFields, headerToValues, valuesToHeader, type HeaderValues } from '../forms/fields.tsx';
import { groupInOrder } from '../planText.ts';
import { ReviewRow } from './ReviewRow.tsx';
import type { AnyItem, ListName, ReviewAction, ReviewState, Row } from './reviewState.ts';

export type ReviewTab = 'header' | ListName;

interface Props {
  state: ReviewState;
  dispatch: (a: ReviewAction) => void;
  communeId: string;
  tab: ReviewTab;
  onTab: (t: ReviewTab) => void;
  activeKey: string | null;
  onOpen: (key: string, line: number | null) => void;
  editingKey: string | null;
  onEdit: (key: string | null) => void;
  onAddBlank: (list: ListName) => void;
  invalid: Map<string, string>;
  style?: CSSProperties;
}

function HeaderTab({ state, dispatch }: Pick<Props, 'state' | 'dispatch'>) {
  const [form] = Form.useForm<HeaderValues>();
  const [initial] = useState(() => headerToValues(state.header));
  useEffect(() => form.setFieldsValue(headerToValues(state.header)), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Card size="small">
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onValuesChange={(_, all) => {
          if (all.title?.trim()) dispatch({ type: 'header', header: valuesToHeader(all) });
        }}
        data-testid="header-form"
      >
        <HeaderFields />
      </Form>
    </Card>
  );
}

/** The extracted items, one tab per kind, each with its tick, source line and editor. */
export function ReviewItems(p: Props) {
  const { t } = useI18n();
  const units = useCommuneUnits(p.communeId);
  const narrow = !Grid.useBreakpoint().sm;
  const tabLabel = (key: ListName) =>
    narrow ? t(`plans.tab.${key}Short`) : `${t(`plans.tab.${key}`)} (${p.state[key].length})`;
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const list = (name: ListName) => {
    const rows = p.state[name] as Row<AnyItem>[];
    const accepted = rows.filter((r) => r.accepted).length;
    const groups = groupInOrder(
      rows.map((r) => ({ groupName: 'groupName' in r.item ? r.item.groupName : null, row: r })),
    );
    return (
      <div>
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`accepted-count-${name}`}>
            {t('plans.review.acceptedCount', { n: accepted, total: rows.length })}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Button
            size="small"
            onClick={() => p.dispatch({ type: 'acceptAll', list: name, accepted: accepted < rows.length })}
          >
            {accepted < rows.length ? t('plans.review.acceptAll') : t('plans.review.rejectAll')}
          </Button>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => p.onAddBlank(name)}
            data-testid={`add-blank-${name}`}
          >
            {t('plans.review.addBlank')}
          </Button>
        </Flex>
        {rows.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`plans.review.empty.${name}`)} />
        )}
        {groups.map((g, gi) => (
          <div key={gi}>
            {g.name && <div className="xs-group-title">{g.name}</div>}
            {g.items.map(({ row }) => (
              <ReviewRow
                key={row.key}
                list={name}
                row={row}
                communeId={p.communeId}
                unitNames={unitNames}
                active={p.activeKey === row.key}
                editing={p.editingKey === row.key}
                invalid={p.invalid.get(row.key)}
                onOpen={() => p.onOpen(row.key, 'sourceLine' in row.item ? row.item.sourceLine : null)}
                onEdit={(on) => p.onEdit(on ? row.key : null)}
                onChange={(item) => p.dispatch({ type: 'update', list: name, key: row.key, item })}
                onAccept={(accepted) => p.dispatch({ type: 'accept', list: name, key: row.key, accepted })}
                onRemove={() => p.dispatch({ type: 'remove', list: name, key: row.key })}
              />
            ))}
          </div>
        ))}
      </div>
    );
  };

  return (
    <div className="xs-items" style={p.style} data-testid="review-items">
      <Tabs
        activeKey={p.tab}
        onChange={(k) => p.onTab(k as ReviewTab)}
        size="small"
        items={[
          {
            key: 'header',
            label: narrow ? t('plans.tab.headerShort') : t('plans.tab.header'),
            children: <HeaderTab state={p.state} dispatch={p.dispatch} />,
          },
          { key: 'targets', label: tabLabel('targets'), children: list('targets') },
          { key: 'tasks', label: tabLabel('tasks'), children: list('tasks') },
          { key: 'reporting', label: tabLabel('reporting'), children: list('reporting') },
        ]}
      />
    </div>
  );
}
