import { useEffect, useRef } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, type InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFieldErrors, errorText } from '../../../lib/errors.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { UNIT_TYPES, unitTypeLabel, type UnitTypeValue } from '../../../lib/labels.ts';
import { useAddUnit } from '../api/add-unit.ts';
import { useRenameUnit } from '../api/rename-unit.ts';
import type { OrgNodeDetail } from '../api/get-org-node.ts';

interface Values {
  name: string;
  unitType: UnitTypeValue;
  openedOn?: Dayjs | null;
}

/** Add a unit under a commune, or rename (and retype) a unit. */
export function UnitFormModal({
  mode,
  node,
  open,
  onClose,
}: {
  mode: 'add' | 'rename';
  node: OrgNodeDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddUnit(node.id);
  const rename = useRenameUnit(node.id);
  const mutation = mode === 'add' ? add : rename;
  const nameRef = useRef<InputRef>(null);

  useEffect(() => {
    if (!open) return;
    add.reset();
    rename.reset();
    form.resetFields();
    if (mode === 'rename') form.setFieldsValue({ name: node.name, unitType: node.unitType ?? 'other' });
  }, [open, mode, node.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when the dialog opens, not on every render

  const onFinish = (v: Values) => {
    const done = (text: string) => {
      message.success(text);
      onClose();
    };
    const onError = (err: unknown) => applyFieldErrors(form, err, locale);
    if (mode === 'add') {
      add.mutate(
        { name: v.name.trim(), unitType: v.unitType, ...(v.openedOn ? { openedOn: toIsoDate(v.openedOn) } : {}) },
        { onSuccess: (u) => done(t('org.added', { name: u.name })), onError },
      );
    } else {
      rename.mutate(
        { name: v.name.trim(), unitType: v.unitType },
        { onSuccess: (u) => done(t('org.renamed', { name: u.name })), onError },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={mode === 'add' ? t('org.addUnitTo', { name: node.fullName }) : t('org.renameUnit')}
      okText={mode === 'add' ? t('org.addUnit') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      afterOpenChange={(o) => o && nameRef.current?.focus({ cursor: 'end' })}
      forceRender
    >
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(mutation.error, locale)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ unitType: 'other' }}
      >
        <Form.Item
          name="name"
          label={t('org.unitName')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('org.nameTooShort') }, { max: 200 }]}
        >
          <Input ref={nameRef} maxLength={200} data-testid="unit-name" />
        </Form.Item>
        <Form.Item
          name="unitType"
          label={t('org.unitType')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="unit-type"
            options={UNIT_TYPES.map((u) => ({ value: u, label: unitTypeLabel(u, locale) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        {mode === 'add' && (
          <Form.Item name="openedOn" label={t('org.openedOn')}>
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
