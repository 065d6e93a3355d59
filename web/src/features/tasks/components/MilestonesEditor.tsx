import { useEffect } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import { toIsoDate } from '../../../lib/format.ts';
import type { MilestoneView } from '../api/types.ts';
import { taskErrorText } from './errors.ts';

export interface MilestoneDraft {
  id?: string;
  title: string;
  dueDate: string;
}

/**
 * The milestones (mốc) of one task, edited as a list: a title and a date inside the task's
 * time frame. Used by the assigner on the task page and on "Giao từ kế hoạch" before creating.
 */
export function MilestonesEditor({
  open,
  value,
  startDate,
  dueDate,
  saving,
  error,
  onSave,
  onCancel,
}: {
  open: boolean;
  value: (MilestoneDraft | MilestoneView)[];
  startDate: string;
  dueDate: string;
  saving?: boolean;
  error?: unknown;
  onSave: (milestones: MilestoneDraft[]) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: { id?: string; title: string; dueDate: Dayjs }[] }>();
  useEffect(() => {
    if (open)
      form.setFieldsValue({ items: value.map((m) => ({ id: m.id, title: m.title, dueDate: dayjs(m.dueDate) })) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  useEffect(() => {
    if (error) message.error(taskErrorText(error, locale, t));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  const inside = (d: Dayjs) => toIsoDate(d) < startDate || toIsoDate(d) > dueDate;
  const save = async () => {
    const v = await form.validateFields();
    onSave(
      (v.items ?? [])
        .map((m) => ({ ...(m.id ? { id: m.id } : {}), title: m.title.trim(), dueDate: toIsoDate(m.dueDate) }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    );
  };
  return (
    <Modal
      open={open}
      title={t('tasks.milestones.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onCancel}
      okButtonProps={{ loading: saving, ...{ 'data-testid': 'milestones-save' } }}
      destroyOnHidden
    >
      <div className="xs-muted" style={{ marginBottom: 8 }}>
        {t('tasks.milestones.within', {
          from: dayjs(startDate).format('DD/MM/YYYY'),
          to: dayjs(dueDate).format('DD/MM/YYYY'),
        })}
      </div>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ flex: '2 1 160px', margin: 0 }}
                  >
                    <Input placeholder={t('tasks.milestones.title')} maxLength={200} data-testid="milestone-title" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'dueDate']}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ flex: '1 1 130px', margin: 0 }}
                  >
                    <DatePicker
                      format="DD/MM/YYYY"
                      disabledDate={inside}
                      style={{ width: '100%' }}
                      data-testid="milestone-date"
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', dueDate: dayjs(dueDate) })}
                data-testid="milestone-add"
              >
                {t('tasks.milestones.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
