// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'e2e/screenshots/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration in src/server/config.ts only.',
        },
      ],
    },
  },
  {
    // Configuration, tests and tooling may read the environment.
    files: ['src/server/config.ts', '**/*.test.ts', 'src/server/test/**', 'e2e/**', 'scripts/**', 'bench/**', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
