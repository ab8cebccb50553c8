import type { EntityKind } from '@claimscope/schema';
import { ENTITY_KIND_LABEL, formatCount } from '~/lib/labels';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
  /** Records the option gives, where counting them is cheap; absent: no count shown. */
  count?: number;
  /** Extra classes for the chip (an entity kind's colour). */
  className?: string;
}

/** Options from a vocabulary: each value's label and, where given, its count (0 when absent). */
export function chipOptions<T extends string>(
  values: readonly T[],
  labelOf: (value: T) => string,
  counts?: Readonly<Record<string, number>>,
): ChipOption<T>[] {
  return values.map((value) => ({
    value,
    label: labelOf(value),
    count: counts ? (counts[value] ?? 0) : undefined,
  }));
}

/** Entity kinds as chips in their kind's colour, each with its count where there is one. */
export function entityKindChips(
  kinds: readonly { kind: EntityKind; count?: number }[],
): ChipOption<EntityKind>[] {
  return kinds.map(({ kind, count }) => ({
    value: kind,
    label: ENTITY_KIND_LABEL[kind],
    count,
    className: `kind--${kind}`,
  }));
}

/**
 * A row of tickable chips, each a checkbox named `name` (a plain form sends the ticked values).
 * With `onToggle` the boxes follow `checked` and report each tick; without, they start from
 * `checked` and the form around them decides what a tick does.
 */
export function CheckChips<T extends string>({
  legend,
  name,
  options,
  checked,
  onToggle,
}: {
  legend: string;
  name: string;
  options: readonly ChipOption<T>[];
  checked: readonly T[];
  onToggle?: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="chip-row">
        {options.map(({ value, label, count, className }) => (
          <label key={value} className={className ? `check ${className}` : 'check'}>
            <input
              type="checkbox"
              name={name}
              value={value}
              {...(onToggle
                ? { checked: checked.includes(value), onChange: () => onToggle(value) }
                : { defaultChecked: checked.includes(value) })}
            />{' '}
            {label}
            {count === undefined ? null : (
              <>
                {' '}
                <span className="chip-count">{formatCount(count)}</span>
              </>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
