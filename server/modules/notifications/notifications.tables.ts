import type { Generated } from 'kysely';

export interface NotificationTable {
  id: Generated<string>;
  provinceId: string;
  communeId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  recordType: string | null;
  recordId: string | null;
  dedupeKey: string | null;
  createdAt: Generated<Date>;
  readAt: Date | null;
}

export type MailStatus = 'unsent' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<string>;
  /** Null for mail to people above any province or commune (migration 0012). */
  provinceId: string | null;
  communeId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
  dedupeKey: string | null;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Generated<Date>;
  lastError: string | null;
  createdAt: Generated<Date>;
  sentAt: Date | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
  mailOutbox: MailOutboxTable;
}
