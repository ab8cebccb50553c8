'use client';

import {
  CERTAINTIES,
  CHANNEL_LABEL,
  CLAIM_KIND_LABEL,
  LINK_KIND_LABEL,
  MODALITY_LABEL,
  POLARITY_LABEL,
  PREDICATES,
} from '@claimscope/schema/display';
import { useEffect, useState } from 'react';
import { ChoiceField, EditorForm, FieldError, fieldOf, SelectionButton } from './editor-form';
import { type CreateEntity, EntityPicker } from './entity-picker';
import type { FieldIssue } from './review-api';
import type { ReviewDocument } from './review-queue';
import { selectedAnchor } from './selection';

export type Claim = ReviewDocument['claims'][number];
export type Mention = ReviewDocument['mentions'][number];
export type Relation = ReviewDocument['relations'][number];
export type ClaimLink = ReviewDocument['claimLinks'][number];

const keysOf = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as T[];
const CLAIM_KINDS = keysOf(CLAIM_KIND_LABEL);
const CHANNEL_KINDS = keysOf(CHANNEL_LABEL);
const MODALITIES = keysOf(MODALITY_LABEL);
const LINK_KINDS = keysOf(LINK_KIND_LABEL);
const POLARITIES = keysOf(POLARITY_LABEL);

/** The words of a claim an editor sets from the selection in the text. */
const CLAIM_SPANS = [
  { field: 'content', label: 'Content', hint: 'Select the quoted words in the text first.' },
  { field: 'source', label: 'Source', hint: 'Select the words naming the speaker first.' },
  { field: 'cue', label: 'Cue', hint: 'Select the cue words ("said", "told") first.' },
] as const;

/** A claim as a select's option: its speaker and the start of its words. */
function claimLabel(document: ReviewDocument, claim: Claim): string {
  const speaker = document.entities.find((entity) => entity.id === claim.speakerId)?.name;
  const words = claim.content.map((a) => a.quote.exact).join(' … ');
  const short = words.length > 80 ? `${words.slice(0, 79)}…` : words;
  return `${speaker ?? claim.speakerId}: “${short}”`;
}

/** What every editor is given: the record, the document, where the text is, and how to save. */
interface EditorProps<T> {
  record: T;
  document: ReviewDocument;
  textRef: React.RefObject<HTMLElement | null>;
  /** Saves the record; resolves to the API's issues (none when saved). */
  onSave: (record: T) => Promise<FieldIssue[]>;
  onCancel: () => void;
  onCreateEntity: CreateEntity;
  /** For an annotation being added rather than edited. */
  adding?: boolean;
}

/**
 * An editor's state: the record as edited, the API's issues from the last save, a note on what
 * the selection did, and the words selected in the text as an anchor (or a hint to select them).
 */
function useEditor<T>({ record, document, textRef, onSave }: EditorProps<T>, focusId: string) {
  const [draft, setDraftState] = useState<T>(record);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  /** Changes the record; the API's complaints about the fields that changed are answered. */
  const setDraft = (next: T) => {
    const changed = Object.keys(next as object).filter(
      (key) => (next as Record<string, unknown>)[key] !== (draft as Record<string, unknown>)[key],
    );
    setIssues((current) =>
      current.filter((issue) => !changed.some((key) => fieldOf(issue.path).split('.')[0] === key)),
    );
    setDraftState(next);
  };
  const [note, setNote] = useState('');
  useEffect(() => {
    window.document.getElementById(focusId)?.focus();
  }, [focusId]);
  const fromSelection = (
    hint: string,
    use: (anchor: NonNullable<ReturnType<typeof selectedAnchor>>) => string,
  ) => {
    const anchor = selectedAnchor(document, textRef.current);
    setNote(anchor ? use(anchor) : hint);
  };
  const save = async () => setIssues(await onSave(draft));
  return { draft, setDraft, issues, note, fromSelection, save };
}

