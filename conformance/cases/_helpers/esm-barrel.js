// Re-exports: everything of esm-shapes.js, renamed ones, a namespace, and a CommonJS module.
export * from "./esm-shapes.js";
export { default as Shape, bump as makeOne, created as renamedCount } from "./esm-shapes.js";
export * as shapes from "./esm-shapes.js";
export { default as mathUtils, round } from "./math-utils.js";
export const own = "barrel";
