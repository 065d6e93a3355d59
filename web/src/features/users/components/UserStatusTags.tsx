import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import type { UserView } from '../api/list-users.ts';

export function UserStatusTags({ user }: { user: Pick<UserView, 'isDisabled' | 'isLocked' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  return (
    <>
      {user.isDisabled && <Tag color="default">{t('users.disabled')}</Tag>}
      {user.isLocked && <Tag color="orange">{t('users.locked')}</Tag>}
      {user.mustChangePassword && !user.isDisabled && <Tag color="gold">{t('users.temporaryPassword')}</Tag>}
      {!user.isDisabled && !user.isLocked && !user.mustChangePassword && <Tag color="green">{t('users.active')}</Tag>}
    </>
  );
}