export function ClaimEditor(props: EditorProps<Claim>) {
  const { draft, setDraft, issues, note, fromSelection, save } = useEditor(props, 'edit-speaker');
  const { document } = props;
  return (
    <EditorForm title="Edit claim" note={note} onSave={() => void save()} onCancel={props.onCancel}>
      <EntityPicker
        id="edit-speaker"
        label="Speaker"
        document={document}
        value={draft.speakerId}
        onChange={(speakerId) => setDraft({ ...draft, speakerId })}
        onCreate={props.onCreateEntity}
        issues={issues}
        field="speakerId"
      />
      <ChoiceField
        label="Kind"
        value={draft.kind}
        choices={CLAIM_KINDS}
        labelOf={(kind) => CLAIM_KIND_LABEL[kind]}
        onChange={(kind) => setDraft({ ...draft, kind })}
        issues={issues}
        field="kind"
      />
      <ChoiceField
        label="Channel"
        value={draft.channel.kind}
        choices={CHANNEL_KINDS}
        labelOf={(kind) => CHANNEL_LABEL[kind]}
        onChange={(kind) => setDraft({ ...draft, channel: { ...draft.channel, kind } })}
        issues={issues}
        field="channel.kind"
      />
      <ChoiceField
        label="Modality"
        value={draft.modality}
        choices={MODALITIES}
        labelOf={(modality) => MODALITY_LABEL[modality]}
        onChange={(modality) => setDraft({ ...draft, modality })}
        issues={issues}
        field="modality"
      />
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
        <FieldError issues={issues} field="channel.outletId" />
      </label>
      <label>
        Statement
        <textarea
          rows={3}
          value={draft.statement}
          onChange={(event) => setDraft({ ...draft, statement: event.target.value })}
        />
        <FieldError issues={issues} field="statement" />
      </label>
      <ChoiceField
        label="Polarity"
        value={draft.polarity}
        choices={POLARITIES}
        labelOf={(polarity) => POLARITY_LABEL[polarity]}
        onChange={(polarity) => setDraft({ ...draft, polarity })}
        issues={issues}
        field="polarity"
      />
      <AboutField
        document={document}
        aboutIds={draft.aboutIds}
        onChange={(aboutIds) => setDraft({ ...draft, aboutIds })}
        issues={issues}
      />
      <fieldset>
        <legend>Words in the text</legend>
        <p className="small">
          Content: {draft.content.map((span) => `“${span.quote.exact}”`).join(' … ')}
          <br />
          Source: {draft.source ? `“${draft.source.quote.exact}”` : 'none'}
          <br />
          Cue: {draft.cue ? `“${draft.cue.quote.exact}”` : 'none'}
        </p>
        <div className="review-editor__buttons">
          {CLAIM_SPANS.map(({ field, label, hint }) => (
            <SelectionButton
              key={field}
              onUse={() =>
                fromSelection(hint, (anchor) => {
                  setDraft({ ...draft, [field]: field === 'content' ? [anchor] : anchor });
                  return `${label} set to “${anchor.quote.exact}”.`;
                })
              }
            >
              Use selected words as the {field}
            </SelectionButton>
          ))}
          <button
            type="button"
            disabled={!draft.source}
            onClick={() => setDraft({ ...draft, source: null })}
          >
            No source words
          </button>
          <button
            type="button"
            disabled={!draft.cue}
            onClick={() => setDraft({ ...draft, cue: null })}
          >
            No cue words
          </button>
        </div>
        <FieldError issues={issues} field="content" />
        <FieldError issues={issues} field="source" />
        <FieldError issues={issues} field="cue" />
      </fieldset>
    </EditorForm>
  );
}

/**
 * The entities a claim is about: each with a button that removes it, and a select with a button
 * that adds one (an explicit button, so moving through the options by keyboard adds nothing).
 */
