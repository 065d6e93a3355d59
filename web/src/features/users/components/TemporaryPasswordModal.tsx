import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n.tsx';

/** The temporary password is shown exactly once; the person must change it at first sign-in. */
export function TemporaryPasswordModal({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password ?? '');
      message.success(t('users.copied'));
    } catch {
      message.warning(t('users.copyFailed'));
    }
  };
  return (
    <Modal
      open={!!password}
      title={t('users.temporaryPasswordTitle')}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.iHaveSavedIt')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('users.temporaryPasswordText', { username })}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={password ?? ''}
          data-testid="temporary-password"
          style={{ fontFamily: 'ui-monospace, monospace', fontSize: 16 }}
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('users.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('users.temporaryPasswordOnce')}
      </Typography.Paragraph>
    </Modal>
  );
}
