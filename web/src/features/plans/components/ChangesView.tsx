import { Collapse, Empty, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { useI18n, type Locale } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import type { ListChanges, PlanChanges, RuleContent, TargetContent, TaskContent } from '../api/types.ts';
import { comparatorLabel, cycleLabel, targetValueText, unitText } from './planText.ts';

type Kind = 'targets' | 'tasks' | 'reporting';

const fieldKey = (kind: Kind | 'header', f: string) =>
  `plans.field.${kind === 'header' ? 'header' : kind}.${f}` as MessageKey;

function valueText(field: string, v: unknown, locale: Locale): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'comparator') return comparatorLabel(v as TargetContent['comparator'], locale);
  if (field === 'cycle') return cycleLabel(v as RuleContent['cycle'], locale);
  if (field === 'kind')
    return v === 'baseline'
      ? locale === 'vi'
        ? 'kết quả đã đạt'
        : 'achieved'
      : locale === 'vi'
        ? 'chỉ tiêu'
        : 'target';
  if (field === 'unit') return unitText(String(v)) || (locale === 'vi' ? '(số lượng)' : '(count)');
  if (field === 'issuedOn') return formatDate(String(v));
  if (Array.isArray(v)) return v.join('; ') || '—';
  if (typeof v === 'number')
    return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(v);
  return String(v);
}

function itemTitle(kind: Kind, it: TargetContent | TaskContent | RuleContent, locale: Locale): ReactNode {
  if (kind === 'targets') {
    const x = it as TargetContent;
    return (
      <>
        <b>{targetValueText(x, locale)}</b> {x.text}
        {x.year ? ` (${x.year})` : ''}
      </>
    );
  }
  if (kind === 'tasks') return (it as TaskContent).title;
  const r = it as RuleContent;
  return `${cycleLabel(r.cycle, locale)}${r.reporter ? ` — ${r.reporter}` : ''}${r.recipient ? ` → ${r.recipient}` : ''}`;
}

function ListSection({
  kind,
  changes,
}: {
  kind: Kind;
  changes: ListChanges<TargetContent | TaskContent | RuleContent>;
}) {
  const { t, locale } = useI18n();
  const rows: ReactNode[] = [];
  changes.added.forEach((it, i) =>
    rows.push(
      <li key={`a${i}`} data-testid="change-added">
        <Tag color="green">{t('plans.changes.added')}</Tag>
        {itemTitle(kind, it, locale)}
      </li>,
    ),
  );
  changes.removed.forEach((it, i) =>
    rows.push(
      <li key={`r${i}`} data-testid="change-removed">
        <Tag color="red">{t('plans.changes.removed')}</Tag>
        <span className="xs-diff-before">{itemTitle(kind, it, locale)}</span>
      </li>,
    ),
  );
  changes.changed.forEach((c, i) =>
    rows.push(
      <li key={`c${i}`} data-testid="change-changed">
        <Tag color="orange">{t('plans.changes.changed')}</Tag>
        {itemTitle(kind, c.after, locale)}
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {c.fields.map((f) => (
            <li key={f} style={{ fontSize: 13 }}>
              <span className="xs-muted">{t(fieldKey(kind, f))}:</span>{' '}
              <span className="xs-diff-before">{valueText(f, (c.before as Record<string, unknown>)[f], locale)}</span>
              {' → '}
              <span className="xs-diff-after">{valueText(f, (c.after as Record<string, unknown>)[f], locale)}</span>
            </li>
          ))}
        </ul>
      </li>,
    ),
  );
  return rows.length ? (
    <ul
      style={{ margin: 0, paddingInlineStart: 4, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 6 }}
    >
      {rows}
    </ul>
  ) : (
    <Typography.Text type="secondary">{t('plans.changes.none')}</Typography.Text>
  );
}

/** What a new version adds, removes and changes, in words a person checks before saving. */
export function ChangesView({ changes }: { changes: PlanChanges }) {
  const { t, locale } = useI18n();
  const count = (l: ListChanges<unknown>) => `+${l.added.length} −${l.removed.length} ~${l.changed.length}`;
  const total =
    (['targets', 'tasks', 'reporting'] as const).reduce(
      (n, k) => n + changes[k].added.length + changes[k].removed.length + changes[k].changed.length,
      0,
    ) + changes.header.length;
  if (total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.changes.nothing')} />;
  const sections = (['targets', 'tasks', 'reporting'] as const).map((k) => ({
    key: k,
    label: (
      <span>
        {t(`plans.tab.${k}`)}{' '}
        <Typography.Text type="secondary">
          ({count(changes[k])}, {t('plans.changes.unchanged', { n: changes[k].unchanged })})
        </Typography.Text>
      </span>
    ),
    children: <ListSection kind={k} changes={changes[k] as ListChanges<TargetContent | TaskContent | RuleContent>} />,
  }));
  if (changes.header.length) {
    sections.unshift({
      key: 'header' as never,
      label: (
        <span>
          {t('plans.tab.header')} <Typography.Text type="secondary">(~{changes.header.length})</Typography.Text>
        </span>
      ),
      children: (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.header.map((h) => (
            <li key={h.field}>
              <span className="xs-muted">{t(fieldKey('header', h.field))}:</span>{' '}
              <span className="xs-diff-before">{valueText(h.field, h.before, locale)}</span> →{' '}
              <span className="xs-diff-after">{valueText(h.field, h.after, locale)}</span>
            </li>
          ))}
        </ul>
      ),
    });
  }
  const open = sections
    .filter(
      (s) =>
        s.key === ('header' as never) ||
        (changes[s.key as Kind]?.added.length ?? 0) +
          (changes[s.key as Kind]?.removed.length ?? 0) +
          (changes[s.key as Kind]?.changed.length ?? 0) >
          0,
    )
    .map((s) => s.key);
  return <Collapse size="small" defaultActiveKey={open} items={sections} data-testid="changes" />;
}
