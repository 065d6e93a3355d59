import { useEffect, useRef } from 'react';
import { Alert, Card, Empty, Flex, Grid, Skeleton, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { useTimeline } from '../api/lists.ts';
import type { TimelineView } from '../api/types.ts';
import { taskErrorText } from './errors.ts';
import { chartWidth, ganttRange, monthTicks, offsetOf, position } from './gantt.ts';
import { TIMING_STROKE, timingLabel } from './labels.ts';
import { useTaskFilter } from './scope.ts';
import { TaskFilters } from './TaskFilters.tsx';
import { TasksHeader } from './TasksHeader.tsx';
import './tasks.css';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The Gantt chart: one row per task, grouped by the plan's groups, a bar from start to due
 * date filled to its progress, milestones as diamonds (filled when reached) and a line for
 * today. The titles stay on the left while the months scroll sideways (on a phone too).
 */
function Gantt({ data }: { data: TimelineView }) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const box = useRef<HTMLDivElement>(null);
  const tasks = data.groups.flatMap((g) => g.tasks);
  const now = today();
  // Never null: today is always among the dates.
  const range = ganttRange([...tasks.flatMap((x) => [x.startDate, x.dueDate]), now])!;
  const width = chartWidth(range, narrow ? 44 : 64);
  const ticks = monthTicks(range, width);
  const todayAt = offsetOf(range, width, now);
  // Open at today (two months before it in view), where the work is.
  useEffect(() => {
    if (box.current) box.current.scrollLeft = Math.max(0, todayAt - 2 * (narrow ? 44 : 64));
  }, [todayAt, narrow]);
  return (
    <div
      className="xs-gantt"
      ref={box}
      data-testid="gantt"
      style={{ ['--xs-gantt-label' as string]: narrow ? '132px' : '280px' }}
    >
      <div className="xs-gantt-inner" style={{ width: `calc(var(--xs-gantt-label) + ${width}px)` }}>
        <div className="xs-gantt-row xs-gantt-axis">
          <div className="xs-gantt-label">{t('tasks.timeline.task')}</div>
          <div className="xs-gantt-track" style={{ width }}>
            {ticks.map((k) => (
              <div
                key={`${k.year}-${k.label}-${k.left}`}
                className="xs-gantt-tick"
                style={{ left: k.left, width: k.width }}
              >
                <div className="xs-gantt-year">{k.year ?? '\u00a0'}</div>
                <div>{k.label}</div>
              </div>
            ))}
          </div>
        </div>
        {data.groups.map((g, gi) => (
          <div key={gi} data-testid="gantt-group">
            <div className="xs-gantt-row xs-gantt-group">
              <div className="xs-gantt-label">{g.groupName ?? t('tasks.timeline.noGroup')}</div>
              <div className="xs-gantt-track" style={{ width }} />
            </div>
            {g.tasks.map((x) => {
              const bar = position(range, width, x.startDate, x.dueDate);
              const tip = `${x.title} — ${formatDate(x.startDate)}–${formatDate(x.dueDate)} · ${x.percent}% · ${t(timingLabel(x.timing))}`;
              return (
                <div key={x.id} className="xs-gantt-row" data-testid="gantt-row">
                  <div className="xs-gantt-label">
                    <Link to={`/tasks/${x.id}`} title={x.title}>
                      {x.title}
                    </Link>
                  </div>
                  <div className="xs-gantt-track" style={{ width }}>
                    {ticks.map((k) => (
                      <div key={k.left} className="xs-gantt-grid" style={{ left: k.left }} />
                    ))}
                    <Tooltip title={tip}>
                      <Link
                        to={`/tasks/${x.id}`}
                        className="xs-gantt-bar"
                        style={{ left: bar.left, width: bar.width, borderColor: TIMING_STROKE[x.timing] }}
                        aria-label={tip}
                        data-testid="gantt-bar"
                      >
                        <span
                          className="xs-gantt-fill"
                          style={{ width: `${x.percent}%`, background: TIMING_STROKE[x.timing] }}
                        />
                      </Link>
                    </Tooltip>
                    {x.milestones.map((m) => (
                      <Tooltip
                        key={m.id}
                        title={`${m.title} — ${formatDate(m.dueDate)}${m.reachedOn ? ` ✓ ${formatDate(m.reachedOn)}` : ''}`}
                      >
                        <span
                          className={`xs-gantt-milestone${m.reachedOn ? ' reached' : ''}`}
                          style={{ left: offsetOf(range, width, m.dueDate) }}
                          data-testid="gantt-milestone"
                        />
                      </Tooltip>
                    ))}
                    <div className="xs-gantt-today" style={{ left: todayAt }} />
                  </div>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

/** /tasks/timeline — the plan's tasks on a time axis, by group, with milestones. */
export function TimelinePage() {
  const { t, locale } = useI18n();
  const me = useCurrentUser();
  const { filter, set, home, ready } = useTaskFilter(me);
  const timeline = useTimeline(filter, ready);
  return (
    <Flex vertical gap={12}>
      <TasksHeader />
      <TaskFilters filter={filter} set={set} provinceId={home.provinceId} isProvince={home.isProvince} />
      {!ready && !home.pending && <Alert type="info" showIcon title={t('tasks.pickCommune')} />}
      {timeline.error && <Alert type="error" showIcon title={taskErrorText(timeline.error, locale, t)} />}
      {ready && timeline.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {timeline.data &&
        (timeline.data.groups.length === 0 ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.timeline.empty')} />
          </Card>
        ) : (
          <>
            <Flex gap={16} wrap className="xs-muted" style={{ fontSize: 12 }}>
              <span>
                <span className="xs-gantt-key" style={{ background: TIMING_STROKE.on_track }} />
                {t('tasks.timing.on_track')}
              </span>
              <span>
                <span className="xs-gantt-key" style={{ background: TIMING_STROKE.at_risk }} />
                {t('tasks.timing.at_risk')}
              </span>
              <span>
                <span className="xs-gantt-key" style={{ background: TIMING_STROKE.overdue }} />
                {t('tasks.timing.overdue')}
              </span>
              <span>
                <span className="xs-gantt-key" style={{ background: TIMING_STROKE.done }} />
                {t('tasks.timing.done')}
              </span>
              <span>
                <span className="xs-gantt-milestone-key" />
                {t('tasks.timeline.milestone')}
              </span>
              <span>
                <span className="xs-gantt-key" style={{ background: '#b71c1c', width: 2 }} />
                {t('tasks.timeline.today')}
              </span>
            </Flex>
            <Gantt data={timeline.data} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.timeline.scrollHint')}
            </Typography.Text>
          </>
        ))}
    </Flex>
  );
}
