import { useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, useI18n } from '../lib/i18n.tsx';
import { ApiError } from '../lib/api-client.ts';
import { clearSession, isSessionGone, sessionKey } from '../lib/session.ts';

function makeQueryClient(): QueryClient {
  // When any request says the session is gone, forget the person; the router sends them to sign-in.
  const onError = (err: unknown, key?: readonly unknown[]) => {
    if (isSessionGone(err) && key?.[0] !== sessionKey[0]) clearSession(qc, 'SESSION_EXPIRED');
    // The session cookie changed under us (signed in again in another tab): fetch the new token.
    if (err instanceof ApiError && err.code === 'CSRF_TOKEN_INVALID')
      void qc.invalidateQueries({ queryKey: sessionKey });
  };
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => onError(err, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (err) => onError(err) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
    },
  });
  return qc;
}

function Antd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'vi' ? viVN : enUS}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          borderRadius: 8,
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [qc] = useState(makeQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={qc}>
        <Antd>{children}</Antd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
