import { Collapse, Empty, Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { TargetRow } from '../api/dashboards.ts';
import { barPercent, groupTargets, periodText, sourceLabel, statusMeta, valueText } from './labels.ts';
import { Sparkline } from './Sparkline.tsx';
import { TargetDetail } from './TargetDetail.tsx';

function RowSummary({ row }: { row: TargetRow }) {
  const { t, locale } = useI18n();
  const meta = statusMeta[row.status];
  return (
    <div className="xs-dash-row" data-testid="target-row" data-status={row.status} data-target={row.targetId}>
      <div className="xs-dash-row-head">
        <span className="xs-item-text">{row.text}</span>
        <Tag color={meta.tag} data-testid="target-status" style={{ marginInlineEnd: 0 }}>
          {t(meta.label)}
        </Tag>
      </div>
      <div className="xs-meta">
        <span>
          {t('dashboard.target.goal')}: <b>{row.targetText}</b>
          {row.deadlineYear ? ` (${row.deadlineYear})` : ''}
        </span>
        {row.latest ? (
          <span>
            {t('dashboard.target.latest')}: <b className="xs-value">{valueText(row.latest.value, row.unit, locale)}</b>{' '}
            <span className="xs-muted">
              ({periodText(row.latest.periodCode, t)} · {sourceLabel(row.latest.source, t)})
            </span>
          </span>
        ) : null}
        <Sparkline
          points={row.recent}
          unit={row.unit}
          color={meta.color}
          label={t('dashboard.target.sparkline', { n: row.recent.length })}
        />
      </div>
      {row.latest && (
        <Progress
          percent={barPercent(row.latest.attainment)}
          size="small"
          strokeColor={meta.color}
          format={(p) => `${valueText(p ?? 0, '%', locale)}`}
          aria-label={t('dashboard.target.attainment')}
          style={{ marginBottom: 0 }}
        />
      )}
    </div>
  );
}

export function TargetList({ rows, communeId }: { rows: TargetRow[]; communeId: string }) {
  const { t } = useI18n();
  if (!rows.length) return <Empty description={t('dashboard.target.none')} />;
  return (
    <div data-testid="target-list">
      {groupTargets(rows).map((g, i) => (
        <section key={`${g.name}-${i}`} className="xs-dash-group">
          <Typography.Title level={3} className="xs-dash-group-title">
            {g.name ?? t('dashboard.target.otherGroup')}
          </Typography.Title>
          <Collapse
            size="small"
            destroyOnHidden
            items={g.rows.map((r) => ({
              key: r.targetId,
              label: <RowSummary row={r} />,
              children: <TargetDetail row={r} communeId={communeId} />,
            }))}
          />
        </section>
      ))}
    </div>
  );
}
