// The narrow interfaces commands depend on: what each command may ask of the application, and
// nothing more. The application (src/app.ts) satisfies them; tests may pass anything that does.
import type { Access } from '../src/services/access.ts';
import type { AskService } from '../src/services/ask-service.ts';
import type { ViewsService } from '../src/services/views-service.ts';
import type { ClaimsService } from '../src/services/claims-service.ts';
import type { ClaimsRepo } from '../src/store/claims-repo.ts';
import type { DigestRepo } from '../src/store/digest-repo.ts';
import type { DigestService } from '../src/digest/scheduler.ts';
import type { Author, ModeratorsRepo } from '../src/store/moderators-repo.ts';

/** Reading and writing claims, with validation, names and plausibility. */
export type ClaimsPort = Pick<ClaimsService, 'directory' | 'prepareAdd' | 'add' | 'prepareEdit' | 'edit' | 'prepareRetract' | 'retract' | 'retractUnreadable'>;
/** Claims as stored: one, its history, a list. */
export type ClaimsReadPort = Pick<ClaimsRepo, 'get' | 'history' | 'list' | 'rawRow'>;
/** A question in, an answer out. */
export type AskPort = Pick<AskService, 'ask' | 'answer'> & Partial<Pick<AskService, 'inConversation'>>;
/** Charts, breakdowns, records, the daily card, and the views an answer's buttons ask for. */
export type ViewsPort = Pick<ViewsService, 'reply' | 'today'>;
/** Digest subscriptions of a chat, and what the next digest would say. */
export type DigestsPort = Pick<DigestService, 'now' | 'preview'> & { repo: Pick<DigestRepo, 'forChat' | 'lastDelivery' | 'subscribe' | 'unsubscribe'> };
/** Who moderates, and granting and revoking it. */
export type AccessPort = Pick<Access, 'isOwner' | 'isNamedModerator' | 'grant' | 'revoke' | 'named' | 'config'> & { moderators: Pick<ModeratorsRepo, 'get' | 'history'> };

/** What an operation printed and how it ended (0 done, 1 refused, 2 wrongly asked). */
export interface OperationResult {
  code: number;
  out: string[];
  err: string[];
}

/** The operator's tools, provided only by the command line. */
export interface OperatorPort {
  /** Who runs a write: the system user on this host, or a name given with --actor (marked as given). */
  author(given: string | undefined): { actor: string; author: Author };
  doctor(): OperationResult;
  backup(path: string): Promise<OperationResult>;
  importUaGeneralStaff(files: { personnel: string; equipment: string; corrections?: string | undefined; actor?: string | undefined }): Promise<OperationResult>;
}

export interface CommandServices {
  service: ClaimsPort;
  claims: ClaimsReadPort;
  asker: AskPort;
  /** Absent in tests that need only answers: ask then answers plainly. */
  views?: ViewsPort;
  digests: DigestsPort;
  access: AccessPort;
  /** Only on the command line. */
  operator?: OperatorPort;
}
