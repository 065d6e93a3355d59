import { useEffect } from 'react';
import { Alert, Button, Col, Divider, Form, Input, Modal, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OrgUnitPicker, type PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Role } from '../../../lib/labels.ts';
import { useCreateUser, type CreatedUser } from '../api/create-user.ts';
import { GrantFields } from './GrantFields.tsx';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  home: PickedOrg | null;
  grants: { org: PickedOrg | null; role?: Role }[];
}

/** The server names fields by the request body (orgUnitId, grants.0.orgUnitId); the form by its own names. */
function toFormPath(path: string) {
  return path.replace(/^body\.orgUnitId$/, 'body.home').replace(/\.orgUnitId$/, '.org');
}

export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (r: CreatedUser) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();

  useEffect(() => {
    if (open) {
      create.reset();
      form.resetFields();
    }
    // form and create are stable
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = (v: Values) =>
    create.mutate(
      {
        username: v.username.trim().toLowerCase(),
        fullName: v.fullName.trim(),
        ...(v.email?.trim() ? { email: v.email.trim() } : {}),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        orgUnitId: v.home!.id,
        grants: v.grants.map((g) => ({ role: g.role!, orgUnitId: g.org!.id })),
      },
      {
        onSuccess: (r) => {
          onCreated(r);
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err, locale, toFormPath),
      },
    );

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('users.createOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={720}
      forceRender
    >
      {create.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(create.error, locale)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ grants: [{ org: null }] }}
        onValuesChange={(changed: Partial<Values>) => {
          // The first grant follows the home unit until the person changes it.
          if (changed.home && !form.getFieldValue(['grants', 0, 'org']))
            form.setFieldValue(['grants', 0, 'org'], changed.home);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="fullName"
              label={t('users.fullName')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('users.fullNameRequired') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('auth.username')}
              extra={t('users.usernameHint')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,49}$/, message: t('users.usernameHint') },
              ]}
            >
              <Input autoCapitalize="none" autoComplete="off" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('users.email')}
              rules={[{ type: 'email', message: t('users.emailInvalid') }]}
            >
              <Input type="email" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('users.phone')}
              rules={[{ pattern: /^(\+84|0)\d{9,10}$/, message: t('users.phoneInvalid') }]}
            >
              <Input type="tel" maxLength={14} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="home"
              label={t('users.orgUnit')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <OrgUnitPicker data-testid="home-org" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('users.roles')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('users.rolesHint')}
        </Typography.Paragraph>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                  <GrantFields name={[f.name]} path={['grants', f.name]} />
                  {fields.length > 1 && (
                    <Button
                      aria-label={t('common.remove')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </div>
              ))}
              {fields.length < 10 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ org: form.getFieldValue('home') ?? null })}
                >
                  {t('users.addRole')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
