import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../../../components/LanguageSwitch.tsx';
import { errorText, errorTexts } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { clearFlash, readFlash, useSession } from '../../../lib/session.ts';
import { useSignIn, type SignInInput } from '../api/sign-in.ts';

/** Only same-site paths, so a crafted link cannot send the person elsewhere after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [flash] = useState(readFlash);
  useEffect(clearFlash, []);

  if (session.data && !signIn.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = (values: SignInInput) =>
    signIn.mutate(values, {
      onSuccess: (view) =>
        navigate(view.user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true }),
    });

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 45%, #f5f6f8 45.1%)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
          <LanguageSwitch />
        </div>
        <Card>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <img src="/favicon.svg" alt="" width={56} height={56} />
            <Typography.Title level={1} style={{ margin: '8px 0 0', fontSize: 30 }}>
              Xã Số
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          {flash && !signIn.error && (
            <Alert type="info" showIcon title={errorTexts[flash]?.[locale] ?? flash} style={{ marginBottom: 16 }} />
          )}
          {signIn.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="sign-in-error"
              title={errorText(signIn.error, locale)}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<SignInInput> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('auth.signIn')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('auth.footer')}
        </Typography.Paragraph>
      </div>
    </main>
  );
}
