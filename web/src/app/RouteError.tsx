import { Button, Result } from 'antd';
import { useRouteError } from 'react-router-dom';
import { useI18n } from '../lib/i18n.tsx';

/** Shown instead of a blank page when a page fails to render. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('common.pageErrorTitle')}
      subTitle={t('common.pageErrorText')}
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
