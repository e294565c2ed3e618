export {
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  type Change,
  type ChangeKind,
  existingDirectory,
  formatChanges,
  planChanges,
} from "./apply.js";
export {
  causeOf,
  fsError,
  fsErrorLine,
  isFsError,
  readRegular,
  readRegularText,
} from "./fsx.js";
export {
  appendMissingLines,
  checkPlan,
  diffInserts,
  diffLines,
  type FilePlan,
  type LineInsert,
  type LineMerge,
  type MergeRule,
  mergeBytes,
  mergeLines,
  NixhomeError,
  type PlannedFile,
  TXN_DIR,
} from "./plan.js";
export { recoverTarget, TEST_POINTS } from "./txn.js";
