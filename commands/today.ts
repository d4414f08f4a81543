// /today: the newest General Staff report as one card, every category with its running total and
// the day's change, the report's date and the day it covers, attributed.
import { z } from 'zod';
import { defineCommand } from './types.ts';
import { refusal } from './run.ts';
import { t } from '../src/i18n/index.ts';

export const today = defineCommand({
  path: ['today'],
  description: "The General Staff's newest daily report: every category, its total and the day's change",
  options: z.object({}),
  audience: 'everyone',
  run: (_input, { services, locale }) => (services.views ? { kind: 'doc', doc: services.views.today(locale), private: false, actions: [] } : refusal(t(locale, 'trend-card-unavailable'))),
});
