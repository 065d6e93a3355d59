import { useRef, useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Progress, Typography } from 'antd';
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { errorText } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { attachmentHref, useAttachments, useDeleteAttachment, useUploadAttachment } from '../api/attachments.ts';

/** A hint for the file picker only: the server decides by the content (server/platform/files.ts). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx';

export function fileSize(bytes: number, locale: 'vi' | 'en'): string {
  const fmt = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}

/**
 * The files a unit sends with its report (tài liệu kèm theo): everyone who may read the report
 * downloads them; the unit adds and removes them while the report is a draft or returned.
 */
export function Attachments({ periodId, unitId, status }: { periodId: string; unitId: string; status: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const q = useAttachments(periodId, unitId, status);
  const add = useUploadAttachment(periodId, unitId);
  const remove = useDeleteAttachment(periodId, unitId);
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const list = q.data;

  const onPick = async (files: FileList | null) => {
    const picked = [...(files ?? [])];
    if (input.current) input.current.value = '';
    for (const file of picked) {
      if (list && file.size > list.maxBytes) {
        message.error(t('reports.files.tooLarge', { name: file.name, max: fileSize(list.maxBytes, locale) }));
        continue;
      }
      try {
        setPercent(0);
        await add.mutateAsync({
          file,
          onProgress: (p) => setPercent(Math.min(100, Math.round((100 * p.loaded) / Math.max(1, p.total)))),
        });
        message.success(t('reports.files.added', { name: file.name }));
      } catch (e) {
        message.error(errorText(e, locale));
      } finally {
        setPercent(null);
      }
    }
  };

  const canChange = !!list?.canChange;
  return (
    <Card
      size="small"
      title={t('reports.files.title')}
      data-testid="attachments"
      extra={
        canChange && (
          <Button
            size="small"
            icon={<PaperClipOutlined />}
            loading={add.isPending}
            onClick={() => input.current?.click()}
            data-testid="attach-button"
          >
            {t('reports.files.add')}
          </Button>
        )
      }
    >
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        onChange={(e) => void onPick(e.target.files)}
        data-testid="attach-input"
      />
      {canChange && list && (
        <div className="xs-muted" style={{ fontSize: 13, marginBottom: 8 }}>
          {t('reports.files.hint', { max: fileSize(list.maxBytes, locale), count: list.maxCount })}
        </div>
      )}
      {percent !== null && <Progress percent={percent} size="small" status="active" data-testid="attach-progress" />}
      {q.error && <Typography.Text type="danger">{errorText(q.error, locale)}</Typography.Text>}
      {list && list.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.files.none')} style={{ margin: 4 }} />
      )}
      {list?.items.map((f) => (
        <div key={f.id} className="xs-rp-file" data-testid="attachment-row">
          <FileOutlined className="xs-muted" />
          <div className="xs-rp-file-main">
            <a href={attachmentHref(periodId, unitId, f.id)} download={f.fileName} data-testid="attachment-link">
              {f.fileName}
            </a>
            <div className="xs-muted" style={{ fontSize: 12 }}>
              {fileSize(f.byteSize, locale)} · {formatDateTime(f.createdAt)}
              {f.createdByName ? ` · ${f.createdByName}` : ''}
            </div>
          </div>
          {canChange && (
            <Popconfirm
              title={t('reports.files.removeConfirm', { name: f.fileName })}
              okText={t('reports.files.remove')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(f.id).catch((e) => message.error(errorText(e, locale)))}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('reports.files.remove')}
                data-testid="attachment-remove"
              />
            </Popconfirm>
          )}
        </div>
      ))}
    </Card>
  );
}
