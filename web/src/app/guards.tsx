import { Button, Result, Spin } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../lib/i18n.tsx';
import { errorText } from '../lib/errors.ts';
import { CurrentUserContext, hasCapability, useCurrentUser, useSession, type Capability } from '../lib/session.ts';

/** Signed-in pages only; a person with a temporary password goes to the change-password form first. */
export function RequireAuth() {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  const { t, locale } = useI18n();
  if (isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (error) {
    return (
      <Result
        status="warning"
        title={errorText(error, locale)}
        extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!data) {
    const from = location.pathname + location.search;
    return <Navigate to={from && from !== '/' ? `/sign-in?next=${encodeURIComponent(from)}` : '/sign-in'} replace />;
  }
  if (data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <CurrentUserContext.Provider value={data.user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

export function RequireCapability({ capability }: { capability: Capability }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (!hasCapability(user, capability)) {
    return (
      <Result
        status="403"
        title={t('common.forbiddenTitle')}
        subTitle={t('common.forbiddenText')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <Outlet />;
}
