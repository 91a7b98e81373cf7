import js from "@eslint/js";
import tseslint from "typescript-eslint";

const PURE = { group: ["node:*"], message: "The core is pure: no node:* imports under src/." };

// One no-restricted-imports entry per folder: what it may not import at all, and what it may import
// only through an index (a regular expression on the import path).
const layering = (rules) =>
  Object.entries(rules).map(([files, { forbid, message, throughIndex = [] }]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PURE,
            ...(forbid.length > 0 ? [{ group: forbid.flatMap((f) => [f, `${f}/*`]), message }] : []),
            ...throughIndex.map((regex) => ({ regex, message: "Import a layer or a slice through its index.js, not its files." })),
          ],
        },
      ],
    },
  }));

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "node_modules/", "examples/data/", "scratch/", "docs/api/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // A named type for a long one (interface LabDecider extends Decider<…> {}) is what makes hovers readable.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      // Small functions, each doing one thing: a longer one is a sign two concerns share a body.
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 160, ignoreUrls: true }],
      "no-restricted-imports": ["error", { patterns: [PURE] }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read time from the context." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read time from the context." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Take ids and randomness from the context." },
        {
          // These parts of a project's state are PersistentMaps: set/delete return the new map and
          // change nothing, so a call whose result is dropped is a lost write.
          selector:
            "ExpressionStatement > CallExpression[callee.property.name=/^(set|delete)$/][callee.object.property.name=/^(sessions|facts|budgets|costs|procurements)$/]",
          message: "A PersistentMap is not changed in place: assign what set/delete return (s.sessions = s.sessions.set(id, session)).",
        },
      ],
    },
  },
  // Layering, as data: which folder may import what. A layer is used through its index; a slice of
  // the lab through its index; never another slice's or layer's files. Imports flow one way:
  // publish → projections → lab → kernel (testing may use every layer, through their indexes).
  ...layering({
    "src/kernel/**/*.ts": { forbid: ["../lab", "../projections", "../publish", "../testing"], message: "kernel/ knows nothing of the domain." },
    "src/lab/*/*.ts": {
      forbid: ["../../projections", "../../publish", "../../testing"],
      message: "the lab knows nothing of the layers above it.",
      throughIndex: ["^\\.\\./(?!\\.)[^/]+/(?!index\\.js$)[^/]+$", "^\\.\\./\\.\\./kernel/(?!index\\.js$)"],
    },
    "src/lab/*.ts": {
      forbid: ["../projections", "../publish", "../testing"],
      message: "the lab knows nothing of the layers above it.",
      throughIndex: ["^\\./[^/]+/(?!index\\.js$)[^/]+$", "^\\.\\./kernel/(?!index\\.js$)"],
    },
    "src/projections/**/*.ts": {
      forbid: ["../publish", "../testing"],
      message: "projections/ knows nothing of publishing or the testing kit.",
      throughIndex: ["^\\.\\./(kernel|lab)/(?!index\\.js$)"],
    },
    "src/publish/**/*.ts": {
      forbid: ["../testing"],
      message: "publish/ knows nothing of the testing kit.",
      throughIndex: ["^\\.\\./(kernel|lab|projections)/(?!index\\.js$)"],
    },
    "src/testing/**/*.ts": { forbid: [], message: "", throughIndex: ["^\\.\\./(kernel|lab|projections|publish)/(?!index\\.js$)"] },
  }),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
