// The state of one walkthrough, kept pure so that every rule of moving through a checklist and
// writing an audit can be tested without a terminal: where the auditor is, what they answered,
// where "next" goes, and the audit document (SPEC §3) the state stands for.
import { itemsOf } from '../model/checklist.js';
import { isScored } from '../model/item-types/index.js';
import { isAnswered, NA, toAnswer, type Answer, type AnswerValue } from '../model/responses.js';
import type { Audit, AuditStatus, Checklist, Factor, Item, Response, ResponseDetail, Section } from '../model/types.js';

/** One item with where it sits in the checklist, as the auditor is shown it. */
export interface Slot {
  readonly item: Item;
  readonly section: Section;
  readonly factor: Factor;
  /** 1-based, among all items / among sections. */
  readonly itemNumber: number;
  readonly sectionNumber: number;
}

/** Everything in the audit file except the status, the finish time and the responses. */
export interface AuditHeader {
  readonly checklist: Audit['checklist'];
  readonly site: string;
  readonly auditor: string;
  readonly date: string;
  readonly started?: string;
  /** Kept from the file as it was (a re-opened audit keeps its first finish until it is finished again). */
  readonly finished?: string;
  /** `x-` keys a user added to a draft; kept as they were. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface Session {
  readonly checklist: Checklist;
  readonly header: AuditHeader;
  readonly slots: readonly Slot[];
  /** Responses as the file writes them, so keys the walkthrough does not edit (`expected`, `x-`) survive. */
  readonly responses: ReadonlyMap<string, Response>;
  /** Index into `slots`; `slots.length` is the review screen at the end. */
  readonly position: number;
  /** Running stopwatches: item id → start (ms since the epoch), written to the draft as `x-stopwatch`. */
  readonly stopwatches: ReadonlyMap<string, number>;
}

/** The draft's key for running stopwatches: `x-stopwatch: {first-response: 2026-11-23T01:12:05.120Z}`. */
export const STOPWATCH_KEY = 'x-stopwatch';

function stopwatchesIn(extensions: AuditHeader['extensions']): Map<string, number> {
  const kept = extensions?.[STOPWATCH_KEY];
  const running = new Map<string, number>();
  if (typeof kept !== 'object' || kept === null) return running;
  for (const [id, at] of Object.entries(kept)) {
    const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    if (Number.isFinite(ms)) running.set(id, ms);
  }
  return running;
}

export function slotsOf(checklist: Checklist): Slot[] {
  const slots: Slot[] = [];
  checklist.sections.forEach((section, sectionIndex) => {
    for (const factor of section.factors) {
      for (const item of factor.items) {
        slots.push({ item, section, factor, itemNumber: slots.length + 1, sectionNumber: sectionIndex + 1 });
      }
    }
  });
  return slots;
}

export function startSession(checklist: Checklist, header: AuditHeader, responses: Audit['responses'] = {}): Session {
  const session: Session = {
    checklist,
    header,
    slots: slotsOf(checklist),
    responses: new Map(Object.entries(responses)),
    position: 0,
    stopwatches: stopwatchesIn(header.extensions),
  };
  return { ...session, position: firstOpen(session) };
}

export function answerOf(session: Session, id: string): Answer | undefined {
  const response = session.responses.get(id);
  return response === undefined ? undefined : toAnswer(response);
}

/**
 * An item still waiting for the auditor: a scored item without a value or N/A, a text item without text.
 * Walking forward stops at these; resuming starts at the first one.
 */
function isOpen(session: Session, slot: Slot): boolean {
  const answer = answerOf(session, slot.item.id);
  return isScored(slot.item) ? !isAnswered(answer) : answer?.value === undefined;
}

function nextOpen(session: Session, after: number): number {
  const index = session.slots.findIndex((slot, i) => i > after && isOpen(session, slot));
  return index === -1 ? session.slots.length : index;
}

/** Where `--resume` continues: the first open item, or the review screen when none is left. */
export function firstOpen(session: Session): number {
  return nextOpen(session, -1);
}

export function currentSlot(session: Session): Slot | undefined {
  return session.slots[session.position];
}

export function atReview(session: Session): boolean {
  return session.position >= session.slots.length;
}

/** Scored items without an answer: what stands between a draft and a complete audit. */
export function unanswered(session: Session): Slot[] {
  return session.slots.filter((slot) => isScored(slot.item) && !isAnswered(answerOf(session, slot.item.id)));
}

// --- moving -------------------------------------------------------------------------------------

function at(session: Session, position: number): Session {
  return { ...session, position: Math.max(0, Math.min(position, session.slots.length)) };
}

/** After an answer: the next open item, so that changing an earlier answer returns to where the auditor was. */
export function advance(session: Session): Session {
  return at(session, nextOpen(session, session.position));
}

export function back(session: Session): Session {
  return at(session, session.position - 1);
}

/** The next item in order, answered or not (stepping through, or leaving an item for later). */
export function forward(session: Session): Session {
  return at(session, session.position + 1);
}

export function goTo(session: Session, position: number): Session {
  return at(session, position);
}

