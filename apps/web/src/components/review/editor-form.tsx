'use client';

import type { ReactNode } from 'react';
import type { FieldIssue } from './review-api';

/** The field an issue's path names, without the record or document prefix: `channel.kind`. */
export const fieldOf = (path: string) =>
  path.replace(/^(record|[a-zA-Z]+\[\d+\]|[a-zA-Z]+\/[^.]+)\./, '').replace(/\[\d+\]/g, '');

/** The API's message about `field` (or a field inside it), shown right after the field. */
export function FieldError({
  issues,
  field,
  id,
}: {
  issues: readonly FieldIssue[];
  field: string;
  id?: string;
}) {
  const mine = issues.filter((issue) => {
    const path = fieldOf(issue.path);
    return path === field || path.startsWith(`${field}.`);
  });
  if (mine.length === 0) return null;
  return (
    <span className="review-field-error" id={id} role="alert">
      {mine.map((issue) => issue.message).join('; ')}
    </span>
  );
}

/**
 * The frame every annotation editor shares: a titled form that saves on submit, closes on Escape,
 * a line for what the selection did, and Save and Cancel buttons.
 */
export function EditorForm({
  title,
  note,
  saveLabel = 'Save edit',
  onSave,
  onCancel,
  children,
}: {
  title: string;
  note: string;
  saveLabel?: string;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="review-editor"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
        // Ctrl+Enter (⌘+Enter) saves from any field, the statement's text area included.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSave();
        }
      }}
    >
      <h3>{title}</h3>
      <p className="small muted">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels.
      </p>
      {children}
      <p className="small muted" role="status">
        {note}
      </p>
      <div>
        <button type="submit" className="button--primary">
          {saveLabel}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A button that uses the words selected in the text: pressing it must not clear the selection. */
export function SelectionButton({ onUse, children }: { onUse: () => void; children: ReactNode }) {
  return (
    <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={onUse}>
      {children}
    </button>
  );
}

/** A labelled select over a vocabulary, with its error beside it. */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  labelOf = (choice) => choice.replaceAll('_', ' '),
  onChange,
  issues,
  field,
}: {
  label: string;
  value: T;
  choices: readonly T[];
  labelOf?: (choice: T) => string;
  onChange: (value: T) => void;
  issues: readonly FieldIssue[];
  field: string;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
      <FieldError issues={issues} field={field} />
    </label>
  );
}
