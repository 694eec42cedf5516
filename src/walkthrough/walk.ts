// The walk through the items: ask, record, save, move on, until the auditor finishes at the review
// screen or is interrupted. Every change is saved as a draft before the next question is shown.
import { localize, t } from '../shared/lang.js';
import type { CommandIo } from '../shared/io.js';
import { itemScale } from '../model/checklist.js';
import type { Audit } from '../model/types.js';
import { scoreAudit } from '../core/score.js';
import { isInterruption } from './interrupt.js';
import type { ItemAction, ItemPromptConfig, Typing } from './prompts/item-prompt.js';
import { answerText, shortTitle } from './prompts/item-view.js';
import { PROCESS_TERMINAL, wrapLine, type Terminal } from './prompts/layout.js';
import type { Clock } from './prompts/measure.js';
import type { PromptSet } from './prompts/prompt-set.js';
import {
  advance,
  answer,
  answerNotApplicable,
  answerOf,
  atReview,
  auditOf,
  back,
  cancelStopwatch,
  clearAnswer,
  currentSlot,
  forward,
  goTo,
  progressOf,
  setEvidence,
  setNote,
  startStopwatch,
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
  readonly terminal?: Terminal;
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
    case 'start-stopwatch':
      return startStopwatch(session, id, action.at);
    case 'cancel-stopwatch':
      return cancelStopwatch(session, id);
    case 'quit':
      return session;
  }
}

/** Text left in a field when the walk was interrupted, recorded as if Enter had been pressed. */
export function keepTyping(session: Session, id: string, typing: Typing): Session {
  switch (typing.field) {
    case 'value':
      return typing.text.trim() === '' ? session : answer(session, id, typing.text.trim());
    case 'note':
      return setNote(session, id, typing.text);
    case 'evidence':
      return setEvidence(session, id, typing.text.split(/[,,]/));
  }
}

function itemConfig(session: Session, deps: WalkDeps, onTyping: (typing: Typing | undefined) => void): ItemPromptConfig {
  const slot = currentSlot(session)!;
  const { lang, colour } = deps.io;
  const { site, date } = session.header;
  const scale = itemScale(slot.item, session.checklist);
  const answer = answerOf(session, slot.item.id);
  const since = session.stopwatches.get(slot.item.id);
  const others = session.slots
    .filter((other) => other !== slot && session.stopwatches.has(other.item.id))
    .map((other) => ({ itemNumber: other.itemNumber, title: shortTitle({ slot: other, lang }, 40), since: session.stopwatches.get(other.item.id)! }));
  return {
    lang,
    colour,
    title: `${localize(session.checklist.title, lang)} · ${site} · ${date}`,
    slot,
    checklist: session.checklist,
    progress: progressOf(session),
    ...(scale && { scale }),
    ...(answer && { answer }),
    canGoBack: session.position > 0,
    ...(deps.clock && { clock: deps.clock }),
    ...(deps.terminal && { terminal: deps.terminal }),
    ...(since !== undefined && { stopwatchSince: since }),
    ...(others.length > 0 && { otherStopwatches: others }),
    onTyping,
  };
}

const FINISH = -1;

/**
 * The end of the checklist, or `r`: finish when all is answered, else pick an unanswered item. When
 * every item is answered (a finished walk, a re-opened audit) any item can be picked to change it.
 * Esc goes back to the item the auditor came from.
 */
