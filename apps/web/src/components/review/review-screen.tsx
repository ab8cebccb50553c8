'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AddAnnotation } from './add-annotation';
import {
  type Claim,
  ClaimEditor,
  type ClaimLink,
  ClaimLinkEditor,
  MentionEditor,
  type Relation,
  RelationEditor,
} from './annotation-editors';
import type { CreateEntity } from './entity-picker';
import { EntityTools } from './entity-tools';
import {
  type DraftView,
  type FieldIssue,
  issuesOf,
  messageOf,
  needsSignIn,
  reviewApi,
} from './review-api';
import { type Collection, type QueueItem, reviewQueue, segmentsOf } from './review-queue';
import { newAnnotationId } from './selection';

type Action = 'accept' | 'reject' | 'edit' | 'add' | 'undo';

/** The editor open beside the queue: for the current annotation, or for one being added. */
type OpenEditor =
  | { kind: 'edit' }
  | { kind: 'add-relation'; record: Relation }
  | { kind: 'add-link'; record: ClaimLink }
  | null;

export function ReviewScreen({ draftId }: { draftId: string }) {
  const [view, setView] = useState<DraftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signIn, setSignIn] = useState(false);
  const [current, setCurrent] = useState(0);
  const [editor, setEditor] = useState<OpenEditor>(null);
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

  /** The change on its way to the server: the next one waits for it (see `change`). */
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  /**
   * Runs one change on the server and shows the draft it returns; resolves to null when saved,
   * or to the issues that refused it (each shown beside its field; the message on top). Changes
   * go one at a time, in the order they were made: an editor pressing `a` ten times a second
   * would otherwise send saves that race for the same draft revision, and all but one would be
   * refused as "changed meanwhile".
   */
  const change = useCallback(
    <T extends DraftView>(
      call: () => Promise<T>,
      done: (next: T) => string,
    ): Promise<FieldIssue[] | null> => {
      const run = async (): Promise<FieldIssue[] | null> => {
        setError(null);
        try {
          const next = await call();
          setView(next);
          setStatus(`${done(next)} · ${next.progress.reviewed} of ${next.progress.total} reviewed`);
          return null;
        } catch (caught) {
          setSignIn(needsSignIn(caught));
          const issues = issuesOf(caught);
          // Issues show beside their fields; on top, only that the change was not saved.
          setError(
            issues.length > 0
              ? `Not saved: ${issues.length === 1 ? 'one field needs' : `${issues.length} fields need`} a fix (marked in the editor).`
              : messageOf(caught),
          );
          return issues;
        }
      };
      const result = inFlight.current.then(run, run);
      inFlight.current = result;
      return result;
    },
    [],
  );

  const decide = useCallback(
    (
      action: Action,
      target: { collection: Collection; id: string } | undefined,
      record?: object,
    ): Promise<FieldIssue[] | null> => {
      if (!target) return Promise.resolve([]);
      return change(
        () =>
          reviewApi.draft.decide.mutate({
            draftId,
            collection: target.collection,
            id: target.id,
            action,
            ...(record ? { record: record as Record<string, unknown> } : {}),
          }),
        () => `${action === 'undo' ? 'Undone' : `${action}ed`.replace('eed', 'ed')}: ${target.id}`,
      );
    },
    [draftId, change],
  );
  const undo = useCallback(
    () =>
      change(
        () => reviewApi.draft.undo.mutate({ draftId }),
        (next) => `Undone: ${next.undone}`,
      ),
    [draftId, change],
  );

  // Keyboard first: j/k move, a accepts, x rejects, e edits, u undoes (not while typing in a field).
  const keys = useRef({ queue, current, item, decide, undo, editor });
  keys.current = { queue, current, item, decide, undo, editor };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const { queue: q, current: at, item: it, decide: act, editor: open } = keys.current;
      if (open) return;
      // The position moves at once (the ref too, so the next key pressed before React renders
      // acts on the next item); a decision the server refuses brings the editor back to it.
      const goTo = (index: number) => {
        const to = Math.max(0, Math.min(q.length - 1, index));
        keys.current = { ...keys.current, current: to, item: q[to] };
        setCurrent(to);
      };
      if (event.key === 'j') goTo(at + 1);
      else if (event.key === 'k') goTo(at - 1);
      else if (event.key === 'a' || event.key === 'x') {
        goTo(at + 1);
        void act(event.key === 'a' ? 'accept' : 'reject', it).then((failed) => failed && goTo(at));
      } else if (event.key === 'u') void keys.current.undo();
      else if (event.key === 'e' && it) setEditor({ kind: 'edit' });
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
  /** Saves an editor's record and closes the editor; the issues that refused it, if any. */
  const save = async (action: 'edit' | 'add', collection: Collection, record: { id: string }) => {
    const failed = await decide(action, { collection, id: record.id }, record);
    if (!failed) setEditor(null);
    return failed ?? [];
  };
  const createEntity: CreateEntity = async (entity) =>
    (await decide('add', { collection: 'entities', id: entity.id }, entity)) ?? [];
  const editorProps = {
    document,
    textRef,
    onCancel: () => setEditor(null),
    onCreateEntity: createEntity,
  };
  const find = <T extends { id: string }>(records: T[], collection: Collection) =>
    item?.collection === collection ? records.find((r) => r.id === item.id) : undefined;
  const claim = find(document.claims, 'claims');
  const mention = find(document.mentions, 'mentions');
  const relation = find(document.relations, 'relations');
  const link = find(document.claimLinks, 'claimLinks');
  const entity = find(document.entities, 'entities');
  const linkFrom = (from: Claim): ClaimLink => ({
    id: newAnnotationId(document, 'l'),
    kind: 'supports',
    fromId: from.id,
    toId: document.claims.find((c) => c.id !== from.id)?.id ?? from.id,
    note: '',
    provenance: { agent: { kind: 'person', name: 'editor' }, review: { status: 'reviewed' } },
  });
  const publish = async () => {
    setError(null);
    try {
      setPublished(await reviewApi.draft.publish.mutate({ draftId }));
      setView(await reviewApi.draft.get.query({ draftId }));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const decideAndMove = (action: 'accept' | 'reject', entry: QueueItem, index: number) =>
    void decide(action, entry).then(
      (failed) => !failed && setCurrent(Math.min(queue.length - 1, index + 1)),
    );

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
        <button
          type="button"
          onClick={() => void undo()}
          disabled={view.undo.steps === 0 || view.published !== null}
          title={view.undo.last ? `Undo: ${view.undo.last}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <span className="small muted review__undo-steps">
          {view.undo.steps === 1 ? '1 step' : `${view.undo.steps} steps`} to undo
        </span>
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
                      <button type="button" onClick={() => decideAndMove('accept', entry, index)}>
                        Accept
                      </button>
                      <button type="button" onClick={() => decideAndMove('reject', entry, index)}>
                        Reject
                      </button>
                      <button type="button" onClick={() => setEditor({ kind: 'edit' })}>
                        {entry.collection === 'entities' ? 'Merge or split' : 'Edit'}
                      </button>
                      {claim && (
                        <button
                          type="button"
                          onClick={() => setEditor({ kind: 'add-link', record: linkFrom(claim) })}
                        >
                          Link to another claim
                        </button>
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {editor?.kind === 'edit' && claim && (
            <ClaimEditor
              key={claim.id}
              record={claim}
              {...editorProps}
              onSave={(record) => save('edit', 'claims', record)}
            />
          )}
          {editor?.kind === 'edit' && mention && (
            <MentionEditor
              key={mention.id}
              record={mention}
              {...editorProps}
              onSave={(record) => save('edit', 'mentions', record)}
            />
          )}
          {editor?.kind === 'edit' && relation && (
            <RelationEditor
              key={relation.id}
              record={relation}
              {...editorProps}
              onSave={(record) => save('edit', 'relations', record)}
            />
          )}
          {editor?.kind === 'edit' && link && (
            <ClaimLinkEditor
              key={link.id}
              record={link}
              {...editorProps}
              onSave={(record) => save('edit', 'claimLinks', record)}
              onRemove={() =>
                void decide('reject', { collection: 'claimLinks', id: link.id }).then(
                  (failed) => !failed && setEditor(null),
                )
              }
            />
          )}
          {editor?.kind === 'edit' && entity && (
            <EntityTools
              key={entity.id}
              entity={entity}
              document={document}
              onCancel={() => setEditor(null)}
              onMerge={async (mergeId) => {
                const merged = view.document.entities.find((e) => e.id === mergeId)?.name;
                const failed = await change(
                  () =>
                    reviewApi.draft.mergeEntities.mutate({ draftId, keepId: entity.id, mergeId }),
                  () => `Merged ${merged} into ${entity.name}`,
                );
                return failed ?? [];
              }}
              onSplit={async (mentionIds, newEntity) =>
                (await change(
                  () =>
                    reviewApi.draft.splitEntity.mutate({
                      draftId,
                      entityId: entity.id,
                      mentionIds,
                      entity: newEntity,
                    }),
                  () => `Split ${newEntity.name} from ${entity.name}`,
                )) ?? []
              }
            />
          )}
          {editor?.kind === 'add-relation' && (
            <RelationEditor
              key={editor.record.id}
              record={editor.record}
              adding
              {...editorProps}
              onSave={(record) => save('add', 'relations', record)}
            />
          )}
          {editor?.kind === 'add-link' && (
            <ClaimLinkEditor
              key={editor.record.id}
              record={editor.record}
              adding
              {...editorProps}
              onSave={(record) => save('add', 'claimLinks', record)}
            />
          )}
          <AddAnnotation
            document={document}
            textRef={textRef}
            onCreateEntity={createEntity}
            onAdd={async (collection, record) =>
              !(await decide('add', { collection, id: record.id }, record))
            }
            onAddRelation={(record) => setEditor({ kind: 'add-relation', record })}
          />
        </section>
      </div>
    </div>
  );
}
