import { Alert, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../../lib/session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Where a person with a temporary password lands first (and anyone from the profile page). */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('profile.changePassword')}
      </Typography.Title>
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          data-testid="must-change-banner"
          title={t('auth.mustChangeTitle')}
          description={t('auth.mustChangeText')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <ChangePasswordForm onDone={() => navigate('/', { replace: true })} />
      </Card>
    </div>
  );
}
