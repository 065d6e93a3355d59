import { useMemo, useReducer, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Popconfirm,
  Result,
  Row as GridRow,
  Skeleton,
  Typography,
} from 'antd';
import { DownOutlined, FileTextOutlined, SaveOutlined, UpOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../../lib/api-client.ts';
import { errorText } from '../../../../lib/errors.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import { discardImport, readPassage, useImport } from '../../api/imports.ts';
import { planKeys, type ImportView, type PlanContent, type PlanView } from '../../api/types.ts';
import '../plans.css';
import { CommitModal } from './CommitModal.tsx';
import { ReviewItems, type ReviewTab } from './ReviewItems.tsx';
import {
  contentOf,
  groupAt,
  initialState,
  loadFlags,
  newKey,
  normaliseRule,
  normaliseTarget,
  normaliseTask,
  rememberDraft,
  reviewReducer,
  storeFlags,
  type AnyItem,
  type ListName,
  type Row,
} from './reviewState.ts';
import { SaveStatusText } from './SaveStatusText.tsx';
import { SourcePane, type LineRange } from './SourcePane.tsx';
import { useAutosave } from './useAutosave.ts';

/** Field issues of a request ("body.targets.3.value") → the rows they concern. */
function invalidRows(err: unknown, keys: Record<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const m = /^(?:body\.)?(targets|tasks|reporting)\.(\d+)/.exec(f.path);
    const key = m && keys[m[1]]?.[Number(m[2])];
    if (key && !out.has(key)) out.set(key, f.message);
  }
  return out;
}

