import { useState } from 'react';
import { Card, Input, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useOrgSearch } from '../../../lib/queries/search-org.ts';
import { useDebounced } from '../../../lib/use-debounced.ts';
import { errorText } from '../../../lib/errors.ts';
import { nodeTypeLabel } from './nodeLabels.ts';

/** Accent-free search in the person's scope: "tuong linh" finds Tượng Lĩnh. */
export function OrgSearchBox() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const term = useDebounced(q, 250);
  const search = useOrgSearch(term);
  const showResults = q.trim().length > 0;

  return (
    <div>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('org.searchPlaceholder')}
        title={t('org.searchHint')}
        aria-label={t('org.search')}
        data-testid="org-search"
        loading={search.isFetching}
        enterButton
      />
      {showResults && (
        <Card size="small" style={{ marginTop: 8 }} styles={{ body: { padding: 0 } }} data-testid="org-search-results">
          {search.isPending && term ? (
            <div style={{ padding: 16, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : search.error ? (
            <div style={{ padding: 16 }}>
              <Typography.Text type="danger">{errorText(search.error, locale)}</Typography.Text>
            </div>
          ) : (search.data?.items.length ?? 0) === 0 ? (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary" data-testid="org-search-empty">
                {t('org.noResults')}
              </Typography.Text>
            </div>
          ) : (
            search.data!.items.map((item) => (
              <Link
                key={item.id}
                to={`/org/${item.id}`}
                className={`xs-row${item.closedOn ? ' xs-closed' : ''}`}
                onClick={() => setQ('')}
                data-testid="org-search-item"
              >
                <div className="xs-row-main">
                  <div className="xs-row-title">{item.fullName}</div>
                  <div className="xs-muted" style={{ fontSize: 12 }}>
                    {[nodeTypeLabel(item, locale), ...item.path].join(' · ')}
                  </div>
                </div>
                <span className="xs-code">{item.code}</span>
              </Link>
            ))
          )}
        </Card>
      )}
    </div>
  );
}
