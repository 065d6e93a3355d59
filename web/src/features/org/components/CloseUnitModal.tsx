import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { formatDate, toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCloseUnit } from '../api/close-unit.ts';
import type { OrgNodeDetail } from '../api/get-org-node.ts';

/** Closing keeps the unit and its history; it only stops new work from that date. */
export function CloseUnitModal({ node, open, onClose }: { node: OrgNodeDetail; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ closedOn: Dayjs }>();
  const close = useCloseUnit(node.id);
  const closedOn = Form.useWatch('closedOn', form);

  useEffect(() => {
    if (open) {
      close.reset();
      form.setFieldsValue({ closedOn: dayjs() });
    }
  }, [open, node.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when the dialog opens, not on every render

  const onFinish = ({ closedOn }: { closedOn: Dayjs }) =>
    close.mutate(
      { closedOn: toIsoDate(closedOn) },
      {
        onSuccess: () => {
          message.success(t('org.closed', { name: node.name }));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, err, locale),
      },
    );

  return (
    <Modal
      open={open}
      title={t('org.closeUnitTitle', { name: node.name })}
      okText={t('org.closeUnit')}
      okButtonProps={{ danger: true, 'data-testid': 'confirm-close' } as never}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      forceRender
    >
      {close.error && (
        <Alert type="error" showIcon role="alert" title={errorText(close.error, locale)} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph>{t('org.closeUnitText')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="closedOn"
          label={t('org.closedOnLabel')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
      {closedOn && (
        <Alert
          type="warning"
          showIcon
          title={t('org.closeUnitConfirm', { name: node.name, date: formatDate(toIsoDate(closedOn)) })}
        />
      )}
    </Modal>
  );
}
