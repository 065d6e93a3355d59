import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select, Slider, Flex } from 'antd';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { useTaskAction, type TaskAction } from '../api/task.ts';
import type { FileView, MilestoneView } from '../api/types.ts';
import type { MoveAction } from './board.rules.ts';
import { EvidencePicker } from './EvidencePicker.tsx';
import { taskErrorText } from './errors.ts';

export interface ActionTarget {
  id: string;
  title: string;
  percent: number;
  lastSeq: number;
  milestones?: MilestoneView[];
}

interface Values {
  percent?: number;
  note?: string;
  milestoneId?: string;
}

/**
 * One dialog for the four buttons that change a task's status: progress (percent, what was
 * done, a milestone reached, evidence), submit (the result, evidence), verify (an optional
 * remark) and return (a reason, required). The board's drag and menu open it too.
 */
export function ActionDialog({
  target,
  kind,
  onClose,
}: {
  target: ActionTarget | null;
  kind: MoveAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const action = useTaskAction();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileView[]>([]);
  // The log position the person saw when opening; the task page refreshes under the dialog
  // after each upload, so its lastSeq moves on by then.
  const [seenSeq, setSeenSeq] = useState(0);
  // Each upload is one more entry of the log (even a file detached again).
  const [uploads, setUploads] = useState(0);
  const open = !!target && !!kind;

  useEffect(() => {
    if (open) {
      setFiles([]);
      setSeenSeq(target.lastSeq);
      setUploads(0);
      action.reset();
      form.setFieldsValue({ percent: target.percent, note: '', milestoneId: undefined });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, target?.id, kind]);

  if (!target || !kind) return <Modal open={false} />;
  const openMilestones = (target.milestones ?? []).filter((m) => !m.reachedOn);

  const submit = async () => {
    const v = await form.validateFields();
    const expectedSeq = seenSeq + uploads;
    const fileIds = files.map((f) => f.id);
    const body: TaskAction =
      kind === 'progress'
        ? {
            kind,
            body: {
              percent: v.percent ?? 0,
              note: v.note!.trim(),
              fileIds,
              milestoneId: v.milestoneId || undefined,
              expectedSeq,
            },
          }
        : kind === 'submit'
          ? { kind, body: { note: v.note!.trim(), fileIds, expectedSeq } }
          : kind === 'verify'
            ? { kind, body: { note: v.note?.trim() || null, expectedSeq } }
            : { kind, body: { reason: v.note!.trim(), expectedSeq } };
    action.mutate(
      { id: target.id, action: body },
      {
        onSuccess: () => {
          message.success(t(`tasks.${kind}.done` as MessageKey));
          onClose();
        },
        onError: (e) => message.error(taskErrorText(e, locale, t)),
      },
    );
  };

  const noteLabel: Record<MoveAction, MessageKey> = {
    progress: 'tasks.progress.note',
    submit: 'tasks.submit.note',
    verify: 'tasks.verify.note',
    return: 'tasks.return.reason',
  };
  const noteRequired = kind !== 'verify';

  return (
    <Modal
      open={open}
      title={<span data-testid="action-title">{t(`tasks.${kind}.title` as MessageKey)}</span>}
      okText={t(`tasks.${kind}.ok` as MessageKey)}
      okButtonProps={{ danger: kind === 'return', loading: action.isPending, ...{ 'data-testid': 'action-ok' } }}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <div className="xs-muted" style={{ marginBottom: 12 }}>
        {target.title}
      </div>
      <Form form={form} layout="vertical" requiredMark={false}>
        {kind === 'progress' && (
          <Form.Item label={t('tasks.progress.percent')} required>
            <Flex gap={12} align="center">
              <Form.Item name="percent" noStyle>
                <Slider min={0} max={100} step={5} style={{ flex: 1 }} />
              </Form.Item>
              <Form.Item name="percent" noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  style={{ width: 90 }}
                  data-testid="progress-percent"
                />
              </Form.Item>
            </Flex>
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t(noteLabel[kind])}
          rules={
            noteRequired
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t(kind === 'return' ? 'tasks.return.reasonRequired' : 'tasks.noteRequired'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="action-note" />
        </Form.Item>
        {kind === 'progress' && openMilestones.length > 0 && (
          <Form.Item name="milestoneId" label={t('tasks.progress.milestone')}>
            <Select
              allowClear
              placeholder={t('tasks.progress.milestoneNone')}
              options={openMilestones.map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.dueDate)})` }))}
            />
          </Form.Item>
        )}
        {(kind === 'progress' || kind === 'submit') && (
          <Form.Item label={t('tasks.progress.evidence')}>
            <EvidencePicker
              taskId={target.id}
              value={files}
              onChange={(next) => {
                if (next.length > files.length) setUploads((n) => n + 1);
                setFiles(next);
              }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
