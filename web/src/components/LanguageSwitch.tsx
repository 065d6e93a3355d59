import { Segmented } from 'antd';
import { useI18n, type Locale } from '../lib/i18n.tsx';

/** Tiếng Việt / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size={size ?? 'small'}
      aria-label={t('common.language')}
      value={locale}
      onChange={setLocale}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
