// The walk through the items: ask, record, save, move on, until the auditor finishes at the review
// screen or is interrupted. Every change is saved as a draft before the next question is shown.
import { localize, t } from '../shared/lang.js';
import type { CommandIo } from '../shared/io.js';
import { itemScale } from '../model/checklist.js';
import type { Audit } from '../model/types.js';
import { isInterruption } from './interrupt.js';
import type { ItemAction, ItemPromptConfig } from './prompts/item-prompt.js';
import { shortTitle } from './prompts/item-view.js';
import type { Clock } from './prompts/measure.js';
import { selectTheme, type PromptSet } from './prompts/prompt-set.js';
import {
  advance,
  answer,
  answerNotApplicable,
  answerOf,
  atReview,
  auditOf,
  back,
  clearAnswer,
  currentSlot,
  forward,
  goTo,
  progressOf,
  setEvidence,
  setNote,
  toReview,
  unanswered,
  type Session,
} from './session.js';

export interface WalkDeps {
  readonly io: Pick<CommandIo, 'lang' | 'colour'>;
  readonly prompts: PromptSet;
  /** Aborted by SIGINT/SIGTERM/SIGHUP from outside. */
  readonly signal: AbortSignal;
  readonly saveDraft: (audit: Audit) => Promise<void>;
  readonly clock?: Clock;
}

export type WalkEnd = { readonly finished: boolean; readonly session: Session };

export function applyAction(session: Session, action: ItemAction): Session {
  const id = currentSlot(session)?.item.id;
  if (id === undefined) return session;
  switch (action.kind) {
    case 'answer':
      return advance(answer(session, id, action.value));
    case 'na':
      return advance(answerNotApplicable(session, id));
    case 'keep':
      return advance(session);
    case 'clear':
      return forward(clearAnswer(session, id));
    case 'note':
      return setNote(session, id, action.note);
    case 'evidence':
      return setEvidence(session, id, action.evidence);
    case 'back':
      return back(session);
    case 'next':
      return forward(session);
    case 'review':
      return toReview(session);
  }
}

function itemConfig(session: Session, deps: WalkDeps): ItemPromptConfig {
  const slot = currentSlot(session)!;
  const { lang, colour } = deps.io;
  const { site, date } = session.header;
  const scale = itemScale(slot.item, session.checklist);
  const answer = answerOf(session, slot.item.id);
  return {
    lang,
    colour,
    title: `${localize(session.checklist.title, lang)} · ${site} · ${date}`,
    slot,
    progress: progressOf(session),
    ...(scale && { scale }),
    ...(answer && { answer }),
    canGoBack: session.position > 0,
    ...(deps.clock && { clock: deps.clock }),
  };
}

const FINISH = -1;

/** The end of the checklist: finish when all is answered, else pick an unanswered item. */
async function review(session: Session, returnTo: number, deps: WalkDeps): Promise<number> {
  const { lang } = deps.io;
  const missing = unanswered(session);
  const itemChoice = (position: number) => {
    const slot = session.slots[position]!;
    return `${slot.itemNumber}/${session.slots.length}  ${shortTitle({ slot, lang }, 60)}`;
  };
  const backTo = {
    name: t(lang, `← 回到第 ${itemChoice(returnTo)}`, `← back to ${itemChoice(returnTo)}`),
    value: returnTo,
  };
  if (missing.length === 0) {
    return deps.prompts.select(
      {
        message: t(lang, '所有题目都已作答。完成审核?', 'Every item is answered. Finish the audit?'),
        choices: [{ name: t(lang, '✔ 完成并评分', '✔ Finish and score'), value: FINISH }, backTo],
        theme: selectTheme(lang),
      },
      { signal: deps.signal },
    );
  }
  return deps.prompts.select(
    {
      message: t(
        lang,
        `还有 ${missing.length} 题未作答,选择一题继续(Ctrl-C 保存草稿,稍后继续)`,
        `${missing.length} item${missing.length === 1 ? ' has' : 's have'} no answer yet; pick one (Ctrl-C saves a draft to finish later)`,
      ),
      // "Back" comes first, for a review opened by mistake, unless that item is listed anyway;
      // the cursor starts on the first unanswered item.
      choices: [
        ...(missing.some((slot) => slot.itemNumber - 1 === returnTo) ? [] : [backTo]),
        ...missing.map((slot) => ({ name: itemChoice(slot.itemNumber - 1), value: slot.itemNumber - 1 })),
      ],
      default: missing[0]!.itemNumber - 1,
      pageSize: 12,
      theme: selectTheme(lang),
    },
    { signal: deps.signal },
  );
}

/** Walks from the session's position; returns when finished or interrupted, with the last state. */
export async function walk(start: Session, deps: WalkDeps): Promise<WalkEnd> {
  let session = start;
  // Where the review screen's "back" goes: the item the auditor left for it.
  let returnTo = Math.max(0, Math.min(start.position, start.slots.length - 1));
  try {
    for (;;) {
      deps.signal.throwIfAborted();
      if (atReview(session)) {
        const choice = await review(session, returnTo, deps);
        if (choice === FINISH) return { finished: true, session };
        session = goTo(session, choice);
        continue;
      }
      returnTo = session.position;
      const next = applyAction(session, await deps.prompts.item(itemConfig(session, deps), { signal: deps.signal }));
      if (next.responses !== session.responses) await deps.saveDraft(auditOf(next, 'draft'));
      session = next;
    }
  } catch (error) {
    if (isInterruption(error) || deps.signal.aborted) return { finished: false, session };
    throw error;
  }
}
