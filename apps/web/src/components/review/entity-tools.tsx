'use client';

import { ENTITY_KIND_LABEL } from '@claimscope/schema/display';
import { useEffect, useState } from 'react';
import { FieldError } from './editor-form';
import { entityIdFor, type ReviewEntity } from './entity-picker';
import type { FieldIssue } from './review-api';
import type { ReviewDocument } from './review-queue';

/**
 * Merge and split for one entity: merge another entity into it (its mentions, claims and
 * relations move here, its names become aliases), or move chosen mentions to a new entity.
 */
export function EntityTools({
  entity,
  document,
  onMerge,
  onSplit,
  onCancel,
}: {
  entity: ReviewEntity;
  document: ReviewDocument;
  onMerge: (mergeId: string) => Promise<FieldIssue[]>;
  onSplit: (
    mentionIds: string[],
    newEntity: Omit<ReviewEntity, 'provenance'>,
  ) => Promise<FieldIssue[]>;
  onCancel: () => void;
}) {
  const others = document.entities.filter((e) => e.id !== entity.id);
  const mentions = document.mentions.filter((m) => m.entityId === entity.id);
  const [mergeId, setMergeId] = useState(others[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  useEffect(() => {
    window.document.getElementById('merge-entity')?.focus();
  }, []);
  const split = async () => {
    const id = entityIdFor(document, name);
    setIssues(
      await onSplit(chosen, {
        id,
        kind: entity.kind,
        name: name.trim(),
        aliases: [],
        description: `${ENTITY_KIND_LABEL[entity.kind]} named in the article.`,
      }),
    );
  };
  return (
    <section
      className="review-editor"
      aria-label={`Merge or split ${entity.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3>Entity {entity.name}</h3>
      <label htmlFor="merge-entity">Merge into {entity.name}</label>
      <select
        id="merge-entity"
        value={mergeId}
        onChange={(event) => setMergeId(event.target.value)}
      >
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <FieldError issues={issues} field="mergeId" />
      <button type="button" onClick={async () => setIssues(await onMerge(mergeId))}>
        Merge
      </button>
      <fieldset>
        <legend>Split: move these mentions to a new entity</legend>
        {mentions.map((mention) => (
          <label key={mention.id} className="review-check">
            <input
              type="checkbox"
              checked={chosen.includes(mention.id)}
              onChange={(event) =>
                setChosen(
                  event.target.checked
                    ? [...chosen, mention.id]
                    : chosen.filter((id) => id !== mention.id),
                )
              }
            />
            “{mention.anchor.quote.exact}”
          </label>
        ))}
        <FieldError issues={issues} field="mentionIds" />
        <label htmlFor="split-name">New entity’s name</label>
        <input id="split-name" value={name} onChange={(event) => setName(event.target.value)} />
        <FieldError issues={issues} field="name" />
        <button type="button" onClick={() => void split()}>
          Split
        </button>
      </fieldset>
      <button type="button" onClick={onCancel}>
        Close
      </button>
    </section>
  );
}
