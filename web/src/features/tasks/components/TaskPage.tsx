import { useState, type ReactNode } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Mentions,
  Progress,
  Result,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  LineChartOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { MessageKey } from '../../../lib/messages/vi.ts';
import { hasCapability, useCurrentUser } from '../../../lib/session.ts';
import { useCommuneStaff } from '../api/lookups.ts';
import { fileUrl, useSaveMilestones, useTask, useTaskAction } from '../api/task.ts';
import type { ActionView, TaskDetail } from '../api/types.ts';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoveAction } from './board.rules.ts';
import { EvidencePicker } from './EvidencePicker.tsx';
import { taskErrorText } from './errors.ts';
import { actionLabel, TIMING_STROKE } from './labels.ts';
import { MilestonesEditor } from './MilestonesEditor.tsx';
import { DueText, StatusTags } from './TaskCardView.tsx';
import './tasks.css';

const LOG_COLOR: Partial<Record<ActionView['kind'], string>> = {
  verify: 'green',
  return: 'red',
  submit: 'orange',
  progress: 'blue',
  comment: 'gray',
  evidence: 'blue',
};
const BUTTONS: { kind: MoveAction; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
  { kind: 'progress', icon: <LineChartOutlined /> },
  { kind: 'submit', icon: <SendOutlined />, primary: true },
  { kind: 'verify', icon: <CheckOutlined />, primary: true },
  { kind: 'return', icon: <RollbackOutlined />, danger: true },
];

