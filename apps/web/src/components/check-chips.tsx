import { formatCount } from '~/lib/labels';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
  /** Records the option gives, where counting them is cheap; absent: no count shown. */
  count?: number;
  /** Extra classes for the chip (an entity kind's colour). */
  className?: string;
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
