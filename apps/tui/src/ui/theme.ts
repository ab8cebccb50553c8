import { createContext, useContext } from 'react';
import type { ReaderStyle } from '../state/reader.js';

/**
 * Styles as Ink Text props. Without colour (NO_COLOR) every distinction is still visible through
 * bold, underline, inverse and dim, which chalk keeps; chalk itself ignores NO_COLOR.
 */
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  inverse?: boolean;
  italic?: boolean;
}

export interface Theme {
  colour: boolean;
  reader: Record<ReaderStyle, TextStyle>;
  selected: TextStyle;
  accent: TextStyle;
  muted: TextStyle;
  error: TextStyle;
  activeTab: TextStyle;
  key: TextStyle;
  marker: TextStyle;
  /** The words a search matched. */
  match: TextStyle;
}

export function createTheme(colour: boolean): Theme {
  const c = (style: TextStyle, colourOnly: TextStyle): TextStyle =>
    colour ? { ...style, ...colourOnly } : style;
  return {
    colour,
    reader: {
      plain: {},
      heading: { bold: true },
      aside: { dimColor: true },
      mention: c({ underline: true }, { color: 'cyan' }),
      quote: c({ italic: true }, { color: 'yellow' }),
      quoteMention: c({ italic: true, underline: true }, { color: 'yellowBright' }),
      focus: c({ inverse: true }, {}),
    },
    selected: { inverse: true },
    accent: c({ bold: true }, { color: 'cyan' }),
    muted: { dimColor: true },
    error: c({ bold: true }, { color: 'red' }),
    activeTab: { inverse: true, bold: true },
    key: c({ bold: true }, { color: 'cyan' }),
    marker: c({ bold: true }, { color: 'magenta' }),
    match: c({ bold: true, underline: true }, { color: 'yellow' }),
  };
}

export const ThemeContext = createContext<Theme>(createTheme(true));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
