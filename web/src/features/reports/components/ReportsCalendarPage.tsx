import { Alert, App, Button, Card, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { CalendarOutlined, GlobalOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useCalendar, useCommunePlans, useGenerateCalendar } from '../api/calendar.ts';
import { useCompleteness } from '../api/commune-report.ts';
import { CommunePicker } from './CommunePicker.tsx';
import { CompletenessTable } from './CompletenessTable.tsx';
import { PeriodCard } from './PeriodCard.tsx';
import { thisYear, useHomeScope, yearOptions } from './scope.ts';
import './reports.css';

/** /reports — the commune's reporting calendar for a year, with each unit's state and the commune report's. */
export function ReportsCalendarPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const home = useHomeScope(me);
  const [params, setParams] = useSearchParams();
  const communeId = params.get('communeId') ?? home.communeId;
  const year = Number(params.get('year')) || thisYear();
  const canReview = hasCapability(me, 'reports.review');
  const calendar = useCalendar(communeId, year);
  const completeness = useCompleteness('commune', communeId, year);
  const plans = useCommunePlans(communeId, canReview);
  const generate = useGenerateCalendar();
  const set = (k: string, v: string) =>
    setParams(
      (p) => {
        p.set(k, v);
        return p;
      },
      { replace: true },
    );
  const periods = [...(calendar.data?.periods ?? [])].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.level.localeCompare(b.level),
  );

  const generateYear = async () => {
    try {
      let added = 0;
      for (const p of plans.data?.items ?? []) added += (await generate.mutateAsync({ planId: p.id, year })).added;
      message.success(t('reports.generated', { n: added, year }));
    } catch (e) {
      message.error(errorText(e, locale));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {hasCapability(me, 'reports.receive') && (
            <Link to="/reports/province">
              <Button icon={<GlobalOutlined />}>{t('reports.province.title')}</Button>
            </Link>
          )}
          {canReview && communeId && (
            <Button
              icon={<CalendarOutlined />}
              onClick={generateYear}
              loading={generate.isPending}
              disabled={!plans.data?.items.length}
              data-testid="generate-calendar"
            >
              {t('reports.generate', { year })}
            </Button>
          )}
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        {home.isProvince && home.provinceId && (
          <CommunePicker provinceId={home.provinceId} value={communeId} onChange={(id) => set('communeId', id)} />
        )}
        <Select
          value={year}
          onChange={(y) => set('year', String(y))}
          options={yearOptions()}
          style={{ width: 100 }}
          aria-label={t('reports.year')}
          data-testid="year-picker"
        />
      </Flex>
      {!communeId && !home.pending && (
        <Alert type="info" showIcon title={t(home.isProvince ? 'reports.pickCommune' : 'reports.noCommune')} />
      )}
      {calendar.error && <Alert type="error" showIcon title={errorText(calendar.error, locale)} />}
      {communeId && calendar.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {calendar.data && periods.length === 0 && (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(canReview ? 'reports.emptyReview' : 'reports.empty', { year })}
          />
        </Card>
      )}
      {periods.map((p) => (
        <PeriodCard key={p.id} period={p} canReview={canReview} />
      ))}
      {communeId && calendar.data && periods.length > 0 && (
        <CompletenessTable
          title={t('reports.completenessByUnit', { year })}
          data={completeness.data}
          loading={completeness.isPending}
        />
      )}
    </Flex>
  );
}
