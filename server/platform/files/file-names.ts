/**
 * The one rule for a file name that came from outside (an upload, a browser, a CLI argument):
 * it is only a label. Every module that keeps or shows an uploaded file's name uses it, and
 * the download writer builds its ASCII fallback from it.
 */
import { foldVietnamese } from '../text.ts';

/** Longest name kept, counted in UTF-16 units; the end (with the extension) is what is kept. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name that is only a label: the last part of any path (a browser may send
 * "C:\\fakepath\\x.pdf", an attacker "../../x.pdf"), NFC, no control characters (PostgreSQL
 * refuses U+0000 in text) and no double quote (it would end a header's quoted string), no
 * leading dot or space (a hidden file), at most 200 characters kept from the end.
 */
export function safeFileName(name: string, fallback = 'tep'): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  return (clean || fallback).slice(-MAX_FILE_NAME_LENGTH);
}

/** The extension, lower case, without its dot ('' when there is none). */
export const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The name in plain ASCII for old clients (RFC 6266 `filename=`): Vietnamese letters without
 * their marks, anything else outside [A-Za-z0-9._-] as "_".
 */
export const asciiFileName = (name: string): string =>
  foldVietnamese(name.normalize('NFC'))
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '') || 'tep';
