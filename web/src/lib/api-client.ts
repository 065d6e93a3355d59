/**
 * The one way the web talks to the server. Keeps the CSRF token in memory (never in
 * storage), sends it on every write, and turns the server's error body
 * `{ error: { code, message, fields? } }` into an ApiError.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get isUnauthenticated() {
    return this.status === 401 || this.code === 'SESSION_EXPIRED' || this.code === 'UNAUTHENTICATED';
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  query?: Query,
  opts: { keepalive?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: opts.keepalive,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw errorFromBody(res.status, res.statusText, data);
  return data as T;
}

function errorFromBody(status: number, statusText: string, data: unknown): ApiError {
  const err = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)?.error;
  return new ApiError(status, err?.code ?? `HTTP_${status}`, err?.message ?? statusText, err?.fields ?? []);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends a file as multipart/form-data (field "file") with the CSRF token, reporting upload
 * progress. XMLHttpRequest because fetch still cannot report upload progress in browsers.
 * `onUploaded` fires when the last byte left the browser (the server may still be reading).
 */
export function upload<T>(
  path: string,
  file: File,
  opts: { query?: Query; onProgress?: (p: UploadProgress) => void; onUploaded?: () => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/v1${path}`, opts.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) =>
      opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => opts.onUploaded?.();
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'Aborted'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(errorFromBody(xhr.status, xhr.statusText, data));
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
export const put = <T>(path: string, body: unknown, opts?: { keepalive?: boolean }) =>
  api<T>('PUT', path, body, undefined, opts);