function Review({ draft }: { draft: ImportView }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isDesktop = !!Grid.useBreakpoint().lg;
  const [state, dispatch] = useReducer(reviewReducer, null, () => initialState(draft, loadFlags(draft.id)));
  const autosave = useAutosave(draft.id, state, true);
  const [tab, setTab] = useState<ReviewTab>('targets');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<{ line: number | null; seq: number }>({ line: null, seq: 0 });
  const [selection, setSelection] = useState<LineRange | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [adding, setAdding] = useState<'target' | 'task' | null>(null);
  const [sourceOpen, setSourceOpen] = useState(false);
  const [commit, setCommit] = useState<{ content: PlanContent; keys: Record<ListName, string[]> } | null>(null);
  const [commitInvalid, setCommitInvalid] = useState<Map<string, string>>(new Map());
  const [discarding, setDiscarding] = useState(false);

  useState(() => rememberDraft(draft.id, true));

  const invalid = useMemo(() => {
    const m =
      autosave.status.state === 'error'
        ? invalidRows(autosave.status.error, autosave.status.keys)
        : new Map<string, string>();
    commitInvalid.forEach((v, k) => m.set(k, v));
    return m;
  }, [autosave.status, commitInvalid]);

  const open = (key: string, line: number | null) => {
    setActiveKey(key);
    if (line) setHighlight((h) => ({ line, seq: h.seq + 1 }));
    if (line && !isDesktop) setSourceOpen(true);
  };

  const addFromPassage = async (kind: 'target' | 'task') => {
    if (!selection) return;
    const list: ListName = kind === 'target' ? 'targets' : 'tasks';
    setAdding(kind);
    try {
      const text = draft.lines.slice(selection.from - 1, selection.to).join('\n');
      const rowsForGroup = state[list].map((r) => ({
        ...r,
        item: { groupName: r.item.groupName, sourceLine: r.item.sourceLine },
      }));
      const found = await readPassage({
        text,
        firstLine: selection.from,
        kind,
        groupName: groupAt(rowsForGroup, selection.from),
        year: state.header.periodTo ?? null,
      });
      const items: AnyItem[] = kind === 'target' ? found.targets.map(normaliseTarget) : found.tasks.map(normaliseTask);
      if (items.length === 0) {
        message.warning(kind === 'target' ? t('plans.review.passageNoTarget') : t('plans.review.passageNoTask'));
        return;
      }
      const rows: Row<AnyItem>[] = items.map((item) => ({
        key: newKey(list),
        accepted: true,
        item,
        suggestion: null,
        isNew: true,
      }));
      dispatch({ type: 'add', list, rows });
      setTab(list);
      setActiveKey(rows[0].key);
      setSelection(null);
      message.success(t('plans.review.passageAdded', { n: rows.length }));
      setTimeout(
        () =>
          document
            .querySelector(`[data-key="${rows[0].key}"]`)
            ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
        50,
      );
    } catch (err) {
      message.error(errorText(err, locale));
    } finally {
      setAdding(null);
    }
  };

  const addBlank = (list: ListName) => {
    const line = selection?.from ?? null;
    const passage = selection
      ? draft.lines
          .slice(selection.from - 1, selection.to)
          .join(' ')
          .trim()
          .slice(0, 900)
      : '';
    const item: AnyItem =
      list === 'targets'
        ? normaliseTarget({
            text: passage || t('plans.review.newTarget'),
            sourceLine: line,
            year: state.header.periodTo,
            groupName: line ? groupAt(state.targets, line) : null,
          })
        : list === 'tasks'
          ? normaliseTask({
              title: passage || t('plans.review.newTask'),
              sourceLine: line,
              toYear: state.header.periodTo,
              groupName: line ? groupAt(state.tasks, line) : null,
            })
          : normaliseRule({});
    const row: Row<AnyItem> = { key: newKey(list), accepted: true, item, suggestion: null, isNew: true };
    dispatch({ type: 'add', list, rows: [row] });
    setActiveKey(row.key);
    setEditingKey(row.key);
    setTimeout(
      () => document.querySelector(`[data-key="${row.key}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
      50,
    );
  };

  const startCommit = () => {
    setCommitInvalid(new Map());
    setCommit(contentOf(state, true));
  };
  const committed = (plan: PlanView) => {
    autosave.stop();
    storeFlags(draft.id, null);
    rememberDraft(draft.id, false);
    void qc.invalidateQueries({ queryKey: planKeys.all });
    message.success(t('plans.commit.done', { version: plan.currentVersion }));
    navigate(`/plans/${plan.id}`);
  };
  const discard = async () => {
    setDiscarding(true);
    autosave.stop();
    try {
      await discardImport(draft.id);
      storeFlags(draft.id, null);
      rememberDraft(draft.id, false);
      message.info(t('plans.review.discarded'));
      navigate(draft.planId ? `/plans/${draft.planId}` : '/plans');
    } catch (err) {
      message.error(errorText(err, locale));
      setDiscarding(false);
    }
  };

  const paneHeight = 'calc(100vh - 210px)';
  const source = (
    <SourcePane
      lines={draft.lines}
      highlight={highlight.line}
      highlightSeq={highlight.seq}
      selection={selection}
      onSelect={setSelection}
      onAdd={addFromPassage}
      adding={adding}
      style={isDesktop ? { height: paneHeight, minHeight: 360 } : { maxHeight: '42vh' }}
    />
  );
  const items = (
    <ReviewItems
      state={state}
      dispatch={dispatch}
      communeId={draft.communeId}
      tab={tab}
      onTab={setTab}
      activeKey={activeKey}
      onOpen={open}
      editingKey={editingKey}
      onEdit={setEditingKey}
      onAddBlank={addBlank}
      invalid={invalid}
      style={isDesktop ? { height: paneHeight, minHeight: 360, paddingRight: 4 } : undefined}
    />
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 300px' }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {draft.planId ? t('plans.review.titleReimport') : t('plans.review.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
            <FileTextOutlined /> {draft.fileName} · {draft.communeName} · <SaveStatusText status={autosave.status} />
          </Typography.Text>
        </div>
        <Flex gap={8}>
          <Popconfirm
            title={t('plans.review.discardConfirm')}
            okText={t('plans.review.discardOk')}
            cancelText={t('plans.review.keepReviewing')}
            okButtonProps={{ danger: true }}
            onConfirm={discard}
          >
            <Button loading={discarding} data-testid="discard">
              {t('plans.review.discard')}
            </Button>
          </Popconfirm>
          <Button type="primary" icon={<SaveOutlined />} onClick={startCommit} data-testid="save-plan">
            {t('plans.review.save')}
          </Button>
        </Flex>
      </Flex>
      {draft.planId && <Alert type="info" showIcon title={t('plans.review.reimportInfo')} />}
      {draft.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('plans.review.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {draft.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {isDesktop ? (
        <GridRow gutter={12}>
          <Col span={10}>{source}</Col>
          <Col span={14}>{items}</Col>
        </GridRow>
      ) : (
        <>
          <Card
            size="small"
            styles={{ body: { padding: sourceOpen ? 8 : 0 } }}
            title={
              <div
                role="button"
                tabIndex={0}
                className="xs-source-toggle"
                onClick={() => setSourceOpen((o) => !o)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSourceOpen((o) => !o)}
                aria-expanded={sourceOpen}
                data-testid="toggle-source"
              >
                <span>
                  <FileTextOutlined /> {t('plans.review.source', { n: draft.lines.length })}
                </span>
                {sourceOpen ? <UpOutlined /> : <DownOutlined />}
              </div>
            }
          >
            <div style={{ display: sourceOpen ? 'block' : 'none' }}>{source}</div>
          </Card>
          {items}
        </>
      )}
      {commit && (
        <CommitModal
          open
          importId={draft.id}
          isReimport={!!draft.planId}
          content={commit.content}
          onClose={() => setCommit(null)}
          onCommitted={committed}
          onError={(err) => setCommitInvalid(invalidRows(err, commit.keys))}
        />
      )}
    </Flex>
  );
}

/** /plans/imports/:id — the review of an uploaded plan document. */
export function ImportReviewPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const draft = useImport(id);
  if (draft.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (draft.error)
    return (
      <Result
        status="warning"
        title={errorText(draft.error, locale)}
        extra={
          <Link to="/plans">
            <Button>{t('plans.backToList')}</Button>
          </Link>
        }
      />
    );
  const d = draft.data;
  if (d.status !== 'draft') {
    return (
      <Result
        status={d.status === 'committed' ? 'success' : 'info'}
        title={d.status === 'committed' ? t('plans.review.alreadyCommitted') : t('plans.review.alreadyDiscarded')}
        extra={
          d.status === 'committed' && d.planId ? (
            <Link to={`/plans/${d.planId}`}>
              <Button type="primary">{t('plans.openPlan')}</Button>
            </Link>
          ) : (
            <Link to="/plans">
              <Button>{t('plans.backToList')}</Button>
            </Link>
          )
        }
      />
    );
  }
  return <Review key={d.id} draft={d} />;
}
