import { useEffect, useState } from 'react';
import { Alert, Descriptions, Input, Modal, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorText } from '../../../../lib/errors.ts';
import { useI18n } from '../../../../lib/i18n.tsx';
import { commitImport, previewChanges } from '../../api/imports.ts';
import type { PlanContent, PlanView } from '../../api/types.ts';
import { ChangesView } from '../ChangesView.tsx';

interface Props {
  open: boolean;
  importId: string;
  isReimport: boolean;
  content: PlanContent;
  onClose: () => void;
  onCommitted: (plan: PlanView) => void;
  onError: (err: unknown) => void;
}

/** The last step: what will be saved (for a re-import, what will change), an optional note, then save. */
export function CommitModal({ open, importId, isReimport, content, onClose, onCommitted, onError }: Props) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const preview = useQuery({
    queryKey: ['plans', 'preview', importId, open ? JSON.stringify(content) : ''],
    queryFn: () => previewChanges(importId, content),
    enabled: open && isReimport,
    gcTime: 0,
    retry: false,
  });
  const commit = useMutation({
    mutationFn: () => commitImport(importId, content, note.trim() || null),
    onSuccess: onCommitted,
    onError,
  });
  useEffect(() => {
    if (open) commit.reset();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Modal
      open={open}
      title={isReimport ? t('plans.commit.titleReimport') : t('plans.commit.title')}
      okText={isReimport ? t('plans.commit.okReimport') : t('plans.commit.ok')}
      cancelText={t('plans.commit.back')}
      onOk={() => commit.mutate()}
      onCancel={onClose}
      confirmLoading={commit.isPending}
      okButtonProps={{ disabled: isReimport && !preview.data, 'data-testid': 'commit-ok' }}
      width={760}
      destroyOnHidden
    >
      <div data-testid="commit-modal">
        {commit.error ? (
          <Alert type="error" showIcon title={errorText(commit.error, locale)} style={{ marginBottom: 12 }} />
        ) : null}
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          items={[
            { key: 'title', label: t('plans.f.title'), children: content.header.title },
            {
              key: 'n',
              label: t('plans.commit.items'),
              children: t('plans.commit.counts', {
                targets: content.targets.length,
                tasks: content.tasks.length,
                rules: content.reporting.length,
              }),
            },
          ]}
        />
        {isReimport && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('plans.commit.whatChanges')}
            </Typography.Title>
            {preview.isPending && <Skeleton active />}
            {preview.error && <Alert type="error" showIcon title={errorText(preview.error, locale)} />}
            {preview.data?.changes && <ChangesView changes={preview.data.changes} />}
          </>
        )}
        <Typography.Text style={{ display: 'block', margin: '12px 0 4px' }}>{t('plans.commit.note')}</Typography.Text>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={isReimport ? t('plans.commit.notePlaceholderReimport') : t('plans.commit.notePlaceholder')}
          data-testid="commit-note"
        />
      </div>
    </Modal>
  );
}
