import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme, a deep red primary, and a font with every Vietnamese glyph. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#b71c1c' }, secondary: { main: '#8d1b1b' } },
  typography: { fontFamily: '"Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
};
