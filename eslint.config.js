import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "examples/data/", "scratch/", "docs/api/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // Small functions, each doing one thing: a longer one is a sign two concerns share a body.
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 160, ignoreUrls: true }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: "The core is pure: no node:* imports under src/." }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read time from the context." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read time from the context." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Take ids and randomness from the context." },
      ],
    },
  },
  {
    files: ["src/kernel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The core is pure: no node:* imports under src/." },
            { group: ["../lab/*", "../lab", "../projections/*", "../testing/*"], message: "kernel/ knows nothing of the domain." },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
