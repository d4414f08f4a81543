// The views under a reply's buttons ("Chart", "By month", "Other claimants", "Sources") and the
// pages of a long reply (Previous / Next): what a press re-runs, kept by the chain for every
// platform. A button carries only a short token (Telegram allows 64 bytes; a question is up to
// 500 characters). In memory and bounded: a press on an old answer says so, and asks again.
import { randomToken } from './random-token.ts';
import type { AnswerAction, CommandDefinition } from '../../commands/types.ts';
import { paragraph, italic, docToPlainText, type Doc } from '../core/doc.ts';
import { wordsFor } from '../core/trends/words.ts';
import type { Locale } from '../i18n/index.ts';

export interface StoredView {
  command: CommandDefinition;
  options: Record<string, unknown>;
  /** The view the reply showed (its pages show the same one). */
  action: AnswerAction | undefined;
  expires: number;
}

export class ViewStore {
  private readonly views = new Map<string, StoredView>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 24 * 60 * 60_000,
    private readonly max = 5000,
  ) {}

  remember(command: CommandDefinition, options: Record<string, unknown>, action: AnswerAction | undefined): string {
    while (this.views.size >= this.max) this.views.delete(this.views.keys().next().value!);
    const token = randomToken(6);
    this.views.set(token, { command, options, action, expires: this.clock() + this.ttlMs });
    return token;
  }

  get(token: string): StoredView | null {
    const view = this.views.get(token);
    if (!view) return null;
    if (view.expires <= this.clock()) {
      this.views.delete(token);
      return null;
    }
    return view;
  }

  get size(): number {
    return this.views.size;
  }
}

/**
 * A long doc as pages of whole blocks, each at most about `chars` characters of text, each ending
 * with "Page i of n". One page when it fits.
 */
export function pageDoc(doc: Doc, chars: number, locale: Locale = 'en'): Doc[] {
  if (docToPlainText(doc).length <= chars) return [doc];
  const room = Math.max(200, chars - (doc.title?.length ?? 0) - 30);
  const pages: Doc['blocks'][] = [[]];
  let used = 0;
  for (const b of doc.blocks) {
    const size = docToPlainText({ title: null, blocks: [b] }).length + 1;
    if (used + size > room && pages[pages.length - 1]!.length) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(b);
    used += size;
  }
  return pages.map((blocks, i) => ({ title: doc.title, blocks: [...blocks, paragraph(italic(wordsFor(locale).page(i + 1, pages.length)))] }));
}
