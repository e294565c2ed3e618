export {
  type AnalyzeOptions,
  analyzeFile,
  applyEdits,
  type Edit,
  type FileAnalysis,
  type Finding,
  type FixResult,
  fixSource,
} from "./analyze.js";
export { type OptionRule, type PackageRule, type RenameData, renameData } from "./data.js";
