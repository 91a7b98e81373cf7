// What every slice builds on: values, vocabulary and the helpers of rules and commands.
export * from "./command.js";
export * from "./rules.js";
export * from "./values.js";
export * from "./vocabulary.js";
export * from "./published.js";
export * from "./words.js";
