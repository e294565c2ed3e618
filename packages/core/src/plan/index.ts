export {
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  type Change,
  type ChangeKind,
  formatChanges,
  planChanges,
} from "./apply.js";
export {
  checkPlan,
  diffLines,
  type FilePlan,
  type MergeRule,
  mergeLines,
  NixhomeError,
  type PlannedFile,
} from "./plan.js";
