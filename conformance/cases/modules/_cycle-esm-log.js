// The evaluation order of the circular-import case's modules.
export const log = [];
