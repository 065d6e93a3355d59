import { useCallback, useEffect, useRef, useState } from 'react';
import { saveReview } from '../../api/imports.ts';
import { contentOf, flagsOf, storeFlags, type ReviewState } from './reviewState.ts';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; error: unknown; keys: Record<string, string[]> };

/**
 * Saves the review to the server a moment after each change (debounced), one request at a
 * time, and once more with `keepalive` when the page goes away, so closing the tab loses nothing.
 */
export function useAutosave(importId: string, state: ReviewState | null, enabled: boolean, delayMs = 1200) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const latest = useRef<ReviewState | null>(null);
  const savedState = useRef<ReviewState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    const s = latest.current;
    if (stopped.current || !s || s === savedState.current) return;
    const { content, keys } = contentOf(s, false);
    setStatus({ state: 'saving' });
    const p = saveReview(importId, content)
      .then(() => {
        savedState.current = s;
        storeFlags(importId, flagsOf(s));
        setStatus(latest.current === s ? { state: 'saved', at: new Date() } : { state: 'pending' });
      })
      .catch((error: unknown) => {
        savedState.current = s; // do not retry the same content in a loop; the next change retries
        setStatus({ state: 'error', error, keys });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = p;
    await p;
  }, [importId]);

  useEffect(() => {
    if (!state) return;
    if (!latest.current) {
      // The loaded state is what the server has.
      latest.current = state;
      savedState.current = state;
      return;
    }
    latest.current = state;
    if (!enabled || stopped.current || state === savedState.current) return;
    setStatus({ state: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delayMs);
  }, [state, enabled, delayMs, run]);

  // Leaving the page (closing the tab, or navigating inside the app) with unsaved changes.
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  useEffect(() => {
    const flush = () => {
      const s = latest.current;
      if (stopped.current || !enabledRef.current || !s || s === savedState.current) return;
      savedState.current = s;
      storeFlags(importId, flagsOf(s));
      void saveReview(importId, contentOf(s, false).content, true).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      if (timer.current) clearTimeout(timer.current);
      flush();
    };
  }, [importId]);

  /** Stop saving (before commit or discard): nothing more goes to the draft. */
  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    stopped.current = true;
  }, []);

  return { status, saveNow: run, stop };
}
