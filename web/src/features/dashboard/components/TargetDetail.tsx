import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { recordsPath, useReportLinks, useTargetHistory, type TargetRow } from '../api/dashboards.ts';
import { periodText, sourceLabel, targetNumber, valueText } from './labels.ts';
import { LazyTrendChart } from './LazyCharts.tsx';

/** The forecast sentence and its method, in the person's language (the server words it in Vietnamese). */
function ForecastText({ row }: { row: TargetRow }) {
  const { t, locale } = useI18n();
  const f = row.forecast;
  if (!f) {
    return (
      <Typography.Text type="secondary" data-testid="forecast-none">
        {row.deadlineYear === null ? t('dashboard.forecast.noDeadline') : t('dashboard.forecast.tooFew')}
      </Typography.Text>
    );
  }
  const year = f.atDate.slice(0, 4);
  const sentence =
    locale === 'vi'
      ? f.sentence
      : t('dashboard.forecast.sentence', { year, value: valueText(f.value, row.unit, locale), target: row.targetText });
  const method = locale === 'vi' ? f.method : t('dashboard.forecast.method', { n: f.points, year });
  return (
    <div data-testid="forecast">
      <Typography.Text strong data-testid="forecast-sentence">
        {sentence}
      </Typography.Text>
      <div className="xs-muted" style={{ fontSize: 13 }}>
        {t('dashboard.forecast.methodLabel')}: {method}
      </div>
    </div>
  );
}

/** One target opened: its trend chart, the forecast, and every value with where it came from (fetched now). */
export function TargetDetail({ row, communeId }: { row: TargetRow; communeId: string }) {
  const { t, locale } = useI18n();
  const canReadReports = hasCapability(useCurrentUser(), 'reports.read');
  const history = useTargetHistory(communeId, row.targetId, row.periods > 0);
  const values = history.data?.values ?? [];
  const years = [
    ...new Set(values.filter((p) => p.source === 'report' && p.sourceRef).map((p) => Number(p.periodCode.slice(0, 4)))),
  ];
  // One calendar per year; values of a plan seldom span more than the current and last year.
  const linksA = useReportLinks(communeId, years[0] ?? null, canReadReports);
  const linksB = useReportLinks(communeId, years[1] ?? null, canReadReports);
  const linkOf = (ref: string | null) => (ref ? (linksA.data?.get(ref) ?? linksB.data?.get(ref)) : undefined);

  if (row.periods === 0) {
    return <Alert type="info" showIcon title={t('dashboard.target.noValues')} />;
  }
  if (history.error) {
    return (
      <Alert
        type="warning"
        showIcon
        title={errorText(history.error, locale)}
        action={
          <Button size="small" onClick={() => history.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!history.data)
    return (
      <div role="status" aria-label={t('dashboard.target.loading')} data-testid="target-loading">
        <Skeleton active paragraph={{ rows: 4 }} />
      </div>
    );
  return (
    <Flex vertical gap={12}>
      <LazyTrendChart
        trend={history.data.trend}
        unit={row.unit}
        target={targetNumber(row.targetText)}
        targetText={row.targetText}
        forecast={row.forecast}
      />
      <ForecastText row={row} />
      <div>
        <Typography.Text strong>{t('dashboard.target.values')}</Typography.Text>
        <ul className="xs-dash-values" data-testid="value-list">
          {[...values].reverse().map((p) => {
            const link = p.source === 'report' ? linkOf(p.sourceRef) : undefined;
            const records = p.source !== 'report' ? recordsPath(p.sourceLink) : null;
            return (
              <li key={`${p.periodCode}-${p.source}`} data-testid="value-item" data-source={p.source}>
                <span className="xs-dash-period">{periodText(p.periodCode, t)}</span>
                <span className="xs-value">{valueText(p.value, row.unit, locale)}</span>
                {p.numerator !== null && p.denominator !== null && (
                  <span className="xs-muted">
                    ({formatNumber(p.numerator, locale, 2)}/{formatNumber(p.denominator, locale, 2)})
                  </span>
                )}
                <span className="xs-muted" data-testid="value-provenance">
                  {p.source === 'report' ? sourceLabel(p.source, t) : (p.producer ?? sourceLabel(p.source, t))}
                  {link ? ` — ${link.unitName}` : ''}
                  {p.producedByName ? ` · ${t('dashboard.target.approvedBy', { name: p.producedByName })}` : ''}
                  {` · ${t('dashboard.target.at', { at: formatDateTime(p.producedAt) })}`}
                </span>
                {link ? (
                  <Link to={link.path} data-testid="value-report-link">
                    <LinkOutlined /> {t('dashboard.target.openReport')}
                  </Link>
                ) : records ? (
                  <Link to={records} data-testid="value-records-link">
                    <LinkOutlined /> {t('dashboard.target.records')}
                  </Link>
                ) : null}
                {p.source === 'computed' && p.sourceRef ? (
                  <div className="xs-muted xs-dash-prov" style={{ flexBasis: '100%' }}>
                    {t('dashboard.target.formula')}: {p.sourceRef}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </Flex>
  );
}
