// The walkthrough state without a terminal: moving, answering, progress, and the audit it writes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../src/model/types.js';
import {
  advance,
  answer,
  answerNotApplicable,
  atReview,
  auditOf,
  back,
  cancelStopwatch,
  clearAnswer,
  currentSlot,
  firstOpen,
  forward,
  headerOf,
  progressOf,
  setEvidence,
  setNote,
  startSession,
  startStopwatch,
  toReview,
  unanswered,
  type Session,
} from '../../src/walkthrough/session.js';
import { DEMO_CHECKLIST } from './harness.js';

const checklist = parse(readFileSync(DEMO_CHECKLIST, 'utf8')) as Checklist;
const header = { checklist: { id: 'walk-demo', version: '1.2.0' }, site: 'Store 042', auditor: 'Li Wei', date: '2026-11-23' };
const fresh = () => startSession(checklist, header);
const idAt = (session: Session) => currentSlot(session)?.item.id;
const answerHere = (session: Session, value: number | boolean | string) => advance(answer(session, idAt(session)!, value));

describe('session', () => {
  it('lists the items in checklist order with their section and factor', () => {
    const session = fresh();
    expect(session.slots.map((slot) => [slot.item.id, slot.factor.id, slot.sectionNumber, slot.itemNumber])).toEqual([
      ['greets-promptly', 'greeting', 1, 1],
      ['smiles', 'greeting', 1, 2],
      ['first-response', 'waiting', 1, 3],
      ['matches-need', 'accuracy', 2, 4],
      ['price-clear', 'accuracy', 2, 5],
      ['comments', 'remarks', 2, 6],
    ]);
    expect(session.position).toBe(0);
  });

  it('counts progress over scored items and shows where the auditor is', () => {
    let session = answerHere(fresh(), 4);
    session = answerHere(session, true);
    expect(progressOf(session)).toEqual({ item: 3, items: 6, section: 1, sections: 2, answered: 2, scored: 5 });
    expect(progressOf(toReview(session))).toMatchObject({ item: 6, section: 2 });
  });

  it('goes back to change an answer, then returns to the first open item after it', () => {
    let session = answerHere(answerHere(answerHere(fresh(), 4), true), 45);
    expect(idAt(session)).toBe('matches-need');
    session = back(back(session));
    expect(idAt(session)).toBe('smiles');
    session = answerHere(session, false);
    expect(idAt(session)).toBe('matches-need');
    expect(auditOf(session, 'draft').responses).toEqual({ 'greets-promptly': 4, smiles: false, 'first-response': 45 });
  });

  it('never steps before the first item or past the review screen', () => {
    expect(back(fresh()).position).toBe(0);
    const end = forward(toReview(fresh()));
    expect(atReview(end)).toBe(true);
    expect(idAt(back(end))).toBe('comments');
  });

  it('resumes at the first open item, skipped ones included', () => {
    const session = startSession(checklist, header, { 'greets-promptly': 4, 'first-response': 'na', 'matches-need': 3 });
    expect(idAt(session)).toBe('smiles');
    expect(unanswered(session).map((slot) => slot.item.id)).toEqual(['smiles', 'price-clear']);
    const allScored = startSession(checklist, header, { 'greets-promptly': 4, smiles: true, 'first-response': 3, 'matches-need': 3, 'price-clear': 'na' });
    expect(idAt(allScored)).toBe('comments');
    expect(atReview(advance(answer(allScored, 'comments', 'tidy')))).toBe(true);
  });

  it('counts a note without an answer as still open', () => {
    const session = setNote(fresh(), 'greets-promptly', 'busy morning');
    expect(firstOpen(session)).toBe(0);
    expect(auditOf(session, 'draft').responses).toEqual({ 'greets-promptly': { note: 'busy morning' } });
  });

  it('writes each response in its shortest form, keeping what it does not edit', () => {
    // A user's own `x-` key, which the audit schema allows but its TypeScript type does not name.
    const extended = { value: 3, expected: 5, 'x-photo-id': 7 };
    let session = startSession(checklist, header, { 'matches-need': extended });
    session = answer(session, 'matches-need', 4);
    session = answerNotApplicable(session, 'price-clear');
    session = setEvidence(setNote(answer(session, 'greets-promptly', 2), 'greets-promptly', '  nobody at the door  '), 'greets-promptly', [' a.jpg', '', 'https://x.test/b ']);
    expect(auditOf(session, 'draft').responses).toEqual({
      'greets-promptly': { value: 2, note: 'nobody at the door', evidence: ['a.jpg', 'https://x.test/b'] },
      'matches-need': { value: 4, expected: 5, 'x-photo-id': 7 },
      'price-clear': 'na',
    });
  });

  it('turns an answer into N/A and back, and a cleared note or text disappears', () => {
    let session = answer(fresh(), 'smiles', true);
    session = setNote(answerNotApplicable(session, 'smiles'), 'smiles', 'no staff on the floor');
    expect(auditOf(session, 'draft').responses).toEqual({ smiles: { na: true, note: 'no staff on the floor' } });
    session = setNote(answer(session, 'smiles', false), 'smiles', ' ');
    expect(auditOf(session, 'draft').responses).toEqual({ smiles: false });
    session = clearAnswer(answer(session, 'comments', 'tidy'), 'comments');
    expect(auditOf(session, 'draft').responses).toEqual({ smiles: false });
  });

  it('builds the audit in SPEC order and reads its header back', () => {
    const started = { ...header, started: '2026-11-23T09:12:00+08:00', extensions: { 'x-weather': 'rain' } };
    const session = answer(startSession(checklist, started), 'price-clear', 5);
    const audit = auditOf(answer(session, 'greets-promptly', 4), 'complete', '2026-11-23T09:47:10+08:00');
    expect(Object.keys(audit)).toEqual(['checklist', 'site', 'auditor', 'date', 'status', 'started', 'finished', 'x-weather', 'responses']);
    expect(Object.keys(audit.responses)).toEqual(['greets-promptly', 'price-clear']);
    expect(headerOf(audit)).toEqual({ ...started, finished: '2026-11-23T09:47:10+08:00' });
  });

  it('keeps running stopwatches in the draft as x-stopwatch, and drops one when its item is answered', () => {
    const at = Date.UTC(2026, 10, 23, 1, 12, 5, 120);
    const running = startStopwatch(startSession(checklist, header), 'first-response', at);
    const draft = auditOf(running, 'draft');
    expect((draft as Record<string, unknown>)['x-stopwatch']).toEqual({ 'first-response': '2026-11-23T01:12:05.120Z' });
    const resumed = startSession(checklist, headerOf(draft), draft.responses);
    expect(resumed.stopwatches).toEqual(new Map([['first-response', at]]));
    expect(auditOf(answer(resumed, 'first-response', 45), 'draft')).not.toHaveProperty('x-stopwatch');
    expect(auditOf(cancelStopwatch(resumed, 'first-response'), 'draft')).not.toHaveProperty('x-stopwatch');
  });
});
