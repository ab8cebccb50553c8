'use client';

import { makeAnchor } from '@claimscope/schema/display';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DraftView, messageOf, needsSignIn, reviewApi } from './review-api';
import {
  type Collection,
  type QueueItem,
  type ReviewDocument,
  reviewQueue,
  segmentsOf,
} from './review-queue';

type Claim = ReviewDocument['claims'][number];
type Mention = ReviewDocument['mentions'][number];
type Action = 'accept' | 'reject' | 'edit' | 'add' | 'undo';

const CLAIM_KINDS = ['direct_quote', 'indirect', 'author_assertion'] as const;
const CHANNEL_KINDS = [
  'interview',
  'letter',
  'report',
  'statement',
  'social_media',
  'authorial',
  'unspecified',
] as const;
const MODALITIES = [
  'asserted',
  'hedged',
  'prediction',
  'denial',
  'question',
  'recommendation',
] as const;

/** The words selected inside the draft's text, as offsets into the article text; null when none. */
function selectedRange(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const offsetOf = (node: Node | null, offset: number) => {
    const element =
      node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
    const segment = element?.closest<HTMLElement>('[data-start]');
    if (!segment || !container.contains(segment)) return null;
    return Number(segment.dataset.start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
  };
  const a = offsetOf(selection.anchorNode, selection.anchorOffset);
  const b = offsetOf(selection.focusNode, selection.focusOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The anchor for offsets, trimmed of surrounding spaces and kept within one block. */
function anchorFor(document: ReviewDocument, range: { start: number; end: number }) {
  const { text, blocks } = document.article;
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  const block = blocks.find((b) => b.start <= start && start < b.end);
  if (!block || end <= start) return null;
  return makeAnchor(text, block.id, start, Math.min(end, block.end));
}

export function ReviewScreen({ draftId }: { draftId: string }) {
  const [view, setView] = useState<DraftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signIn, setSignIn] = useState(false);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const [published, setPublished] = useState<{ articleId: string; version: number } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    reviewApi.draft.get
      .query({ draftId })
      .then(setView)
      .catch((caught) => {
        setSignIn(needsSignIn(caught));
        setError(messageOf(caught));
      });
  }, [draftId]);

  const queue = useMemo(() => (view ? reviewQueue(view.document) : []), [view]);
  const item: QueueItem | undefined = queue[Math.min(current, queue.length - 1)];
  const statusOf = useCallback(
    (key: string) => view?.decisions[key]?.action ?? 'unreviewed',
    [view],
  );

  const decide = useCallback(
    async (
      action: Action,
      target: QueueItem | { collection: Collection; id: string } | undefined,
      record?: object,
    ) => {
      if (!view || !target) return false;
      setError(null);
      try {
        const next = await reviewApi.draft.decide.mutate({
          draftId,
          collection: target.collection,
          id: target.id,
          action,
          ...(record ? { record: record as Record<string, unknown> } : {}),
        });
        setView(next);
        setStatus(
          `${action === 'undo' ? 'Undone' : `${action}ed`.replace('eed', 'ed')}: ${target.id} · ${next.progress.reviewed} of ${next.progress.total} reviewed`,
        );
        return true;
      } catch (caught) {
        setSignIn(needsSignIn(caught));
        setError(messageOf(caught));
        return false;
      }
    },
    [draftId, view],
  );

  // Keyboard first: j/k move, a accepts, x rejects, e edits, u undoes (not while typing in a field).
  const keys = useRef({ queue, current, item, decide, editing });
  keys.current = { queue, current, item, decide, editing };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const { queue: q, current: at, item: it, decide: act, editing: isEditing } = keys.current;
      if (isEditing) return;
      const move = (by: number) => setCurrent(Math.max(0, Math.min(q.length - 1, at + by)));
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (event.key === 'a' || event.key === 'x')
        void act(event.key === 'a' ? 'accept' : 'reject', it).then((done) => done && move(1));
      else if (event.key === 'u') void act('undo', it);
      else if (event.key === 'e' && (it?.collection === 'claims' || it?.collection === 'mentions'))
        setEditing(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    window.document.getElementById(`queue-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (error && !view)
    return (
      <p className="review-error" role="alert">
        {error} {signIn && <Link href="/sign-in">Sign in</Link>}
      </p>
    );
  if (!view) return <p className="muted">Loading the draft…</p>;

  const document = view.document;
  const claim =
    item?.collection === 'claims' ? document.claims.find((c) => c.id === item.id) : undefined;
  const mention =
    item?.collection === 'mentions' ? document.mentions.find((m) => m.id === item.id) : undefined;
  const publish = async () => {
    setError(null);
    try {
      setPublished(await reviewApi.draft.publish.mutate({ draftId }));
      setView(await reviewApi.draft.get.query({ draftId }));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <div className="review">
      <div className="review__bar">
        <label className="review__progress">
          <progress value={view.progress.reviewed} max={view.progress.total} />
          <span>
            {view.progress.reviewed} of {view.progress.total} reviewed
          </span>
        </label>
        <p className="small muted">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> accept, <kbd>x</kbd> reject,{' '}
          <kbd>e</kbd> edit, <kbd>u</kbd> undo
        </p>
        {view.published || published ? (
          <p>
            Published as version {(published ?? view.published)?.version}.{' '}
            <Link href={`/articles/${view.articleId}`}>Read it</Link> ·{' '}
            <Link href={`/articles/${view.articleId}/history`}>History</Link>
          </p>
        ) : (
          <button type="button" className="button--primary" onClick={publish}>
            Publish
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="review-error" role="alert">
          {error} {signIn && <Link href="/sign-in">Sign in again</Link>}
        </p>
      )}
      <div className="review__panes">
        <section className="review__text" aria-label="Article text" ref={textRef}>
          <h2>{document.article.headline}</h2>
          {document.article.blocks
            .filter((block) => block.kind !== 'headline')
            .map((block) => (
              <p key={block.id}>
                {segmentsOf(document.article.text, block.start, block.end, queue).map((segment) => {
                  const marked = segment.keys.length > 0;
                  const unreviewed = segment.keys.some((key) => statusOf(key) === 'unreviewed');
                  const rejected =
                    marked && segment.keys.every((key) => statusOf(key) === 'rejected');
                  const isCurrent = item !== undefined && segment.keys.includes(item.key);
                  const className = [
                    marked && 'review-mark',
                    unreviewed && 'review-mark--unreviewed',
                    rejected && 'review-mark--rejected',
                    isCurrent && 'review-mark--current',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <span
                      key={segment.start}
                      data-start={segment.start}
                      className={className || undefined}
                    >
                      {segment.text}
                    </span>
                  );
                })}
              </p>
            ))}
        </section>
        <section className="review__queue" aria-label="Annotations to review">
          <ol>
            {queue.map((entry, index) => {
              const state = statusOf(entry.key);
              return (
                <li
                  key={entry.key}
                  id={`queue-${index}`}
                  className={`review-item review-item--${state}`}
                  aria-current={index === current ? 'true' : undefined}
                >
                  <button
                    type="button"
                    className="review-item__select"
                    onClick={() => setCurrent(index)}
                  >
                    <span className="review-item__label">{entry.label}</span>
                    <span className="small muted">
                      {entry.detail} · <span className="review-item__state">{state}</span>
                    </span>
                  </button>
                  {index === current && (
                    <span className="review-item__actions">
                      <button
                        type="button"
                        onClick={() =>
                          void decide('accept', entry).then(
                            (ok) => ok && setCurrent(Math.min(queue.length - 1, index + 1)),
                          )
                        }
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void decide('reject', entry).then(
                            (ok) => ok && setCurrent(Math.min(queue.length - 1, index + 1)),
                          )
                        }
                      >
                        Reject
                      </button>
                      {(entry.collection === 'claims' || entry.collection === 'mentions') && (
                        <button type="button" onClick={() => setEditing(true)}>
                          Edit
                        </button>
                      )}
                      <button type="button" onClick={() => void decide('undo', entry)}>
                        Undo
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {editing && claim && (
            <ClaimEditor
              key={claim.id}
              claim={claim}
              document={document}
              textRef={textRef}
              onCancel={() => setEditing(false)}
              onSave={async (record) => {
                if (await decide('edit', item, record)) setEditing(false);
              }}
            />
          )}
          {editing && mention && (
            <MentionEditor
              key={mention.id}
              mention={mention}
              document={document}
              textRef={textRef}
              onCancel={() => setEditing(false)}
              onSave={async (record) => {
                if (await decide('edit', item, record)) setEditing(false);
              }}
            />
          )}
          <AddQuote
            document={document}
            textRef={textRef}
            onAdd={(collection, record) => decide('add', { collection, id: record.id }, record)}
          />
        </section>
      </div>
    </div>
  );
}

function SpeakerSelect({
  document,
  value,
  onChange,
  id,
}: {
  document: ReviewDocument;
  value: string;
  onChange: (id: string) => void;
  id: string;
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      {document.entities.map((entity) => (
        <option key={entity.id} value={entity.id}>
          {entity.name}
        </option>
      ))}
    </select>
  );
}

function ClaimEditor({
  claim,
  document,
  textRef,
  onSave,
  onCancel,
}: {
  claim: Claim;
  document: ReviewDocument;
  textRef: React.RefObject<HTMLDivElement | null>;
  onSave: (record: Claim) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Claim>(claim);
  const [note, setNote] = useState('');
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    window.document.getElementById('edit-speaker')?.focus();
  }, []);
  const useSelection = () => {
    const range = selectedRange(textRef.current);
    const anchor = range && anchorFor(document, range);
    if (!anchor) return setNote('Select the quoted words in the text first.');
    setDraft({ ...draft, content: [anchor] });
    setNote(`Content set to “${anchor.quote.exact}”.`);
  };
  return (
    <form
      className="review-editor"
      aria-label="Edit claim"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3>Edit claim</h3>
      <label htmlFor="edit-speaker">Speaker</label>
      <SpeakerSelect
        id="edit-speaker"
        document={document}
        value={draft.speakerId}
        onChange={(speakerId) => setDraft({ ...draft, speakerId })}
      />
      <label>
        Kind
        <select
          ref={firstField}
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value as Claim['kind'] })}
        >
          {CLAIM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Channel
        <select
          value={draft.channel.kind}
          onChange={(event) =>
            setDraft({
              ...draft,
              channel: { ...draft.channel, kind: event.target.value as Claim['channel']['kind'] },
            })
          }
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Modality
        <select
          value={draft.modality}
          onChange={(event) =>
            setDraft({ ...draft, modality: event.target.value as Claim['modality'] })
          }
        >
          {MODALITIES.map((modality) => (
            <option key={modality} value={modality}>
              {modality}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outlet
        <select
          value={draft.channel.outletId ?? ''}
          onChange={(event) =>
            setDraft({
              ...draft,
              channel: { ...draft.channel, outletId: event.target.value || null },
            })
          }
        >
          <option value="">none</option>
          {document.entities
            .filter((entity) => entity.kind === 'outlet' || entity.kind === 'organization')
            .map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
        </select>
      </label>
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={useSelection}>
        Use selected words as the content
      </button>
      <p className="small muted" role="status">
        {note}
      </p>
      <div>
        <button type="submit" className="button--primary">
          Save edit
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddQuote({
  document,
  textRef,
  onAdd,
}: {
  document: ReviewDocument;
  textRef: React.RefObject<HTMLDivElement | null>;
  onAdd: (collection: 'claims' | 'mentions', record: { id: string }) => Promise<boolean>;
}) {
  const [speakerId, setSpeakerId] = useState(document.entities[0]?.id ?? '');
  const [note, setNote] = useState('');
  const addMention = async () => {
    const range = selectedRange(textRef.current);
    const anchor = range && anchorFor(document, range);
    if (!anchor) return setNote('Select the words that name the entity first.');
    const record = {
      id: `${document.article.id}:added-m${Date.now().toString(36)}`,
      entityId: speakerId,
      anchor,
      form: 'name' as const,
    };
    if (await onAdd('mentions', record)) setNote(`Added a mention: “${anchor.quote.exact}”.`);
  };
  const add = async () => {
    const range = selectedRange(textRef.current);
    const anchor = range && anchorFor(document, range);
    if (!anchor) return setNote('Select the quoted words in the text first.');
    const record: Claim = {
      id: `${document.article.id}:added-${Date.now().toString(36)}`,
      kind: 'direct_quote',
      speakerId,
      channel: { kind: 'unspecified', outletId: null, cue: null },
      source: null,
      cue: null,
      content: [anchor],
      statement: anchor.quote.exact,
      aboutIds: [],
      modality: 'asserted',
      polarity: 'positive',
      time: null,
      parentId: null,
      continuesId: null,
      provenance: { agent: { kind: 'person', name: 'editor' }, review: { status: 'reviewed' } },
    };
    if (await onAdd('claims', record)) setNote(`Added a quote: “${anchor.quote.exact}”.`);
  };
  return (
    <div className="review-add">
      <h3>Add a missed quote or mention</h3>
      <p className="small muted">
        Select the words in the text, pick who said them (or whom they name), then add.
      </p>
      <label htmlFor="add-speaker">Speaker or entity</label>
      <SpeakerSelect
        id="add-speaker"
        document={document}
        value={speakerId}
        onChange={setSpeakerId}
      />{' '}
      <button
        type="button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void add()}
      >
        Add quote from selection
      </button>{' '}
      <button
        type="button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void addMention()}
      >
        Add mention from selection
      </button>
      <p className="small muted" role="status">
        {note}
      </p>
    </div>
  );
}

/** Fixes a mention: the entity it names, and its span, by selecting the words in the text. */
function MentionEditor({
  mention,
  document,
  textRef,
  onSave,
  onCancel,
}: {
  mention: Mention;
  document: ReviewDocument;
  textRef: React.RefObject<HTMLDivElement | null>;
  onSave: (record: Mention) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Mention>(mention);
  const [note, setNote] = useState('');
  useEffect(() => {
    window.document.getElementById('edit-entity')?.focus();
  }, []);
  const useSelection = () => {
    const range = selectedRange(textRef.current);
    const anchor = range && anchorFor(document, range);
    if (!anchor) return setNote('Select the words that name the entity first.');
    setDraft({ ...draft, anchor });
    setNote(`Span set to “${anchor.quote.exact}”.`);
  };
  return (
    <form
      className="review-editor"
      aria-label="Edit mention"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(draft);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3>Edit mention “{draft.anchor.quote.exact}”</h3>
      <label htmlFor="edit-entity">Entity</label>
      <SpeakerSelect
        id="edit-entity"
        document={document}
        value={draft.entityId}
        onChange={(entityId) => setDraft({ ...draft, entityId })}
      />
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={useSelection}>
        Use selected words as the span
      </button>
      <p className="small muted" role="status">
        {note}
      </p>
      <div>
        <button type="submit" className="button--primary">
          Save edit
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
