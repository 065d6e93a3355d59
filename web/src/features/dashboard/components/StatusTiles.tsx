import { Card } from 'antd';
import { ClockCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { CommuneDashboard, Status } from '../api/dashboards.ts';
import { STATUSES, statusMeta } from './labels.ts';

/** Counts by status as coloured tiles; a tile filters the list below (again to show all). */
export function StatusTiles({
  counts,
  active,
  onPick,
}: {
  counts: CommuneDashboard['counts'];
  active: Status | null;
  onPick: (s: Status | null) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="xs-dash-tiles" data-testid="status-tiles">
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`xs-dash-tile${active === s ? ' is-active' : ''}`}
          style={{ borderTopColor: statusMeta[s].color }}
          aria-pressed={active === s}
          data-testid={`tile-${s}`}
          onClick={() => onPick(active === s ? null : s)}
        >
          <span className="xs-dash-tile-n" style={{ color: statusMeta[s].color }} data-testid="tile-count">
            {formatNumber(counts[s], locale)}
          </span>
          <span className="xs-dash-tile-label">{t(statusMeta[s].label)}</span>
        </button>
      ))}
    </div>
  );
}

/** Work that needs the leader: overdue tasks and unit reports waiting for approval. */
export function WorkLinks({ data }: { data: CommuneDashboard }) {
  const { t, locale } = useI18n();
  return (
    <div className="xs-dash-work">
      <Link to="/tasks" data-testid="overdue-link">
        <Card size="small" hoverable>
          <ClockCircleOutlined style={{ color: data.tasks.overdue ? '#cf1322' : undefined }} />{' '}
          <b data-testid="overdue-count">{formatNumber(data.tasks.overdue, locale)}</b> {t('dashboard.work.overdue')}
          <div className="xs-muted" style={{ fontSize: 12 }}>
            {t('dashboard.work.tasksTotal', {
              total: formatNumber(data.tasks.total, locale),
              done: formatNumber(data.tasks.done, locale),
            })}
          </div>
        </Card>
      </Link>
      <Link to="/reports" data-testid="waiting-link">
        <Card size="small" hoverable>
          <FileSearchOutlined style={{ color: data.reportsWaiting ? '#d48806' : undefined }} />{' '}
          <b data-testid="waiting-count">{formatNumber(data.reportsWaiting, locale)}</b> {t('dashboard.work.waiting')}
          <div className="xs-muted" style={{ fontSize: 12 }}>
            {t('dashboard.work.waitingHint')}
          </div>
        </Card>
      </Link>
    </div>
  );
}
