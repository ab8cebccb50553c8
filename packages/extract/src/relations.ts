// Relations the text states in fixed patterns, with the evidence span; few and right.
import type { Predicate } from '@claimscope/schema';
import type { FoundEntity, FoundMention } from './entities.js';
import type { Span } from './quotes.js';

export interface FoundRelation {
  subject: string;
  predicate: Predicate;
  object: string;
  evidence: Span;
  role: string | null;
  past: boolean;
}

const LEADER =
  /^(?:leader|head|chief|founder|co-founder|chairman|chairwoman|chair|president|director|co-director|commander|emir|boss|ceo|chief executive)$/i;
const MEMBER = /^(?:member|fighter|militant|activist|supporter)$/i;
const STAFF =
  /^(?:spokesman|spokeswoman|spokesperson|analyst|researcher|fellow|senior fellow|adviser|advisor|official|aide|reporter|correspondent|editor|economist|strategist|employee|staffer|professor|lawyer|attorney|secretary|manager|officer)$/i;

function predicateFor(role: string): Predicate | null {
  if (LEADER.test(role)) return 'leader_of';
  if (MEMBER.test(role)) return 'member_of';
  if (STAFF.test(role)) return 'works_for';
  return null;
}

/**
 * "X, the leader of Y", "X, a member of Y", "X, co-director of Y", "Y's leader X", "X-based Y".
 * Both ends must be entity mentions; the evidence is the span from the first to the last.
 */
export function findRelations(
  text: string,
  mentions: FoundMention[],
  entities: Map<string, FoundEntity>,
): FoundRelation[] {
  const out: FoundRelation[] = [];
  const kind = (m: FoundMention) => entities.get(m.entity)?.kind;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as FoundMention;
    for (let j = i + 1; j < sorted.length && j <= i + 3; j++) {
      const y = sorted[j] as FoundMention;
      if (y.entity === x.entity) continue;
      const between = text.slice(x.end, y.start);
      if (between.length > 80) break;
      // X, (the|a) [former] ROLE of/at/for Y
      let m =
        /^,[\s\u00a0]+(?:the[\s\u00a0]+|a[\s\u00a0]+|an[\s\u00a0]+)?(former[\s\u00a0]+|late[\s\u00a0]+)?((?:senior[\s\u00a0]+)?[a-z-]+(?:[\s\u00a0][a-z-]+)?)[\s\u00a0]+(?:of|at|for|with)[\s\u00a0]+(?:the[\s\u00a0]+)?$/.exec(
          between,
        );
      if (
        m?.[2] &&
        kind(x) === 'person' &&
        ['organization', 'outlet', 'group'].includes(kind(y) ?? '')
      ) {
        const predicate = predicateFor(m[2]);
        if (predicate)
          out.push({
            subject: x.entity,
            predicate,
            object: y.entity,
            evidence: { start: x.start, end: y.end },
            role: m[2],
            past: Boolean(m[1]),
          });
        continue;
      }
      // Y's [former] ROLE X
      m = /^['’]s[\s\u00a0]+(former[\s\u00a0]+|late[\s\u00a0]+)?([a-z-]+)[\s\u00a0]+$/.exec(
        between,
      );
      if (
        m?.[2] &&
        kind(y) === 'person' &&
        ['organization', 'outlet', 'group'].includes(kind(x) ?? '')
      ) {
        const predicate = predicateFor(m[2]);
        if (predicate)
          out.push({
            subject: y.entity,
            predicate,
            object: x.entity,
            evidence: { start: x.start, end: y.end },
            role: m[2],
            past: Boolean(m[1]),
          });
        continue;
      }
      // X-based Y
      if (
        /^-based[\s\u00a0]+$/.test(between) &&
        kind(x) === 'place' &&
        kind(y) !== 'place' &&
        kind(y) !== 'person'
      )
        out.push({
          subject: y.entity,
          predicate: 'based_in',
          object: x.entity,
          evidence: { start: x.start, end: y.end },
          role: null,
          past: false,
        });
    }
  }
  return out;
}
