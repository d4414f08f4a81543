// Question in, answer out: parse, look up, compose. Shared by every adapter.
import { composeAnswer, type Answer } from '../core/answer/compose.ts';
import { todayUtc } from '../core/dates.ts';
import { parseQuestion, QueryVocabulary } from '../core/query/parse.ts';
import type { Directory } from '../core/directory.ts';
import type { LookupRepo } from '../store/lookup-repo.ts';

export class AskService {
  private vocabulary: QueryVocabulary | null = null;
  private vocabularyFor: Directory | null = null;

  constructor(
    private readonly lookup: LookupRepo,
    private readonly directory: () => Directory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private vocab(): QueryVocabulary {
    const dir = this.directory();
    if (this.vocabularyFor !== dir) {
      this.vocabulary = new QueryVocabulary(dir);
      this.vocabularyFor = dir;
    }
    return this.vocabulary!;
  }

  ask(question: string): Answer {
    const today = todayUtc(this.clock());
    const vocab = this.vocab();
    return composeAnswer(question, parseQuestion(question, vocab, today), this.lookup, vocab.directory, today);
  }
}
