import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Modal, Tag, Typography } from 'antd';
import { CalendarOutlined, FileTextOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { errorText } from '../../../lib/errors.ts';
import { formatDate, toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUpdatePeriod } from '../api/calendar.ts';
import type { PeriodView } from '../api/types.ts';
import { communeReportChip, submissionChip } from './labels.ts';
import { ReviewButtons } from './ReviewButtons.tsx';

/** One reporting period of the calendar: window, due date, level, and each unit's or the commune report's state. */
export function PeriodCard({ period, canReview }: { period: PeriodView; canReview: boolean }) {
  const { t } = useI18n();
  const overdue = period.dueOn < dayjs().format('YYYY-MM-DD');
  const cr = communeReportChip(period.communeReport?.status);
  return (
    <Card
      size="small"
      data-testid="period-card"
      data-code={period.code}
      data-level={period.level}
      styles={{ body: { padding: 0 } }}
    >
      <div className="xs-rp-period-head">
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {period.label}
            </Typography.Text>{' '}
            <Tag color={period.level === 'unit' ? 'cyan' : 'geekblue'}>
              {t(period.level === 'unit' ? 'reports.level.unit' : 'reports.level.commune')}
            </Tag>
          </div>
          {canReview && <DueDateButton period={period} />}
        </Flex>
        <div className="xs-muted" style={{ fontSize: 13 }}>
          {t('reports.window', { from: formatDate(period.closingStart), to: formatDate(period.closingEnd) })}
        </div>
        <div style={{ fontSize: 13 }}>
          <CalendarOutlined /> {t('reports.due', { date: formatDate(period.dueOn) })}
          {period.deadlineText && <span className="xs-muted"> ({period.deadlineText})</span>}
          {overdue && <Tag style={{ marginLeft: 6 }}>{t('reports.duePassed')}</Tag>}
        </div>
        {period.recipient && (
          <div className="xs-muted" style={{ fontSize: 13 }}>
            {t('reports.recipient', { to: period.recipient })}
          </div>
        )}
      </div>
      {period.level === 'unit' ? (
        period.units.map((u) => {
          const chip = submissionChip(u.status, u.isLate);
          return (
            <div key={u.unitId} className="xs-rp-unit" data-testid="unit-row" data-unit={u.unitName}>
              <Link to={`/reports/periods/${period.id}/units/${u.unitId}`} className="xs-rp-unit-link">
                <span className="xs-row-title">{u.unitName}</span>
                <Tag color={chip.color} data-testid="unit-status">
                  {t(chip.label)}
                </Tag>
                <RightOutlined className="xs-muted" />
              </Link>
              {canReview && u.reviewable && u.submissionId && (
                <ReviewButtons submissionId={u.submissionId} unitName={u.unitName} size="small" />
              )}
            </div>
          );
        })
      ) : (
        <Link
          to={`/reports/periods/${period.id}/commune-report`}
          className="xs-rp-unit xs-rp-unit-link"
          data-testid="commune-report-link"
        >
          <FileTextOutlined />
          <span className="xs-row-title">{t('reports.communeReport')}</span>
          <Tag color={cr.color} data-testid="commune-report-status">
            {t(cr.label)}
          </Tag>
          {period.communeReport?.isLate && <Tag color="orange">{t('reports.sentLate')}</Tag>}
          <RightOutlined className="xs-muted" />
        </Link>
      )}
    </Card>
  );
}

function DueDateButton({ period }: { period: PeriodView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useUpdatePeriod();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => dayjs(period.dueOn));
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setDate(dayjs(period.dueOn));
          setOpen(true);
        }}
        data-testid="edit-due"
      >
        {t('reports.editDue')}
      </Button>
      <Modal
        open={open}
        title={t('reports.editDueTitle', { label: period.label })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={update.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          update.mutate(
            { id: period.id, dueOn: toIsoDate(date) },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                setOpen(false);
              },
              onError: (e) => message.error(errorText(e, locale)),
            },
          )
        }
      >
        <DatePicker
          value={date}
          onChange={(d) => d && setDate(d)}
          format="DD/MM/YYYY"
          allowClear={false}
          style={{ width: '100%' }}
        />
      </Modal>
    </>
  );
}
