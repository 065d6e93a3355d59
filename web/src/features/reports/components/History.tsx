import { Empty, Timeline } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HistoryEvent } from '../api/types.ts';
import { eventLabel } from './labels.ts';

/** What happened to a submission or a commune report, oldest first. */
export function History({ events }: { events: HistoryEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.history.empty')} />;
  return (
    <Timeline
      data-testid="history"
      items={events.map((e, i) => ({
        key: i,
        color: e.kind === 'returned' ? 'red' : e.kind === 'approved' || e.kind === 'received' ? 'green' : 'blue',
        content: (
          <div>
            <div>
              <b>{eventLabel[e.kind] ? t(eventLabel[e.kind]) : e.kind}</b> · {formatDateTime(e.at)}
            </div>
            {e.actorName && <div className="xs-muted">{e.actorName}</div>}
            {e.comment && <div className="xs-rp-comment">{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
