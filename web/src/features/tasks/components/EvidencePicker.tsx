import { useState } from 'react';
import { Alert, Button, Flex, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n.tsx';
import { useUploadEvidence } from '../api/task.ts';
import type { FileView } from '../api/types.ts';
import { isEvidenceName, taskErrorText } from './errors.ts';

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/**
 * Evidence files (minh chứng) for a progress post or a submission: each file goes to the task
 * at once (the server checks its type by content and its size) and is attached by the post.
 * A refused file says why, in plain words, and nothing is attached.
 */
export function EvidencePicker({
  taskId,
  value,
  onChange,
}: {
  taskId: string;
  value: FileView[];
  onChange: (files: FileView[]) => void;
}) {
  const { t, locale } = useI18n();
  const uploadFile = useUploadEvidence(taskId);
  const [error, setError] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);

  const send = async (file: File) => {
    setError(null);
    if (!isEvidenceName(file.name)) {
      setError(t('tasks.evidence.badType', { name: file.name }));
      return;
    }
    setPercent(0);
    try {
      const saved = await uploadFile.mutateAsync({
        file,
        onProgress: (p) => setPercent(p.total ? Math.round((100 * p.loaded) / p.total) : null),
      });
      onChange([...value, saved]);
    } catch (e) {
      setError(`${file.name}: ${taskErrorText(e, locale, t)}`);
    } finally {
      setPercent(null);
    }
  };

  return (
    <Flex vertical gap={6}>
      <Upload
        multiple={false}
        showUploadList={false}
        accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx"
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploadFile.isPending} data-testid="evidence-upload">
          {uploadFile.isPending && percent !== null
            ? `${t('tasks.evidence.add')} ${percent}%`
            : t('tasks.evidence.add')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tasks.evidence.hint')}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} data-testid="evidence-error" />}
      {value.map((f) => (
        <Flex key={f.id} align="center" gap={6} data-testid="evidence-file">
          <PaperClipOutlined />
          <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
            {f.fileName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {size(f.byteSize)}
          </Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('tasks.evidence.detach')}
            onClick={() => onChange(value.filter((x) => x.id !== f.id))}
          />
        </Flex>
      ))}
    </Flex>
  );
}
