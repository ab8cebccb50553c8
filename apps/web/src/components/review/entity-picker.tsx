'use client';

import { ENTITY_KIND_LABEL, ENTITY_KINDS } from '@claimscope/schema/display';
import { useId, useState } from 'react';
import { FieldError } from './editor-form';
import type { FieldIssue } from './review-api';
import type { ReviewDocument } from './review-queue';

const NEW_ENTITY = '+new';

export type ReviewEntity = ReviewDocument['entities'][number];
type EntityKind = ReviewEntity['kind'];
/** Adds an entity to the draft; resolves to the issues that refused it (none when added). */
export type CreateEntity = (entity: Omit<ReviewEntity, 'provenance'>) => Promise<FieldIssue[]>;

/** An id for a new entity from its name: "Millbrook harbour council" → `millbrook-harbour-council`. */
export function entityIdFor(document: ReviewDocument, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'entity';
  const taken = new Set(document.entities.map((entity) => entity.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Picks an entity of the draft, or creates one (name and kind, validated by the API, the error
 * beside the field) which then becomes the pick.
 */
export function EntityPicker({
  id,
  label,
  document,
  value,
  onChange,
  onCreate,
  issues = [],
  field,
}: {
  id: string;
  label: string;
  document: ReviewDocument;
  value: string;
  onChange: (entityId: string) => void;
  onCreate: CreateEntity;
  issues?: readonly FieldIssue[];
  field?: string;
}) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EntityKind>('person');
  const [createIssues, setCreateIssues] = useState<FieldIssue[]>([]);
  const fields = useId();
  const create = async () => {
    const entityId = entityIdFor(document, name);
    const refused = await onCreate({
      id: entityId,
      kind,
      name: name.trim(),
      aliases: [],
      description: `${ENTITY_KIND_LABEL[kind]} named in the article.`,
    });
    setCreateIssues(refused);
    if (refused.length > 0) return;
    setCreating(false);
    setName('');
    onChange(entityId);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={creating ? NEW_ENTITY : value}
        onChange={(event) => {
          const creatingNow = event.target.value === NEW_ENTITY;
          setCreating(creatingNow);
          if (!creatingNow) onChange(event.target.value);
        }}
      >
        {document.entities.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {entity.name}
          </option>
        ))}
        <option value={NEW_ENTITY}>New entity…</option>
      </select>
      {field && <FieldError issues={issues} field={field} />}
      {creating && (
        <fieldset className="review-new-entity">
          <legend>New entity</legend>
          <label htmlFor={`${fields}-name`}>Name</label>
          <input
            id={`${fields}-name`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              // Enter creates the entity instead of saving the form around the picker.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void create();
            }}
          />
          <FieldError issues={createIssues} field="name" />
          <label htmlFor={`${fields}-kind`}>Kind</label>
          <select
            id={`${fields}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as EntityKind)}
          >
            {ENTITY_KINDS.map((choice) => (
              <option key={choice} value={choice}>
                {ENTITY_KIND_LABEL[choice]}
              </option>
            ))}
          </select>
          <FieldError issues={createIssues} field="kind" />
          <FieldError issues={createIssues} field="id" />
          <button type="button" onClick={() => void create()}>
            Create entity
          </button>
        </fieldset>
      )}
    </>
  );
}
