'use client';

import { useState } from 'react';
import type { Claim, Mention, Relation } from './annotation-editors';
import { SelectionButton } from './editor-form';
import { type CreateEntity, EntityPicker } from './entity-picker';
import type { ReviewDocument } from './review-queue';
import { newAnnotationId, selectedAnchor, type TextAnchor } from './selection';

const EDITOR = {
  agent: { kind: 'person', name: 'editor' },
  review: { status: 'reviewed' },
} as const;

/**
 * Adds what the extractor missed, from the words selected in the text: a quote by the chosen
 * speaker, a mention of the chosen entity, or a relation (opened in the relation editor).
 */
export function AddAnnotation({
  document,
  textRef,
  onAdd,
  onAddRelation,
  onCreateEntity,
}: {
  document: ReviewDocument;
  textRef: React.RefObject<HTMLDivElement | null>;
  onAdd: (collection: 'claims' | 'mentions', record: Claim | Mention) => Promise<boolean>;
  onAddRelation: (relation: Relation) => void;
  onCreateEntity: CreateEntity;
}) {
  const [entityId, setEntityId] = useState(document.entities[0]?.id ?? '');
  const [note, setNote] = useState('');
  /** Runs `use` on the selected words, or asks for a selection. */
  const withSelection = (hint: string, use: (anchor: TextAnchor) => void) => {
    const anchor = selectedAnchor(document, textRef.current);
    if (!anchor) return setNote(hint);
    use(anchor);
  };
  const addQuote = (anchor: TextAnchor) => {
    const record: Claim = {
      id: newAnnotationId(document, ''),
      kind: 'direct_quote',
      speakerId: entityId,
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
      provenance: EDITOR,
    };
    void onAdd('claims', record).then(
      (added) => added && setNote(`Added a quote: “${anchor.quote.exact}”.`),
    );
  };
  const addMention = (anchor: TextAnchor) => {
    const record: Mention = {
      id: newAnnotationId(document, 'm'),
      entityId,
      anchor,
      form: 'name',
      provenance: EDITOR,
    };
    void onAdd('mentions', record).then(
      (added) => added && setNote(`Added a mention: “${anchor.quote.exact}”.`),
    );
  };
  const addRelation = (anchor: TextAnchor) =>
    onAddRelation({
      id: newAnnotationId(document, 'r'),
      subjectId: entityId,
      predicate: 'affiliated_with',
      objectId: document.entities.find((e) => e.id !== entityId)?.id ?? entityId,
      evidence: [anchor],
      assertedBy: { kind: 'author' },
      role: null,
      certainty: 'stated',
      past: false,
      time: null,
      provenance: EDITOR,
    });
  return (
    <div className="review-add">
      <h3>Add a missed quote, mention or relation</h3>
      <p className="small muted">
        Select the words in the text, pick who said them (or whom they name, or the relation’s
        subject), then add.
      </p>
      <EntityPicker
        id="add-speaker"
        label="Speaker or entity"
        document={document}
        value={entityId}
        onChange={setEntityId}
        onCreate={onCreateEntity}
      />
      <div className="review-item__actions">
        <SelectionButton
          onUse={() => withSelection('Select the quoted words in the text first.', addQuote)}
        >
          Add quote from selection
        </SelectionButton>
        <SelectionButton
          onUse={() => withSelection('Select the words that name the entity first.', addMention)}
        >
          Add mention from selection
        </SelectionButton>
        <SelectionButton
          onUse={() =>
            withSelection('Select the words that state the relation first.', addRelation)
          }
        >
          Add relation from selection
        </SelectionButton>
      </div>
      <p className="small muted" role="status">
        {note}
      </p>
    </div>
  );
}
