import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../lib/i18n.tsx';

export interface LineRange {
  from: number;
  to: number;
}

interface Props {
  lines: string[];
  /** The line of the item the person opened (1-based), and a counter to scroll to it again. */
  highlight: number | null;
  highlightSeq: number;
  selection: LineRange | null;
  onSelect: (r: LineRange | null) => void;
  onAdd?: (kind: 'target' | 'task') => void;
  adding?: 'target' | 'task' | null;
  style?: CSSProperties;
}

const coarse = () => typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches;

const Lines = memo(function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((text, i) => (
        <div key={i} className="xs-source-line" data-line={i + 1}>
          <span className="xs-source-no">{i + 1}</span>
          <span className="xs-source-text">{text || '\u00a0'}</span>
        </div>
      ))}
    </>
  );
});

/**
 * The document's text, numbered. Click a line and shift-click another (on a phone: tap the
 * first line, then the last) to select a passage; the opened item's line is highlighted.
 * Classes are set on the DOM directly so a long document is not re-rendered on each click.
 */
export function SourcePane({ lines, highlight, highlightSeq, selection, onSelect, onAdd, adding, style }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const anchor = useRef<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.querySelectorAll('.is-selected').forEach((n) => n.classList.remove('is-selected'));
    if (selection)
      for (let n = selection.from; n <= selection.to; n++)
        el.querySelector(`[data-line="${n}"]`)?.classList.add('is-selected');
  }, [selection, lines]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.querySelectorAll('.is-highlight').forEach((n) => n.classList.remove('is-highlight'));
    if (!highlight) return;
    const line = el.querySelector<HTMLElement>(`[data-line="${highlight}"]`);
    if (!line) return;
    line.classList.add('is-highlight');
    el.scrollTo({ top: Math.max(0, line.offsetTop - el.clientHeight / 3), behavior: 'smooth' });
  }, [highlight, highlightSeq, lines]);

  const onClick = (e: React.MouseEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-line]');
    if (!target) return;
    const n = Number(target.dataset.line);
    const extend =
      e.shiftKey || (coarse() && selection !== null && selection.from === selection.to && anchor.current !== null);
    if (extend && anchor.current !== null && anchor.current !== n) {
      onSelect({ from: Math.min(anchor.current, n), to: Math.max(anchor.current, n) });
      return;
    }
    if (selection && selection.from === n && selection.to === n) {
      anchor.current = null;
      onSelect(null);
      return;
    }
    anchor.current = n;
    onSelect({ from: n, to: n });
  };

  return (
    <div ref={box} className="xs-source" style={style} data-testid="source-pane">
      <div className="xs-source-toolbar">
        {selection ? (
          <>
            <Typography.Text strong style={{ fontSize: 13 }} data-testid="selection-label">
              {selection.from === selection.to
                ? t('plans.review.selectedLine', { n: selection.from })
                : t('plans.review.selectedLines', { from: selection.from, to: selection.to })}
            </Typography.Text>
            {onAdd && (
              <>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  loading={adding === 'target'}
                  onClick={() => onAdd('target')}
                  data-testid="add-target-from-passage"
                >
                  {t('plans.review.addTargetFromPassage')}
                </Button>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  loading={adding === 'task'}
                  onClick={() => onAdd('task')}
                  data-testid="add-task-from-passage"
                >
                  {t('plans.review.addTaskFromPassage')}
                </Button>
              </>
            )}
            <Button
              size="small"
              type="link"
              onClick={() => {
                anchor.current = null;
                onSelect(null);
              }}
            >
              {t('plans.review.clearSelection')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {coarse() ? t('plans.review.selectHintTouch') : t('plans.review.selectHint')}
          </Typography.Text>
        )}
      </div>
      <div onClick={onClick} role="presentation">
        <Lines lines={lines} />
      </div>
    </div>
  );
}
