// What `score --format table|markdown` keeps while audits stream past: per checklist the summary
// tally, the counts and site standings in the making and the drafts it lists apart; and the first
// audit, which is shown in detail when it stays the only one. Nothing grows with the number of
// complete audits but the sites.
import type { AuditResult, ChecklistKey } from './score-types.js';
import { counts } from './report-tally.js';
import { countAudit, noCountedAudits, visitOf, type CountedAudits, type Visit } from './standings.js';
import { checklistKey, tallyAudit, type SummaryTally } from './summarize.js';

/** One checklist's audits as the score table shows them. */
export interface ScoredChecklist {
  readonly checklist: ChecklistKey;
  /** The audits its summary counts. */
  readonly counted: CountedAudits;
  /** The drafts it leaves out of the summary and ranking, in the order of the files. */
  readonly drafts: Visit[];
}

export interface ScoreTally {
  /** Whether drafts count in the summaries and rankings (`--include-drafts`); they are shown either way. */
  readonly includeDrafts: boolean;
  audits: number;
  /** The first audit, while it is the only one. */
  only: AuditResult | undefined;
  readonly summary: SummaryTally;
  /** By `checklistKey`, in the order the audits first named them. */
  readonly checklists: Map<string, ScoredChecklist>;
}

export function emptyScoreTally(includeDrafts: boolean): ScoreTally {
  return { includeDrafts, audits: 0, only: undefined, summary: new Map(), checklists: new Map() };
}

export function tallyScored(tally: ScoreTally, result: AuditResult): void {
  tally.audits += 1;
  tally.only = tally.audits === 1 ? result : undefined;
  const key = checklistKey(result.checklist.id, result.checklist.version);
  let scored = tally.checklists.get(key);
  if (!scored) tally.checklists.set(key, (scored = { checklist: result.checklist, counted: noCountedAudits(), drafts: [] }));
  const visit = visitOf(result);
  if (counts(tally, result.status)) {
    tallyAudit(tally.summary, result);
    countAudit(scored.counted, visit);
  } else {
    scored.drafts.push(visit);
  }
}
