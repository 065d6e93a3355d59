import { Typography } from 'antd';
import dayjs from 'dayjs';
import { errorText } from '../../../../lib/errors.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import type { SaveStatus } from './useAutosave.ts';

/** "Đã lưu nháp lúc 10:32" — so the person knows closing the page loses nothing. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t, locale } = useI18n();
  switch (status.state) {
    case 'idle':
      return <span data-testid="save-status">{t('plans.review.autosaveOn')}</span>;
    case 'pending':
    case 'saving':
      return <span data-testid="save-status">{t('plans.review.saving')}</span>;
    case 'saved':
      return (
        <span data-testid="save-status" data-saved="true">
          {t('plans.review.savedAt', { time: dayjs(status.at).format('HH:mm') })}
        </span>
      );
    case 'error':
      return (
        <Typography.Text type="danger" data-testid="save-status">
          {t('plans.review.saveFailed', { error: errorText(status.error, locale) })}
        </Typography.Text>
      );
  }
}
