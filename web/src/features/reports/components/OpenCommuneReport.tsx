import { Button, Card, Result, Skeleton } from 'antd';
import { Link, Navigate, useParams } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCalendar } from '../api/calendar.ts';

/**
 * /reports/communes/:communeId/:code — the province list knows a commune and a period code but
 * not the period's id (ProvinceReportsView has no periodId), so find it in that commune's calendar.
 */
export function OpenCommuneReport() {
  const { communeId = '', code = '' } = useParams();
  const { t, locale } = useI18n();
  const calendar = useCalendar(communeId, Number(code.slice(0, 4)));
  if (calendar.error) return <Result status="warning" title={errorText(calendar.error, locale)} />;
  if (!calendar.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const periods = calendar.data.periods.filter((p) => p.code === code);
  const period = periods.find((p) => p.communeReport) ?? periods.find((p) => p.level === 'commune') ?? periods[0];
  if (!period)
    return (
      <Result
        status="404"
        title={t('reports.periodMissing')}
        extra={
          <Link to="/reports/province">
            <Button>{t('reports.province.title')}</Button>
          </Link>
        }
      />
    );
  return <Navigate to={`/reports/periods/${period.id}/commune-report`} replace />;
}
