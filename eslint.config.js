// The project's own lint: typescript-eslint's recommended rules on the engine, the rules,
// the tests and the scripts; Prettier owns formatting (npm run lint checks both).
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["dist/**", "node_modules/**", "bench/results/**", "tmp/**", "demo-output/**", "corpus/**", "examples/**/node_modules/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // An `any` that escapes needs a disable comment that says why.
      "@typescript-eslint/no-explicit-any": "error",
      "@eslint-community/eslint-comments/require-description": ["error", { ignore: [] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      // Code that reads hostile pages gives a variable its fallback before a try whose catch sets it again,
      // so it holds a defined value on every path a throwing getter can take.
      "no-useless-assignment": "off",
    },
  },
  {
    // Functions that run inside the page: spreading and rest parameters go through Array.prototype[Symbol.iterator],
    // which the page can redefine, so they read `arguments` by index instead.
    files: [
      "lint/extract/in-page/**/*.ts",
      "lint/browser/settle.ts",
      "lint/browser/settle-tracker.ts",
      "lint/browser/page-guards.ts",
      "lint/heuristics/**/*.ts",
    ],
    rules: { "prefer-rest-params": "off", "prefer-spread": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