export function toReview(session: Session): Session {
  return at(session, session.slots.length);
}

// --- answering ----------------------------------------------------------------------------------

type Detail = { -readonly [K in keyof ResponseDetail]: ResponseDetail[K] } & Record<string, unknown>;

function detailOf(response: Response | undefined): Detail {
  if (response === undefined) return {};
  if (typeof response === 'object') return { ...response };
  return response === NA ? { na: true } : { value: response };
}

/** The shortest form that says the same: `4`, `na`, or a map when there is more than the answer. */
function compact(detail: Detail): Response | undefined {
  const { value, na, ...rest } = detail;
  const more = Object.keys(rest).length > 0;
  if (na === true) return more ? { na: true, ...rest } : NA;
  if (value === undefined) return more ? rest : undefined;
  return more ? { value, ...rest } : value;
}

function withDetail(session: Session, id: string, change: (detail: Detail) => void): Session {
  const detail = detailOf(session.responses.get(id));
  change(detail);
  const responses = new Map(session.responses);
  const response = compact(detail);
  if (response === undefined) responses.delete(id);
  else responses.set(id, response);
  return { ...session, responses };
}

/** An answered item has no stopwatch left running. */
function withoutStopwatch(session: Session, id: string): Session {
  if (!session.stopwatches.has(id)) return session;
  const stopwatches = new Map(session.stopwatches);
  stopwatches.delete(id);
  return { ...session, stopwatches };
}

export function answer(session: Session, id: string, value: AnswerValue): Session {
  return withoutStopwatch(
    withDetail(session, id, (detail) => {
      delete detail.na;
      detail.value = value;
    }),
    id,
  );
}

export function answerNotApplicable(session: Session, id: string): Session {
  return withoutStopwatch(
    withDetail(session, id, (detail) => {
      delete detail.value;
      detail.na = true;
    }),
    id,
  );
}

export function startStopwatch(session: Session, id: string, at: number): Session {
  return { ...session, stopwatches: new Map(session.stopwatches).set(id, at) };
}

export function cancelStopwatch(session: Session, id: string): Session {
  return withoutStopwatch(session, id);
}

/** Takes back an answer (a text item emptied by the auditor), keeping its note and evidence. */
export function clearAnswer(session: Session, id: string): Session {
  return withDetail(session, id, (detail) => {
    delete detail.value;
    delete detail.na;
  });
}

export function setNote(session: Session, id: string, note: string): Session {
  return withDetail(session, id, (detail) => {
    if (note.trim() === '') delete detail.note;
    else detail.note = note.trim();
  });
}

export function setEvidence(session: Session, id: string, evidence: readonly string[]): Session {
  return withDetail(session, id, (detail) => {
    const kept = evidence.map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (kept.length === 0) delete detail.evidence;
    else detail.evidence = kept;
  });
}

// --- progress -----------------------------------------------------------------------------------

export interface Progress {
  readonly item: number;
  readonly items: number;
  readonly section: number;
  readonly sections: number;
  readonly answered: number;
  readonly scored: number;
}

export function progressOf(session: Session): Progress {
  const scored = session.slots.filter((slot) => isScored(slot.item)).length;
  const slot = currentSlot(session);
  return {
    item: slot?.itemNumber ?? session.slots.length,
    items: session.slots.length,
    section: slot?.sectionNumber ?? session.checklist.sections.length,
    sections: session.checklist.sections.length,
    answered: scored - unanswered(session).length,
    scored,
  };
}

// --- the audit document -------------------------------------------------------------------------

/** The audit as SPEC §3 lays it out, keys in its order and responses in checklist order. */
export function auditOf(session: Session, status: AuditStatus, finishedAt?: string): Audit {
  const { checklist, site, auditor, date, started, extensions: { [STOPWATCH_KEY]: _kept, ...extensions } = {} } = session.header;
  const finished = finishedAt ?? session.header.finished;
  const stopwatches = Object.fromEntries([...session.stopwatches].map(([id, at]) => [id, new Date(at).toISOString()]));
  const responses: Audit['responses'] = {};
  for (const item of itemsOf(session.checklist)) {
    const response = session.responses.get(item.id);
    if (response !== undefined) responses[item.id] = response;
  }
  return {
    checklist,
    site,
    auditor,
    date,
    status,
    ...(started !== undefined && { started }),
    ...(finished !== undefined && { finished }),
    ...extensions,
    ...(session.stopwatches.size > 0 && { [STOPWATCH_KEY]: stopwatches }),
    responses,
  };
}

/** The header of an audit read back from its file (for `--resume`). */
export function headerOf(audit: Audit): AuditHeader {
  const extensions = Object.fromEntries(Object.entries(audit).filter(([key]) => key.startsWith('x-')));
  return {
    checklist: audit.checklist,
    site: audit.site,
    auditor: audit.auditor,
    date: audit.date,
    ...(audit.started !== undefined && { started: audit.started }),
    ...(audit.finished !== undefined && { finished: audit.finished }),
    ...(Object.keys(extensions).length > 0 && { extensions }),
  };
}
