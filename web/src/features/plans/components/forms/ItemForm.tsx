import { useEffect } from 'react';
import { Alert, Button, Flex, Form, Modal } from 'antd';
import { applyFieldErrors, errorText } from '../../../../lib/errors.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import { useCommuneUnits } from '../../api/lookups.ts';
import type { PlanHeader, RuleContent, TargetContent, TaskContent } from '../../api/types.ts';
import {
  HeaderFields,
  headerToValues,
  RuleFields,
  TargetFields,
  targetToValues,
  TaskFields,
  valuesToHeader,
  valuesToRule,
  valuesToTarget,
  valuesToTask,
  type HeaderValues,
  type RuleValues,
  type TargetValues,
  type TaskValues,
} from './fields.tsx';

export type Editable =
  | { kind: 'targets'; item: TargetContent }
  | { kind: 'tasks'; item: TaskContent }
  | { kind: 'reporting'; item: RuleContent }
  | { kind: 'header'; item: PlanHeader };

type Saved<E extends Editable> = E['kind'] extends 'header' ? PlanHeader : Partial<E['item']>;

function initialValues(e: Editable): object {
  switch (e.kind) {
    case 'targets':
      return targetToValues(e.item);
    case 'header':
      return headerToValues(e.item);
    default:
      return e.item;
  }
}

/** The edited fields of an item (indicator link and source line are kept by the caller). */
function fromValues(kind: Editable['kind'], v: object) {
  switch (kind) {
    case 'targets':
      return valuesToTarget(v as TargetValues);
    case 'tasks':
      return valuesToTask(v as TaskValues);
    case 'reporting':
      return valuesToRule(v as RuleValues);
    case 'header':
      return valuesToHeader(v as HeaderValues);
  }
}

interface Props<E extends Editable> {
  editable: E;
  communeId?: string;
  onSave: (fields: Saved<E>) => void | Promise<unknown>;
  onCancel: () => void;
  saving?: boolean;
  error?: unknown;
  /** Inside a modal the modal's own buttons submit. */
  bare?: boolean;
  form?: ReturnType<typeof Form.useForm>[0];
}

/** One form for a target, task, reporting rule or the header: inline in the review, in a dialog on the plan page. */
export function ItemForm<E extends Editable>({
  editable,
  communeId,
  onSave,
  onCancel,
  saving,
  error,
  bare,
  form: given,
}: Props<E>) {
  const { t, locale } = useI18n();
  const [own] = Form.useForm();
  const form = given ?? own;
  const units = useCommuneUnits(editable.kind === 'tasks' ? communeId : undefined);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initialValues(editable));
  }, [editable]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (error) applyFieldErrors(form, error, locale, (p) => p.replace(/^body\./, ''));
  }, [error]); // eslint-disable-line react-hooks/exhaustive-deps

  const onValuesChange = (changed: Record<string, unknown>) => {
    // Choosing the lead unit fills in its name when the document named none.
    if (editable.kind === 'tasks' && typeof changed.leadUnitId === 'string' && !form.getFieldValue('leadText')) {
      form.setFieldValue('leadText', units.data?.find((u) => u.id === changed.leadUnitId)?.name);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initialValues(editable)}
      onValuesChange={onValuesChange}
      onFinish={(v) => onSave(fromValues(editable.kind, v) as Saved<E>)}
      data-testid="item-form"
      size="middle"
    >
      {error ? <Alert type="error" showIcon title={errorText(error, locale)} style={{ marginBottom: 12 }} /> : null}
      {editable.kind === 'targets' && <TargetFields />}
      {editable.kind === 'tasks' && <TaskFields units={units.data ?? []} />}
      {editable.kind === 'reporting' && <RuleFields />}
      {editable.kind === 'header' && <HeaderFields />}
      {!bare && (
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="item-form-save">
            {t('plans.applyEdit')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}

/** The same form in a dialog (plan page: add or edit one item by hand). */
export function ItemFormModal<E extends Editable>({
  open,
  title,
  ...props
}: Omit<Props<E>, 'bare' | 'form'> & { open: boolean; title: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.saving}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'item-modal-save' }}
    >
      {open && <ItemForm {...props} bare form={form} />}
    </Modal>
  );
}
