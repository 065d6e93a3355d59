import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { UserView } from '../api/list-users.ts';
import { useUpdateUser } from '../api/update-user.ts';

interface Values {
  fullName: string;
  email?: string;
  phone?: string;
}

export function EditUserModal({ user, open, onClose }: { user: UserView; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(user.id);

  useEffect(() => {
    if (open) {
      update.reset();
      form.setFieldsValue({ fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' });
    }
  }, [open, user.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = (v: Values) =>
    update.mutate(
      { fullName: v.fullName.trim(), email: v.email?.trim() || null, phone: v.phone?.trim() || null },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err, locale),
      },
    );

  return (
    <Modal
      open={open}
      title={t('users.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      {update.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(update.error, locale)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('users.fullNameRequired') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          rules={[{ pattern: /^(\+84|0)\d{9,10}$/, message: t('users.phoneInvalid') }]}
        >
          <Input type="tel" maxLength={14} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
