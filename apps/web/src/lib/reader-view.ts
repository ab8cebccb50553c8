import type { EntityKind } from '@claimscope/schema';
import { ENTITY_KINDS } from './labels';

/** What the reader highlights: entity mentions (all but the hidden kinds) and claims (all, or one speaker's). */
export interface ReaderView {
  mentions: boolean;
  hiddenKinds: EntityKind[];
  claims: boolean;
  speaker: string | null;
}

/** The reader's toggles, kept in the URL (replaced, not pushed) so Back returns to the same view. */
export function readerViewFromParams(params: URLSearchParams): ReaderView {
  const hidden = (params.get('hide') ?? '').split(',');
  return {
    mentions: params.get('mentions') !== 'off',
    hiddenKinds: ENTITY_KINDS.filter((k) => hidden.includes(k)),
    claims: params.get('claims') === 'on',
    speaker: params.get('speaker'),
  };
}

export function readerViewToParams(view: ReaderView): string {
  const params = new URLSearchParams();
  if (!view.mentions) params.set('mentions', 'off');
  if (view.hiddenKinds.length > 0) params.set('hide', view.hiddenKinds.join(','));
  if (view.claims) params.set('claims', 'on');
  if (view.claims && view.speaker) params.set('speaker', view.speaker);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const isMentionShown = (view: ReaderView, kind: EntityKind) =>
  view.mentions && !view.hiddenKinds.includes(kind);

export const isClaimShown = (view: ReaderView, speakerId: string) =>
  view.claims && (!view.speaker || view.speaker === speakerId);

export const entityHref = (entityId: string) => `/entities/${entityId}`;
