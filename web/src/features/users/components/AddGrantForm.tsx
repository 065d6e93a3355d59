import { Alert, App, Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PickedOrg } from '../../../components/OrgUnitPicker.tsx';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Role } from '../../../lib/labels.ts';
import { useAddGrant } from '../api/add-grant.ts';
import { GrantFields } from './GrantFields.tsx';

interface Values {
  grant: { org: PickedOrg | null; role?: Role };
}

export function AddGrantForm({ userId }: { userId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddGrant(userId);
  const onFinish = ({ grant }: Values) =>
    add.mutate(
      { role: grant.role!, orgUnitId: grant.org!.id },
      {
        onSuccess: () => {
          message.success(t('users.roleAdded'));
          form.resetFields();
        },
        onError: (err) =>
          applyFieldErrors(form, err, locale, (p) =>
            p.replace(/^body\.(role|orgUnitId)$/, (_m, f: string) => `body.grant.${f === 'orgUnitId' ? 'org' : f}`),
          ),
      },
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      initialValues={{ grant: { org: null } }}
    >
      {add.error && (
        <Alert type="error" showIcon role="alert" title={errorText(add.error, locale)} style={{ marginBottom: 12 }} />
      )}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <GrantFields name={['grant']} />
        <Form.Item style={{ marginBottom: 12 }}>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('users.addRole')}
          </Button>
        </Form.Item>
      </div>
    </Form>
  );
}
