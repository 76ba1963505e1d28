import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // teal.9 keeps links, active items and filled buttons at ≥ 4.5:1 contrast on white.
  primaryShade: { light: 9, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  focusRing: 'auto',
  // Region names are long ("Kabupaten Penajam Paser Utara"): a smaller h1 wraps less on phones.
  headings: { sizes: { h1: { fontSize: 'calc(1.875rem * var(--mantine-scale))', lineHeight: '1.25' } } },
});

/** Mantine's default dimmed text (gray.6) is 3.3:1 on white; gray.7 reaches 8:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