/** One entry of the append-only log, as a line of the history. */
function LogEntry({ a, task }: { a: ActionView; task: TaskDetail }) {
  const { t } = useI18n();
  const files = (a.details.files as { id: string; fileName: string }[] | undefined) ?? [];
  const changes = a.details.changes as Record<string, unknown> | undefined;
  return (
    <div data-testid="log-entry" data-kind={a.kind}>
      <div>
        <b>{t(actionLabel(a.kind))}</b>
        {a.kind === 'progress' && a.percent !== null && <> · {a.percent}%</>}
        <Typography.Text type="secondary">
          {' '}
          — {a.actorName}, {formatDateTime(a.at)}
        </Typography.Text>
      </div>
      {a.kind === 'return' && a.note && (
        <div className="xs-task-reason">
          {t('tasks.return.reason')}: {a.note}
        </div>
      )}
      {a.kind !== 'return' && a.note && <div className="xs-task-note">{a.note}</div>}
      {changes && (
        <div className="xs-muted">
          {t('tasks.log.changed', {
            fields: Object.keys(changes)
              .map((k) => t(`tasks.field.${k}` as MessageKey))
              .join(', '),
          })}
        </div>
      )}
      {a.kind === 'edit' && !!a.details.milestones && (
        <div className="xs-muted">{t('tasks.log.milestonesChanged')}</div>
      )}
      {files.map((f) => (
        <div key={f.id}>
          <a href={fileUrl(task.id, f.id)}>
            <PaperClipOutlined /> {f.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}

function Comments({ task }: { task: TaskDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const staff = useCommuneStaff(task.communeId, hasCapability(me, 'users.read'));
  const action = useTaskAction();
  const [text, setText] = useState('');
  const send = () => {
    if (!text.trim()) return;
    action.mutate(
      { id: task.id, action: { kind: 'comment', body: { text: text.trim() } } },
      {
        onSuccess: () => {
          setText('');
          message.success(t('tasks.comment.sent'));
        },
        onError: (e) => message.error(taskErrorText(e, locale, t)),
      },
    );
  };
  return (
    <Flex vertical gap={8}>
      <Mentions
        value={text}
        onChange={setText}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('tasks.comment.placeholder')}
        options={(staff.data ?? []).map((p) => ({ value: p.username, label: `${p.fullName} (@${p.username})` }))}
        maxLength={5000}
        data-testid="comment-input"
      />
      <div>
        <Button
          icon={<SendOutlined />}
          onClick={send}
          loading={action.isPending}
          disabled={!text.trim()}
          data-testid="comment-send"
        >
          {t('tasks.comment.send')}
        </Button>
      </div>
    </Flex>
  );
}

function Task({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [acting, setActing] = useState<MoveAction | null>(null);
  const [editingMilestones, setEditingMilestones] = useState(false);
  const saveMilestones = useSaveMilestones(task.id);
  const can = (b: TaskDetail['allowedActions'][number]) => task.allowedActions.includes(b);
  const source =
    task.source === 'plan'
      ? t('tasks.source.plan')
      : `${t(`tasks.source.${task.source}` as MessageKey)}${task.sourceRef ? `: ${task.sourceRef}` : ''}`;

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[{ title: <Link to="/tasks">{t('tasks.title')}</Link> }, { title: t('tasks.detail.crumb') }]}
      />
      <Card>
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ fontSize: 20, margin: 0 }} data-testid="task-title">
            {task.title}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <StatusTags card={task} />
            <Typography.Text type="secondary">
              <DueText card={task} />
            </Typography.Text>
          </Flex>
          <Progress
            percent={task.percent}
            status={task.status === 'verified' ? 'success' : 'normal'}
            strokeColor={TIMING_STROKE[task.timing]}
            data-testid="task-percent"
          />
          {task.timing === 'at_risk' && (
            <Typography.Text type="warning">{t('tasks.detail.expected', { n: task.expectedPercent })}</Typography.Text>
          )}
          <Flex gap={8} wrap>
            {BUTTONS.filter((b) => can(b.kind)).map((b) => (
              <Button
                key={b.kind}
                type={b.primary ? 'primary' : 'default'}
                danger={b.danger}
                icon={b.icon}
                onClick={() => setActing(b.kind)}
                data-testid={`do-${b.kind}`}
              >
                {t(`tasks.${b.kind}.button` as MessageKey)}
              </Button>
            ))}
          </Flex>
        </Flex>
      </Card>

      <Card size="small" title={t('tasks.detail.sixClear')}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered data-testid="six-clear">
          <Descriptions.Item label={t('tasks.six.person')}>{task.assignee.name}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.six.time')}>
            {formatDate(task.startDate)} – {formatDate(task.dueDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.six.task')} span={{ xs: 1, md: 2 }}>
            <div>{task.title}</div>
            {task.description && <div className="xs-muted">{task.description}</div>}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.six.responsibility')}>
            <div>
              {t('tasks.six.lead')}: <b>{task.leadUnit.name}</b>
            </div>
            {task.partners.length > 0 && (
              <div>
                {t('tasks.six.partners')}: {task.partners.map((p) => p.name).join(', ')}
              </div>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.six.authority')}>
            {task.approvingAuthority} — {task.approver.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.six.result')} span={{ xs: 1, md: 2 }}>
            {task.expectedProduct}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.detail.source')} span={{ xs: 1, md: 2 }}>
            {source}
            {task.groupName ? ` · ${task.groupName}` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {task.targets.length > 0 && (
        <Card size="small" title={t('tasks.detail.targets')}>
          {task.targets.map((x) => (
            <div key={x.id} className="xs-task-target">
              {x.text}
            </div>
          ))}
        </Card>
      )}

      <Card
        size="small"
        title={t('tasks.detail.milestones')}
        extra={
          can('edit') && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => {
                saveMilestones.reset();
                setEditingMilestones(true);
              }}
              data-testid="edit-milestones"
            >
              {t('tasks.milestones.edit')}
            </Button>
          )
        }
      >
        {task.milestones.length === 0 ? (
          <Typography.Text type="secondary">{t('tasks.milestones.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={4} data-testid="milestones">
            {task.milestones.map((m) => (
              <Flex key={m.id} gap={8} align="center" wrap>
                <span className={`xs-gantt-milestone-key${m.reachedOn ? ' reached' : ''}`} />
                <span style={{ flex: 1 }}>{m.title}</span>
                <Typography.Text type="secondary">{formatDate(m.dueDate)}</Typography.Text>
                {m.reachedOn ? (
                  <Tag color="green">{t('tasks.milestones.reached', { date: formatDate(m.reachedOn) })}</Tag>
                ) : (
                  m.dueDate < new Date().toISOString().slice(0, 10) && (
                    <Tag color="red">{t('tasks.milestones.missed')}</Tag>
                  )
                )}
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      <Card size="small" title={`${t('tasks.detail.evidence')} (${task.files.length})`}>
        <Flex vertical gap={6}>
          {task.files.map((f) => (
            <div key={f.id} data-testid="task-file">
              <a href={fileUrl(task.id, f.id)}>
                <PaperClipOutlined /> {f.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {formatDateTime(f.createdAt)} · SHA-256 {f.sha256.slice(0, 12)}…
              </Typography.Text>
            </div>
          ))}
          {task.files.length === 0 && <Typography.Text type="secondary">{t('tasks.evidence.none')}</Typography.Text>}
          {can('evidence') && (
            <EvidencePicker
              taskId={task.id}
              value={[]}
              onChange={(files) =>
                files.length &&
                message.success(t('tasks.evidence.uploaded', { name: files[files.length - 1].fileName }))
              }
            />
          )}
        </Flex>
      </Card>

      <Card size="small" title={t('tasks.detail.history')}>
        <Timeline
          items={task.actions.map((a) => ({
            key: a.seq,
            color: LOG_COLOR[a.kind] ?? 'gray',
            content: <LogEntry a={a} task={task} />,
          }))}
          data-testid="task-log"
        />
        {can('comment') ? (
          <Comments task={task} />
        ) : (
          <Typography.Text type="secondary">{t('tasks.comment.readOnly')}</Typography.Text>
        )}
      </Card>

      <ActionDialog target={acting ? task : null} kind={acting} onClose={() => setActing(null)} />
      <MilestonesEditor
        open={editingMilestones}
        value={task.milestones}
        startDate={task.startDate}
        dueDate={task.dueDate}
        saving={saveMilestones.isPending}
        error={saveMilestones.error}
        onCancel={() => setEditingMilestones(false)}
        onSave={(milestones) =>
          saveMilestones.mutate(
            { milestones, expectedSeq: task.lastSeq },
            {
              onSuccess: () => {
                setEditingMilestones(false);
                message.success(t('common.saved'));
              },
            },
          )
        }
      />
    </Flex>
  );
}

/** /tasks/:id — the task by "6 rõ", its targets, milestones, evidence, buttons and its history. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const task = useTask(id);
  if (task.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (task.error)
    return (
      <Result
        status="warning"
        title={taskErrorText(task.error, locale, t)}
        extra={
          <Link to="/tasks">
            <Button>{t('tasks.backToList')}</Button>
          </Link>
        }
      />
    );
  return <Task task={task.data} />;
}