function AboutField({
  document,
  aboutIds,
  onChange,
  issues,
}: {
  document: ReviewDocument;
  aboutIds: readonly string[];
  onChange: (aboutIds: string[]) => void;
  issues: readonly FieldIssue[];
}) {
  const [adding, setAdding] = useState('');
  const nameOf = (id: string) => document.entities.find((entity) => entity.id === id)?.name ?? id;
  const others = document.entities.filter((entity) => !aboutIds.includes(entity.id));
  return (
    <fieldset>
      <legend>About</legend>
      {aboutIds.length === 0 ? (
        <p className="small muted">No entity yet.</p>
      ) : (
        <ul className="review-about">
          {aboutIds.map((id) => (
            <li key={id}>
              {nameOf(id)}{' '}
              <button
                type="button"
                aria-label={`Remove ${nameOf(id)}`}
                onClick={() => onChange(aboutIds.filter((other) => other !== id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="review-editor__buttons">
        <label className="review-check">
          <span className="visually-hidden">Entity to add</span>
          <select value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Choose an entity…</option>
            {others.map((entity) => (
              <option key={entity.id} value={entity.id}>
                {entity.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!adding}
          onClick={() => {
            onChange([...aboutIds, adding]);
            setAdding('');
          }}
        >
          Add to about
        </button>
      </div>
      <FieldError issues={issues} field="aboutIds" />
    </fieldset>
  );
}

/** Fixes a mention: the entity it names, and its span, by selecting the words in the text. */
export function MentionEditor(props: EditorProps<Mention>) {
  const { draft, setDraft, issues, note, fromSelection, save } = useEditor(props, 'edit-entity');
  return (
    <EditorForm
      title={`Edit mention “${draft.anchor.quote.exact}”`}
      note={note}
      onSave={() => void save()}
      onCancel={props.onCancel}
    >
      <EntityPicker
        id="edit-entity"
        label="Entity"
        document={props.document}
        value={draft.entityId}
        onChange={(entityId) => setDraft({ ...draft, entityId })}
        onCreate={props.onCreateEntity}
        issues={issues}
        field="entityId"
      />
      <SelectionButton
        onUse={() =>
          fromSelection('Select the words that name the entity first.', (anchor) => {
            setDraft({ ...draft, anchor });
            return `Span set to “${anchor.quote.exact}”.`;
          })
        }
      >
        Use selected words as the span
      </SelectionButton>
      <FieldError issues={issues} field="anchor" />
    </EditorForm>
  );
}

/** Edits or adds a relation: subject, predicate, object, certainty, and its evidence in the text. */
export function RelationEditor(props: EditorProps<Relation>) {
  const { draft, setDraft, issues, note, fromSelection, save } = useEditor(
    props,
    'relation-subject',
  );
  const { document } = props;
  return (
    <EditorForm
      title={props.adding ? 'Add relation' : 'Edit relation'}
      saveLabel={props.adding ? 'Add relation' : 'Save edit'}
      note={note || `Evidence: “${draft.evidence.map((a) => a.quote.exact).join(' … ')}”`}
      onSave={() => void save()}
      onCancel={props.onCancel}
    >
      <EntityPicker
        id="relation-subject"
        label="Subject"
        document={document}
        value={draft.subjectId}
        onChange={(subjectId) => setDraft({ ...draft, subjectId })}
        onCreate={props.onCreateEntity}
        issues={issues}
        field="subjectId"
      />
      <ChoiceField
        label="Relation"
        value={draft.predicate}
        choices={PREDICATES}
        onChange={(predicate) => setDraft({ ...draft, predicate })}
        issues={issues}
        field="predicate"
      />
      <EntityPicker
        id="relation-object"
        label="Object"
        document={document}
        value={draft.objectId}
        onChange={(objectId) => setDraft({ ...draft, objectId })}
        onCreate={props.onCreateEntity}
        issues={issues}
        field="objectId"
      />
      <label>
        Role (optional: “co-director”, “spokesman”)
        <input
          value={draft.role ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, role: event.target.value.trim() ? event.target.value : null })
          }
        />
        <FieldError issues={issues} field="role" />
      </label>
      <ChoiceField
        label="Certainty"
        value={draft.certainty}
        choices={CERTAINTIES}
        onChange={(certainty) => setDraft({ ...draft, certainty })}
        issues={issues}
        field="certainty"
      />
      <label className="review-check">
        <input
          type="checkbox"
          checked={draft.past}
          onChange={(event) => setDraft({ ...draft, past: event.target.checked })}
        />
        Held in the past, no longer
      </label>
      <label>
        Stated by
        <select
          value={draft.assertedBy.kind === 'claim' ? draft.assertedBy.claimId : ''}
          onChange={(event) =>
            setDraft({
              ...draft,
              assertedBy: event.target.value
                ? { kind: 'claim', claimId: event.target.value }
                : { kind: 'author' },
            })
          }
        >
          <option value="">The article, in its own voice</option>
          {document.claims.map((claim) => (
            <option key={claim.id} value={claim.id}>
              {claimLabel(document, claim)}
            </option>
          ))}
        </select>
        <FieldError issues={issues} field="assertedBy" />
      </label>
      <SelectionButton
        onUse={() =>
          fromSelection('Select the words that state the relation first.', (anchor) => {
            setDraft({ ...draft, evidence: [anchor] });
            return `Evidence set to “${anchor.quote.exact}”.`;
          })
        }
      >
        Use selected words as the evidence
      </SelectionButton>
      <FieldError issues={issues} field="evidence" />
    </EditorForm>
  );
}

/** Adds or changes how one claim bears on another; removing it is rejecting it. */
export function ClaimLinkEditor(props: EditorProps<ClaimLink> & { onRemove?: () => void }) {
  const { draft, setDraft, issues, save } = useEditor(props, 'link-kind');
  const claims = props.document.claims;
  const claimChoice = (label: string, field: 'fromId' | 'toId') => (
    <label>
      {label}
      <select
        value={draft[field]}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
      >
        {claims.map((claim) => (
          <option key={claim.id} value={claim.id}>
            {claimLabel(props.document, claim)}
          </option>
        ))}
      </select>
      <FieldError issues={issues} field={field} />
    </label>
  );
  return (
    <EditorForm
      title={props.adding ? 'Link claims' : 'Edit claim link'}
      saveLabel={props.adding ? 'Add link' : 'Save edit'}
      note=""
      onSave={() => void save()}
      onCancel={props.onCancel}
    >
      {claimChoice('Claim', 'fromId')}
      <label>
        How it bears on the other
        <select
          id="link-kind"
          value={draft.kind}
          onChange={(event) =>
            setDraft({ ...draft, kind: event.target.value as ClaimLink['kind'] })
          }
        >
          {LINK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {LINK_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
        <FieldError issues={issues} field="kind" />
      </label>
      {claimChoice('Other claim', 'toId')}
      <label>
        Why (one sentence)
        <input
          value={draft.note}
          onChange={(event) => setDraft({ ...draft, note: event.target.value })}
        />
        <FieldError issues={issues} field="note" />
      </label>
      {props.onRemove && (
        <button type="button" onClick={props.onRemove}>
          Remove link
        </button>
      )}
    </EditorForm>
  );
}