async function review(session: Session, returnTo: number, deps: WalkDeps): Promise<number> {
  const { lang, colour } = deps.io;
  const missing = unanswered(session);
  const entry = (position: number) => {
    const slot = session.slots[position]!;
    const shown = answerText({ slot, lang, checklist: session.checklist }, answerOf(session, slot.item.id));
    return `${slot.itemNumber}/${session.slots.length}  ${shortTitle({ slot, lang }, 200)}${shown === undefined ? '' : `  → ${shown}`}`;
  };
  const escape = t(lang, `回到第 ${returnTo + 1} 题`, `back to item ${returnTo + 1}`);
  const complete = missing.length === 0;
  const positions = complete ? session.slots.map((_, position) => position) : missing.map((slot) => slot.itemNumber - 1);
  const choices = [...(complete ? [t(lang, '✔ 完成并评分', '✔ Finish and score')] : []), ...positions.map(entry)];
  const picked = await deps.prompts.pick(
    {
      lang,
      colour,
      message: complete
        ? t(lang, '所有题目都已作答。完成审核,或选一题修改', 'Every item is answered. Finish the audit, or pick an item to change it')
        : t(
            lang,
            `还有 ${missing.length} 题未作答,选择一题继续(Ctrl-C 保存草稿,稍后继续)`,
            `${missing.length} item${missing.length === 1 ? ' has' : 's have'} no answer yet; pick one (Ctrl-C saves a draft to finish later)`,
          ),
      choices,
      start: 0,
      escape,
      ...(deps.terminal && { terminal: deps.terminal }),
    },
    { signal: deps.signal },
  );
  if (picked === undefined) return returnTo;
  if (complete) return picked === 0 ? FINISH : positions[picked - 1]!;
  return positions[picked]!;
}

/** A critical item that just failed: its note is asked for at once, then evidence offered (the answer is saved). */
async function askAboutFailure(session: Session, id: string, deps: WalkDeps): Promise<Session> {
  const { lang, colour } = deps.io;
  const result = scoreAudit({ file: '', audit: auditOf(session, 'draft'), checklist: session.checklist });
  if (!result.criticalFailures.some((failure) => failure.item === id)) return session;
  const before = answerOf(session, id);
  // The stock input breaks its message at the edge, mid-word: it gets lines that fit already.
  const width = (deps.terminal ?? PROCESS_TERMINAL).columns() - 2;
  const fitted = (text: string) => wrapLine(text, width).join('\n');
  const note = await deps.prompts.input(
    {
      message: colour.red(fitted(t(lang, '关键项未达标,答案已保存。记下所见(直接 Enter 则不记):', 'Critical item failed; the answer is saved. Note what you saw (Enter: no note):'))),
      ...(before?.note && { default: before.note }),
    },
    { signal: deps.signal },
  );
  let next = setNote(session, id, note);
  await deps.saveDraft(auditOf(next, 'draft'));
  const evidence = await deps.prompts.input(
    {
      message: fitted(t(lang, '证据:照片或文件的路径、网址,逗号分隔(直接 Enter 则无):', 'Evidence: photo paths or URLs, comma-separated (Enter: none):')),
      ...(before?.evidence?.length && { default: before.evidence.join(', ') }),
    },
    { signal: deps.signal },
  );
  next = setEvidence(next, id, evidence.split(/[,,]/));
  return next;
}

/** Walks from the session's position; returns when finished or interrupted, with the last state. */
export async function walk(start: Session, deps: WalkDeps): Promise<WalkEnd> {
  let session = start;
  // Where the review screen's Esc goes: the item the auditor left for it.
  let returnTo = Math.max(0, Math.min(start.position, start.slots.length - 1));
  let typing: Typing | undefined;
  const save = async (next: Session) => {
    if (next.responses !== session.responses || next.stopwatches !== session.stopwatches) await deps.saveDraft(auditOf(next, 'draft'));
    session = next;
  };
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
      const slot = currentSlot(session)!;
      typing = undefined;
      const action = await deps.prompts.item(
        itemConfig(session, deps, (now) => (typing = now)),
        { signal: deps.signal },
      );
      typing = undefined;
      if (action.kind === 'quit') return { finished: false, session };
      await save(applyAction(session, action));
      if (action.kind === 'answer' && slot.item.critical === true) {
        await save(await askAboutFailure(session, slot.item.id, deps));
      }
    }
  } catch (error) {
    if (!isInterruption(error) && !deps.signal.aborted) throw error;
    const slot = currentSlot(session);
    // What was being typed when Ctrl-C or a hang-up came is kept, as if Enter had been pressed.
    if (typing !== undefined && slot !== undefined) session = keepTyping(session, slot.item.id, typing);
    return { finished: false, session };
  }
}
